# hashlib: every algorithm on inputs of many lengths (block boundaries), fed at once and in
# pieces, copies, SHAKE lengths, BLAKE2 with every parameter.
import hashlib, random
r = random.Random(7)
lengths = [0, 1, 3, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 135, 136, 137, 143, 144, 145, 167, 168, 169, 200, 1000, 4096 + 7]
data = bytes(r.randrange(256) for _ in range(5000))
for name in sorted(hashlib.algorithms_guaranteed):
    for n in lengths:
        d = data[:n]
        h = hashlib.new(name, d)
        g = hashlib.new(name)
        i = 0
        while i < n:
            step = r.randint(1, 150)
            g.update(d[i:i + step])
            i += step
        if name.startswith('shake'):
            a, b = h.hexdigest(n % 70 + 1), g.hexdigest(n % 70 + 1)
        else:
            a, b = h.hexdigest(), g.hexdigest()
        assert a == b, (name, n)
        print(name, n, a)
    h = hashlib.new(name, b'abc')
    c = h.copy()
    c.update(b'def')
    print(name, h.name, h.digest_size, h.block_size, type(h).__name__,
          (h.hexdigest(8), c.hexdigest(8)) if name.startswith('shake') else (h.hexdigest(), c.hexdigest()))
for n in [0, 1, 16, 64, 65, 200, 1000]:
    print(hashlib.shake_128(b'x').hexdigest(n)[-20:], hashlib.shake_256(b'x').digest(n)[-10:])
for wide in [True, False]:
    ctor = hashlib.blake2b if wide else hashlib.blake2s
    m = 64 if wide else 32
    ms = 16 if wide else 8
    for i in range(120):
        kw = {}
        if r.random() < 0.5: kw['digest_size'] = r.randint(1, m)
        if r.random() < 0.5: kw['key'] = bytes(r.randrange(256) for _ in range(r.randint(0, m)))
        if r.random() < 0.4: kw['salt'] = bytes(r.randrange(256) for _ in range(r.randint(0, ms)))
        if r.random() < 0.4: kw['person'] = bytes(r.randrange(256) for _ in range(r.randint(0, ms)))
        if r.random() < 0.3: kw['fanout'] = r.randint(0, 255)
        if r.random() < 0.3: kw['depth'] = r.randint(1, 255)
        if r.random() < 0.3: kw['leaf_size'] = r.randint(0, 2**32 - 1)
        if r.random() < 0.3: kw['node_offset'] = r.randint(0, 2**(64 if wide else 48) - 1)
        if r.random() < 0.3: kw['node_depth'] = r.randint(0, 255)
        if r.random() < 0.3: kw['inner_size'] = r.randint(0, m)
        if r.random() < 0.3: kw['last_node'] = r.random() < 0.5
        n = r.choice(lengths)
        h = ctor(data[:n], **kw)
        g = ctor(**kw)
        g.update(data[:n // 3]); g.update(data[n // 3:n])
        assert h.digest() == g.digest()
        print(ctor.__name__, sorted(kw), n, h.hexdigest())
print(hashlib.blake2b(b'abc').hexdigest(), hashlib.blake2s(b'abc').hexdigest())
b = hashlib.blake2b(b'a', digest_size=20, key=b'k', salt=b's', person=b'p'); c = b.copy(); c.update(b'z')
print(b.hexdigest(), c.hexdigest(), b.name, b.digest_size, b.block_size, type(b).__name__)
try:
    class MyBlake(hashlib.blake2s):
        pass
except TypeError as e:
    print('TypeError', e)
for bad in [lambda: hashlib.blake2b(digest_size=0), lambda: hashlib.blake2s(digest_size=33), lambda: hashlib.blake2b(key=b'x' * 65),
            lambda: hashlib.blake2s(key=b'x' * 33), lambda: hashlib.blake2b(salt=b'x' * 17), lambda: hashlib.blake2s(person=b'x' * 9),
            lambda: hashlib.blake2b(fanout=256), lambda: hashlib.blake2b(depth=0), lambda: hashlib.blake2b(leaf_size=2**32),
            lambda: hashlib.blake2b(leaf_size=-1), lambda: hashlib.blake2b(node_offset=2**64), lambda: hashlib.blake2s(node_offset=2**48),
            lambda: hashlib.blake2b(node_depth=256), lambda: hashlib.blake2b(inner_size=65), lambda: hashlib.blake2s(inner_size=33),
            lambda: hashlib.blake2b('x'), lambda: hashlib.blake2b(b'x', b'y'), lambda: hashlib.blake2b(data=b'x'), lambda: hashlib.blake2b(key='x'),
            lambda: hashlib.blake2b(digest_size=1.5), lambda: hashlib.blake2b().update('s'), lambda: hashlib.blake2b().update(5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
