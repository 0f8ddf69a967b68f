global_counter = 0
global global_counter2
global_counter2 = 5
def bump():
    global global_counter
    global_counter += 1
bump(); bump()
print(global_counter, global_counter2)
data = [3, 1, 4, 1, 5, 9, 2, 6]
i = 0
while (n := data[i]) != 9:
    i += 1
print("found 9 at", i, n)
print([y for x in data if (y := x * 2) > 8])
print(1 in [1, 2] in [[1, 2]], None is None is not False, 1 < 2 > 1)
print((lambda a, f=lambda v: v * 2: f(a))(5))
nums = list(range(10))
del nums[2:5]
del nums[::2]
print(nums)
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
def fact(n):
    def inner(k):
        return 1 if k <= 1 else k * inner(k - 1)
    return inner(n)
print(fact(20), fact(25))
print(-0.0, 0.0 == -0.0, 1e308 * 10, -(2 ** 63), 12345678901234567890 + 1)
s = "abc" "def" 'ghi'
b = b"bytes" b"\x00\xff"
print(s, b, len(b), r"raw\n", "uni\u00e9\N{GREEK SMALL LETTER ALPHA}")
if __name__ == "__main__":
    print("main guard")
while True:
    break
else:
    print("not printed")
print(*[], sep="", end="")
print("")
x = [1, 2, 3]
x[len(x):] = [4]
x[:0] = [0]
print(x, x[::-1], x[-2::-2], x[10:], x[-100:2])
t = 1,
print(t, type(t).__name__, (), (1,) * 3)
d = {}
d.setdefault("a", []).append(1)
d["b"] = d.get("b", 0) + 1
print(d, {**d, "c": 3}, dict(a=1, **{"b": 2}))
mat = [[1, 2], [3, 4]]
print([[row[i] for row in mat] for i in range(2)])
print({k: v for k, v in zip("abc", range(3)) if v}, {i % 3 for i in range(10)})
cond = True
print("yes" if cond else "no", "a" if not cond else "b" if cond else "c")
print(not not 1, -(-1), +True, ~False, True + True, 7 // 2, -7 // 2, 7 % -3, divmod(-7, 2), 2 ** 0.5)
val = 10
val -= 3; val *= 2; val //= 3; val **= 2
print(val)
print(isinstance(True, int), type(1 == 1), bool([]), bool([0]))
print("%d %s %r %.2f %5s|%-5s|" % (5, "s", "r", 3.14159, "a", "b"))
print("{} {:>4} {name}".format(1, 2, name="n"))
