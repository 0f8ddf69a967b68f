# zlib: random streams (raw, zlib, gzip; levels 0-9) decompressed at once and in pieces with
# max_length, intact, with flipped bits, cut short and with trailing bytes: the outputs, the
# error messages and the unused/unconsumed data as CPython's.
import zlib, random
rnd = random.Random(21)
words = [bytes(rnd.choice(b'abcdefgh') for _ in range(rnd.randrange(1, 7))) for _ in range(60)]
for k in range(120):
    data = b' '.join(rnd.choice(words) for _ in range(rnd.randrange(0, 1500)))
    wbits = rnd.choice([15, -15, 31, 9])
    level = rnd.choice([0, 1, 6, 9])
    c = bytearray(zlib.compress(data, level, wbits) if wbits != 9 else zlib.compress(data, level))
    mode = k % 4
    if mode == 1 and len(c) > 10:
        for _ in range(rnd.randrange(1, 4)): c[rnd.randrange(2, len(c))] ^= 1 << rnd.randrange(8)
    elif mode == 2:
        c = c[:rnd.randrange(0, len(c) + 1)]
    elif mode == 3:
        c += bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 20)))
    w = wbits if wbits != 9 else 15
    try: r = zlib.decompress(bytes(c), w); out = (len(r), zlib.crc32(r))
    except zlib.error as e: out = str(e)
    d = zlib.decompressobj(w)
    try:
        parts = []
        pos = 0
        while pos < len(c):
            step = rnd.choice([1, 7, 100, 5000])
            parts.append(d.decompress(bytes(c[pos:pos + step]), rnd.choice([0, 0, 300, 5000])))
            pos += step
            for _ in range(100):
                if not d.unconsumed_tail: break
                parts.append(d.decompress(d.unconsumed_tail, 300))
            else:
                parts.append(b'STUCK')
        parts.append(d.flush())
        r2 = b''.join(parts); out2 = (len(r2), zlib.crc32(r2), d.eof, len(d.unused_data), len(d.unconsumed_tail))
    except zlib.error as e: out2 = str(e)
    print(k, mode, wbits, level, out, out2)
