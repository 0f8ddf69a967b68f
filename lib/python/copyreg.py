# The module `copyreg`: the registry pickle and copy consult for reducing objects (dispatch_table,
# pickle(), constructor()), the helpers pickles of ordinary objects name (__newobj__,
# __newobj_ex__, _reconstructor), __slots__ name discovery, the extension code registry, and
# object's default reduction (_reduce_object: object.__reduce_ex__ and object.__reduce__).

__all__ = ["pickle", "constructor", "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Registers pickle_function as the reducer of ob_type's instances."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


def _reconstructor(cls, base, state):
    """Rebuilds an object pickled with protocol 0 or 1 (see _reduce_ex)."""
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _builtin_base(cls):
    """The first class of cls's MRO that is not defined in Python (object at the latest)."""
    for base in cls.__mro__:
        if base.__module__ == "builtins":
            return base
    return object


def _reduce_ex(self, proto):
    """object.__reduce_ex__ for protocols 0 and 1."""
    assert proto < 2
    cls = self.__class__
    base = _builtin_base(cls)
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    getstate = getattr(cls, "__getstate__", None)
    if getstate is None or getstate is _object_getstate:
        # object.__getstate__: the instance dict, refused when there are slots to lose
        if getattr(self, "__slots__", None):
            raise TypeError("a class that defines __slots__ without defining __getstate__ cannot be pickled")
        dict = getattr(self, "__dict__", None)
    else:
        dict = self.__getstate__()
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


_object_getstate = getattr(object, "__getstate__", None)


def _default_state(obj):
    """object.__getstate__(): the instance dict (None when empty), with the __slots__ values."""
    cls = type(obj)
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None and getstate is not _object_getstate:
        return obj.__getstate__()
    state = getattr(obj, "__dict__", None) or None
    slots = {}
    for name in _slotnames(cls):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        state = (state, slots)
    return state


# Built-in types whose instances object's reduction rebuilds (through __newobj__ and the items).
_NEWOBJ_BUILTINS = (object, int, float, complex, str, bytes, bytearray, tuple, list, dict, set, frozenset)
# Unbound methods of built-in types: reduced to getattr(the type, name).
_DESCRIPTOR_TYPES = ("method_descriptor", "wrapper_descriptor", "classmethod_descriptor")


def _reduce_builtin(obj):
    """The reduction CPython's built-in types give themselves, where pyjit's do not: or None."""
    t = type(obj)
    if t is range:
        return range, (obj.start, obj.stop, obj.step)
    if t is slice:
        return slice, (obj.start, obj.stop, obj.step)
    if obj is Ellipsis:
        return "Ellipsis"
    if obj is NotImplemented:
        return "NotImplemented"
    if t.__name__ in _DESCRIPTOR_TYPES and hasattr(obj, "__objclass__"):
        return getattr, (obj.__objclass__, obj.__name__)
    return None


def _reduce_object(obj, proto):
    """object.__reduce_ex__(proto): a built-in value's own reduction, else (protocols 0 and 1)
    _reduce_ex's, else rebuilding with cls.__new__(cls, *__getnewargs__()) and the state."""
    rv = _reduce_builtin(obj)
    if rv is not None:
        return rv
    cls = type(obj)
    if (cls.__module__ == "builtins" and cls not in _NEWOBJ_BUILTINS and not hasattr(obj, "__dict__")
            and not hasattr(cls, "__getnewargs__") and not hasattr(cls, "__getnewargs_ex__")):
        raise TypeError("cannot pickle %r object" % cls.__name__)
    if proto < 2:
        return _reduce_ex(obj, proto)
    getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
    kwargs = None
    if getnewargs_ex is not None:
        pair = getnewargs_ex()
        if not isinstance(pair, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not '%s'" % type(pair).__name__)
        if len(pair) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, not %d" % len(pair))
        args, kwargs = pair
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'"
                            % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'"
                            % type(kwargs).__name__)
    else:
        getnewargs = getattr(obj, "__getnewargs__", None)
        if getnewargs is not None:
            args = getnewargs()
            if not isinstance(args, tuple):
                raise TypeError("__getnewargs__ should return a tuple, not '%s'" % type(args).__name__)
        else:
            args = ()
    state = _default_state(obj)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return __newobj_ex__, (cls, args, kwargs), state, listitems, dictitems
    return __newobj__, (cls,) + args, state, listitems, dictitems


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """cls.__new__ with keyword arguments (protocol 4's NEWOBJ_EX)."""
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of cls's __slots__ (private names mangled), cached on cls."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if not hasattr(cls, "__slots__"):
        pass
    else:
        for c in cls.__mro__:
            if "__slots__" in c.__dict__:
                slots = c.__dict__["__slots__"]
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    elif name.startswith("__") and not name.endswith("__"):
                        stripped = c.__name__.lstrip("_")
                        if stripped:
                            names.append("_%s%s" % (stripped, name))
                        else:
                            names.append(name)
                    else:
                        names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# Extension codes (protocol 2's EXT1/EXT2/EXT4): (module, name) <-> code.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Registers an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" % (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" % (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregisters an extension code (for testing only)."""
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
