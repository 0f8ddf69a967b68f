import itertools
from itertools import *

print(list(islice(count(), 5)))
print(list(islice(count(10, -2), 4)))
print(list(islice(count(0.5, 0.25), 3)))
print(count(5), count(5, 2), count(1.5), count(0, 1.0), count(2**70), repr(count(-3)))
c = count(3)
next(c); next(c)
print(c)
print(list(islice(cycle("abc"), 7)))
print(list(cycle([])))
print(list(repeat("x", 3)), list(repeat(1, -2)), repeat(None), repeat("a", 4))
r = repeat(7, 2)
print(r.__length_hint__(), next(r), r, r.__length_hint__())
print(list(accumulate([1, 2, 3, 4])))
print(list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([], initial=5)), list(accumulate([1, 2], initial=10)))
print(list(accumulate(["a", "b", "c"])))
print(list(chain("ab", [1, 2], (), range(2))))
print(list(chain.from_iterable(["xy", "z"])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress("ABC", [1, 1, 1, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
groups = [g for k, g in groupby("aabbc")]
print([list(g) for g in groups])
it = groupby("aaabb")
k1, g1 = next(it)
print(k1, next(g1))
k2, g2 = next(it)
print(k2, list(g1), list(g2))
print(list(islice("ABCDEFG", 2)))
print(list(islice("ABCDEFG", 2, 4)))
print(list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)))
print(list(islice("ABCDEFG", None)))
print(list(islice(range(10), 1, 10, 3)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise("")))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest("AB", [1, 2, 3], [True])))
print(list(zip_longest()))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
a, b, c = tee(range(4), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0))
t1, t2 = tee(range(200))
print(sum(t1), sum(t2))
t3 = t2.__copy__()
x, y = tee(t1)
print(type(x).__name__, list(x), list(t3))
a, = tee("xyz", 1)
b, c = tee(a)
next(b)
print(list(b), list(c))
print(list(product("ab", range(2))))
print(list(product([0, 1], repeat=2)))
print(list(product()), list(product([], [1])), list(product("ab", repeat=0)))
print(list(permutations("ABC", 2)))
print(list(permutations(range(3))))
print(list(permutations([1, 2], 3)), list(permutations([], 0)))
print(list(combinations("ABCD", 2)))
print(list(combinations(range(4), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("ABC", 2)))
print(list(combinations_with_replacement("", 0)), list(combinations_with_replacement("", 2)))
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 4))))
print(type(count()), type(chain()).__name__, chain.__module__, type(groupby([])))
print(type(next(groupby([1]))[1]))
print(type(tee([])[0]))
print(iter(count()) is not None, isinstance(count(), count))

class MyChain(chain):
    def total(self):
        return sum(self)

print(MyChain([1, 2], [3]).total())

tests = [
    "cycle()", "cycle(1, 2)", "cycle(1)", "cycle(a=1)", "count('a')", "count(1, 'a')", "count(1, 2, 3)",
    "repeat()", "repeat(1, 2, 3)", "repeat(1, 'a')", "repeat(1).__length_hint__()", "repeat(1, times=None)",
    "accumulate()", "accumulate([1], None, None)", "chain(a=1)", "compress(1)", "compress([1], [1], 1)",
    "dropwhile(1)", "takewhile()", "filterfalse(None)", "groupby()", "groupby([], None, 3)", "islice()",
    "islice([])", "islice([], -1)", "islice([], 'a')", "islice([], 1, -1)", "islice([], -1, 2)",
    "islice([], 1, 2, 0)", "islice([], 1, 2, -1)", "islice([], 1, 2, 3, 4)", "islice([], stop=2)",
    "pairwise()", "pairwise(1)", "starmap(1)", "tee()", "tee([], -1)", "tee(1)", "zip_longest(1)",
    "zip_longest([], fill=1)", "product(1)", "product([], repeat=-1)", "product([], foo=1)",
    "permutations()", "permutations([], -1)", "permutations([], 'a')", "combinations([])",
    "combinations([], -1)", "combinations_with_replacement([], -1)", "combinations(1, 2)",
    "next(starmap(len, [1]))", "chain.from_iterable()", "list(chain(1))", "list(accumulate([1, 'a']))",
    "count(1, step=2)", "count(start=1.5)", "repeat(1, times=2)", "count(1+2j)", "count(True)",
    "next(count(2**53 - 1, 1))", "list(islice(count(2**53 - 1), 3))",
]
for t in tests:
    try:
        print(t, "->", eval(t))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
