# int / int where the quotient is a tiny float: subnormal results and normal ones next to them,
# correctly rounded (each rounded once, half to even), as CPython's long_true_divide gives them.
import random

print(1 / 2**1030, 7 / 2**1075, 2**60 / 2**1080, 1 / round(1.7976931348623157e308))
print(-3 / 2**1074, 1 / 2**1075, 3 / 2**1075, 1 / (2**1075 - 1), (2**53 + 1) / 2**1127)
random.seed(7)
for _ in range(300):
    a = random.getrandbits(random.randint(1, 200))
    b = random.getrandbits(random.randint(900, 1300)) | 1
    print(repr(a / b), repr((a << 1000) / (b | (1 << 1100))), repr(-a / b))
