/**
 * The import-system cases: each lays out files in a fresh temporary directory and runs one
 * command line in it. tests/tools/gen_import_expected.ts runs them with CPython 3.11 (`python3 -S`,
 * so that no site hook pre-imports modules) and writes tests/data/import_expected.json;
 * tests/imports_test.ts runs them with pyjit and compares.
 *
 * Outputs are compared after normalizing: the temporary directory reads `{dir}`, object addresses
 * read `0x…`, and CPython's executable path at the start of a `-m` error reads `pyjit`.
 * @module
 */

/** One import scenario. */
export interface ImportCase {
  name: string;
  /**
   * Relative path → content, text (written as UTF-8) or bytes; directories are made as needed and
   * a path ending in "/" is an empty directory.
   */
  files: Record<string, string | Uint8Array>;
  /** The arguments after the interpreter, e.g. ["main.py"] or ["-m", "pkg"]. */
  args: string[];
  /** The directory to run in, relative to the case's directory (default: the directory itself). */
  cwd?: string;
  /** PYTHONPATH, with `{dir}` for the case's directory. */
  pythonPath?: string;
  /**
   * How much of stderr must match: all of it, or only its last line (where CPython's traceback
   * shows frames of its own Python-written import machinery, which pyjit does not have).
   */
  stderr: "exact" | "last-line";
}

/** The latin-1 bytes of a text (each character below U+0100). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

const HELPER = `"""A helper module."""
print("helper runs as", __name__)

def greet(who):
    return f"hello {who}"

class Thing:
    pass
`;

const PACKAGE = {
  "pkg/__init__.py": `print("pkg init", __name__, __package__)\nVERSION = 1\n`,
  "pkg/mod.py":
    `from . import sibling\nfrom .sibling import value\nprint("mod", __name__, __package__, value)\n`,
  "pkg/sibling.py": `value = 42\n`,
  "pkg/sub/__init__.py": ``,
  "pkg/sub/deep.py":
    `from .. import mod\nfrom ..sibling import value as v\nfrom . import leaf\nprint("deep", __name__, __package__, v, leaf.NAME)\n`,
  "pkg/sub/leaf.py": `NAME = "leaf"\n`,
};

/** Prints a module's import attributes (addresses are normalized away). */
const SHOW = `
def show(m):
    print(repr(m))
    print("  name", m.__name__, "package", repr(m.__package__))
    print("  file", getattr(m, "__file__", "-"), "has __cached__", hasattr(m, "__cached__"))
    print("  path", getattr(m, "__path__", "-"))
    print("  spec", m.__spec__)
    print("  parent", repr(m.__spec__.parent), "origin", m.__spec__.origin, "has_location", m.__spec__.has_location)
    print("  loader is spec.loader", m.__loader__ is m.__spec__.loader)
    print("  keys", [k for k in vars(m) if k.startswith("__")])
`;

