# json.loads: values, whitespace, numbers, strings and escapes, and every decoding error with
# its message, position, line and column.
import json
from json import JSONDecodeError

def show(text, **kw):
    try:
        print(repr(text), '->', repr(json.loads(text, **kw)))
    except JSONDecodeError as e:
        print(repr(text), 'JSONDecodeError', e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == text)
    except Exception as e:
        print(repr(text), type(e).__name__, e)

for text in ['null', 'true', 'false', '0', '-0', '12', '-12', '1.5', '-0.0', '1e3', '1E+3', '2.5e-3',
             '123456789012345678901234567890', '-98765432109876543210', '9007199254740993',
             '1e400', '-1e400', '0.1', '3.141592653589793', '"abc"', '""', '[]', '{}',
             '[1, "two", 3.0, [4], {"five": 5}]', '{"a": {"b": {"c": []}}}',
             ' \t\n\r [ 1 , 2 ] \n', 'NaN', 'Infinity', '-Infinity',
             '"\\u00e9\\u4e2d\\ud83d\\ude00"', '"\\ud83d"', '"\\ud83d\\u0041"', '"\\ude00\\ud83d"',
             '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '"tab\there"', '{"a": 1, "a": 2}', '{"": ""}',
             '"\x7f\u0080\uffff"', '"😀 in a string"', '[1, "😀", 2]']:
    show(text)

for text in ['', ' ', '{', '{ ', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}',
             '{"a":1 "b":2}', '{1:2}', "{'a': 1}", '[', '[ ', '[1', '[1,', '[1,]', '[1 2]', '[,]',
             'nul', 'tru', 'fals', 'nan', 'inf', '-Inf', '-', '-a', '+1', '01', '00', '1.', '1.e5',
             '1e', '1e+', '.5', '"abc', '"a\\', '"a\\x"', '"\\u12"', '"\\u12g4"', '"\\u1234',
             '"\\ud83d\\"', '"\\ud83d\\u"', '"\\ud83d\\ude0"', '"\\ud83d\\ude0g"', '"a\nb"',
             '"\x00"', '"\x1f"', '1 2', '  [1]  x', '{"a":1}}', '\ufeff1', 'true1', '\u00a05',
             '[-]', '{"a":-}', 'NaNa', '[1,\n2,\n3 4]', '{\n  "a": 1,\n  "b": x\n}',
             '"😀" x', '["😀", "😀", 1 2]', '[1]\n\n  ]']:
    show(text)

# strict=False allows control characters inside strings
show('"a\nb\tc\x00"', strict=False)
show('["\x01"]', strict=True)

# bytes in every encoding json.detect_encoding recognizes
for b in [b'{"a": [1, 2]}', b'"\xc3\xa9"', bytearray(b'[true]'), b'\xef\xbb\xbf[1]']:
    try:
        print(b, json.loads(b))
    except Exception as e:
        print(b, type(e).__name__, e)
print(json.detect_encoding(b'\x00\x00\x00{'), json.detect_encoding(b'{\x00\x00\x00'),
      json.detect_encoding(b'\x00{\x00"'), json.detect_encoding(b'{\x00"\x00'),
      json.detect_encoding(b'\x00{'), json.detect_encoding(b'{\x00'), json.detect_encoding(b'{}'),
      json.detect_encoding(b'\xff\xfe{\x00'), json.detect_encoding(b'\xfe\xff\x00{'),
      json.detect_encoding(b'\xef\xbb\xbf{}'), json.detect_encoding(b'\x00\x00\xfe\xff'))

for bad in [1, None, [1], object()]:
    try:
        json.loads(bad)
    except TypeError as e:
        print(type(e).__name__, e)

# JSONDecodeError is a ValueError and pickles by its arguments
try:
    json.loads('[1, 2')
except ValueError as e:
    print(isinstance(e, JSONDecodeError), e.args, e.__reduce__()[1])
e = JSONDecodeError('Boom', 'line one\nline two', 12)
print(e, e.lineno, e.colno, e.pos, e.msg)

# deep nesting is a RecursionError, not a crash
for text in ['[' * 100000 + ']' * 100000, '{"a":' * 100000 + '1' + '}' * 100000]:
    try:
        json.loads(text)
    except RecursionError as e:
        print('RecursionError', e)
print(len(str(json.loads('[' * 200 + ']' * 200))))

# bytes in UTF-16 and UTF-32, with and without a byte-order mark
for enc in ['utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    print(enc, json.loads('{"é": ["😀", 1]}'.encode(enc)))
