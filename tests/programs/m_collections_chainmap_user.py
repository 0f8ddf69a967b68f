from collections import ChainMap, UserDict, UserList, UserString

defaults = {"color": "red", "user": "guest"}
args = {"user": "alice"}
cm = ChainMap(args, defaults)
print(cm, cm["user"], cm["color"], len(cm), sorted(cm), list(cm.items()), "color" in cm, cm.get("x", 0))
cm["color"] = "blue"
print(args, defaults, cm.maps)
child = cm.new_child()
child["user"] = "bob"
print(child, child.parents, child["user"], cm["user"])
print(cm.new_child({"a": 1}), cm.new_child(b=2), ChainMap(), bool(ChainMap({})), bool(cm))
del cm["color"]
print(cm, cm.pop("user"), cm)
for bad in ("cm.pop('zz')", "cm.__delitem__('zz')", "ChainMap().popitem()", "ChainMap({})['k']"):
    try:
        eval(bad)
    except KeyError as e:
        print(bad, "KeyError", e)
c2 = cm.copy()
print(type(c2).__name__, c2 == cm, c2.maps[0] is cm.maps[0], dict(ChainMap({1: 1}, {2: 2}) | {3: 3}))
rec = ChainMap()
rec["self"] = rec
print(rec)
print(ChainMap.fromkeys("ab", 0))

ud = UserDict(a=1)
ud["b"] = 2
print(ud, ud.data, len(ud), "a" in ud, ud.get("z"), sorted(ud.keys()), ud | {"c": 3}, isinstance(ud, dict))


class Missing(UserDict):
    def __missing__(self, key):
        return key * 2


print(Missing()["ab"], UserDict.fromkeys("xy", 0), ud.copy(), type(Missing().copy()).__name__)
try:
    ud["nope"]
except KeyError as e:
    print("KeyError", e)

ul = UserList([3, 1, 2])
ul.append(5)
ul.sort()
print(ul, ul[1], ul[1:3], type(ul[1:3]).__name__, len(ul), ul + [9], [0] + ul, ul * 2, 3 in ul, ul == [1, 2, 3, 5])
ul.extend(UserList([7]))
ul.insert(0, 0)
ul.remove(3)
ul.reverse()
print(ul, ul.pop(), ul.index(2), ul.count(1), ul.copy(), ul < [9], max(ul))
ul += [100]
ul *= 2
print(ul)

us = UserString("Hello")
print(us, repr(us), us.upper(), us + "!", "!" + us, us * 2, us[1:3], type(us[0]).__name__, len(us), "ell" in us)
print(us.replace("l", "L"), us.split("l"), us.startswith("He"), us == "Hello", us < "World", us.find("l"),
      us.center(9, "*"), hash(us) == hash("Hello"), us.lower().title(), int(UserString("42")) + 1)
