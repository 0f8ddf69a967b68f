# The int operators BINARY_OP_INT computes on ints held as numbers (& | ^ >> << % //), on operands
# beyond 32 bits and of both signs, in hot loops (specialized, then traced), against the general path.
vals = [0, 1, -1, 2, -2, 7, -7, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 + 5, -(2**32) - 5,
        2**52 + 3, -(2**52) - 3, 2**53 - 1, -(2**53) + 1, 123456789012, -98765432101]
shifts = [0, 1, 5, 31, 32, 33, 52, 53, 63, 64, 100]
out = []
for _ in range(3):
    for a in vals:
        for b in vals:
            out.append(a & b)
            out.append(a | b)
            out.append(a ^ b)
            if b != 0:
                out.append(a % b)
                out.append(a // b)
        for s in shifts:
            out.append(a >> s)
            out.append(a << s)
h = 0
for v in out:
    h = (h * 1000003 + hash(v)) % (2**61 - 1)
print(len(out), h)
print(out[:40])
print([type(v).__name__ for v in out[-30:]])
for x in (-4 % 2, -4 // 2, 4 // -2, 0 // -5, -(2**52) >> 60, 5 << 0, 2**40 >> 3, -(2**40) >> 3):
    print(x, repr(x))

# A linear congruential generator's state passes 2**31: its shifts and masks stay exact.
seed = 1
acc = 0
for i in range(20000):
    seed = (seed * 69069 + 1) % 4294967296
    acc += (seed >> 5) % 3 + (seed & 0xFFFF) + ((seed ^ (seed >> 13)) & 255) + (seed << 3) % 1000
print(seed, acc)

# Errors still come from the general path, at the right line.
for a, b in ((1, 0), (5, -1)):
    try:
        print(a % b, a // b, a << b)
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
