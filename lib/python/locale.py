"""Locale support: the C library's locale state (setlocale, localeconv, strcoll, ... from the
native _locale), locale names (normalize, getlocale, getdefaultlocale), and numbers formatted
and read by the locale's conventions (format_string, currency, str, atof, atoi, localize,
delocalize).

Written for pyjit from the Python documentation. pyjit supports the C and C.UTF-8 locales
(see lib/modules/_locale.ts); the name tables normalize() reads are generated from CPython's
(lib/python/_locale_tables.py).
"""

import sys
import _collections_abc
from _locale import *
from _locale import setlocale as _setlocale, localeconv as _localeconv
from _locale import getencoding
from _locale_tables import locale_alias, locale_encoding_alias, windows_locale
from _locale_tables import encoding_aliases as _encoding_aliases

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding", "LC_MESSAGES"]

_builtin_str = str


def _warn(message, category, stacklevel):
    try:
        import warnings
    except ImportError:
        return
    warnings.warn(message, category, stacklevel=stacklevel + 1)


# Entries here replace what localeconv() reports (tests set them to try other conventions).
_override_localeconv = {}


def localeconv():
    """The numeric and monetary conventions of the current locale, as a dict."""
    conventions = _localeconv()
    if _override_localeconv:
        conventions.update(_override_localeconv)
    return conventions


# ---------------------------------------------------------------------------------------------
# Numbers by the locale's conventions

def _grouping_intervals(grouping):
    """The digit group sizes from the right: grouping's sizes, the last repeated after a 0."""
    previous = None
    for size in grouping:
        if size == CHAR_MAX:
            return
        if size == 0:
            if previous is None:
                raise ValueError("invalid grouping")
            while True:
                yield previous
        yield size
        previous = size


def _group(s, monetary=False):
    """s with its digits grouped: (the text, the number of separator characters added)."""
    conv = localeconv()
    separator = conv['mon_thousands_sep' if monetary else 'thousands_sep']
    grouping = conv['mon_grouping' if monetary else 'grouping']
    if not grouping:
        return (s, 0)
    stripped = s.rstrip(' ') if s[-1:] == ' ' else s
    right_spaces = s[len(stripped):]
    s = stripped
    left = ''
    groups = []
    for size in _grouping_intervals(grouping):
        if not s or s[-1] not in "0123456789":
            # Only the sign or padding is left.
            left = s
            s = ''
            break
        groups.append(s[-size:])
        s = s[:-size]
    if s:
        groups.append(s)
    groups.reverse()
    return (left + separator.join(groups) + right_spaces,
            len(separator) * (len(groups) - 1))


def _strip_padding(s, amount):
    """Remove up to amount spaces of padding, first on the left, then on the right."""
    start = 0
    while amount and s[start] == ' ':
        start += 1
        amount -= 1
    end = len(s) - 1
    while amount and s[end] == ' ':
        end -= 1
        amount -= 1
    return s[start:end + 1]


def _localize(formatted, grouping=False, monetary=False):
    """A number formatted in C conventions → the locale's decimal point and grouping."""
    added = 0
    if '.' in formatted:
        parts = formatted.split('.')
        if grouping:
            parts[0], added = _group(parts[0], monetary=monetary)
        point = localeconv()['mon_decimal_point' if monetary else 'decimal_point']
        formatted = point.join(parts)
    elif grouping:
        formatted, added = _group(formatted, monetary=monetary)
    if added:
        formatted = _strip_padding(formatted, added)
    return formatted


def _format(percent, value, grouping=False, monetary=False, *additional):
    if additional:
        formatted = percent % ((value,) + additional)
    else:
        formatted = percent % value
    if percent[-1] in 'eEfFgGdiu':
        formatted = _localize(formatted, grouping, monetary)
    return formatted


_MODIFIERS = frozenset('-#0123456789 +*.hlL')
_CONVERSIONS = frozenset('eEfFgGdiouxXcrs%')


def _percent_specs(f, start=0, anchored=False):
    """The %-specifiers of f, as (start, end, modifiers); with anchored, only one at start."""
    n = len(f)
    i = f.find('%', start)
    while i >= 0:
        if anchored and i != start:
            return
        k = i + 1
        if k < n and f[k] == '(':
            close = f.find(')', k + 1)
            newline = f.find('\n', k + 1)
            if close >= 0 and (newline < 0 or newline > close):
                k = close + 1
        m = k
        while m < n and f[m] in _MODIFIERS:
            m += 1
        if m < n and f[m] in _CONVERSIONS:
            yield i, m + 1, f[k:m]
            if anchored:
                return
            i = f.find('%', m + 1)
        else:
            if anchored:
                return
            i = f.find('%', i + 1)


