# deopts: CONTAINS_OP
# Substring tests specialized (CONTAINS_OP_STR), then a container of another kind at the same site.
DIGITS = "0123456789"


def count(text, pool):
    n = 0
    for ch in text:
        if ch in pool:
            n += 1
        if ch not in pool:
            n += 100
    return n


print(count("a1b2c3" * 50, DIGITS), count("", DIGITS), count("xyz", ""))
print("" in "abc", "" in "", "bc" in "abc", "cb" in "abc", "😀" in "a😀b", "\ud83d" in "x")
print(count("a1b2", ["1", "2"]), count("a1b2", {"a": 0}), count("a1b2", ("b",)))
try:
    count("a1", 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 in "abc")
except TypeError as e:
    print(type(e).__name__, e)
