# Builtin types' dunders called directly with the wrong number of arguments: CPython's slot-wrapper
# TypeErrors (found by the runtime fuzzer: pyjit returned NotImplemented or failed internally).
for f in [lambda: (1).__add__(), lambda: (1).__add__(1,2), lambda: (1).__add__(x=1), lambda: [].__iadd__(), lambda: (1).__neg__(1), lambda: {}.__eq__(), lambda: (1).__radd__(), lambda: (1).__pow__(), lambda: (1).__pow__(1,2,3), lambda: 'a'.__lt__(), lambda: (1.5).__divmod__(), lambda: [].__contains__(), lambda: (1).__bool__(1), lambda: [].__len__(2), lambda: (1).__hash__(1), lambda: (2).__pow__(3, 5), lambda: (1).__add__(2), lambda: [1].__eq__([1])]:
    try: print(f())
    except TypeError as e: print('TypeError', e)
for v in ([], {}, (), 's', b'b', range(3), bytearray(), memoryview(b'x')):
  for n, a in (('__getitem__', ()), ('__setitem__', (1,)), ('__delitem__', ())):
    f = getattr(v, n, None)
    if f is None: continue
    try: f(*a)
    except TypeError as e: print(type(v).__name__, n, e)
for value in ({}, [], (), 1, "s", 1.5, set()):
    for name in ("__eq__", "__lt__"):
        try:
            print(type(value).__name__, name, getattr(value, name)())
        except TypeError as e:
            print(type(value).__name__, name, "TypeError", e)
