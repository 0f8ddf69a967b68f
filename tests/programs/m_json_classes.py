# JSONEncoder subclasses (default, encode, iterencode), dump/load with file objects, and the
# chunks iterencode yields.
import io
import json
from json import JSONEncoder

class SetEncoder(JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, complex):
            return {'re': o.real, 'im': o.imag}
        return super().default(o)

print(json.dumps({'s': {3, 1, 2}, 'c': 1 + 2j}, cls=SetEncoder))
print(json.dumps({'s': frozenset('ab')}, cls=SetEncoder, indent=1))
print(SetEncoder(sort_keys=True).encode({'b': {2, 1}, 'a': 2j}))
try:
    json.dumps(object(), cls=SetEncoder)
except TypeError as e:
    print('TypeError', e)

class LoudEncoder(JSONEncoder):
    def encode(self, o):
        return '<<' + super().encode(o) + '>>'

print(json.dumps([1, 'a'], cls=LoudEncoder))
print(LoudEncoder().encode('just a string'))

class ChunkCounter(JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        chunks = list(super().iterencode(o, _one_shot))
        print('chunks:', len(chunks), 'one shot:', _one_shot)
        return chunks

print(ChunkCounter().encode({'a': [1, 2]}))
print(ChunkCounter(indent=2).encode({'a': [1, 2]}))

doc = {'a': [1, 2, {'b': None, 'c': [True, False]}], 'd': 'x', 'e': {}, 'f': [], 'g': 1.5}
for kw in [{}, {'indent': 2}, {'sort_keys': True, 'separators': (',', ':')}, {'indent': '--'}]:
    print(list(JSONEncoder(**kw).iterencode(doc)))
    print(list(JSONEncoder(**kw).iterencode(doc, _one_shot=True)))
print(list(JSONEncoder().iterencode([[], {}, 'x', [{}]])))
print(list(JSONEncoder().iterencode('top')), list(JSONEncoder().iterencode(7)))
print(list(JSONEncoder(default=lambda o: [o.real]).iterencode([1j, {'k': 2j}])))
print(list(JSONEncoder(skipkeys=True).iterencode({(1,): 1, 'a': 2, (2,): 3})))

e = JSONEncoder()
print(e.item_separator, e.key_separator, e.skipkeys, e.ensure_ascii, e.check_circular,
      e.allow_nan, e.sort_keys, e.indent)
e = JSONEncoder(indent=4)
print(repr(e.item_separator), repr(e.key_separator))
e = JSONEncoder(indent=4, separators=(';', '='))
print(repr(e.item_separator), repr(e.key_separator), e.encode([1, {'a': 2}]))

a = []
a.append(a)
print(json.dumps([1, 2], check_circular=False))
try:
    json.dumps(a, check_circular=False)
except RecursionError as err:
    print('RecursionError')

out = io.StringIO()
json.dump(doc, out)
print(out.getvalue())
out = io.StringIO()
json.dump(doc, out, indent=3, sort_keys=True)
print(out.getvalue())

class Writes:
    def __init__(self):
        self.calls = []
    def write(self, s):
        self.calls.append(s)

w = Writes()
json.dump({'k': [1, 'two']}, w)
print(w.calls)
w = Writes()
json.dump([1, {'a': None}], w, indent=1)
print(w.calls)

print(json.load(io.StringIO('{"from": ["a", "file"]}')))
print(json.load(io.BytesIO(b'[1, 2, 3]')))
print(json.load(io.StringIO('[1.5, 2]'), parse_float=str))
try:
    json.load(io.StringIO('{"bad": }'))
except json.JSONDecodeError as err:
    print(err)

print(json.loads(json.dumps(doc)) == doc)
text = json.dumps(doc, indent=2, sort_keys=True)
print(json.loads(text) == doc, json.dumps(json.loads(text), indent=2, sort_keys=True) == text)
print(json.encoder.encode_basestring('a"b\n\u00e9'), json.encoder.encode_basestring_ascii('a"b\n\u00e9😀'))
print(json.__all__)
print(json.JSONDecodeError.__mro__[1].__name__, json.decoder.JSONDecodeError is json.JSONDecodeError)