/** Every case. */
export const IMPORT_CASES: ImportCase[] = [
  {
    name: "local module beside the script",
    files: {
      "helper.py": HELPER,
      "main.py": `import sys
${SHOW}
print(sys.path[0])
import helper
print(helper.greet("world"), helper.Thing.__module__)
show(helper)
import helper as again
print(again is helper, sys.modules["helper"] is helper)
print(__name__, __file__, __package__, __spec__)
print(type(__loader__).__name__, __loader__.name, __loader__.path)
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "packages, submodules and the names import binds",
    files: {
      ...PACKAGE,
      "main.py": `${SHOW}
import pkg.mod
print(pkg.mod.__name__, pkg.sibling.value, "sub" in dir(pkg))
show(pkg)
show(pkg.mod)
import pkg.sub.deep
print(pkg.sub.deep.__name__, pkg.sub.leaf.NAME)
import pkg.sub.deep as d
print(d is pkg.sub.deep)
from pkg import mod
from pkg.sub import deep
print(mod is pkg.mod, deep is d)
import pkg.sub
print(sorted(k for k in vars(pkg.sub) if not k.startswith("__")))
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "relative imports and their errors",
    files: {
      ...PACKAGE,
      "pkg/rel.py": `from . import sibling
from .sibling import value
from .sub import leaf
from .sub.leaf import NAME
print("rel", sibling.value, value, leaf.NAME, NAME)
try:
    from ... import nothing
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .missing import x
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from . import missing
except ImportError as e:
    print(type(e).__name__, e)
`,
      "main.py": `import pkg.rel
for src in ["from . import x", "from .. import x", "from .x import y"]:
    try:
        exec(src)
    except ImportError as e:
        print(type(e).__name__, e)
ns = {"__name__": "pkg.sub.deep2", "__package__": None}
exec("from . import leaf; print(leaf.NAME)", ns)
ns = {"__name__": "pkg.sub", "__path__": []}
exec("from . import leaf; print(leaf.NAME)", ns)
ns = {"__package__": "pkg.sub"}
exec("from .. import sibling; print(sibling.value)", ns)
for g in [{"__package__": 5}, {"__name__": 5}, {}]:
    try:
        exec("from . import x", g)
    except Exception as e:
        print(type(e).__name__, e)
print(__import__("sibling", {"__package__": "pkg"}, None, ["value"], 1).value)
print(__import__("sub.leaf", {"__package__": "pkg"}, None, [], 1).__name__)
print(__import__("", {"__package__": "pkg.sub"}, None, [], 2).__name__)
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "namespace packages across two path entries",
    files: {
      "a/ns/one.py": `print("one", __name__, __package__)\n`,
      "b/ns/two.py": `print("two", __name__, __package__)\n`,
      "b/ns/inner/deep.py": `X = 1\n`,
      "main.py": `import sys
sys.path.append(sys.path[0] + "/a")
sys.path.append(sys.path[0] + "/b")
import ns.one, ns.two
import ns.inner.deep
print(ns)
print(ns.__path__, ns.__file__, ns.__spec__.origin, ns.__spec__.has_location)
print(ns.__spec__)
print(type(ns.__loader__).__name__, ns.__loader__ is ns.__spec__.loader, ns.__package__)
print(list(ns.__path__), len(ns.__path__), ns.inner.deep.X, ns.inner.__path__)
print(sorted(k for k in vars(ns) if k.startswith("__")))
try:
    from ns import nothing
except ImportError as e:
    print(e)
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "fromlists, __all__ and star imports",
    files: {
      "pkg/__init__.py": `__all__ = ["a", "b", "CONST"]\nCONST = 3\n`,
      "pkg/a.py": `print("a loads")\nA = 1\n`,
      "pkg/b.py": `print("b loads")\nB = 2\n`,
      "pkg/c.py": `print("c loads")\n`,
      "plain.py": `x = 1\n_hidden = 2\n__dunder = 3\ndef f(): pass\nimport sys\n`,
      "withall.py": `__all__ = ("x", "_y")\nx = 1\n_y = 2\nz = 3\n`,
      "badall.py": `__all__ = ["x", 5]\nx = 1\n`,
      "main.py": `from pkg import c
print(c.__name__)
from pkg import *
print(a.A, b.B, CONST)
ns = {}
exec("from plain import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
ns = {}
exec("from withall import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
try:
    exec("from badall import *", {})
except TypeError as e:
    print(e)
try:
    __import__("pkg", fromlist=[5])
except TypeError as e:
    print(e)
import pkg
print(__import__("pkg", fromlist=["nothing"]) is pkg)
print(__import__("pkg", fromlist=["*"]) is pkg)
try:
    from pkg import nothing
except ImportError as e:
    print(e)
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "circular imports see the partially initialized module",
    files: {
      "a.py": `print("a starts")\nimport b\nprint("a sees b.y", b.y)\nx = 1\n`,
      "b.py": `print("b starts")
import a
print("a has x yet:", hasattr(a, "x"))
try:
    a.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    from a import x
except ImportError as e:
    print("ImportError:", e)
    print(e.name, e.path)
y = 2
`,
      "main.py": `import a\nprint(a.x, a.b.y)\n`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "an uncaught circular ImportError",
    files: {
      "p.py": `from q import g\ndef f(): pass\n`,
      "q.py": `from p import f\ndef g(): pass\n`,
      "main.py": `import p\n`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "error messages and exception attributes",
    files: {
      ...PACKAGE,
      "main.py": `def attempt(src):
    try:
        exec(src, {"__name__": "__main__"})
    except ImportError as e:
        print(type(e).__name__, "|", e, "|", e.name, "|", e.path)
    except Exception as e:
        print(type(e).__name__, "|", e)
attempt("import nosuch")
attempt("import pkg.nosuch")
attempt("import pkg.sibling.x")
attempt("import pkg.sibling.x.y")
attempt("from pkg import nosuch")
attempt("from pkg.sibling import nosuch")
attempt("from sys import nosuch")
attempt("import sys; sys.nosuch")
attempt("__import__('')")
attempt("__import__('pkg', level=-1)")
attempt("__import__(5)")
attempt("__import__('.x')")
attempt("import pkg.nosuch as s")
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "sys.modules is honoured",
    files: {
      "counted.py": `print("counted executes")\n`,
      "replacer.py":
        `import sys\nclass Replacement:\n    def __repr__(self):\n        return "<replacement>"\nsys.modules[__name__] = Replacement()\n`,
      "failing.py": `print("failing starts")\nraise ValueError("boom")\n`,
      "main.py": `import sys
import counted
import counted
del sys.modules["counted"]
import counted
sys.modules["fake"] = 42
import fake
print(fake)
sys.modules["stopped"] = None
try:
    import stopped
except ImportError as e:
    print(type(e).__name__, e, e.name)
import replacer
print(replacer)
try:
    import failing
except ValueError as e:
    print("caught", e, "failing" in sys.modules)
sys.modules["pkgish"] = type(sys)("pkgish")
try:
    import pkgish.sub
except ImportError as e:
    print(e)
print(list(sys.modules).index("counted") > list(sys.modules).index("sys"))
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "__import__ arguments and a replaced builtins.__import__",
    files: {
      ...PACKAGE,
      "main.py": `import builtins
print(__import__("pkg.sub.leaf").__name__)
print(__import__("pkg.sub.leaf", fromlist=["NAME"]).__name__)
print(__import__("pkg.sub", globals(), locals(), ["leaf"], 0).leaf.NAME)
print(__import__(name="pkg.sibling", fromlist=("value",)).value)
try:
    __import__("pkg", level="a")
except TypeError as e:
    print(e)
original = builtins.__import__
seen = []
def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    if not name.startswith("_"):
        seen.append((name, fromlist, level))
    return original(name, globals, locals, fromlist, level)
builtins.__import__ = tracing_import
import pkg.sibling
from pkg import mod
from pkg.sub import leaf as l2
builtins.__import__ = original
print(seen)
del builtins.__import__
try:
    import pkg
except ImportError as e:
    print(type(e).__name__, e)
builtins.__import__ = original
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "a local module shadows a standard module found on sys.path, not a built-in one",
    files: {
      "random.py": `print("local random")\nVALUE = "mine"\n`,
      "__future__.py": `print("local __future__")\n`,
      "time.py": `print("local time: never imported")\n`,
      "main.py": `import random, __future__, time
print(random.VALUE, __future__.__name__, time.__name__, hasattr(time, "perf_counter"))
print(time.__spec__.origin)
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "a syntax error in an imported module",
    files: {
      "good.py": `def f():\n    return 1\n`,
      "bad.py": `x = 1\ny = = 2\n`,
      "main.py": `import good\nprint("before")\nimport bad\n`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "tracebacks through imported modules",
    files: {
      "lib1.py": `def outer(n):\n    return inner(n) + 1\n\ndef inner(n):\n    return 10 / n\n`,
      "lib2.py": `import lib1\nresult = lib1.outer(0)\n`,
      "main.py":
        `import sys\ntry:\n    import lib2\nexcept ZeroDivisionError:\n    print("lib2" in sys.modules)\nimport lib1\nlib1.outer(0)\n`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "-m runs a submodule as __main__",
    files: {
      ...PACKAGE,
      "pkg/tool.py": `import sys
from . import sibling
print("tool", __name__, __package__, __spec__.name, sibling.value)
print(sys.argv, sys.path[0])
print(__file__, type(__loader__).__name__)
print([k for k in globals() if k.startswith("__")])
print(sorted(k for k in sys.modules if k.startswith("pkg")))
`,
    },
    args: ["-m", "pkg.tool", "one", "--two"],
    stderr: "exact",
  },
  {
    name: "-m runs a package's __main__",
    files: {
      "app/__init__.py": `print("app init")\n`,
      "app/__main__.py":
        `import sys\nprint("app main", __name__, __package__, __spec__.name, sys.argv[1:])\n`,
    },
    args: ["-m", "app", "x"],
    stderr: "exact",
  },
  {
    name: "-m with a module that does not exist",
    files: {},
    args: ["-m", "nosuch"],
    stderr: "exact",
  },
  {
    name: "-m with a package without __main__",
    files: { "lib/__init__.py": `print("lib init")\n` },
    args: ["-m", "lib"],
    stderr: "exact",
  },
  {
    name: "-m with a missing parent package",
    files: {},
    args: ["-m", "nosuch.sub"],
    stderr: "exact",
  },
  {
    name: "-m with a file name",
    files: { "script.py": `print("script body")\n` },
    args: ["-m", "script.py"],
    stderr: "exact",
  },
  {
    name: "-m with a relative name",
    files: {},
    args: ["-m", ".x"],
    stderr: "exact",
  },
  {
    name: "-m with a built-in module",
    files: {},
    args: ["-m", "sys"],
    stderr: "exact",
  },
  {
    name: "-m with a namespace package",
    files: { "nspkg/": "" },
    args: ["-m", "nspkg"],
    stderr: "exact",
  },
  {
    name: "-m with a module raising an exception",
    files: { "boom.py": `def f():\n    raise KeyError("k")\nf()\n` },
    args: ["-m", "boom"],
    stderr: "last-line",
  },
  {
    name: "PYTHONPATH entries come after the script's directory",
    files: {
      "lib/shared.py": `WHERE = "lib"\n`,
      "lib/only_in_lib.py": `WHERE = "only lib"\n`,
      "app/shared.py": `WHERE = "app"\n`,
      "app/main.py": `import sys, shared, only_in_lib
print(shared.WHERE, only_in_lib.WHERE)
print(sys.path[:3])
print(__file__, sys.argv[0])
`,
    },
    args: ["app/main.py"],
    pythonPath: "{dir}/lib:other",
    stderr: "exact",
  },
  {
    name: "-c searches the current directory ('' on sys.path)",
    files: { "work/helper.py": HELPER },
    cwd: "work",
    args: ["-c", "import sys, helper; print(repr(sys.path[0]), helper.__file__, helper.greet('c'))"],
    stderr: "exact",
  },
  {
    name: "importlib: import_module, reload, find_spec, specs from file locations",
    files: {
      ...PACKAGE,
      "counter.py": `print("counter runs")\ntry:\n    runs += 1\nexcept NameError:\n    runs = 1\n`,
      "elsewhere/plugin.py": `print("plugin runs as", __name__)\nANSWER = 42\n`,
      "elsewhere/plugpkg/__init__.py": `print("plugpkg runs as", __name__, __path__)\n`,
      "main.py": `import importlib, importlib.util, importlib.machinery, sys
m = importlib.import_module("pkg.sub.leaf")
print(m.__name__, importlib.import_module(".sibling", "pkg").value)
print(importlib.import_module("..sibling", "pkg.sub").value)
for args in [(".x",), ("..x", "pkg"), (".x", 5), ("nosuch",)]:
    try:
        importlib.import_module(*args)
    except Exception as e:
        print(type(e).__name__, e)
import counter
counter.extra = "kept"
again = importlib.reload(counter)
print(again is counter, counter.runs, counter.extra)
for bad in [5, type(sys)("loose")]:
    try:
        importlib.reload(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(importlib.invalidate_caches())
print(importlib.util.find_spec("pkg.sub").name, importlib.util.find_spec(".sibling", "pkg").origin)
print(importlib.util.find_spec("nosuch"), importlib.util.find_spec("sys"))
sys.modules["halted"] = None
print(importlib.util.find_spec("halted"))
try:
    importlib.util.find_spec("counter.sub")
except Exception as e:
    print(type(e).__name__, e)
spec = importlib.util.spec_from_file_location("plugin_alias", "elsewhere/plugin.py")
print(spec)
print(spec.name, spec.origin, spec.has_location, spec.parent, spec.submodule_search_locations)
module = importlib.util.module_from_spec(spec)
print(module, "plugin_alias" in sys.modules, [k for k in vars(module)])
spec.loader.exec_module(module)
print(module.ANSWER, module.__file__)
pspec = importlib.util.spec_from_file_location("plugpkg", "elsewhere/plugpkg/__init__.py")
print(pspec.submodule_search_locations, pspec.parent)
pmod = importlib.util.module_from_spec(pspec)
pspec.loader.exec_module(pmod)
print(importlib.util.spec_from_file_location("x", "notes.txt"))
print(importlib.util.resolve_name(".a", "p.q"), importlib.util.resolve_name("a", None))
print(importlib.util.spec_from_loader("virtual", None))
print(importlib.machinery.PathFinder.find_spec("counter").origin)
print(importlib.machinery.BuiltinImporter.find_spec("sys"))
print(importlib.machinery.SOURCE_SUFFIXES, spec.loader.get_filename(), spec.loader.is_package("plugin_alias"))
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "the legacy SourceFileLoader.load_module",
    files: {
      ...PACKAGE,
      "main.py": `import importlib.machinery, sys
m = importlib.machinery.SourceFileLoader("sib", "pkg/sibling.py").load_module()
print(m, m.value, sys.modules["sib"] is m, m.__spec__.origin)
m.value = 0
again = importlib.machinery.SourceFileLoader("sib", "pkg/sibling.py").load_module("sib")
print(again is m, again.value)
p = importlib.machinery.SourceFileLoader("pk", sys.path[0] + "/pkg/__init__.py").load_module()
print(p.__path__, p.__package__)
try:
    importlib.machinery.SourceFileLoader("sib", "pkg/sibling.py").load_module("other")
except ImportError as e:
    print(e)
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "a finder on sys.meta_path and a path hook",
    files: {
      "main.py": `import sys, importlib.util, importlib.abc

class VirtualLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.VALUE = "virtual " + module.__name__
        print("exec", module.__name__, module.__spec__.origin)

class VirtualFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname.startswith("virtual"):
            return importlib.util.spec_from_loader(fullname, VirtualLoader(), origin="virtual-origin")
        return None

sys.meta_path.insert(0, VirtualFinder())
import virtual_one
print(virtual_one.VALUE, virtual_one)
from virtual_two import VALUE
print(VALUE)

class EntryFinder:
    def __init__(self, path):
        self.path = path
    def find_spec(self, fullname, target=None):
        if fullname == "from_entry":
            return importlib.util.spec_from_loader(fullname, VirtualLoader(), origin=self.path)
        return None

def hook(path):
    if path.startswith("entry:"):
        return EntryFinder(path)
    raise ImportError("not mine")

sys.path_hooks.insert(0, hook)
sys.path.append("entry:somewhere")
import from_entry
print(from_entry.VALUE, type(sys.path_importer_cache["entry:somewhere"]).__name__)
`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "module __getattr__ and from-imports of computed names",
    files: {
      "lazy.py":
        `def __getattr__(name):\n    if name.startswith("x"):\n        return name.upper()\n    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n`,
      "main.py":
        `from lazy import xyz\nprint(xyz)\ntry:\n    from lazy import abc\nexcept ImportError as e:\n    print(e)\n`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "source encodings of imported modules",
    files: {
      "latin.py": latin1("# -*- coding: latin-1 -*-\nTEXT = 'caf\u00e9'\n"),
      "bommed.py": "\ufeffTEXT = 'bom \u00e9'\n",
      "main.py": `import latin, bommed\nprint(latin.TEXT, len(latin.TEXT), bommed.TEXT)\n`,
    },
    args: ["main.py"],
    stderr: "exact",
  },
  {
    name: "a script run from another directory",
    files: {
      "sub/helper.py": HELPER,
      "sub/main.py": `import sys, helper\nprint(sys.path[0], __file__, sys.argv[0])\n`,
    },
    args: ["sub/main.py"],
    stderr: "exact",
  },
];
