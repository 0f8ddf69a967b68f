import locale as l
import _locale

print(l.setlocale(l.LC_ALL), l.setlocale(l.LC_CTYPE), l.setlocale(l.LC_NUMERIC))
print(l.getlocale(), l.getlocale(l.LC_NUMERIC), l.getpreferredencoding(), l.getpreferredencoding(False), l.getencoding())
print(l.localeconv())
print(l.setlocale(l.LC_ALL, 'C'), l.getlocale(), l.getencoding(), l.getpreferredencoding(False), l.getpreferredencoding())
for name in ['C', 'POSIX', 'C.UTF-8', 'C.utf8', 'c', 'en_US.UTF-8', 'C.UTF8', 'posix', ('en_US', 'UTF-8'),
             ('C', None), None, 'C.ascii', 'de_DE@euro']:
    try:
        print(repr(name), repr(l.setlocale(l.LC_ALL, name)), repr(l.setlocale(l.LC_CTYPE)))
    except l.Error as e:
        print(repr(name), type(e).__name__, e)
# The user's locale (from the environment) is one of the C locales, or C.UTF-8.
print(l.setlocale(l.LC_ALL, '') in ('C', 'C.UTF-8', 'C.utf8', 'C.UTF8'))
l.setlocale(l.LC_ALL, 'C')
print(l.setlocale(l.LC_NUMERIC, 'C.UTF-8'), repr(l.setlocale(l.LC_ALL)))
try:
    l.getlocale(l.LC_ALL)
except TypeError as e:
    print('TypeError', e)
print(l.getlocale(l.LC_NUMERIC), l.getlocale(l.LC_TIME))
for c in [-1, 7, 12, 13, 100, 'x', 1.0]:
    try:
        print(c, l.setlocale(c))
    except (l.Error, TypeError) as e:
        print(c, type(e).__name__, e)
    try:
        print(c, l.setlocale(c, 'C'))
    except (l.Error, TypeError) as e:
        print(c, type(e).__name__, e)
for bad in [1, ('a', 'b', 'c'), 5.0]:
    try:
        l.setlocale(l.LC_ALL, bad)
    except (l.Error, TypeError) as e:
        print(type(e).__name__, e)
try:
    _locale.setlocale(l.LC_ALL, 1)
except TypeError as e:
    print('TypeError', e)
print(l.Error.__mro__, l.Error.__module__, issubclass(l.Error, Exception), _locale.Error is l.Error)
print(l.LC_ALL, l.LC_CTYPE, l.LC_COLLATE, l.LC_TIME, l.LC_MONETARY, l.LC_NUMERIC, l.LC_MESSAGES, l.CHAR_MAX)
print(sorted(l.__all__))

print(l.strcoll('a', 'b'), l.strcoll('b', 'a'), l.strcoll('a', 'a'), l.strcoll('a', 'c'), l.strcoll('é', 'a'),
      l.strcoll('ab', 'a'), l.strcoll('', 'a'), l.strcoll('\U0001F600', '\uffff'), l.strxfrm('abc'))
for args in [(1, 2), ('a', 2), ('a',)]:
    try:
        l.strcoll(*args)
    except TypeError as e:
        print('TypeError', e)
for bad in [1, 'a\x00b']:
    try:
        l.strxfrm(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted(['b', 'A', 'a', 'B', 'é'], key=l.strxfrm), sorted(['b', 'A', 'a'], key=__import__('functools').cmp_to_key(l.strcoll)))
for k in ['CODESET', 'D_T_FMT', 'D_FMT', 'T_FMT', 'T_FMT_AMPM', 'AM_STR', 'PM_STR', 'RADIXCHAR', 'THOUSEP',
          'YESEXPR', 'NOEXPR', 'CRNCYSTR', 'ERA', 'ERA_D_FMT', 'ALT_DIGITS', 'ERA_D_T_FMT', 'ERA_T_FMT']:
    print(k, getattr(l, k), repr(l.nl_langinfo(getattr(l, k))))
print([l.nl_langinfo(getattr(l, 'DAY_%d' % i)) for i in range(1, 8)], [l.nl_langinfo(getattr(l, 'ABMON_%d' % i)) for i in range(1, 13)])
print([l.nl_langinfo(getattr(l, 'ABDAY_%d' % i)) for i in range(1, 8)], [l.nl_langinfo(getattr(l, 'MON_%d' % i)) for i in range(1, 13)])
try:
    l.nl_langinfo(99999)
except ValueError as e:
    print('ValueError', e)
l.setlocale(l.LC_ALL, 'C.UTF-8')
print(repr(l.nl_langinfo(l.CODESET)), l.getencoding())
print(l.textdomain(None), l.gettext('x'), l.dgettext(None, 'y'), l.dcgettext(None, 'z', l.LC_MESSAGES))

