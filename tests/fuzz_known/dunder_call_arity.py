# Found by the runtime mutator (a mutant called errors.__eq__()): a builtin type's binary dunder
# called with a wrong number of arguments. CPython 3.11 raises "TypeError: expected 1 argument,
# got 0" for each line; pyjit returns NotImplemented (dict, list, tuple, int, str, float, set).
for value in ({}, [], (), 1, "s", 1.5, set()):
    for name in ("__eq__", "__lt__"):
        try:
            print(type(value).__name__, name, getattr(value, name)())
        except TypeError as e:
            print(type(value).__name__, name, "TypeError", e)
