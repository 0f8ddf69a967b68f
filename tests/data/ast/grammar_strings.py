# Strings: prefixes, escapes, implicit concatenation, f-strings (3.11 syntax).
'single'
"double"
'''triple
single'''
"""triple
double"""
'it\'s'
"say \"hi\""
'\n\t\r\\\a\b\f\v\0\x41\101\u00e9\U0001F600\N{BULLET}'
r'raw \n \d'
R"raw"
u'unicode'
U"unicode"
b'bytes \x00\xff\n'
B"BYTES"
rb'\d'
Br'\d'
'a' 'b' "c"
u'a' 'b'
'a' u'b'
b'a' b'b'
('multi'
 'line'
 'concat')
''
""
'é ü 漢字 😀'
'\ud7ff'
'\x7f\x80\x9f\xa0\xad'
'\u200b\u2028\ufeff'
'quote \' and " both'
"only ' single"
'only " double'
'back\\slash'
f'plain'
f'{x}'
f'{x!r}'
f'{x!s}'
f'{x!a}'
f'{x:>10}'
f'{x:{width}.{precision}f}'
f'{x!r:^20}'
f'{x=}'
f'{x = }'
f'{x=!s}'
f'{x=:>10}'
f'{x=!r:>10}'
f'{ x }'
f'{x}{y}'
f'a{x}b{y}c'
f'{{literal}} {x}'
f'{{}}'
f'{"nested"}'
f'{a["key"]}'
f'{f"{x}"}'
f'{x:{y}>{z}}'
f'{(lambda: 1)()}'
f'{x, y}'
f'{*a,}'
f'{yield_}'
f'{3.14:.2f}'
f'{x:%Y-%m-%d}'
f'{x:}'
f'{x!r:}'
'a' f'b' 'c'
f'a' 'b' f'{c}' 'd'
'' f'' ''
f'' f''
u'x' f'{y}'
F'upper'
rf'raw {x} \d'
fR'{x}\n'
f'''triple
{x}
line'''
f'\n{x}\t'
f'{x}' '{y}'
