# Found by the tier fuzzer (seeds 14, 39): max() of a value that does not compare. Tier 1 called
# max's two-argument entry (`item > best`), the specialized call the general loop, which asked
# `best < item` and so named '<' and the operands the other way round.
def block(n, a, b):
    c = -(10 ** 30)
    for i in range(n):
        try:
            a = max(max(a, c), b)
        except TypeError as e:
            if i % 10 == 0:
                print(i, e)
        try:
            print(max(i, b, (3,)) if i % 25 == 0 else min([i, b]))
        except TypeError as e:
            if i % 10 == 0:
                print(i, e)
    return a


print(block(50, None, 0.1))
print(block(60, 1, (3,)))
print(block(60, 1, 2.5))
for i in range(40):
    try:
        max([i, None], key=lambda v: v)
    except TypeError as e:
        if i % 13 == 0:
            print(e)
