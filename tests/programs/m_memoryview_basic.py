# memoryview: the buffer protocol over bytes/bytearray, slicing, cast, tolist/tobytes/hex, writes,
# comparisons, hashing, release and the context manager, with CPython's errors.
m = memoryview(b"abcdef")
print(repr(m).startswith("<memory at 0x"), len(m), m[0], m[-1], bytes(m[1:4]), m[::2].tobytes(), m.format, m.itemsize, m.ndim, m.shape, m.strides, m.readonly, m.nbytes, m.obj)
print(m.tolist(), m.hex(), m.hex(":"), m.hex("-", 2), m.hex(" ", -4), bytes(m), bytearray(m), b"".join([m, memoryview(b"xy")]))
ba = bytearray(b"hello")
v = memoryview(ba)
v[0] = ord("j")
v[1:3] = b"EL"
print(ba, v.readonly, v == b"jELlo", v == ba, b"jELlo" == v, v != b"x")
try:
    v[0] = 300
except Exception as e:
    print(type(e).__name__, e)
try:
    m[0] = 1
except Exception as e:
    print(type(e).__name__, e)
ints = memoryview(bytearray(range(8))).cast("i")
print(ints.format, ints.itemsize, ints.tolist(), ints.shape, len(ints))
ints[0] = -1
print(ints.tolist(), ints.obj)
grid = memoryview(bytes(range(6))).cast("B", (2, 3))
print(grid.shape, grid.strides, grid.tolist(), grid[1, 2], grid.ndim)
for bad in [lambda: grid[0], lambda: m.cast("x"), lambda: ints.cast("h"), lambda: memoryview(b"abc").cast("i"), lambda: memoryview("s"), lambda: hash(v), lambda: m[10], lambda: memoryview(b"ab").cast("B", (3,))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(hash(m) == hash(b"abcdef"))
with memoryview(b"zz") as z:
    print(z.tobytes())
print(repr(z).startswith("<released memory at 0x"))
try:
    z.tobytes()
except ValueError as e:
    print(e)
print(list(memoryview(b"ab")), [x for x in memoryview(bytearray(b"\x01\x02")).cast("b")])
d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5
d[1] = 2
print(d.tolist(), d.toreadonly().readonly, memoryview(b"").tolist(), memoryview(b"x").cast("c").tolist())
print(memoryview(b"abcdef")[::-1].tobytes(), memoryview(b"abcdef")[4:1:-2].tolist())
