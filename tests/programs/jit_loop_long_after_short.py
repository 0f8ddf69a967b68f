# A loop that the JIT gave up on while its calls ran it one iteration at a time (recording left the
# loop, or the trace ran under three iterations per entry) is tried again when a later call runs it
# long; the results are the same on every tier.
def short(n):
    t = 0
    for i in range(n):
        t += i * 3 - (i >> 1)
    return t


def walk(items, limit):
    total = 0
    k = 0
    while k < limit:
        total += items[k % len(items)]
        k += 1
    return total


for j in range(30000):
    short(1)
    walk([j], 1)
print(short(2_000_000))
print(walk([1, 2, 3, 4], 1_500_000))
