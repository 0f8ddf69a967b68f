# decimal: money arithmetic with quantize and rounding modes, high-precision series, division,
# square roots and comparisons, as financial and exact-arithmetic scripts do.
import sys
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, getcontext, localcontext

N = int(sys.argv[1]) if len(sys.argv) > 1 else 280000

CENT = Decimal("0.01")


def ledger(n):
    balance = Decimal("1000.00")
    rate = Decimal("0.0425") / 12
    fees = Decimal(0)
    for i in range(n):
        interest = (balance * rate).quantize(CENT, rounding=ROUND_HALF_EVEN)
        fee = (Decimal(i % 7) * Decimal("0.35")).quantize(CENT, rounding=ROUND_HALF_UP)
        balance = balance + interest - fee
        fees += fee
        if balance > 5000:
            balance -= Decimal("3999.99")
    return balance, fees


def pi_digits(terms):
    with localcontext() as ctx:
        ctx.prec = 60
        total = Decimal(0)
        for k in range(terms):
            total += (Decimal(4) / (8 * k + 1) - Decimal(2) / (8 * k + 4) - Decimal(1) / (8 * k + 5)
                      - Decimal(1) / (8 * k + 6)) / Decimal(16) ** k
        return +total


def main(n):
    balance, fees = ledger(n)
    print("balance", balance, "fees", fees)
    print("pi", pi_digits(50))
    getcontext().prec = 30
    roots = sum(Decimal(i).sqrt() for i in range(1, n // 10))
    ratios = sum(Decimal(i) / Decimal(i + 7) for i in range(1, n // 4))
    print("roots", roots, "ratios", ratios)
    values = [Decimal(i * 37 % 1001) / 8 for i in range(n // 4)]
    print("max", max(values), "min", min(values), "sorted", sorted(values)[n // 8], "sum", sum(values))


main(N)
