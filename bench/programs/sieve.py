# A sieve of Eratosthenes over a list, run several times, with slice assignment and indexing.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 6000000


def sieve_loop(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    return flags


def sieve_slices(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = [False] * ((n - i * i) // i + 1)
    return flags


def main(n):
    a = sieve_loop(n)
    b = sieve_slices(n)
    assert a == b
    primes = [i for i in range(n + 1) if a[i]]
    twins = 0
    for k in range(1, len(primes)):
        if primes[k] - primes[k - 1] == 2:
            twins += 1
    print("primes below", n, len(primes), "largest", primes[-1], "twins", twins)
    print("sum mod", sum(primes) % 1000000007)


main(N)
