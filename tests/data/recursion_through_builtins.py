import sys
n = 0
def via_map(x):
    global n
    n += 1
    return list(map(via_map, [x]))
def via_sorted(x):
    global n
    n += 1
    return sorted([x], key=via_sorted)
class R:
    def __repr__(self):
        global n
        n += 1
        return repr(R())
class G:
    def __getattr__(self, name):
        global n
        n += 1
        return getattr(G(), name)
class E:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        global n
        n += 1
        return E() in {E(): 1}
for name, start in [("map", lambda: via_map(1)), ("sorted", lambda: via_sorted(1)), ("repr", lambda: repr(R())),
                    ("getattr", lambda: G().x), ("eq", lambda: E() == E())]:
    n = 0
    try:
        start()
    except RecursionError:
        print(name, n)
