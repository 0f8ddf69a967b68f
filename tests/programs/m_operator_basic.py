import operator as o
tests = ['o.itemgetter()', 'o.itemgetter(1)', 'o.itemgetter(1,"a")', 'o.itemgetter(1)([1,2],3)', 'o.itemgetter(1)()','o.attrgetter()', 'o.attrgetter(1)', 'o.attrgetter("a.b","c")', 'o.methodcaller()', 'o.methodcaller(1)', 'o.methodcaller("f", 1, x=2)', 'o.concat(1, 2)', 'o.concat([1], (2,))', 'o.indexOf([1], 2)', 'o.length_hint(1, "a")', 'o.length_hint(iter([1,2]))', 'o.length_hint(1)', 'o.add(1)', 'o.add(1,2,3)', 'o.neg()', 'o.index(1.5)', 'o.countOf([1,1.0,True], 1)', 'o.is_(1, 1)', 'o.call(len, [1])', 'o.attrgetter("x")(1)', 'o.itemgetter(5)([])', 'o.truth([])', 'o.not_(0)', 'o.iconcat([1], 2)', 'o.contains(1, 1)', 'o.add(a=1,b=2)', 'o.itemgetter(a=1)', 'o.attrgetter("a", x=1)', 'o.methodcaller(name="f")', 'o.lt.__name__', 'o.__lt__', 'o.itemgetter.__module__', 'type(o.itemgetter(1))', 'o.attrgetter("a..b")', 'o.pow(2, 3)', 'o.ipow(2, 3)', 'o.matmul(1, 2)', 'o.setitem([1], 0)', 'o.delitem({}, 1)',
 'o.add(1, 2)', 'o.sub(5, 3.5)', 'o.mul("ab", 3)', 'o.truediv(7, 2)', 'o.floordiv(7, 2)', 'o.mod(7, 3)', 'o.neg(3)', 'o.pos(-2)', 'o.inv(5)', 'o.invert(0)', 'o.lshift(1, 4)', 'o.rshift(16, 2)', 'o.and_(6, 3)', 'o.or_(6, 3)', 'o.xor(6, 3)', 'o.lt(1, 2)', 'o.le(2, 2)', 'o.eq(1, 1.0)', 'o.ne(1, 2)', 'o.gt(1, 2)', 'o.ge(3, 2)', 'o.abs(-3)', 'o.index(True)', 'o.getitem("abc", 1)', 'o.getitem([1,2,3], slice(1, None))', 'o.countOf("banana", "a")', 'o.indexOf("banana", "n")', 'o.is_not(None, 1)', 'o.length_hint([1,2,3])', 'o.length_hint(iter(range(10)), 5)', 'o.itemgetter(1, 0)("ab")', 'o.itemgetter("k")({"k": 9})', 'o.attrgetter("real", "imag")(3)', 'o.attrgetter("__class__.__name__")(3)', 'o.methodcaller("split", ",", maxsplit=1)("a,b,c")', 'o.methodcaller("upper")("x")', 'o.abs("x")',
 'o.iadd([1], [2])', 'o.isub(5, 1)', 'o.imul([0], 2)', 'o.ior({1}, {2})', 'o.iand({1, 2}, {2})', 'o.ixor(5, 1)', 'o.itruediv(1, 2)', 'o.ifloordiv(5, 2)', 'o.imod(5, 2)', 'o.ilshift(1, 2)', 'o.irshift(8, 1)', 'o.iconcat([1], [2])', 'sorted(o.__all__) == o.__all__', 'len(o.__all__)', 'o.__add__(1, 2)', 'o.__not__(1)', 'o.__inv__(1)', 'o.__concat__("a", "b")', 'o.__iadd__ is o.iadd',
]
for t in tests:
    try: print(t, '->', eval(t))
    except Exception as e: print(t, '!!', type(e).__name__, e)
l = [3, 1, 2]
o.setitem(l, 0, 9); o.delitem(l, 1); print(l)
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=o.itemgetter(1)))
class A:
    x = 5
    def m(self, a, b=0): return a + b
print(o.attrgetter('x')(A()), o.methodcaller('m', 1, b=2)(A()))
class L:
    def __length_hint__(self): return 'x'
try: o.length_hint(L())
except TypeError as e: print(e)
class N:
    def __length_hint__(self): return -1
try: o.length_hint(N())
except ValueError as e: print(e)
class NI:
    def __length_hint__(self): return NotImplemented
print(o.length_hint(NI(), 4))
