# range(stop) and range(start, stop) made inside JIT traces (and their iterators), with empty,
# negative and non-int bounds that leave for the generic call.
def f(n):
    t = 0
    for i in range(n):
        for j in range(i % 7):
            t += j
        for k in range(i % 5, i % 11):
            t -= k
        r = range(i % 3)
        t += len(r)
    return t
print(f(20000))
def g(vals):
    out = 0
    for v in vals:
        for j in range(v):
            out += 1
    return out
print(g([3, 2, 0, -1, 4] * 400))
try:
    print(g([3, 2, 2.5]))
except TypeError as e:
    print(e)
