# Types that CPython writes in C are named module.name in its messages ('collections.deque'),
# while __name__, __qualname__ and repr() keep their usual forms; decimal.Decimal's special
# methods take their arguments as its C slot wrappers do.
import collections, copy, datetime, decimal, itertools, pickle, re
from decimal import Context, Decimal

for value in (collections.deque(), datetime.date(2020, 1, 2), Decimal("1.5"), itertools.count(),
              re.compile("a"), collections.OrderedDict(), Context()):
    t = type(value)
    print(t.__name__, t.__qualname__, t.__module__, repr(t))
    for op in (lambda: value < 3, lambda: 3 @ value, lambda: value + [], lambda: value()):
        try:
            op()
        except TypeError as e:
            print("  ", e)

d = Decimal("1.5")
c = Context(prec=3)
calls = [
    lambda: d.__add__(2, context=c),
    lambda: d.__add__(2, c),
    lambda: d.__add__(),
    lambda: d.__neg__(context=c),
    lambda: d.__abs__(c),
    lambda: d.__lt__(2, context=c),
    lambda: d.__pow__(2, 3, c),
    lambda: d.__pow__(),
    lambda: d.__rpow__(2, 3, 4),
    lambda: d.__round__(1, c),
    lambda: d.__round__(n=1),
    lambda: d.__eq__(2, c),
    lambda: d.__floor__(c),
    lambda: d.__ceil__(x=1),
    lambda: d.__float__(c),
    lambda: d.__truediv__(0, c),
    lambda: d.__divmod__(2, c),
    lambda: d.__hash__(c),
    lambda: d.__str__(context=c),
    # What stays allowed: the operands alone, and the named methods' context.
    lambda: (d.__add__(2), d.__pow__(2, 7), d.__round__(1), d.__floor__(), d.__rpow__(2)),
    lambda: (d.sqrt(context=c), d.compare(2, context=c), d.to_eng_string(c)),
    lambda: (c.add(d, 2), c.power(d, 2), c.minus(d), c.plus(d), c.divmod(d, 1), c.to_sci_string(d)),
    lambda: (c.abs(-d), c.multiply(d, d), c.subtract(d, 1), c.divide(d, 3), c.divide_int(d, 1), c.remainder(d, 1)),
    lambda: (pow(2, Decimal(3)), pow(Decimal(2), 3, 5), copy.copy(d), pickle.loads(pickle.dumps(d))),
]
for f in calls:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class MyDecimal(Decimal):
    pass


try:
    MyDecimal(1) < "x"
except TypeError as e:
    print(e)
print(MyDecimal.__name__, repr(MyDecimal(2) + 1))

# Reprs of instances name the type briefly (or as module.name where CPython's C repr does).
import array, functools, operator, struct


class D(collections.deque):
    pass


class O(collections.OrderedDict):
    pass


class DT(datetime.date):
    pass


values = [collections.deque([1]), D([1]), collections.OrderedDict(a=1), O(a=1), collections.defaultdict(int),
          itertools.count(3), itertools.repeat(1, 2), functools.partial(print, 1), operator.itemgetter(1),
          operator.attrgetter("a"), operator.methodcaller("m", 1), re.compile("a+"), datetime.date(2020, 1, 2),
          DT(2020, 1, 2), datetime.timedelta(3), datetime.timezone.utc, struct.Struct("i"), array.array("i", [1])]
for v in values:
    print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(v)), type(v).__name__)
