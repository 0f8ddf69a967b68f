# json.loads / JSONDecoder options: object_hook, object_pairs_hook, parse_float, parse_int,
# parse_constant, cls; raw_decode and the scanner; scanstring.
import json
from collections import OrderedDict
from json.decoder import JSONDecoder, JSONDecodeError, scanstring

doc = '{"b": 1, "a": [2.5, {"c": 3}], "n": NaN, "i": -Infinity, "big": 12345678901234567890}'
print(json.loads(doc))
print(json.loads(doc, object_pairs_hook=OrderedDict))
print(json.loads(doc, object_pairs_hook=lambda pairs: pairs))
print(json.loads(doc, object_hook=lambda d: sorted(d)))
print(json.loads(doc, object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'))
print(json.loads(doc, parse_float=lambda s: ('float', s)))
print(json.loads(doc, parse_int=lambda s: ('int', s)))
print(json.loads(doc, parse_constant=lambda s: ('const', s)))
print(json.loads('[1.10, 2.50]', parse_float=str))
print(json.loads('[1, 2]', parse_int=float))

class Decimalish:
    def __init__(self, text):
        self.text = text
    def __repr__(self):
        return f'Decimalish({self.text!r})'

print(json.loads('[0.1, 1e-7, -2.50E+3]', parse_float=Decimalish))

def refuse(name):
    raise ValueError('no constants: ' + name)

try:
    json.loads('[NaN]', parse_constant=refuse)
except ValueError as e:
    print(type(e).__name__, e)

class UpperDecoder(JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.upper, **kw)
    def upper(self, d):
        return {k.upper(): v for k, v in d.items()}

print(json.loads('{"x": {"y": 1}}', cls=UpperDecoder))
print(json.loads('{"x": 1}', cls=UpperDecoder, parse_int=lambda s: int(s) * 10))

d = JSONDecoder()
print(d.raw_decode('[1, 2] trailing'))
print(d.raw_decode('xx"abc" yy', 2))
print(d.raw_decode('{"a": 1}{"b": 2}', 8))
try:
    d.raw_decode('   ')
except JSONDecodeError as e:
    print(e)
try:
    d.decode('{} {}')
except JSONDecodeError as e:
    print(e)
print(d.strict, d.object_hook, d.object_pairs_hook, d.parse_float is float, d.parse_int is int)

scan = d.scan_once
print(scan('[1] 2', 0), scan('[1] 2', 4), scan('"x"', 0))
for idx in [3, 10]:
    try:
        scan('[1]', idx)
    except StopIteration as e:
        print('StopIteration', e.value)
try:
    scan('[1]', -1)
except ValueError as e:
    print(type(e).__name__, e)

print(scanstring('"hello" world', 1), scanstring('"a\\nb"', 1), scanstring('x"é\\u00e9"', 2))
print(scanstring('"😀 a" b', 1))
print(scanstring('"\t"', 1, False))
for args in [('"abc', 1), ('"a\tb"', 1, True), ('"abc"', 10), ('"abc"', -1)]:
    try:
        print(scanstring(*args))
    except (JSONDecodeError, ValueError) as e:
        print(type(e).__name__, e)

print(json.loads('{"k": 1}', object_pairs_hook=dict))
print(json.loads('[{"a": {}}, []]', object_hook=lambda d: ('obj', d)))
