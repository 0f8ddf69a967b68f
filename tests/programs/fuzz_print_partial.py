# Found by the tier fuzzer against CPython (seed 300183): print() writes each value as it goes, so
# when str() of a later value raises, the values before it and their separators are already out.
class Bad:
    def __str__(self):
        raise ValueError("no str")


for args, kw in [(("block2", Bad()), {}), (("a", "b", Bad(), "c"), {}), ((Bad(),), {}),
                 (("x", 1, Bad()), {"sep": "-", "end": "!\n"}), (("y", Bad()), {"sep": ""})]:
    try:
        print(*args, **kw)
    except ValueError as e:
        print("ValueError", e)
try:
    print("big", (10 ** 5000,))
except ValueError as e:
    print("ValueError", str(e)[:40])
print("done")
