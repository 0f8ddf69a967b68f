# gc: the interface in a host that collects by itself: enable/disable/isenabled, collect (with
# callbacks and generation checks), thresholds, debug flags, get_stats, is_tracked,
# get_referents of containers, freeze, garbage.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.enable(), gc.disable(), gc.isenabled())
gc.enable()
print(gc.collect() >= 0, gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
for g in (-1, 3, "x", 2.0):
    try:
        gc.collect(g)
    except Exception as e:
        print(type(e).__name__, e)

print(gc.get_threshold())
gc.set_threshold(5)
print(gc.get_threshold())
gc.set_threshold(5, 6)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
for args in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*args)
    except TypeError as e:
        print(e)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(gc.garbage, gc.callbacks, gc.get_freeze_count())
gc.freeze()
gc.unfreeze()
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))


def cb(phase, info):
    print(phase, info)


gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)


class A:
    pass


a = A()
print(gc.is_tracked(1), gc.is_tracked("a"), gc.is_tracked([]), gc.is_tracked({}),
      gc.is_tracked({1: 2}), gc.is_tracked({1: []}), gc.is_tracked(a), gc.is_tracked(A),
      gc.is_tracked(None), gc.is_tracked(set()), gc.is_finalized(a))
print(gc.get_referents([1, "a"]), gc.get_referents({1: 2}), gc.get_referents(1),
      gc.get_referents((1, 2), [3]))
print(sorted(n for n in dir(gc) if not n.startswith("__")))
