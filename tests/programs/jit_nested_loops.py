# Inner loops run by their own traces from an outer loop's trace: empty inner ranges, inner loops
# that change the outer loop's locals, break out of an inner loop, an exception inside one, inner
# loops over lists, and a generator expression with nested loops whose inner loop yields.


def triangle(n):
    total = 0.0
    for i in range(n):
        for j in range(i % 7):
            total += i * j * 0.5
        total -= 1
    return total


def rows(data):
    out = 0
    for r in data:
        for x in r:
            out += x
        out += 1
    return out


def changes_outer(n):
    a = 0
    b = 1.5
    for i in range(n):
        for j in range(3):
            a += j
            b = b * 1.0001
        a -= 1
    return a, round(b, 6)


def breaks(n):
    found = 0
    for i in range(n):
        for j in range(10):
            if j * i > 50:
                found += j
                break
    return found


def raises(n):
    caught = 0
    for i in range(n):
        try:
            for j in range(5):
                if i == 300 and j == 3:
                    raise KeyError(j)
        except KeyError as e:
            caught += e.args[0]
    return caught


def nested_gen(nested):
    return sum(v for row in nested for v in row if v % 3)


print(triangle(3000))
print(rows([[1, 2, 3]] * 500 + [[]] * 100 + [[5]] * 500))
print(changes_outer(2000))
print(breaks(400))
print(raises(600))
print(nested_gen([list(range(k % 9)) for k in range(2000)]))
