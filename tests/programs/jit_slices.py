# container[start:stop] inside JIT traces: str, list and tuple with int and None bounds, negative
# and out-of-range bounds, and a class with its own __getitem__ (a slice object reaches it).
class Seq:
    def __getitem__(self, key):
        return (key.start, key.stop, key.step)


def run(n):
    s = "abcdefghij"
    lst = list(range(10))
    tup = tuple(lst)
    seq = Seq()
    acc = []
    total = 0
    for i in range(n):
        a = i % 12 - 1
        b = (i * 7) % 13 - 2
        total += len(s[a:b]) + len(lst[a:]) + len(tup[:b]) + len(s[:]) 
        if i % 997 == 0:
            acc.append((s[a:b], lst[-3:b], tup[a:None], seq[a:b]))
    return total, acc[-2:]


print(run(5000))
