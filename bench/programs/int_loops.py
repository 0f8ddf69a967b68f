# Integer arithmetic in tight loops: Collatz step counts, a linear congruential generator, gcd.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def main(n):
    total = 0
    longest = 0
    for i in range(1, n + 1):
        s = collatz_steps(i)
        total += s
        if s > longest:
            longest = s
    seed = 12345
    mix = 0
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        mix = (mix ^ (seed >> 7)) + gcd(seed % 9973 + 1, i + 1)
    print("collatz total", total, "longest", longest)
    print("lcg mix", mix % 1000000007)


main(N)
