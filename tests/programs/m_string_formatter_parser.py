import _string
for s in ['a{0!r:>{1}}b{{c}}d', '', 'x', '{}', '{:}', '{!r}', '}}', '{{', 'a{b.c[d]}e', '{0:{1}{2}}', '{a[}', 'x{','{a[}]}', '{a[:]}','{a[:}', '{a[}x', '{a[x]!r:{b}}', '{a!}', '{a!rr}', '{a!r', '{a:{b:{c}}}', '{:{{}}}','{a{b}', '{!}', '{0!x}', '{ab', '{a:b','{a}}}', '}a', 'a}', '{a[]}', '{a]}', '{a}b{c', '{{}}','{a!', '{a!:}', '{a!r:', '{a!r}', '{a!!}', '{a!r:x{}', '{', 'ab{', '{a:{b}', 'é{ü}😀{0}']:
  try: print(repr(s), list(_string.formatter_parser(s)))
  except Exception as e: print(repr(s), type(e).__name__, e)
  try: print('   fmt', repr(s.format(4, 5, 6, a={'}':1, ':':2, 'x': 3}, b='',c='', ü=7)))
  except Exception as e: print('   fmt', type(e).__name__, e)
for s in ['a.b[c].d', '0[1]', '', '0', 'a[', 'a.', '[x]', 'a]', '12.x','a..b', 'a[0]x', 'a.b[c', '0x.y', '-1[2]', '1_0', '٣', '99999999999999999999999', 'a[99999999999999999999999]']:
  try:
    f, r = _string.formatter_field_name_split(s); print(repr(s), repr(f), end=' '); print(list(r))
  except Exception as e: print(repr(s), type(e).__name__, e)
it = _string.formatter_field_name_split('a[0]x.y')[1]
print(next(it))
try: print(next(it))
except Exception as e: print(type(e).__name__, e)
it = _string.formatter_parser('ab{0}cd{')
print(next(it))
try: next(it)
except Exception as e: print(type(e).__name__, e)
print(type(it), type(_string.formatter_field_name_split('a.b')[1]))
for bad in [1, None]:
  for f in [_string.formatter_parser, _string.formatter_field_name_split]:
    try: f(bad)
    except Exception as e: print(type(e).__name__, e)
try: _string.formatter_parser()
except Exception as e: print(type(e).__name__, e)
try: _string.formatter_parser('a','b')
except Exception as e: print(type(e).__name__, e)
try: _string.formatter_parser(s='a')
except Exception as e: print(type(e).__name__, e)
print('{٣}'.format(*range(5)), '{0[٣]}'.format(list(range(5))))
print('{:{}}|{:{}{}}'.format(5, 3, 'x', '>', 4))
try: print('{0:{}}'.format(5, 3))
except Exception as e: print(type(e).__name__, e)
for c in ['\x01', ' ', '~', '\x7f', 'é', '😀', 'x']:
    print(ascii(list(_string.formatter_parser('{!' + c + '}'))))
    try:
        ('{!' + c + '}').format(1)
    except ValueError as e:
        print(ascii(str(e)))
print('{0!r:>{1}}|{2[0]!s}|{k.real!a:^7}'.format('a', 5, ['é'], k=1.5))
print('{:{}.{}}'.format(3.14159, 8, 3), '{0:{w}d}'.format(42, w=6), '{0:0{1}}'.format(7, 4))
