import random
for s in [42, 0, -7, 2**100 + 12345, 3.75, -0.5, 'hello', b'bytes', bytearray(b'ba'), '', True, 10**40]:
    random.seed(s)
    print(repr(s)[:20], [random.random() for _ in range(3)], random.getrandbits(70), random.randint(1, 100))
random.seed(1234)
print([random.randrange(10) for _ in range(10)], [random.randrange(0, 100, 7) for _ in range(5)], random.randrange(-10, -2), random.randrange(10, 0, -3))
print(random.choice('abcdef'), random.choices(range(10), k=5), random.choices('abc', weights=[1, 5, 10], k=6), random.choices('abc', cum_weights=[1, 2, 30], k=4))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.sample(range(10**6), 8), random.sample('abcdefghij', 10), random.sample(['r', 'b'], 5, counts=[4, 2]))
print(random.uniform(1, 5), random.triangular(), random.triangular(0, 10, 2), random.triangular(3, 3, 3))
print(random.gauss(), random.gauss(5, 2), random.gauss(), random.normalvariate(), random.normalvariate(10, 3), random.lognormvariate(0, 1))
print(random.expovariate(1.5), random.vonmisesvariate(1, 4), random.vonmisesvariate(0, 0), random.gammavariate(0.5, 2), random.gammavariate(1, 3), random.gammavariate(5, 1))
print(random.betavariate(2, 3), random.paretovariate(3), random.weibullvariate(1, 1.5), random.randbytes(10), random.getrandbits(0), random.getrandbits(32), random.getrandbits(33), random.getrandbits(53), random.getrandbits(64))
st = random.getstate()
a = [random.random() for _ in range(5)]
random.setstate(st)
print(a == [random.random() for _ in range(5)], len(st), st[0], len(st[1]), st[2])
r = random.Random(99)
print(r.random(), r.randint(0, 10**30), r.sample(range(50), 10))
r2 = random.Random()
r2.seed(99)
print(r2.random(), r.getstate() != r2.getstate())
import _random
c = _random.Random(5)
print(c.random(), c.getrandbits(100), type(c), _random.Random.__module__)
c.seed(2**64 - 1)
print(c.random())
c.seed(-(2**64 - 1))
print(c.random())
for i in range(3):
    random.seed(i, version=1)
    print(random.random())
random.seed('abc', version=1)
print(random.random())
random.seed(b'abc', version=1)
print(random.random())
random.seed(7)
print([random.gammavariate(a, 1.0) for a in (0.1, 0.9, 1.5, 30)])
print([random.betavariate(0.5, 0.5) for _ in range(3)])
class MyRandom(random.Random):
    def random(self):
        return 0.3
m = MyRandom()
print(m.randrange(100), m.choice('abc'), m.randint(5, 9), MyRandom._randbelow.__name__)
class Bits(random.Random):
    def getrandbits(self, k):
        return 1
print(Bits().randrange(10), Bits._randbelow.__name__)
sr = random.SystemRandom()
x = sr.random()
print(0 <= x < 1, 0 <= sr.randrange(10) < 10, sr.getrandbits(16) < 2**16, len(sr.randbytes(5)), sr.seed(3))
for e in ['random.Random(1,2)', '_random.Random(1,2)', '_random.Random(x=1)', 'random.Random([1])', '_random.Random([1])', 'random.Random().getrandbits(-1)', 'random.Random().setstate((1,2))', '_random.Random().setstate((1,2))', '_random.Random().setstate([1]*625)', '_random.Random().setstate((1,)*624+(700,))', '_random.Random().setstate((1.5,)*625)', 'random.Random().setstate((9, (1,)*625, None))', 'random.seed([1])', 'random.expovariate()', 'random.randrange(3.5)', 'random.randrange(0)', 'random.randrange(5,2)','random.randrange(1,5,0)','random.randrange(1,5,-1)','random.randrange(5,step=2)','random.choice([])','random.sample({1,2},1)','random.sample([1,2],3)','random.choices([1,2],[1])','random.choices([1,2],[0,0])', 'random.choices([1,2], 3)', 'random.choices([1,2],[1,1],cum_weights=[1,2])','random.sample([1,2],1,counts=[1])','random.sample([1,2],1,counts=[0,0])','random.gammavariate(0, 1)', 'random.SystemRandom().getstate()', 'random.randbytes(-1)', 'random.choices([1,2],cum_weights=[1,float("inf")])', 'random.sample([1,2],1,counts=[1.0, 2.0])', 'random.sample([1], -1)']:
    try: print(e, '->', eval(e))
    except Exception as x: print(e, '!!', type(x).__name__, x)
print(random.Random.__mro__, random.Random.seed.__qualname__, random.randrange(3.0))
