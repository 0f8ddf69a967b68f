# bytes.join and bytearray.join: bytes, bytearrays, contiguous buffers (memoryview, array) as parts,
# the separator between them, the result type from the separator, and the errors CPython gives
# (a str part; a non-contiguous memoryview is not a simple buffer).
import array
print(b"".join([]), b"-".join([b"a"]), b", ".join([b"a", bytearray(b"b"), memoryview(b"cd"), array.array("B", [65, 66])]))
print(bytearray(b"::").join([b"x", b"y"]), type(bytearray(b"").join([])))
m = memoryview(b"abcdef")[::2]
try:
    b"|".join([m, b"z"])
except TypeError as e:
    print(e)
try:
    b"".join([b"a", "s"])
except TypeError as e:
    print(e)
ba = bytearray(b"q")
print(ba.join([ba, ba]))
print(len(b"".join(str(i).encode() for i in range(100000))))
