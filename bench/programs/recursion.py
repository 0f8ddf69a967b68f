# Calls and recursion: fib, tak, ackermann, mutual recursion, n-queens (at most ~250 frames deep).
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 35


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def queens(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if not (cols >> c) & 1 and not (diag1 >> (row + c)) & 1 and not (diag2 >> (row - c + n)) & 1:
            count += queens(n, row + 1, cols | (1 << c), diag1 | (1 << (row + c)), diag2 | (1 << (row - c + n)))
    return count


def main(n):
    print("fib", n, fib(n))
    print("tak", tak(n // 2, n // 3, n // 6))
    print("ack", ack(2, n * 2), ack(3, min(4, n // 6)))
    evens = 0
    for i in range(n * 20):
        if is_even(i % 150):
            evens += 1
    print("evens", evens)
    print("queens", n // 3, queens(n // 3, 0, 0, 0, 0))


main(N)
