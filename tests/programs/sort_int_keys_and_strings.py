# Long sorts by int keys (packed with their positions: stable, and reverse keeps ties in order),
# keys spanning more than a packed double holds, negative keys, and long lists of strs with and
# without surrogates, forwards and reversed.
import random

rng = random.Random(7)
pairs = [(i, rng.randrange(50)) for i in range(3000)]
by_key = sorted(pairs, key=lambda p: p[1])
print(by_key[:6], by_key[-3:])
print(all(a[1] < b[1] or (a[1] == b[1] and a[0] < b[0]) for a, b in zip(by_key, by_key[1:])))
rev = sorted(pairs, key=lambda p: p[1], reverse=True)
print(rev[:6], all(a[1] > b[1] or (a[1] == b[1] and a[0] < b[0]) for a, b in zip(rev, rev[1:])))
neg = sorted(range(-1500, 1500), key=lambda v: -abs(v))
print(neg[:5], neg[-5:])
wide = sorted(range(2000), key=lambda v: (v % 7) * 10**15 - v)      # keys too far apart to pack
print(wide[:4], wide[-4:])
huge = sorted(range(600), key=lambda v: 2**62 if v % 2 else -v)      # big ints among the keys
print(huge[:3], huge[-3:])
items = list(range(1000))
items.sort(key=lambda v: v % 3, reverse=True)
print(items[:5], items[330:336], items[-3:])

words = [format(rng.randrange(10**6), "x") for _ in range(3000)]
s = sorted(words)
print(s[:4], s[-2:], sorted(words, reverse=True)[:3], s == sorted(words, key=lambda w: w))
astral = words[:400] + ["\U0001F600x", "\uffff", "\ud800", "a\U00010000", "a\uffff"] * 3
sa = sorted(astral)
print([ascii(w) for w in sa[-8:]], [ascii(w) for w in sorted(astral, reverse=True)[:4]])
