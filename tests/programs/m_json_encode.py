# json.dumps: every value kind, every option, float and int text, escaping, and the errors.
import json
from collections import OrderedDict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

value = {'name': 'pyjit', 'list': [1, 2.5, None, True, False, 'x'], 'nested': {'t': (1, 2), 'e': {}},
         'empty': [], 'big': 10 ** 25, 'neg': -7}
show(lambda: json.dumps(value))
show(lambda: json.dumps(value, indent=2))
show(lambda: json.dumps(value, indent='\t', sort_keys=True))
show(lambda: json.dumps(value, indent=0))
show(lambda: json.dumps(value, indent=''))
show(lambda: json.dumps(value, indent=-3))
show(lambda: json.dumps(value, separators=(',', ':')))
show(lambda: json.dumps(value, separators=(' , ', ' = '), indent=1))
show(lambda: json.dumps(value, sort_keys=True))
show(lambda: json.dumps([[], {}, [[]], [{}], {'a': []}], indent=2))

floats = [0.0, -0.0, 1.0, 0.1, 1 / 3, 1e16, 1e15, 123456789.0, 1.5e-7, 1e-4, 2.5e-5, 1e22, 1e300,
          5e-324, 1.7976931348623157e308, -2.5, float('inf'), float('-inf'), float('nan')]
show(lambda: json.dumps(floats))
show(lambda: json.dumps(floats[:-3], allow_nan=False))
for bad in floats[-3:]:
    show(lambda: json.dumps(bad, allow_nan=False))
    show(lambda: json.dumps([bad], allow_nan=False, indent=1))
    show(lambda: json.dumps({bad: 1}, allow_nan=False))
    show(lambda: json.dumps({bad: 1}))
show(lambda: json.dumps([0, 1, -1, 2 ** 53, 2 ** 53 + 1, -2 ** 63, 2 ** 64, 10 ** 100]))

strings = ['plain', '', 'quote " and backslash \\', 'slash /', '\b\f\n\r\t', '\x00\x01\x1f\x7f',
           'é ñ ü', '中文', '😀 emoji', '\u2028\u2029', '\ud800 lone', '\udfff', '<script>']
show(lambda: json.dumps(strings))
show(lambda: json.dumps(strings, ensure_ascii=False))
show(lambda: json.dumps({s: s for s in strings[:8]}, ensure_ascii=False, sort_keys=True))

keys = {'s': 1, 2: 2, 2.5: 3, True: 4, False: 5, None: 6, 10 ** 20: 7, -1: 8}
show(lambda: json.dumps(keys))
show(lambda: json.dumps({(1, 2): 'tuple key'}))
show(lambda: json.dumps({(1, 2): 'tuple key', 'ok': 1, b'b': 2}, skipkeys=True))
show(lambda: json.dumps({frozenset(): 1}, skipkeys=False))
show(lambda: json.dumps({'b': 1, 'a': 2, 1: 3}, sort_keys=True))
show(lambda: json.dumps({'b': 1, 'a': 2, 'c': 0}, sort_keys=True, indent=1))
show(lambda: json.dumps({2: 'b', 1: 'a', 3.5: 'c'}, sort_keys=True))

class MyInt(int):
    def __repr__(self):
        return 'MyInt()'
    def __str__(self):
        return 'str-of-MyInt'

class MyFloat(float):
    def __repr__(self):
        return 'MyFloat()'

class MyStr(str):
    def __str__(self):
        return 'other'

class MyList(list):
    pass

class MyDict(dict):
    pass

show(lambda: json.dumps([MyInt(3), MyFloat(1.25), MyStr('s'), MyList([1, MyList()]), MyDict(a=MyDict())]))
show(lambda: json.dumps({MyInt(3): 1, MyFloat(0.5): 2, MyStr('k'): 3}))
show(lambda: json.dumps([MyInt(3), MyFloat(1.25)], indent=1))
show(lambda: json.dumps(OrderedDict([('z', 1), ('a', 2)])))
show(lambda: json.dumps(OrderedDict([('z', 1), ('a', 2)]), sort_keys=True))

for bad in [object(), {1, 2}, b'bytes', bytearray(b'x'), 1j, range(3), print]:
    show(lambda: json.dumps(bad))
    show(lambda: json.dumps([1, {'k': bad}], indent=2))
show(lambda: json.dumps({1, 2}, default=sorted))
show(lambda: json.dumps([1j, 2j], default=lambda c: [c.real, c.imag]))
show(lambda: json.dumps({'a': range(3)}, default=list, indent=1))
show(lambda: json.dumps(object(), default=lambda o: o))

a = []
a.append(a)
show(lambda: json.dumps(a))
show(lambda: json.dumps(a, indent=1))
d = {}
d['self'] = d
show(lambda: json.dumps(d))
show(lambda: json.dumps([d]))

class Loop:
    pass

show(lambda: json.dumps(Loop(), default=lambda o: [o]))
shared = [1, 2]
show(lambda: json.dumps([shared, shared, {'x': shared}]))

deep = []
for _ in range(100000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as e:
    print('RecursionError', e)
show(lambda: len(json.dumps(eval('[' * 100 + ']' * 100))))
show(lambda: json.dumps(10 ** 5000))
show(lambda: json.dumps("abc", indent=4))
show(lambda: json.dumps(None, sort_keys=True))
show(lambda: json.dumps({'a': 1}, separators=(',', ':'), indent=2))
show(lambda: json.dumps({'a': [1]}, indent=True))
