# sorted with key: records sorted by several keys, lambdas, tuples, reverse, and stability.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 230000

NAMES = ["ada", "bob", "cyd", "dee", "eve", "fay", "gus", "hal", "ivy", "jon"]


class Record:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


def make_records(n):
    seed = 7
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(Record(NAMES[seed % 10] + str(i % 37), 18 + (seed >> 8) % 60, (seed >> 4) % 1000))
    return out


def digest(records):
    h = 0
    for r in records:
        h = (h * 131 + r.age * 1000 + r.score) % 1000000007
    return h


def main(n):
    records = make_records(n)
    by_age = sorted(records, key=lambda r: r.age)
    by_score_desc = sorted(records, key=lambda r: r.score, reverse=True)
    by_name_age = sorted(records, key=lambda r: (r.name, -r.age))
    numbers = [(i * 7919) % 10007 for i in range(n)]
    numbers.sort()
    strs = sorted([str(x) for x in numbers[: n // 2]], key=len)
    pairs = sorted(zip(numbers, range(n)), key=lambda p: (p[0] % 10, -p[1]))
    print("age", digest(by_age), "score", digest(by_score_desc), "name", digest(by_name_age))
    print("median", numbers[n // 2], "strs", strs[0], strs[-1], len(strs))
    print("pairs", pairs[0], pairs[-1], by_name_age[0].name, by_name_age[-1].name)


main(N)
