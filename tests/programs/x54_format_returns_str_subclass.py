# __format__ may return a str subclass: format(), f-strings and str.format accept it alike (one
# formatting path); a lone f-string field and format() give the subclass instance back.
class S(str):
    pass


class A:
    def __format__(self, spec):
        return S("fmt:" + spec)


print(f"{A()}", f"{A():x}", f"<{A()}>", format(A()), format(A(), "y"), "{}".format(A()))
print(type(f"{A()}").__name__, type(format(A())).__name__, type(f"<{A()}>").__name__)


class Bad:
    def __format__(self, spec):
        return 42


for attempt in (lambda: f"{Bad()}", lambda: format(Bad()), lambda: "{}".format(Bad())):
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)

print(ascii("é€😀"), f"{'é'!a}", "{!a}".format("ü"), "%a" % "ß")
