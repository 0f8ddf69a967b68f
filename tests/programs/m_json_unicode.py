# json: non-ASCII text, surrogates (lone, paired, at the ends), controls and DEL, with and
# without ensure_ascii, indents and separators that are not ASCII themselves, round trips.
import json, random
rnd = random.Random(3)
# No low surrogate on its own in the alphabet: a high one before it would make a pair, which
# pyjit's str (UTF-16) cannot tell from the astral character.
chars = ['a', '"', '\\', '\n', '\x7f', '\x80', 'é', '\u07ff', '\u0800', '€', '\ud7ff', '\ud800',
         '\udbff', '\ue000', '\uffff', '😀', '\U0010ffff', '\x00', '\u2028']
for k in range(150):
    s = ''.join(rnd.choice(chars) for _ in range(rnd.randrange(0, 6)))
    doc = [s, {s: s}, 1] if k % 2 else {"k": [s, s]}
    for ea in (True, False):
        for ind in (None, 1, 'é'):
            out = json.dumps(doc, ensure_ascii=ea, indent=ind,
                             separators=None if k % 3 else ('é,', '😀:'))
            print(k, ea, repr(ind), ascii(out), json.loads(out) == doc if k % 3 and ind != 'é' else None)
for s in ['\udc00', 'x\udfff', '\udc00\ud800', 'a' * 100 + '\ud800', '😀' * 3, 'é' * 50 + '\udc00']:
    for ea in (True, False):
        out = json.dumps({s: [s]}, ensure_ascii=ea)
        print(ascii(out), json.loads(out) == {s: [s]})
# a long document: the encoder's buffer grows, then meets non-ASCII text late
big = ['x' * 1000] * 200 + ['é😀\ud800']
out = json.dumps(big, ensure_ascii=False)
print(len(out), ascii(out[-30:]), json.loads(out) == big)
out = json.dumps(big)
print(len(out), out[-30:], json.loads(out) == big)
