# math.hypot and math.dist: correctly rounded, with subnormal, huge, infinite and NaN inputs.
import math
for a in [(1e308,1e308),(3,4),(15,2),(1e-320,1e-320),(float('inf'),float('nan')),(float('nan'),1),(), (5,), (-3,), (1,2,3), (0.1,0.2,0.3,0.4), (1e-300, 1e300), (2.5e-310, 3e-310), (1.7976931348623157e308, 1e292)]:
  try: print(a, repr(math.hypot(*a)))
  except Exception as e: print(a, type(e).__name__, e)
print(math.dist((1,2),(4,6)), math.dist((0.1,0.2,0.3),(1.5,2.5,3.5)))
import random
r = random.Random(5)
bad = 0
for i in range(3000):
    x = r.uniform(-100, 100); y = r.uniform(-100, 100)
    h = math.hypot(x, y)
    bad += 0
print(sum(math.hypot(i * 0.37, i * 1.13 + 0.5) for i in range(2000)).hex())
