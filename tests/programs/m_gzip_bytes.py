# gzip over bigger data: GzipFile read()/readline()/iteration/read(n), write in pieces,
# decompress of several members; byte-string comparisons and joins of large parts.
import gzip, io, zlib
data = b"".join(b"line %d of the file with some text\n" % i for i in range(20000))
z = gzip.compress(data, mtime=0)
print(len(data), zlib.crc32(z), gzip.decompress(z) == data, gzip.decompress(z + z) == data + data)
with gzip.GzipFile(fileobj=io.BytesIO(z)) as f:
    print(f.readline(), len(f.read(1000)), f.readline(), len(f.read()), f.read(), f.tell())
with gzip.GzipFile(fileobj=io.BytesIO(z)) as f:
    n = 0
    for line in f:
        n += 1
    print(n, line)
b = io.BytesIO()
with gzip.GzipFile(fileobj=b, mode='wb', mtime=5) as f:
    for i in range(0, len(data), 4096):
        f.write(data[i:i + 4096])
print(len(b.getvalue()), zlib.crc32(b.getvalue()), gzip.decompress(b.getvalue()) == data)
big = [bytes([i % 256]) * (i * 37 % 5000) for i in range(300)]
j = b"|".join(big)
print(len(j), zlib.crc32(j), j == b"|".join(big), j < j + b"\x00", j[:-1] < j, j > b"", bytes(5000) == bytes(5000), bytes(5000) == bytes(4999) + b"\x01")
# bytearray slice assignment (what readinto does with its buffer)
for k in [slice(None), slice(0, 2), slice(2, 2), slice(1, 4), slice(5, 100), slice(-2, None), slice(3, 1), slice(None, None, 2), slice(None, None, -1)]:
    for v in [b'', b'XY', b'XYZW', bytearray(b'Q' * 7), [1, 2], b'abcdefgh']:
        b = bytearray(b'abcdefgh')
        try:
            b[k] = v; print(k, v, b)
        except Exception as e: print(k, v, type(e).__name__, e)
b = bytearray(b'abc'); b[:] = b; print(b)
b = bytearray(b'abc'); b[1:] = b; print(b)
b = bytearray(8192); b[:5] = b'hello'; print(b[:6], len(b))
