# The training run of the bundle's V8 code cache (tools/bundle.ts, cli/bundle_state.ts): what it
# makes pyjit's JavaScript compile is what later runs find already compiled. So it touches what
# most programs touch, once or a little more: the everyday imports, classes and instances,
# exceptions and tracebacks, formatting, the container methods, generators, and loops hot enough
# for each tier's machinery (specialization, traces, side exits). Its output is thrown away.
import collections, dataclasses, enum, functools, itertools, json, math, os, random, re, sys
import datetime, pathlib, string, textwrap, time, typing, io, heapq, bisect, copy, operator
import logging, contextlib


@dataclasses.dataclass(order=True)
class Item:
    name: str
    price: float
    tags: list = dataclasses.field(default_factory=list)


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Shape:
    def __init__(self, sides, size):
        self.sides = sides
        self.size = size

    def area(self):
        return self.sides * self.size * self.size / 4

    def __repr__(self):
        return f"Shape({self.sides!r}, {self.size:.2f})"


def generated(n):
    for i in range(n):
        if i % 3:
            yield i * i


def numbers(n):
    total, product, acc = 0, 1.0, []
    for i in range(n):
        total += i * 7 % 13
        product = product * 1.000001 + i / (i + 1)
        if i & 1:
            acc.append(i)
        else:
            acc.append(str(i))
    return total, product, len(acc), sum(generated(n // 10))


def words(text):
    counts = collections.Counter(w.lower() for w in re.findall(r"[A-Za-z']+", text))
    seen = {}
    for word, count in counts.most_common(5):
        seen[word] = seen.get(word, 0) + count
    return sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))


def failing(depth):
    if depth == 0:
        raise ValueError("bottom")
    return failing(depth - 1)


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    rng = random.Random(7)
    items = [Item(f"item{i}", rng.random() * 100, [Color.RED]) for i in range(200)]
    items.sort()
    shapes = [Shape(rng.randint(3, 8), rng.uniform(1, 2)) for _ in range(300)]
    print(sum(s.area() for s in shapes), repr(shapes[0]), items[0])
    for _ in range(3):
        print(numbers(20000))
    text = textwrap.dedent("""
        The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs.
    """) * 20
    print(words(text), string.capwords("a b c"), "-".join(map(str, range(10))))
    data = {"a": [1, 2.5, None, True], "b": {"c": "d\u00e9"}}
    print(json.loads(json.dumps(data, indent=2, sort_keys=True)) == data)
    heap = []
    for v in rng.sample(range(1000), 100):
        heapq.heappush(heap, v)
    print([heapq.heappop(heap) for _ in range(5)], bisect.bisect(sorted(heap), 500))
    print(list(itertools.islice(itertools.permutations("abcd"), 5)), fib(60))
    print(copy.deepcopy(data), operator.itemgetter(1)([4, 5]), math.sqrt(2) * math.pi)
    for depth in range(3):
        try:
            failing(depth)
        except ValueError as e:
            print(type(e).__name__, e, e.__traceback__ is not None)
    try:
        {}["missing"]
    except KeyError:
        pass
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        print("%s=%d %5.2f %r" % ("x", 3, 2.5, [1]), "{:>8}|{:<4}".format("r", "l"))
    logging.basicConfig(stream=buffer, level=logging.INFO)
    logging.getLogger("train").info("value %s", 42)
    print(len(buffer.getvalue()), datetime.date(2024, 2, 29).isoformat(), typing.Optional[int])
    print(pathlib.PurePosixPath("/a/b/c.txt").suffix, os.path.join("a", "b"), sys.version_info[0])
    print(time.perf_counter() > 0, {i: i * i for i in range(10)}, {x % 7 for x in range(30)})


main()
