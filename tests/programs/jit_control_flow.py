# Loops whose paths the trace must follow or leave: branches taken every other iteration, break,
# continue, else, nested loops, try/finally and exceptions inside the loop, exits on the first and
# the last iteration, generators driving loops and loops inside generators, recursion.


def alternate(n):
    evens = odds = 0
    for i in range(n):
        if i % 2:
            odds += i
        else:
            evens += i
    return evens, odds


def brk_cont(n):
    total = 0
    for i in range(n):
        if i % 5 == 0:
            continue
        if i > n - 3:
            break
        total += i
    else:
        total = -1
    return total


def loop_else(n):
    for i in range(n):
        if i < 0:
            break
    else:
        return "else ran", i
    return "broke"


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i % 13):
            total += i * j
        total -= 1
    return total


def with_finally(n):
    log = 0
    for i in range(n):
        try:
            if i % 50 == 49:
                raise ValueError(i)
            log += 1
        except ValueError as e:
            log += 1000 + e.args[0]
        finally:
            log += 2
    return log


def escapes(n):
    i = 0
    while True:
        i += 1
        if i == n:
            return [1, 2][i]


def first_and_last(n):
    results = []
    for k in range(3):
        total = 0
        i = 0
        while i < n + k:
            total += i
            i += 1
        results.append(total)
    return results


def gen(n):
    for i in range(n):
        yield i * i


def consume(n):
    total = 0
    for v in gen(n):
        total += v
    return total


def inner_loop_gen(n):
    def g():
        acc = 0
        for i in range(n):
            acc += i
            if i % 100 == 99:
                yield acc
    return list(g())


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def recursion_in_loop(n):
    return [fib(k) for k in range(n)]


def strings(n):
    s = ""
    for i in range(n):
        s += "ab"[i % 2]
    return len(s), s[:10]


print(alternate(1000))
print(brk_cont(500))
print(loop_else(300))
print(nested(200))
print(with_finally(500))
try:
    escapes(400)
except IndexError as e:
    print("IndexError", e)
print(first_and_last(300))
print(consume(500))
print(inner_loop_gen(500))
print(recursion_in_loop(18))
print(strings(300))
