import unicodedata as u

for ch in 'aA1½\u0300\u4e00\uac01é\U0001F600٣\u2028 \x00\uFFFD\u0378()\u00c5\u212b\U00020000\U0002F800\u2153𝟘':
    print(ascii(ch), u.name(ch, None), u.category(ch), u.bidirectional(ch), u.combining(ch),
          u.east_asian_width(ch), u.mirrored(ch), u.decimal(ch, None), u.digit(ch, None),
          u.numeric(ch, None), repr(u.decomposition(ch)))

for name in ['SNOWMAN', 'snowman', 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'HANGUL SYLLABLE GAG',
             'hangul syllable gag', 'line feed', 'BYTE ORDER MARK', 'CJK UNIFIED IDEOGRAPH-4E00',
             'cjk unified ideograph-4E00', 'CJK UNIFIED IDEOGRAPH-4e00', 'CJK UNIFIED IDEOGRAPH-A000',
             'CJK COMPATIBILITY IDEOGRAPH-F900', 'NUSHU CHARACTER-1B170', 'nope', b'LINE FEED',
             'TAMIL SYLLABLE KSSA', 'x' * 256, 'x' * 257]:
    try:
        print(ascii(u.lookup(name)))
    except KeyError as e:
        print('KeyError', e)

for ch, fn in [('\u0378', u.name), ('a', u.decimal), ('a', u.digit), ('a', u.numeric), ('²', u.decimal)]:
    try:
        print(fn(ch))
    except ValueError as e:
        print('ValueError', e)
print(u.digit('²'), u.numeric('²'), u.name('\u0378', 'dflt'), u.decimal('x', -1))

for f in ['category', 'name', 'decimal', 'bidirectional', 'combining', 'east_asian_width',
          'mirrored', 'decomposition', 'digit', 'numeric']:
    for a in [1, 'ab', '', b'a']:
        try:
            getattr(u, f)(a)
        except TypeError as e:
            print(f, 'TypeError', e)
for f, args in [('name', ()), ('name', ('a', 'b', 'c')), ('category', ()), ('category', ('a', 'b')),
                ('lookup', ()), ('lookup', (1,)), ('normalize', ('NFC',)), ('normalize', (1, 'a')),
                ('normalize', ('NFC', 1)), ('is_normalized', ('NFC', 1)), ('decimal', ('a', 1, 2)),
                ('normalize', ('NFX', 'a')), ('is_normalized', ('nfc', 'a'))]:
    try:
        getattr(u, f)(*args)
    except (TypeError, ValueError) as e:
        print(f, type(e).__name__, e)
try:
    u.category(c='a')
except TypeError as e:
    print('TypeError', e)

s = 'Åéﬁ①\u1e9b\u0323 한국어 \U0001d400'
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    n = u.normalize(form, s)
    print(form, ascii(n), len(n), u.is_normalized(form, s), u.is_normalized(form, n))
print(u.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD.__name__)
print(sorted(n for n in dir(u) if not n.startswith('_')))
try:
    u.UCD()
except TypeError as e:
    print('TypeError', e)
print(u.ucd_3_2_0.unidata_version)
