# inspect: predicates, getmembers, getdoc/cleandoc, signature (functions, methods, classes,
# partials, wrapped functions, __signature__), Parameter/Signature/BoundArguments (str, repr,
# bind errors, replace, equality), getfullargspec, getcallargs, unwrap, source code
# (getsource, getsourcelines, getfile, getmodule, getcomments), frames (currentframe, stack,
# getframeinfo, getargvalues), generator states, getattr_static, getclosurevars.
import functools
import inspect
import os
import sys
import types


def show(*values):
    print(*[str(v).replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, "") for v in values])


# A comment about the function below,
# on two lines.
def plain(a, b: int, c=3, *args, d, e: str = "x", **kw) -> bool:
    """Docstring of plain.

        Indented line.
    Last line.
    """
    return True


def posonly(x, y, /, z=1, *, k):
    pass


def gen():
    yield 1
    yield 2


async def coro():
    pass


class Base:
    """A base class."""

    attr = 1

    def method(self, x, y=2):
        """Method doc."""
        return x

    @classmethod
    def cmethod(cls, q):
        pass

    @staticmethod
    def smethod(r, *, s=0):
        pass

    @property
    def prop(self):
        """The property."""
        return 5


class Child(Base):
    def __init__(self, a, b=2, *rest):
        self.a = a

    def method(self, x, y=2):
        return super().method(x, y)


class Callable:
    def __call__(self, value, /, flag=False):
        return value


class NoInit:
    pass


@functools.wraps(plain)
def wrapper(*args, **kwargs):
    return plain(*args, **kwargs)


print("-- predicates")
for name in ["ismodule", "isclass", "ismethod", "isfunction", "isgeneratorfunction",
             "iscoroutinefunction", "isgenerator", "iscoroutine", "isbuiltin", "isroutine",
             "ismethoddescriptor", "isdatadescriptor", "isabstract", "iscode", "isframe",
             "istraceback", "isawaitable", "isasyncgenfunction", "ismemberdescriptor",
             "isgetsetdescriptor"]:
    pred = getattr(inspect, name)
    c = coro()
    results = [pred(v) for v in (inspect, Base, Base().method, plain, gen, coro, gen(), c, len,
                                 Base.__dict__["cmethod"], property(), plain.__code__,
                                 sys._getframe(), [].append, str.join, type(plain).__code__)]
    c.close()
    print(name, "".join("1" if r else "." for r in results))

print("-- members and docs")
print([name for name, _ in inspect.getmembers(Base) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(Child, inspect.isfunction)])
print([name for name, _ in inspect.getmembers(Child(1), inspect.ismethod)])
print(inspect.getdoc(plain))
print(inspect.getdoc(Child.method), inspect.getdoc(Child), inspect.getdoc(Base.prop))
print(repr(inspect.cleandoc("  first\n      second\n    third\n\n")))
print(inspect.getmro(Child) == (Child, Base, object), inspect.unwrap(wrapper) is plain)
print(inspect.indentsize("    \tx"), inspect.getmodulename("/a/b/mod.py"), inspect.getmodulename("x.txt"))
print([(a.name, a.kind, a.defining_class.__name__) for a in inspect.classify_class_attrs(Child)
       if not a.name.startswith("__")])

print("-- signatures")
for f in (plain, posonly, Base.method, Base().method, Base.cmethod, Base.smethod, Child,
          Callable(), Callable, NoInit, wrapper, functools.partial(plain, 1, d=4),
          functools.partial(posonly, 1), functools.partial(Child.method, Child(1), y=5),
          lambda *, a=1: 0, gen):
    sig = inspect.signature(f)
    print(sig, repr(sig.return_annotation) if sig.return_annotation is not sig.empty else "")
print(inspect.signature(wrapper, follow_wrapped=False), inspect.signature(object))
for f in (type, int, 3):
    try:
        inspect.signature(f)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

sig = inspect.signature(plain)
for p in sig.parameters.values():
    print(repr(p), p.name, p.kind, p.kind.description, repr(p.default) if p.default is not p.empty else "-",
          p.annotation if p.annotation is not p.empty else "-")
print(list(sig.parameters), repr(sig))
ba = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(ba, ba.args, ba.kwargs, ba.arguments)
ba = sig.bind(1, 2, d=0)
ba.apply_defaults()
print(ba)
print(sig.bind_partial(1))
for args, kwargs in [((), {}), ((1, 2), {}), ((1,), {"b": 2, "d": 1, "a": 3})]:
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        print(e)
psig = inspect.signature(posonly)
for args, kwargs in [((1,), {"y": 2, "k": 3}), ((1, 2, 3, 4), {"k": 1}), ((1, 2), {"k": 1, "q": 2})]:
    try:
        print(psig.bind(*args, **kwargs))
    except TypeError as e:
        print(e)

P = inspect.Parameter
params = [P("a", P.POSITIONAL_ONLY), P("b", P.POSITIONAL_OR_KEYWORD, default=1, annotation=int),
          P("args", P.VAR_POSITIONAL), P("c", P.KEYWORD_ONLY, default=None), P("kw", P.VAR_KEYWORD)]
