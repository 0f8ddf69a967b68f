# Found by the tier fuzzer (seeds 1046, 1058): CPython 3.11 ends at line 2 with "SyntaxError:
# f-string: expecting '}'" (a quote inside a replacement field ends the f-string before 3.12);
# pyjit accepts it as 3.12 does and prints "1|   1".
x = 1
print(f"{x}|{f"{x!r:>4}"}")
