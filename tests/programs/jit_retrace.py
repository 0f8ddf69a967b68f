# A loop's trace is dropped and recorded again (its entry guards keep failing once a value changes
# type), and the new recording takes its branch the other way: side paths grown from the first
# recording's branches must not be reused with the second's.


def count(data, start):
    total = start
    for x in data:
        if x % 3:
            total += 1
        else:
            total += 100
    return total


mostly_true = [1, 2, 4, 5, 7, 8, 10, 11, 3] * 20
mostly_false = [3, 6, 9, 12, 15, 1] * 30

# The trace is recorded with the branch taken one way; the other way grows a side path.
print(sum(count(mostly_true, 0) for _ in range(50)))
# A float start makes the entry guards fail until the trace is dropped and recorded again.
print(sum(count(mostly_false, 0.5) for _ in range(100)))
# Both ways again, with ints.
print(sum(count(mostly_false, 0) for _ in range(50)), sum(count(mostly_true, 0) for _ in range(50)))
