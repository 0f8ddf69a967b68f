# deopts: LOAD_ATTR STORE_ATTR
# Attribute sites in a base class's methods, run on instances of two subclasses in turn: each
# site is specialized for both classes (the attribute means the same on both) instead of flipping
# between them. A third class where the name is a property, and one changed after the sites
# specialized, must still get their own behaviour.


class Base:
    def __init__(self, x):
        self.x = x
        self.hits = 0

    def bump(self):
        self.hits = self.hits + self.x
        return self.describe()


class A(Base):
    def describe(self):
        return "A"


class B(Base):
    def describe(self):
        return "B"


class P(Base):
    @property
    def hits(self):
        return -1

    @hits.setter
    def hits(self, v):
        self.__dict__["_h"] = v

    def describe(self):
        return "P"


objs = [A(1), B(2)]
seen = {}
for i in range(3000):
    o = objs[i % 2]
    k = o.bump()
    seen[k] = seen.get(k, 0) + 1
print(sorted(seen.items()), objs[0].hits, objs[1].hits)

p = P(5)
print(p.bump(), p.hits, p.__dict__.get("_h"))
for i in range(100):
    objs[i % 2].bump()
print(objs[0].hits, objs[1].hits)

# A class changed after the sites specialized: its new descriptor wins.
B.hits = property(lambda self: 1000, lambda self, v: None)
print(objs[1].bump(), objs[1].hits, objs[0].bump(), objs[0].hits)
