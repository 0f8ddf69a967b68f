# Loops whose body runs a short `while` loop: the outer loop's trace goes through the inner loop's
# iterations (a few of them), each other count a branch; longer inner loops keep their own traces.
DIGITS = "0123456789"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch == " ":
            i += 1
        elif ch in DIGITS:
            j = i
            while j < n and src[j] in DIGITS:
                j += 1
            tokens.append(("num", src[i:j]))
            i = j
        elif ch in LETTERS:
            j = i
            while j < n and src[j] in LETTERS:
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        else:
            tokens.append(("op", ch))
            i += 1
    return tokens


def sources(count):
    seed = 7
    out = []
    for _ in range(count):
        parts = []
        for _ in range(6):
            seed = (seed * 1103515245 + 12345) % 2147483648
            kind = seed % 4
            width = 1 + (seed >> 8) % (3 if kind != 3 else 12)
            if kind == 0:
                parts.append(str(seed % 10 ** width))
            elif kind == 1:
                parts.append("".join(LETTERS[(seed >> k) % 26] for k in range(width)))
            elif kind == 2:
                parts.append("+-*/()"[(seed >> 4) % 6])
            else:
                parts.append("9" * width)  # runs longer than the trace goes through
        out.append(" ".join(parts))
    return out


total = 0
kinds = {}
for src in sources(1500):
    for kind, text in tokenize(src):
        kinds[kind] = kinds.get(kind, 0) + 1
        total += len(text)
print("tokens", sorted(kinds.items()), "chars", total)


def collatz_steps(limit):
    # An inner while loop of 0 to ~100 iterations per outer iteration.
    steps = []
    for start in range(1, limit):
        n = start
        count = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            count += 1
        steps.append(count)
    return steps


s = collatz_steps(3000)
print("collatz", sum(s), max(s), s[:12])


def gcd_table(size):
    # Euclid's loop inside two loops: its iteration counts vary from 1 to a dozen.
    acc = 0
    for a in range(1, size):
        for b in range(1, size):
            x, y = a, b
            while y:
                x, y = y, x % y
            acc += x
    return acc


print("gcd", gcd_table(90))


def first_gap(rows):
    # `break` out of the inner while loop, and its `else` clause.
    out = []
    for row in rows:
        k = 0
        while k < len(row):
            if row[k] < 0:
                out.append(("neg", k))
                break
            k += 1
        else:
            out.append(("none", k))
    return out


rows = [[(i * 7 + j * 3) % 11 - (1 if (i + j) % 5 == 0 else 0) for j in range(i % 4)] for i in range(400)]
gaps = first_gap(rows)
print("gaps", len(gaps), gaps[:8], sum(1 for g in gaps if g[0] == "neg"))


def changing_kinds(n):
    # The inner loop's values change kind under the running trace: ints, then floats, then big ints.
    out = 0
    for i in range(n):
        v = i if i < n // 3 else (i * 0.5 if i < 2 * n // 3 else i * 10 ** 20)
        k = 0
        while k < 2:
            v = v + 1
            k += 1
        out += int(v) % 1000
    return out


print("kinds", changing_kinds(3000))


def raises_inside(n):
    caught = 0
    for i in range(n):
        j = 3
        try:
            while j >= 0:
                if i % 97 == 0 and j == 1:
                    raise ValueError(i)
                j -= 1
        except ValueError as e:
            caught += e.args[0]
    return caught


print("raises", raises_inside(2000))
