# Values change type while a loop's trace runs: int to float, int past 2**53 to big int, float
# to int, bool where an int was, str where a number was.


def int_to_float(n):
    x = 0
    for i in range(n):
        if i == n // 2:
            x = 0.5
        x = x + i
    return x


def overflow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x


def float_to_int(n):
    acc = 0.0
    for i in range(n):
        if i > n - 5:
            acc = int(acc)
        acc = acc + 1.25
    return acc


def bool_and_int(n):
    total = 0
    for i in range(n):
        v = i % 7 == 0 if i > n // 2 else i
        total += v
    return total


def mixed(values):
    out = []
    for v in values:
        out.append(v * 2)
    return out


print(int_to_float(300))
print(overflow(80))
print(float_to_int(200))
print(bool_and_int(400))
print(mixed(list(range(50)) + [1.5, "ab", 2, None.__class__.__name__]))
try:
    total = 0
    for i in range(300):
        total += i if i < 250 else str(i)
except TypeError as e:
    print("TypeError", e, total)
