a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
print(*[1, 2], *(3,), 4)
print([*range(3), *"ab"], (*[1], 2), {*[1, 1, 2]})
d1 = {"a": 1}
d2 = {**d1, "b": 2, **{"c": 3}}
print(d2)
def f(a, b, c=0, *args, **kwargs):
    return a, b, c, args, kwargs
print(f(*[1, 2, 3, 4], **{"z": 5}))
print(f(1, *[2], c=3, **{"q": 1}))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
lst = [0, 1, 2, 3, 4, 5]
lst[1:3] = ["a", "b", "c"]
print(lst)
del lst[0], lst[-1]
print(lst)
lst[::2] = [9, 9, 9]
print(lst)
