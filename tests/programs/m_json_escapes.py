# json: decoding strings with escapes — short and long (past the decoder's buffer sizes), escapes
# at the ends, surrogate pairs and lone surrogates by escape, raw non-ASCII between escapes, keys
# with escapes, and the errors inside escaped strings (positions as CPython's).
import json
pieces = ['\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u00e9', '\\ud83d\\ude00', '\\ud800', '\\udc00x', 'é', '😀', 'plain']
for n in (1, 2, 7, 100, 1000, 5000, 20000):
    body = ''.join(pieces[(i * 7 + n) % len(pieces)] for i in range(n))
    v = json.loads('"' + body + '"')
    print(n, len(v), ascii(v[:40]), ascii(v[-40:]), hash(v) == hash(json.loads(json.dumps(v))))
doc = '{' + ', '.join('"k\\u%04x%d": ["v\\n%d", "\\"%d\\""]' % (0x100 + i, i, i, i) for i in range(300)) + '}'
d = json.loads(doc)
print(len(d), ascii(list(d.items())[:3]), ascii(list(d)[-1]))
print(ascii(json.loads('"' + 'a\\n' * 3000 + '"')[-6:]), len(json.loads('["' + '\\t' * 70000 + '", "x"]')[0]))
for bad in ['"abc\\', '"a\\nb\\x"', '"a\\u12"', '"a\\u12zz"', '"a\\nb', '"\\n\x01"', '"a\\ud800\\u12"', '["\\n", "\\q"]', '{"\\n": 1, "a\\']:
    try: print(ascii(json.loads(bad)))
    except json.JSONDecodeError as e: print(ascii(bad), e.msg, e.pos)
print(ascii(json.loads('"\\n\x01"', strict=False)))
print(json.decoder.scanstring('"a\\nb" tail', 1), json.decoder.scanstring('x"\\u00e9\\u00e9"', 2))
