# Sorting by tuple keys: columns of ints and strs (compared column by column), reverse, ties kept in
# order, and keys the direct comparison must leave to the general one (mixed kinds, big ints,
# astral characters, tuples of different lengths, nested tuples, floats, bools).
recs = [(("ann", "bob", "cy")[i % 3] + str(i % 4), (i * 37) % 11, i) for i in range(60)]
print([r[2] for r in sorted(recs, key=lambda r: (r[0], -r[1]))][:30])
print([r[2] for r in sorted(recs, key=lambda r: (r[0], r[1]), reverse=True)][:30])
print([r[2] for r in sorted(recs, key=lambda r: (r[1] % 3,))][:30])
print([r[2] for r in sorted(recs, key=lambda r: (r[1] % 3, r[0][0]), reverse=True)][:30])
pairs = list(zip([(i * 7919) % 101 for i in range(50)], range(50)))
print(sorted(pairs, key=lambda p: (p[0] % 10, -p[1]))[:12])
print(sorted(pairs)[:8], sorted(pairs, reverse=True)[:8])
# The general comparison: mixed kinds in a column raise as CPython does.
try:
    sorted([(1, "a"), ("b", 2)])
except TypeError as e:
    print("TypeError", e)
print(sorted([(2**70, "x"), (5, "y"), (-(2**70), "z"), (5, "a")]))
print(sorted([("a\U0001F600", 1), ("a\uffff", 2), ("a", 3), ("a\U0001F600", 0)]))
print(sorted([(1, 2), (1,), (1, 2, 0), (0, 9), ()]))
print(sorted([((1, "b"), 2), ((1, "a"), 3), ((0, "z"), 1)]))
print(sorted([(1.5, "a"), (float("nan"), "b"), (0.5, "c"), (1, "d")]))
print(sorted([(True, 1), (False, 2), (1, 0), (0, 3)]))
print(sorted([(-0, "b"), (0, "a")]), sorted([("", 1), ("", 0), ("a", -1)]))
words = ["pear", "fig", "apple", "kiwi", "date", "plum", "lime", "yuzu"]
print(sorted(words, key=lambda w: (len(w), w)), sorted(words, key=lambda w: (-len(w), w), reverse=True))
big = [((i * 7) % 13, str(i % 5), i) for i in range(3000)]
out = sorted(big, key=lambda t: (t[0], t[1]))
print(out[:5], out[-5:], all(out[k][2] < out[k + 1][2] for k in range(len(out) - 1) if out[k][:2] == out[k + 1][:2]))
out = sorted(big, key=lambda t: (t[0], t[1]), reverse=True)
print(out[:5], all(out[k][2] < out[k + 1][2] for k in range(len(out) - 1) if out[k][:2] == out[k + 1][:2]))