s2 = inspect.Signature(params, return_annotation=list)
print(s2, s2 == inspect.Signature(params, return_annotation=list), s2 == sig, hash(s2) == hash(s2.replace()))
print(s2.replace(return_annotation=inspect.Signature.empty), params[1].replace(name="bb", default=2))
print(inspect.Signature([P("x", P.KEYWORD_ONLY)]), inspect.Signature([P("x", P.POSITIONAL_ONLY)]))
for bad in [lambda: P("1x", P.POSITIONAL_ONLY), lambda: P("class", P.KEYWORD_ONLY),
            lambda: P("a", 7), lambda: P("a", P.VAR_POSITIONAL, default=1), lambda: P(3, P.KEYWORD_ONLY),
            lambda: inspect.Signature([P("a", P.KEYWORD_ONLY), P("b", P.POSITIONAL_ONLY)]),
            lambda: inspect.Signature([P("a", P.POSITIONAL_ONLY, default=1), P("b", P.POSITIONAL_ONLY)]),
            lambda: inspect.Signature([P("a", P.POSITIONAL_ONLY), P("a", P.KEYWORD_ONLY)])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(P.empty, inspect.Signature.empty is inspect.Parameter.empty, repr(P.KEYWORD_ONLY), int(P.VAR_KEYWORD))


def annotated(x: "list[int]", y: list[int], z: types.SimpleNamespace = None) -> "str":
    pass


print(inspect.signature(annotated))
print(inspect.signature(annotated, eval_str=True))
print(inspect.get_annotations(annotated), inspect.get_annotations(Base))


def with_sig(*args):
    pass


with_sig.__signature__ = inspect.Signature([P("only", P.POSITIONAL_OR_KEYWORD)])
print(inspect.signature(with_sig))
print(inspect.getfullargspec(plain))
print(inspect.getfullargspec(Base().method))
print(inspect.getcallargs(plain, 1, 2, d=3))
print(sorted(inspect.getcallargs(Base().method, 7)))
for args in [(), (1, 2, 3, 4, 5)]:
    try:
        inspect.getcallargs(Base.method, *args)
    except TypeError as e:
        print(e)
try:
    inspect.getfullargspec(3)
except TypeError as e:
    print(e)

print("-- source")
print(inspect.getsource(posonly), end="")
print(inspect.getsource(Base.method), end="")
print(inspect.getsource(Child), end="")
lines, start = inspect.getsourcelines(gen)
print(start, len(lines))
print(inspect.getcomments(plain), end="")
one_liner = lambda q: q * 2  # noqa: E731
print(inspect.getsource(one_liner), end="")
show(inspect.getfile(plain), inspect.getsourcefile(Base), inspect.getmodule(plain).__name__,
     inspect.getmodule(Base).__name__)
for bad in (3, len, sys):
    try:
        inspect.getfile(bad)
    except TypeError as e:
        print(e)
try:
    inspect.getsource(len)
except TypeError as e:
    print(e)

print("-- frames")


def frame_user(arg, *rest, **opts):
    local_var = "value"
    frame = inspect.currentframe()
    print(frame.f_code.co_name, inspect.getargvalues(frame).args, inspect.getargvalues(frame).varargs,
          inspect.getargvalues(frame).keywords, sorted(inspect.getargvalues(frame).locals))
    print(inspect.formatargvalues(*inspect.getargvalues(frame))[:40])
    info = inspect.getframeinfo(frame)
    show(info.filename, info.lineno, info.function, info.code_context, info.index)
    st = inspect.stack()
    show([fi.function for fi in st], st[0].lineno, st[0].code_context, st[1].function)
    return [fi.function for fi in inspect.getouterframes(frame, 0)]


print(frame_user(1, 2, x=3))
try:
    frame_user(None, 0)[5]
except IndexError:
    tb_frames = inspect.trace()
    show([(fi.function, fi.lineno) for fi in tb_frames])
    show([fi.code_context for fi in inspect.getinnerframes(sys.exc_info()[2])])

g = gen()
print(inspect.getgeneratorstate(g), end=" ")
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g), end=" ")
g.close()
print(inspect.getgeneratorstate(g))
c = coro()
print(inspect.getcoroutinestate(c))
c.close()
print(inspect.getcoroutinestate(c))

print("-- static")


class Dyn:
    x = 1

    def __getattr__(self, name):
        return "dynamic " + name

    @property
    def p(self):
        raise RuntimeError("not called")


d = Dyn()
d.y = 2
print(inspect.getattr_static(d, "x"), inspect.getattr_static(d, "y"), type(inspect.getattr_static(d, "p")).__name__,
      inspect.getattr_static(d, "zz", "default"))
try:
    inspect.getattr_static(d, "zz")
except AttributeError as e:
    print("AttributeError", e)
free = 10


def outer():
    captured = 5

    def inner():
        return captured + free + len("x") + undefined_name  # noqa: F821
    return inner


cv = inspect.getclosurevars(outer())
print(cv.nonlocals, list(cv.globals), list(cv.builtins), cv.unbound)
