# The import system without files of its own: built-in modules, sys.modules, __import__, importlib.
import sys
import importlib


def attempt(src, ns=None):
    try:
        exec(src, {"__name__": "__main__"} if ns is None else ns)
    except ImportError as e:
        print(type(e).__name__, "|", e, "|", e.name, "|", e.path)
    except Exception as e:
        print(type(e).__name__, "|", e)


attempt("import no_such_module_anywhere")
attempt("import no_such_module_anywhere.sub")
attempt("import sys.nothing")
attempt("from sys import nothing")
attempt("from time import nothing")
attempt("from . import x")
attempt("from .. import x")
attempt("from .x import y")
attempt("from . import x", {"__package__": 5})
attempt("from . import x", {"__spec__": 5})
attempt("from . import x", {"__name__": 7})
attempt("from . import x", {})
attempt("__import__('')")
attempt("__import__('sys', level=-1)")
attempt("__import__(42)")
attempt("__import__('sys', fromlist=[None])")
attempt("__import__('sys', level='x')")

# import binds names; fromlists give the module itself.
import time as t
from sys import argv as a, maxsize
print(t is sys.modules["time"], a is sys.argv, maxsize == sys.maxsize)
print(__import__("sys") is sys, __import__("time", fromlist=["sleep"]) is t)
print(__import__("sys", globals(), locals(), [], 0) is sys)

# sys.modules: any object, None halts, deleting re-imports.
sys.modules["answer"] = 42
import answer
print(answer)
from answer import real
print(real)
sys.modules["halted"] = None
attempt("import halted")
attempt("from halted import x")
del sys.modules["answer"]
attempt("import answer")


class Namespace:
    pi = 3.14


sys.modules["fancy"] = Namespace()
from fancy import pi
print(pi)
attempt("from fancy import tau")
attempt("import fancy.sub")

# importlib over built-in modules.
print(importlib.import_module("time") is t)
attempt("importlib.import_module('.x')", {"importlib": importlib})
attempt("importlib.import_module('..x', 'a')", {"importlib": importlib})
attempt("importlib.import_module('')", {"importlib": importlib})
attempt("importlib.reload(42)", {"importlib": importlib})
print(importlib.reload(t) is t)
import importlib.util
print(importlib.util.find_spec("no_such_module_anywhere"))
print(importlib.util.find_spec("sys"))
print(importlib.util.resolve_name("..b", "x.y.z"))
attempt("importlib.util.resolve_name('.b', '')", {"importlib": importlib})

# Specs and module attributes of built-in modules.
print(sys.__spec__.name, sys.__spec__.origin, sys.__spec__.parent == "", sys.__spec__.has_location)
print(repr(sys), repr(t))
print(t.__package__ == "", t.__loader__ is t.__spec__.loader, hasattr(t, "__file__"))
print(__name__, __package__, __spec__)
print(type(sys.meta_path), type(sys.path_hooks), type(sys.path_importer_cache), type(sys.path))
