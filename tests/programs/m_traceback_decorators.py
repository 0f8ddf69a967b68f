# Decorated functions and classes: co_firstlineno is the first decorator's line, and a
# traceback through a decorator points at it (as CPython 3.11).
import functools, inspect, os, traceback, sys


def show_exc():
    print(traceback.format_exc().replace(__file__, os.path.basename(__file__)), end="")


def deco(f): raise ValueError("in deco")
def ok(f): return f
@functools.lru_cache
@functools.lru_cache
def f(): pass
print(f.__wrapped__.__wrapped__.__code__.co_firstlineno)
class A:
    @classmethod
    def k(cls): pass
print(A.k.__code__.co_firstlineno, inspect.getsourcelines(A.k)[1])
try:
    @ok
    @deco
    @ok
    def g(): pass
except ValueError:
    show_exc()
try:
    @deco
    class B: pass
except ValueError:
    show_exc()
@ok
class C:
    def m(self): return sys._getframe().f_back.f_lineno
print(inspect.getsourcelines(C)[1], inspect.getsource(C).splitlines()[0])
