"""The finders, loaders and module specs of the import system (pyjit's own, as importlib's)."""

from _pyjit_import import (
    BuiltinImporter,
    FileFinder,
    FrozenImporter,
    ModuleSpec,
    NamespaceLoader,
    PathFinder,
    SourceFileLoader,
)

# pyjit compiles source files each time and loads no compiled extensions.
SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = []


def all_suffixes():
    """Every file suffix the import system recognizes."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
