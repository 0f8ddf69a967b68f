# Set displays print in CPython's order: a display of three or more constants is an empty set
# updated from a constant frozenset (whose table layout the merge copies), others add one by one.
print({10, 20, 5, 100, 7})
print({10, 20, 5, 100, 7} | {10, 20})
print({(1, 2), (0, 1), (3, 4)}, {1.5, 2.5, -1.0, 100.25})
print({"b", "a", 3} == {3, "a", "b"}, len({1, 1.0, True}))
x = 5
print(x in {1, 5, 9}, {x, 1, 2, 3}, {*[4, 100, 8], 2}, {33, 1})
s = {64, 1, 33}
s.update({96, 0, 32})
print(s, set(range(40, 0, -7)))
for v in {17, 1, 9, 33, 65}:
    print(v, end=" ")
print()
print([3, 1, 2], (3, 1, 2), [*[1], 2, 3])
print([v for v in {40, 8, 72, 3, 136, 1}], {v * 2 for v in {5, 69, 133, 2}})
print(sorted(v for v in {"q", "w", "e"}), [c for c in "ab" if c in {"a", "z", "k"}])
print({1000, 8, 72, 264, 136, 520, 3, 7, 11, 15, 19, 23})
for v in {1000, 8, 72, 264, 136, 520, 3, 7, 11, 15, 19, 23}:
    print(v, end=" ")
print()
