def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
class C:
    x: int = 5
    y: str
    def m(self) -> None: pass
print(C.__annotations__, C.m.__annotations__)
z: float = 1.5
print(__annotations__)