def format_string(f, val, grouping=False, monetary=False):
    """Format val with the %-format f, using the locale's conventions for numbers."""
    specs = list(_percent_specs(f))
    pieces = []
    pos = 0
    for start, end, _ in specs:
        pieces.append(f[pos:start])
        pieces.append('%s')
        pos = end
    pieces.append(f[pos:])
    new_f = ''.join(pieces)
    values = []
    if isinstance(val, _collections_abc.Mapping):
        for start, end, _ in specs:
            spec = f[start:end]
            values.append('%' if spec[-1] == '%' else _format(spec, val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        i = 0
        for start, end, modifiers in specs:
            spec = f[start:end]
            if spec[-1] == '%':
                values.append('%')
                continue
            stars = modifiers.count('*')
            values.append(_format(spec, val[i], grouping, monetary, *val[i + 1:i + 1 + stars]))
            i += 1 + stars
    return new_f % tuple(values)


def format(percent, value, grouping=False, monetary=False, *additional):
    """Deprecated: format one %-specifier; use format_string()."""
    _warn("This method will be removed in a future version of Python. "
          "Use 'locale.format_string()' instead.", DeprecationWarning, 2)
    specs = list(_percent_specs(percent, 0, True))
    if not specs or specs[0][1] != len(percent):
        raise ValueError(("format() must be given exactly one %%char "
                          "format specifier, %s not valid") % repr(percent))
    return _format(percent, value, grouping, monetary, *additional)


def currency(val, symbol=True, grouping=False, international=False):
    """Format val as money, by the locale's monetary conventions."""
    conv = localeconv()
    digits = conv['int_frac_digits' if international else 'frac_digits']
    if digits == 127:
        raise ValueError("Currency formatting is not possible using "
                         "the 'C' locale.")
    negative = val < 0
    s = '<' + _localize(f'{abs(val):.{digits}f}', grouping, monetary=True) + '>'
    if symbol:
        sym = conv['int_curr_symbol' if international else 'currency_symbol']
        precedes = conv['n_cs_precedes' if negative else 'p_cs_precedes']
        separated = conv['n_sep_by_space' if negative else 'p_sep_by_space']
        space = ' ' if separated else ''
        if precedes:
            s = sym + space + s
        else:
            if international and sym[-1] == ' ':
                sym = sym[:-1]
            s = s + space + sym
    position = conv['n_sign_posn' if negative else 'p_sign_posn']
    sign = conv['negative_sign' if negative else 'positive_sign']
    # '<' and '>' mark where the number starts and ends, for the sign positions 3 and 4.
    if position == 0:
        s = '(' + s + ')'
    elif position == 1:
        s = sign + s
    elif position == 2:
        s = s + sign
    elif position == 3:
        s = s.replace('<', sign)
    elif position == 4:
        s = s.replace('>', sign)
    else:
        s = sign + s
    return s.replace('<', '').replace('>', '')


def str(val):
    """A float as str() would write it, by the locale's conventions."""
    return _format("%.12g", val)


def delocalize(string):
    """A number written by the locale's conventions → the same in C conventions."""
    conv = localeconv()
    separator = conv['thousands_sep']
    if separator:
        string = string.replace(separator, '')
    point = conv['decimal_point']
    if point:
        string = string.replace(point, '.')
    return string


def localize(string, grouping=False, monetary=False):
    """A number written in C conventions → the same by the locale's conventions."""
    return _localize(string, grouping, monetary)


def atof(string, func=float):
    """A string → float, by the locale's conventions."""
    return func(delocalize(string))


def atoi(string):
    """A string → int, by the locale's conventions."""
    return int(delocalize(string))


def _test():
    setlocale(LC_ALL, "")
    s1 = format_string("%d", 123456789, 1)
    print(s1, "is", atoi(s1))
    s1 = str(3.14)
    print(s1, "is", atof(s1))


# ---------------------------------------------------------------------------------------------
# Locale names

def _normalize_encoding_name(encoding):
    """An encoding name with each run of punctuation and spaces made one '_' (dots kept)."""
    out = []
    pending = False
    for ch in encoding:
        if ch.isalnum() or ch == '.':
            if pending and out:
                out.append('_')
            if ch.isascii():
                out.append(ch)
            pending = False
        else:
            pending = True
    return ''.join(out)


def _replace_encoding(code, encoding):
    """The locale code with its encoding replaced by the C library's name for encoding."""
    language = code.split('.', 1)[0]
    name = _normalize_encoding_name(encoding)
    name = _encoding_aliases.get(name.lower(), name)
    encoding = name
    key = name.lower()
    if key in locale_encoding_alias:
        encoding = locale_encoding_alias[key]
    else:
        key = key.replace('_', '').replace('-', '')
        if key in locale_encoding_alias:
            encoding = locale_encoding_alias[key]
    return language + '.' + encoding


def _append_modifier(code, modifier):
    if modifier == 'euro':
        if '.' not in code:
            return code + '.ISO8859-15'
        encoding = code.partition('.')[2]
        if encoding in ('ISO8859-15', 'UTF-8'):
            return code
        if encoding == 'ISO8859-1':
            return _replace_encoding(code, 'ISO8859-15')
    return code + '@' + modifier


def normalize(localename):
    """A locale name → the name the C library knows it by (through locale_alias)."""
    code = localename.lower()
    if ':' in code:
        # Some systems write the encoding after a ':'.
        code = code.replace(':', '.')
    code, _, modifier = code.partition('@')
    if '.' in code:
        language, encoding = code.split('.')[:2]
    else:
        language, encoding = code, ''
    with_encoding = language
    if encoding:
        with_encoding += '.' + encoding.replace('-', '').replace('_', '')
    # Look up, from the most specific: name, encoding and modifier; without the modifier;
    # without the encoding; the name alone.
    found = locale_alias.get(with_encoding + '@' + modifier if modifier else with_encoding)
    if found is not None:
        return found
    if modifier:
        found = locale_alias.get(with_encoding)
        if found is not None:
            if '@' not in found:
                return _append_modifier(found, modifier)
            if found.split('@', 1)[1].lower() == modifier:
                return found
    if encoding:
        found = locale_alias.get(language + '@' + modifier if modifier else language)
        if found is not None:
            if '@' not in found:
                return _replace_encoding(found, encoding)
            found, own_modifier = found.split('@', 1)
            return _replace_encoding(found, encoding) + '@' + own_modifier
        if modifier:
            found = locale_alias.get(language)
            if found is not None:
                if '@' not in found:
                    return _append_modifier(_replace_encoding(found, encoding), modifier)
                found, own_modifier = found.split('@', 1)
                if own_modifier.lower() == modifier:
                    return _replace_encoding(found, encoding) + '@' + own_modifier
    return localename


def _parse_localename(localename):
    """A locale name → (language code, encoding), through normalize()."""
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    if code == 'C':
        return None, None
    if code == 'UTF-8':
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def _build_localename(localetuple):
    """(language code, encoding) → a locale name."""
    try:
        language, encoding = localetuple
        if language is None:
            language = 'C'
        if encoding is None:
            return language
        return language + '.' + encoding
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of '
                        'two strings -- language code, encoding.') from None


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    """Deprecated: (language code, encoding) of the user's locale, from the environment."""
    _warn("'locale.getdefaultlocale' is deprecated and slated for removal in Python 3.15. "
          "Use setlocale(), getencoding() and getlocale() instead.",
          DeprecationWarning, 2)
    import os
    localename = None
    for variable in envvars:
        value = os.environ.get(variable)
        if value:
            if variable == 'LANGUAGE':
                value = value.split(':')[0]
            localename = value
            break
    return _parse_localename(localename or 'C')


def getlocale(category=LC_CTYPE):
    """(language code, encoding) of the current locale of category."""
    localename = _setlocale(category)
    if category == LC_ALL and ';' in localename:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(localename)


def setlocale(category, locale=None):
    """Set (or, with locale None, query) the locale of category."""
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    return _setlocale(category, locale)


def resetlocale(category=LC_ALL):
    """Deprecated: set category to the user's default locale."""
    _warn("'locale.resetlocale' is deprecated and slated for removal in Python 3.13. "
          'Use locale.setlocale(locale.LC_ALL, "") instead.',
          DeprecationWarning, 2)
    _setlocale(category, _build_localename(getdefaultlocale()))


def getpreferredencoding(do_setlocale=True):
    """The encoding text files use by default: the user's locale's."""
    if sys.flags.utf8_mode:
        return 'utf-8'
    if not do_setlocale:
        return getencoding()
    previous = _setlocale(LC_CTYPE)
    try:
        try:
            _setlocale(LC_CTYPE, "")
        except Error:
            pass
        return getencoding()
    finally:
        _setlocale(LC_CTYPE, previous)