print(l.format_string('%.1f', 1.5, monetary=True), l.format_string('%d items %s %%', (5, 'x')))
print(l.format_string('%(a)s %(b).2f', {'a': 1, 'b': 2}), l.format_string('%*d|%-*.*f', (5, 42, 8, 2, 3.14159)))
print(l.format_string('%d', 1234567, grouping=True), l.format_string('%10.2f', -1234.5, True), l.format_string('%s', 'plain'))
print(l.str(3.14159265358979), l.str(1e20), l.str(2), l.atof('3.5'), l.atof('1e3', int if False else float), l.atoi('42'))
print(l.delocalize('1,234.5'), l.localize('1234.5'), l.localize('1234.5', True, True))
try:
    l.currency(1)
except ValueError as e:
    print('ValueError', e)
try:
    l.atoi('1.5')
except ValueError as e:
    print('ValueError', e)

# Other conventions, through the override tests use.
l._override_localeconv = {'thousands_sep': ',', 'grouping': [3, 0], 'decimal_point': ',',
                          'mon_thousands_sep': '.', 'mon_grouping': [3, 2, 0], 'mon_decimal_point': ',',
                          'frac_digits': 2, 'int_frac_digits': 2, 'currency_symbol': '€', 'int_curr_symbol': 'EUR ',
                          'p_cs_precedes': 0, 'n_cs_precedes': 1, 'p_sep_by_space': 1, 'n_sep_by_space': 0,
                          'p_sign_posn': 1, 'n_sign_posn': 0, 'positive_sign': '', 'negative_sign': '-'}
print(l.format_string('%d', 1234567, grouping=True), l.format_string('%.2f', 1234567.891, grouping=True))
print(repr(l.format_string('%12d', 1234567, grouping=True)), repr(l.format_string('%-12d|', -1234567, grouping=True)))
print(l.currency(1234567.891), l.currency(-1234567.891), l.currency(12.5, grouping=True, international=True),
      l.currency(-3, symbol=False))
print(l.atof('1,234,5'), l.atoi('1,234'), l.delocalize('1,234,5'), l.str(1234.5), l.localize('1234567.5', True))
for p in [0, 2, 3, 4, 5]:
    l._override_localeconv['n_sign_posn'] = p
    print(p, l.currency(-7.25))
l._override_localeconv = {'grouping': [0]}
try:
    l.format_string('%d', 1234, grouping=True)
except ValueError as e:
    print('ValueError', e)
l._override_localeconv = {}

for n in ['C', 'c.utf8', 'en_US', 'en_us.utf8', 'de_DE@euro', 'de_DE.ISO8859-1@euro', 'fr_FR.latin1', 'ja_JP.eucjp',
          'xx_YY', 'en_US.UTF8@foo', 'sr_RS@latin', 'POSIX', 'en_GB:utf-8', 'nl_BE.utf8@euro', 'de', 'C.UTF-8', '',
          'ru_RU.KOI8-R', 'zh_CN.gb2312', 'en_US.iso-8859-1', 'de_AT.utf-8@euro', 'ca_ES@valencia', 'sr_RS.utf8@latin',
          'english', 'pt_BR.cp1252', 'en_US.ISO_8859-15']:
    print(repr(n), repr(l.normalize(n)))
print(len(l.locale_alias), len(l.locale_encoding_alias), len(l.windows_locale), l.windows_locale[0x0409])
for name in ['en_US.UTF-8', 'C', 'de_DE@euro', 'UTF-8', 'xx']:
    try:
        print(name, l._parse_localename(name))
    except ValueError as e:
        print('ValueError', e)
print(l._build_localename(('en_US', 'UTF-8')), l._build_localename((None, None)), l._build_localename(('de', None)))
try:
    l.format('%s %s', 1)
except ValueError as e:
    print('ValueError', e)
print(l.bindtextdomain('messages', None), l.bindtextdomain('x', None), l.bindtextdomain('x', '/tmp/loc'), l.bindtextdomain('x', None))
print(l.bind_textdomain_codeset('x', None), l.bind_textdomain_codeset('x', 'UTF-8'), l.bind_textdomain_codeset('x', None),
      l.bind_textdomain_codeset('y', None), repr(l.bindtextdomain('rel', 'relative/dir')))
for args in [(1, None), ('x', 1)]:
    for fn in (l.bindtextdomain, l.bind_textdomain_codeset):
        try:
            fn(*args)
        except TypeError as e:
            print('TypeError', e)
for d in [None, '/x']:
    try:
        l.bindtextdomain('', d)
    except l.Error as e:
        print('Error', e)
print(l.textdomain('mine'), l.textdomain(None), l.gettext('hello'))
