"""Base classes for finders and loaders of the import system (plain classes in pyjit: the abc
module's registration machinery is not used)."""


class MetaPathFinder:
    """A finder for sys.meta_path: find_spec(fullname, path, target=None) returns a spec or None."""

    def invalidate_caches(self):
        """Drops whatever the finder caches."""


class PathEntryFinder:
    """A finder for one sys.path entry: find_spec(fullname, target=None) returns a spec or None."""

    def invalidate_caches(self):
        """Drops whatever the finder caches."""


class Loader:
    """A loader: create_module(spec) makes the module (None: the default one), exec_module runs it."""

    def create_module(self, spec):
        """The module to load into, or None to let the import system make one."""
        return None

    def load_module(self, fullname):
        """The old loading protocol, not supported by this base class."""
        raise ImportError
