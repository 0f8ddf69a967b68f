# Found by the tier fuzzer (seed 200132): a dict holding an object whose __eq__/__hash__ make it
# equal to an int (or a str, or a complex equal to an int) must find it by that int, and the other
# way round; assignment keeps the first key, deletion removes either.
class V:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return self.x == (other.x if isinstance(other, V) else other)

    def __hash__(self):
        return hash(self.x)

    def __repr__(self):
        return f"V({self.x!r})"


d = {}
d[V(1)] = "obj"
print(d.get(1), d.get(True), d.get(1.0), 1 in d, d)
d[1] = "int"
print(d, len(d))
d["k"] = 0
print(V("k") in d, d.get(V("k")), d.get(V("zz"), "missing"))
d[V("k")] = 5
print(d)
del d[1]
print(d, V(1) in d)
print(d.pop(V("k")), d)

e = {1: "a", 2: "b", "s": "c", 2.5: "f"}
print(e.get(V(1)), e.get(V(2)), e.get(V("s")), e.get(V(2.5)), e.get(V(3)))
e[V(2)] = "B"
print(e)
del e[V(1)]
print(e, V(1) in e)
print(e.setdefault(V("s"), "no"), e.pop(V(2.5)), e)
print({1: "one"}.get(1 + 0j), (1 + 0j) in {1: 0}, {1 + 0j: "c"}.get(1))
m = {-1: "minus one"}
print(m.get(V(-1)), V(-1) in m)
for i in range(60):
    key = V(i % 5) if i % 2 else i % 5
    m[key] = m.get(key, 0) + 1 if key != -1 else 0
print(m)
