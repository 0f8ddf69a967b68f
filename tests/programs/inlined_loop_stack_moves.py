# An inner loop inlined into its outer loop's trace, with a loop run as a whole inside it and a side
# path: where the side path goes back to the inlined loop's head, the iterators on the stack are
# moved to the names the head has, which the side path's own names can overlap (fuzz seed
# 1920001811: the outer loop's iterator took the inner one's place, and the loop ended early).
class E0(Exception):
    pass
def block0(n):
    lst = [3.0, 7, 1]
    out = []
    seen = []
    for i in range(n):
        for j in range(10):
            lst.append(j)
            if len(lst) > 12:
                lst = lst[-6:]
            for g in [i] * (j % 5):
                pass
        seen.append(i)
        try:
            if i % 12 == 1:
                raise E0(i)
        except E0 as e:
            out.append(e.args[0])
    return out, seen
print(block0(20))
