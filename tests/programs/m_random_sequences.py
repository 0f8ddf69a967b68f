# Long runs of the generator after many seeds: every method must draw exactly as CPython does.
# Distributions that go through log/exp/sin/cos/acos are printed to 12 significant digits: the
# draws are identical, but the host's libm may differ from glibc's in the last bit.
import random

def g(values):
    return ['%.12g' % v for v in values]

def run(seed):
    random.seed(seed)
    out = []
    out.append([round(random.random(), 17) for _ in range(8)])
    out.append([random.randint(-1000, 1000) for _ in range(8)])
    out.append([random.randrange(3, 10**12, 7) for _ in range(4)])
    out.append([random.getrandbits(k) for k in (1, 7, 31, 32, 33, 63, 64, 65, 127, 200)])
    seq = list(range(30))
    random.shuffle(seq)
    out.append(seq)
    out.append(random.sample(range(1000), 12))
    out.append(random.sample(range(40), 40)[:10])
    out.append(random.choices('abcdefg', weights=[5, 1, 1, 3, 0, 2, 9], k=12))
    out.append(''.join(random.choices('xyz', k=15)))
    out.append(g([random.gauss(0, 1) for _ in range(5)]))
    out.append(g([random.normalvariate(2, 0.5) for _ in range(3)]))
    out.append(g([random.expovariate(0.25) for _ in range(3)]))
    out.append(g([random.vonmisesvariate(3.0, 0.5) for _ in range(3)]))
    out.append(g([random.gammavariate(a, 2.0) for a in (0.3, 1.0, 2.5, 9.0)]))
    out.append(g([random.betavariate(2.0, 5.0) for _ in range(3)]))
    out.append(g([random.paretovariate(2.5), random.weibullvariate(2.0, 3.0), random.lognormvariate(1, 0.2)]))
    out.append([random.triangular(1, 9, 8), random.uniform(-3, 3)])
    out.append(random.randbytes(12).hex())
    return out

for seed in list(range(12)) + [2**31, 2**32, 2**32 + 1, 2**63 - 1, 10**30, -123456789, 0.1, 1e300, 'seed', 'ünïcode', b'\x00' * 40]:
    print('seed', repr(seed))
    for line in run(seed):
        print(' ', line)

r = random.Random(2024)
total = 0
for _ in range(20000):
    total += r.randrange(1000)
print('sum of 20000 randrange(1000):', total)
print('after 20000:', r.random(), r.getrandbits(96))
state = r.getstate()
print(state[1][:5], state[1][-1])
r.setstate((3, tuple([5] * 624 + [624]), None))
print([r.random() for _ in range(3)])
