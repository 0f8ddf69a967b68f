# Loops at a module's top level are traced: their variables are the module's globals, read and
# written through LOAD_NAME / STORE_NAME at each use. A variable changing type, a name that starts
# shadowing a builtin, one deleted mid-loop (NameError at its line), a global changed from a
# function the loop calls, a class body's loop (its namespace as locals) and exec with a mapping.
total = 0
for i in range(3000):
    total += i * 2
print("sum", total)

x = 0
for i in range(2000):
    x = x + 1
    if i == 1500:
        x = x + 0.5          # x becomes a float: the trace's guard fails and it leaves
print("x", x, type(x).__name__)

count = 0
for i in range(2000):
    if i == 1000:
        len = lambda v: -1   # a module name now shadows the builtin
    count += len([i])
del len
print("count", count)

def bump():
    global counter
    counter += 10

counter = 0
for i in range(1500):
    bump()
    counter += 1
print("counter", counter)

gone = 1
try:
    for i in range(3000):
        if i == 2500:
            del gone
        gone = gone + 1 if i < 2500 else gone
except NameError as e:
    print("NameError:", e, "at i =", i)

class Table:
    rows = []
    for k in range(1200):
        rows.append(k * k)
    size = len(rows)
print("class", Table.size, Table.rows[-1], hasattr(Table, "k"))

namespace = {}
exec("acc = 0\nfor j in range(2500):\n    acc += j % 7\n", namespace)
print("exec", namespace["acc"])

class Recorder(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2 if key == "v" else value)
mapping = Recorder()
exec("v = 1\nfor j in range(1200):\n    w = v\n", {}, mapping)
print("mapping", mapping["v"], mapping["w"], mapping["j"])

words = "the quick brown fox jumps over the lazy dog the end".split()
seen = {}
for rep in range(300):
    for w in words:
        seen[w] = seen.get(w, 0) + 1
print(sorted(seen.items())[:3], len(seen))
