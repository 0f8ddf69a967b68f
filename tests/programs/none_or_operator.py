# `|` with None: None has no __or__ of its own (found by the tier fuzzer, seed 1690004355: pyjit
# gave `None | None` the value NoneType). A type or alias on either side makes a union; None with
# None, or with anything else, is a TypeError.
for expr in ["None | None", "None | int", "int | None", "None | list[int]", "list[int] | None",
             "None | (int | str)", "None | 1", "1 | None", "None | 'x'", "(int | None) | None"]:
    try:
        print(expr, "->", eval(expr))
    except TypeError as e:
        print(expr, "-> TypeError:", e)
print(hasattr(None, "__or__"), hasattr(None, "__ror__"), hasattr(type(None), "__or__"))
x = None
try:
    x |= None
except TypeError as e:
    print("|=", e)
