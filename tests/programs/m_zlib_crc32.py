# zlib/binascii crc32: lengths around the 8-byte steps, seeds, split computations.
import zlib, binascii, random
r = random.Random(8)
for n in (0, 1, 7, 8, 9, 15, 16, 17, 100, 1000, 65537):
    d = bytes(r.getrandbits(8) for _ in range(n))
    for seed in (0, 1, 0xffffffff, 12345, 2**31, 2**40):
        c = zlib.crc32(d, seed % 2**32)
        print(n, seed, c, binascii.crc32(d, seed % 2**32), zlib.crc32(d[n // 2:], zlib.crc32(d[:n // 2], seed % 2**32)) == c)
print(zlib.crc32(b"x" * 10**6), binascii.crc32(b"abc", 2**40))
