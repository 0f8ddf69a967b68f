# Side paths that return from inside a loop: of a loop's own trace (the frame returns there), of an
# inner loop inlined in a function's trace (the function's trace returns), and of an inner loop
# inlined in an outer loop's trace; with return values of changing types, and returns from the
# first iteration.


def find(items, target):
    for x in items:
        if x == target:
            return x
    return -1


def index_of(items, pred):
    i = 0
    for x in items:
        if pred(x):
            return i
        i += 1
    return None


def first_pair(rows, total):
    for row in rows:
        for v in row:
            if v * 2 == total:
                return ("pair", v)
    return ("none", total)


def classify(v):
    for limit, name in ((10, "small"), (100, "medium"), (1000, "large")):
        if v < limit:
            return name
    return 1.5 * v


def main():
    items = list(range(10))
    total = 0
    for i in range(30000):
        total += find(items, i % 12)
    print(total)
    found = [index_of(items, lambda x, k=k: x * x > k) for k in range(0, 120, 3)]
    print(found)
    rows = [[(r * 5 + c) % 17 for c in range(5)] for r in range(20)]
    pairs = {}
    for t in range(40):
        key = first_pair(rows, t)
        pairs[key] = pairs.get(key, 0) + 1
    print(sorted(pairs.items()))
    kinds = {}
    for v in range(0, 3000, 7):
        c = classify(v)
        kinds[type(c).__name__ + ":" + (c if isinstance(c, str) else "num")] = kinds.get(
            type(c).__name__ + ":" + (c if isinstance(c, str) else "num"), 0) + 1
    print(sorted(kinds.items()))


main()
