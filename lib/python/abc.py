"""Abstract base classes (PEP 3119): the ABCMeta metaclass (abstract method bookkeeping, virtual
subclasses through register(), isinstance/issubclass hooks with positive and negative caches),
the ABC helper class, and the abstractmethod family of decorators."""


def abstractmethod(funcobj):
    """Marks a method abstract: a class whose ABCMeta metaclass sees it cannot be instantiated
    until a subclass overrides it."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use classmethod over abstractmethod."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use staticmethod over abstractmethod."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use property over abstractmethod."""

    __isabstractmethod__ = True


# Bumped by every register(): negative caches older than this are stale.
_invalidation = [0]


def get_cache_token():
    """A token that changes whenever a class is registered with any ABC."""
    return _invalidation[0]


class _AbcState:
    """Per-class bookkeeping, kept off the class namespace so that updating it does not
    change the class."""

    __slots__ = ("registry", "cache", "negative_cache", "negative_version")

    def __init__(self):
        self.registry = []
        self.cache = set()
        self.negative_cache = set()
        self.negative_version = _invalidation[0]


def _abstract_names(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items() if getattr(value, "__isabstractmethod__", False)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstract_names(cls, namespace, bases)
        cls._abc_impl = _AbcState()
        return cls

    def register(cls, subclass):
        """Registers a virtual subclass of an ABC; returns it, so that this works as a class
        decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.append(subclass)
        _invalidation[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        state = cls._abc_impl
        subclass = instance.__class__
        if subclass in state.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if state.negative_version == _invalidation[0] and subclass in state.negative_cache:
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        if state.negative_version < _invalidation[0]:
            state.negative_cache = set()
            state.negative_version = _invalidation[0]
        elif subclass in state.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
            if ok:
                state.cache.add(subclass)
            else:
                state.negative_cache.add(subclass)
            return ok
        if cls in subclass.__mro__:
            state.cache.add(subclass)
            return True
        for rcls in state.registry:
            if issubclass(subclass, rcls):
                state.cache.add(subclass)
                return True
        for scls in type.__subclasses__(cls):
            if issubclass(subclass, scls):
                state.cache.add(subclass)
                return True
        state.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper: prints the ABC's registry and caches."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        state = cls._abc_impl
        print(f"_abc_registry: {set(state.registry)!r}", file=file)
        print(f"_abc_cache: {state.cache!r}", file=file)
        print(f"_abc_negative_cache: {state.negative_cache!r}", file=file)
        print(f"_abc_negative_cache_version: {state.negative_version!r}", file=file)

    def _abc_registry_clear(cls):
        """Clears the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clears the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recomputes an ABC's abstract methods after methods were added to it after creation."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class: subclassing ABC gives a class ABCMeta as its metaclass."""

    __slots__ = ()
