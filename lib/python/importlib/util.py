"""Helpers of the import system: finding specs, making modules from specs, specs for files."""

import _pyjit_import
from importlib.machinery import ModuleSpec, SourceFileLoader, SOURCE_SUFFIXES
from importlib import _leading_dots, _absolute_name

module_from_spec = _pyjit_import.module_from_spec


def resolve_name(name, package):
    """The absolute name of `name` (relative names are anchored at `package`)."""
    if not name.startswith("."):
        return name
    if not package:
        raise ImportError(f"no package specified for {repr(name)} (required for relative module names)")
    level = _leading_dots(name)
    return _absolute_name(name[level:], package, level)


def find_spec(name, package=None):
    """The spec of a module: sys.modules' module's own, else what the finders say (None: not found).

    The parent package of a submodule is imported first."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    return _pyjit_import.find_spec_of_name(fullname, name)


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=_POPULATE):
    """A spec for the module in a file (a .py file gets a SourceFileLoader); None for other files."""
    if location is None:
        location = "<unknown>"
        if hasattr(loader, "get_filename"):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        if not isinstance(location, str):
            location = location.__fspath__()
        location = _pyjit_import.absolute_path(location)
    spec = ModuleSpec(name, loader, origin=location)
    spec.has_location = True
    if loader is None:
        if not location.endswith(tuple(SOURCE_SUFFIXES)):
            return None
        loader = SourceFileLoader(name, location)
        spec.loader = loader
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, "is_package"):
            try:
                if loader.is_package(name):
                    spec.submodule_search_locations = []
            except ImportError:
                pass
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == [] and location:
        spec.submodule_search_locations.append(location.rpartition("/")[0])
    return spec


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for a module a loader can load."""
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if not origin and hasattr(loader, "get_filename"):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader, submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def cache_from_source(path, debug_override=None, *, optimization=None):
    """pyjit writes no bytecode caches."""
    raise NotImplementedError("sys.implementation.cache_tag is None")


def source_from_cache(path):
    """pyjit writes no bytecode caches."""
    raise NotImplementedError("sys.implementation.cache_tag is None")


def decode_source(source_bytes):
    """The text of Python source bytes (a BOM or a coding cookie, else UTF-8), newlines made \\n."""
    return _pyjit_import.decode_source(source_bytes)
