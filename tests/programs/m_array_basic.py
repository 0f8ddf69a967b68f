# array: every typecode, construction, item conversion errors, sequence methods, slicing, bytes,
# the buffer protocol (memoryview, bytes()), comparisons, repr, copying and pickling.
from array import array
import array as array_module
import copy
import io
import pickle


def show(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


for tc in "bBhHiIlLqQ":
    for v in [2**64, -2**64, 2**63, 2**32, 70000, 300, -1, -129, 1.5, "x"]:
        try:
            array(tc, [v])
            print(tc, v, "ok")
        except Exception as e:
            print(tc, v, type(e).__name__, e)
for expr in [
    "array('z')", "array('f', ['x'])", "array('u', [1])", "array('u', 'ab')", "array('b', 'ab')",
    "array('i', b'abcd')", "array('i', b'abc')", "array('i').pop()", "array('i', [1]).index(5)",
    "array('i', [1]).remove(5)", "array('i') + array('d')", "array('i', [1, 2]) == array('d', [1.0, 2.0])",
    "array('i', [1])[5]", "array('d', [1]).tounicode()", "array('i', [1, 2, 3])[::2]", "array('u', 'hi')",
    "array('d')", "array('i', [1]).__reduce_ex__(2)", "array('i', [1, 2]).buffer_info()[1]",
    "array('i', [1]) < array('i', [2])", "array('i', [1]).frombytes(b'ab')", "array('i', [1]) * 2", "2 * array('b', [3])",
    "array('b', [1, 2]).extend([3, 300])", "array('i', array('d', [1.0]))", "array('d', array('i', [1]))",
    "array('u', array('i'))", "array('i', [5]).fromlist([1, 'x'])", "array('f', [0.1, 1e40, -2.5])",
    "array('d', [0.1, 1e300])", "array('q', [-2**63, 2**63 - 1])", "array('Q', [2**64 - 1])", "array('B', range(5))",
    "array_module.typecodes", "array_module.ArrayType is array", "array.__module__", "array('i').itemsize",
    "array('u').itemsize", "array('l').itemsize", "array('d').typecode", "array('i', [1]) == [1]",
    "array('i', [1, 2]) + [3]", "array('i', [1], 2)", "array(1)",
    "array('i', [3, 1, 2]).tolist()", "list(array('h', [-1, 2]))", "3 in array('i', [1, 3])",
    "len(array('d', [1, 2, 3]))", "array('i', [1, 2, 3, 2]).count(2)", "array('i', [1, 2, 3, 2]).index(2, 2)",
    "bytes(array('h', [1, -2]))", "memoryview(array('i', [1, 2])).tolist()", "memoryview(array('d', [1.5])).format",
    "array('i', [1, 2]).tobytes()", "array('u', 'abc').tounicode()", "array('i', [1, 2]) != array('i', [1, 2])",
    "array('i', [1, 2]) >= array('i', [1])", "array('i', [1, 2]) <= array('i', [1, 3])", "b''.join([array('b', [65, 66])])",
]:
    show(expr)

a = array("i", [1, 2, 3, 4, 5])
a.append(6)
a.insert(0, 0)
a.insert(-1, 99)
a.insert(100, 7)
print(a, a.pop(), a.pop(0), a)
a.remove(99)
a.reverse()
print(a)
a[0] = 42
a[1:3] = array("i", [7, 8, 9])
print(a)
del a[::2]
print(a)
a[::2] = array("i", [-1, -2])
print(a)
try:
    a[::2] = array("i", [1])
except ValueError as e:
    print(e)
try:
    a[0:1] = [3]
except TypeError as e:
    print(e)
try:
    a[0:1] = array("d", [3])
except TypeError as e:
    print(e)
a += array("i", [5])
a *= 2
print(a)
try:
    a += [1]
except TypeError as e:
    print(e)
try:
    a.extend(array("d", [1.0]))
except TypeError as e:
    print(e)
b = array("h", [1, 256])
b.byteswap()
print(b)
u = array("u", "hé")
u.fromunicode("llo")
print(u, u.tounicode())
c = copy.copy(a)
d = copy.deepcopy(a)
print(c == a, c is a, d == a)
f = io.BytesIO()
array("i", [1, 2, 3]).tofile(f)
print(f.getvalue())
f.seek(0)
g = array("i")
g.fromfile(f, 2)
print(g)
try:
    g.fromfile(f, 5)
except EOFError as e:
    print(type(e).__name__, e, g)
m = memoryview(a)
m[0] = 1000
print(a[0], m.format, m.itemsize, m.nbytes)
for proto in range(6):
    data = pickle.dumps(array("i", [1, 2]), proto)
    # Protocol 4 memoizes strings by identity: CPython's C type names are fresh objects each time.
    print(proto, data if proto < 4 else "", pickle.loads(data))
print(pickle.loads(pickle.dumps(array("d", [1.5, -2.0]))), pickle.loads(pickle.dumps(array("u", "xy"), 2)))


class MyArray(array):
    pass


ma = MyArray("b", [1, 2])
print(ma, type(ma).__name__, isinstance(ma, array), type(ma[:1]).__name__)
