# str order by code points: a lone surrogate (U+D800-U+DFFF) sorts below U+E000, and a character
# above U+FFFF (a surrogate pair inside pyjit) above every BMP character, as in CPython.
import itertools
samples = ["\ud800", "\uffff", "\ue000", "\U0001f600", "\ud83d", "\ude00", "a", "\ud83dx", "\ud83d\ud83d",
           "\udfff", "\U00010000", "z\ud800", "z\U0001f600", "", "\U0001f600\ud800", "\U0001f600\U0001f601"]
rows = [(x < y, x <= y, x > y, x >= y) for x, y in itertools.product(samples, repeat=2)]
print([sum(r[k] for r in rows) for k in range(4)])
print([ascii(s) for s in sorted(samples)])
print(ascii(max(samples)), ascii(min(samples)), "\ud800" < "\uffff", "\ue000" > "\udfff", "\U00010000" > "\uffff")
