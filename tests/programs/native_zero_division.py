# A ZeroDivisionError raised in a natively compiled loop: the traceback names the line and the
# expression as the interpreter's does.


def countdown(n):
    total = 0
    for i in range(n):
        total += 1000 // (n - 1 - i) if i < n - 1 else 0
        total = total + 1000 % (n - 1 - i)
    return total


print(countdown(50))
