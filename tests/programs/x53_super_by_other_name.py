# Zero-argument super() reached through another name, or called bare and kept: the __class__ cell
# and the first argument of the running method, found the same way however super is called.
class A:
    def f(self):
        return "A.f"

    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"


class B(A):
    def f(self):
        sup = super
        return "B>" + sup().f()

    def g(self):
        s = super()
        return s.f()

    @classmethod
    def make(cls):
        return "B>" + super().make()

    def uses_class(self):
        return __class__.__name__


print(B().f(), B().g(), B.make(), B().uses_class())


def outside():
    return super()


try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)


class C:
    def h():
        return super()


try:
    C.h()
except RuntimeError as e:
    print("RuntimeError:", e)

