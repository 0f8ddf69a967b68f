# zlib: compress and compressobj over many inputs, levels, window sizes, memLevels,
# strategies, dictionaries and flush modes — the exact bytes (as CRC-32s and lengths) — and
# decompression of each, whole, in pieces, and with output limits (unconsumed_tail, unused_data).
import zlib, random
r = random.Random(2024)
def sample(kind, n):
    if kind == 'text':
        words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', '\n', 'hello', 'world', 'zlib']
        return ' '.join(r.choice(words) for _ in range(n // 4 + 1)).encode()[:n]
    if kind == 'random':
        return bytes(r.randrange(256) for _ in range(n))
    if kind == 'runs':
        out = bytearray()
        while len(out) < n:
            out += bytes([r.randrange(4)]) * r.randint(1, 300)
        return bytes(out[:n])
    out = bytearray()
    while len(out) < n:
        out += r.choice([b'abcabcabc', bytes(r.randrange(256) for _ in range(20)), b'\x00' * 50, b'xyz' * 30])
    return bytes(out[:n])
def sig(b):
    return (len(b), zlib.crc32(b))
for kind in ['text', 'random', 'runs', 'mixed']:
    for n in [0, 1, 3, 100, 5000, 40000]:
        data = sample(kind, n)
        row = []
        for level in [-1, 0, 1, 4, 6, 9]:
            for wbits in [15, -15, 31, 9, -12]:
                z = zlib.compress(data, level, wbits)
                assert zlib.decompress(z, wbits) == data
                if wbits > 0:
                    assert zlib.decompress(z, 47 if wbits > 16 else wbits + 32) == data
                row.append(sig(z))
        print(kind, n, row)
for i in range(40):
    level = r.choice([-1, 0, 1, 3, 5, 9]); wbits = r.choice([15, 12, 9, -15, -10, 31]); mem = r.choice([1, 4, 8, 9]); strat = r.choice([0, 1, 2, 3, 4])
    zdict = r.choice([None, None, b'the quick brown fox ' * 3]) if 0 < wbits < 16 or wbits < 0 else None
    c = zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strat, zdict) if zdict else zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strat)
    pieces = []
    original = b''
    for j in range(r.randint(1, 5)):
        data = sample(r.choice(['text', 'random', 'runs', 'mixed']), r.choice([0, 7, 300, 9000]))
        original += data
        pieces.append(c.compress(data))
        mode = r.choice([None, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK, zlib.Z_NO_FLUSH])
        if mode is not None:
            pieces.append(c.flush(mode))
        if r.random() < 0.2:
            c2 = c.copy()
            print('copy', sig(c2.flush()))
    pieces.append(c.flush())
    stream = b''.join(pieces)
    print(i, level, wbits, mem, strat, zdict is not None, [sig(p) for p in pieces])
    d = zlib.decompressobj(wbits, zdict) if zdict else zlib.decompressobj(wbits)
    tail = stream + b'garbage after'
    out = b''
    steps = []
    while True:
        chunk_len = r.choice([1, 5, 100, 5000])
        limit = r.choice([0, 1, 17, 1000])
        chunk, tail = tail[:chunk_len], tail[chunk_len:]
        got = d.decompress(d.unconsumed_tail + chunk, limit)
        out += got
        steps.append((len(got), len(d.unconsumed_tail), len(d.unused_data), d.eof))
        if d.eof or (not tail and not d.unconsumed_tail):
            break
    out += d.flush()
    print('  ', out == original, d.eof, d.unused_data, steps[:8], len(steps))
for bad in [b'', b'x', b'x\x9c', b'x\x9cK', b'x\x9c\x03\x00', b'x\x9c\x03\x00\x00\x00\x00\x02', b'\x1f\x8b', b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00\x00\x00\x00\x00\x00\x00\x00\x01',
            b'x\x9c\xff', b'x\x9c\x05\x00\x00\x01', b'x\x9c\x00\x01\x00\xff\xfe', b'x\x01\x00', b'x\x9c\xfb\xff\xff\xff\xff', b'\x78\xda\x04\xc0\x81\x08\x00\x00\x00\x00\x80\xa0\xfd\xa9\x17']:
    for wbits in [15, 31, 47, -15]:
        try:
            print(bad, wbits, zlib.decompress(bad, wbits))
        except zlib.error as e:
            print(bad, wbits, 'error', e)
