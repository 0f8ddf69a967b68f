# Sizes CPython refuses before (or instead of) allocating: MemoryError, OverflowError and
# ValueError with CPython's messages. Nothing here allocates much: each case fails at once.
import itertools


def attempt(expr):
    try:
        value = eval(expr)
    except (MemoryError, OverflowError, ValueError, IndexError, TypeError) as e:
        print(f"{expr:45} -> {type(e).__name__}: {e}")
    else:
        text = repr(value)
        print(f"{expr:45} -> {text if len(text) < 40 else ('len', len(value))}")


# Repetition.
for expr in [
    "b'a' * 10**15",
    "[0] * 10**12",
    "[0] * 10**20",
    "(1,) * 10**12",
    "[1, 2] * 2**62",
    "'a' * 10**20",
    "'a' * 2**62",
    "'ab' * 2**62",
    "'ab' * 10**17",
    "'a' * (2**63 - 1)",
    "'a' * -2**63",
    "'a' * -(2**63 + 1)",
    "b'a' * 10**20",
    "b'ab' * 2**62",
    "bytearray(b'ab') * 2**62",
    "'' * 2**100",
    "[] * 2**100",
    "(2**62) * 'ab'",
    "'x' * -5",
]:
    attempt(expr)

# Allocation by size.
for expr in [
    "list(range(10**12))",
    "tuple(range(2**40))",
    "list(range(10**12, 0))",
    "bytearray(10**20)",
    "bytes(10**20)",
    "bytes(2**63)",
    "bytes(2**62)",
    "bytearray(2**62)",
    "bytes(-1)",
    "bytearray(-1)",
    "(1).to_bytes(2**62, 'big')",
    "(1).to_bytes(2**63, 'big')",
    "1 << 2**64",
    "1 << 10**20",
    "1 << 7*10**19",
    "0 << 2**100",
    "(-1) >> 2**100",
    "1 >> 2**100",
]:
    attempt(expr)

# Padding and formatting widths.
for expr in [
    "'x'.ljust(2**62)",
    "'x'.ljust(2**63)",
    "'x'.rjust(-2**63 - 1)",
    "'x'.center(10**20)",
    "'x'.center(2**62)",
    "'x'.zfill(10**12)",
    "b'x'.ljust(2**62)",
    "b'x'.ljust(2**63)",
    "'a'.expandtabs(2**31)",
    "'abc'.expandtabs(2**100)",
    "'%*d' % (2**62, 1)",
    "'%*d' % (2**63, 1)",
    "'%*d' % (-2**63 - 1, 1)",
    "'%.*f' % (2**31, 1.0)",
    "'%.*f' % (-2**31 - 1, 1.5)",
    "'%.*f' % (-1, 1.5)",
    "'%99999999999999999999d' % 1",
    "'%.99999999999999999999f' % 1.0",
    "'%.2147483648d' % 1",
    "'{:99999999999999999999}'.format(1)",
    "'{:.99999999999999999999}'.format(1.5)",
    "'{:.2147483648}'.format(1.5)",
    "'{:.2147483648}'.format('x')",
    "'{:{}}'.format(1, 2**62)",
    "f'{1:>{10**12}}'",
    "'{:1000000000000}'.format(1)",
    "'%1000000000000d' % 1",
    "chr(2**31)",
    "chr(-2**31 - 1)",
    "chr(2**40)",
    "'abc'.splitlines(2**100)",
]:
    attempt(expr)

# Counts taken as C integers by itertools.
for expr in [
    "itertools.repeat(1, 2**63)",
    "list(itertools.repeat(1, 2**62))",
    "itertools.islice('abc', 2**63)",
    "list(itertools.islice('abc', 2**62))",
    "list(itertools.islice('abc', 0, 3, 2**62))",
    "itertools.islice('abc', 0, 3, 2**63)",
    "itertools.tee('ab', 2**62)",
    "itertools.tee('ab', 2**63)",
    "itertools.product('ab', repeat=2**62)",
    "itertools.product('ab', repeat=2**63)",
    "list(itertools.product(repeat=2**62))",
    "list(itertools.permutations('ab', 2**63))",
    "list(itertools.combinations('ab', 2**63))",
    "list(itertools.combinations('ab', 2**62))",
]:
    attempt(expr)

# A MemoryError is an ordinary exception: caught, it leaves the program running.
try:
    b"a" * 10**15
except MemoryError as e:
    print(type(e).__name__, repr(e), e.args)
print("still running")
