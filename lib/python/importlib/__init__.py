"""The import system, from Python: import modules by name, reload them, and clear finder caches.

pyjit's import machinery lives in its virtual machine; this package (and importlib.util,
importlib.machinery, importlib.abc) exposes it with importlib's interface, through the
_pyjit_import helper module."""

import builtins
import sys
import _pyjit_import

__all__ = ["__import__", "import_module", "invalidate_caches", "reload"]

__import__ = builtins.__import__


def _leading_dots(name):
    count = 0
    for ch in name:
        if ch != ".":
            break
        count += 1
    return count


def _absolute_name(name, package, level):
    """The absolute module name for `name` imported `level` dots below `package`."""
    if not isinstance(name, str):
        raise TypeError(f"module name must be str, not {type(name)}")
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        if not package:
            raise ImportError("attempted relative import with no known parent package")
    if not name and level == 0:
        raise ValueError("Empty module name")
    if level == 0:
        return name
    parts = package.rsplit(".", level - 1)
    if len(parts) < level:
        raise ImportError("attempted relative import beyond top-level package")
    return f"{parts[0]}.{name}" if name else parts[0]


def import_module(name, package=None):
    """Imports a module and returns it (not its top-level package); `package` anchors a relative name."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError(
                f"the 'package' argument is required to perform a relative import for {name!r}"
            )
        level = _leading_dots(name)
    return _pyjit_import.import_module(_absolute_name(name[level:], package, level))


def invalidate_caches():
    """Asks every finder on sys.meta_path to drop what it has cached."""
    for finder in sys.meta_path:
        if hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()


_reloading = {}


def reload(module):
    """Runs a module's code again in its own namespace (found anew on its parent's path)."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _reloading:
        return _reloading[name]
    _reloading[name] = module
    try:
        parent_name = name.rpartition(".")[0]
        path = None
        if parent_name:
            try:
                parent = sys.modules[parent_name]
            except KeyError:
                raise ImportError(f"parent {parent_name!r} not in sys.modules", name=parent_name) from None
            path = parent.__path__
        spec = module.__spec__ = _pyjit_import.find_spec(name, path)
        if spec is None:
            raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
        return _pyjit_import.exec_spec(spec, module)
    finally:
        del _reloading[name]
