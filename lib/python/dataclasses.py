"""Data classes, as in CPython 3.11's dataclasses module: the @dataclass decorator → a class with
generated __init__, __repr__, __eq__, ordering, __hash__, frozen __setattr__/__delattr__,
__match_args__ and __slots__, from the class's annotated fields.

The generated methods are written as Python source text and compiled with exec, so that they are
ordinary functions with the right signature (parameter names, defaults, annotations). Defaults,
types and helpers reach them as arguments of a factory function wrapped around each definition
(so that nothing is added to the module's namespace), while their globals are the module's.

Also: field, Field, fields, MISSING, KW_ONLY, InitVar, FrozenInstanceError, asdict, astuple,
replace, is_dataclass, make_dataclass.
"""

import sys
import types
import copy
import keyword
import abc

__all__ = [
    "dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
    "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass",
]


class FrozenInstanceError(AttributeError):
    """Raised on an attempt to assign to or delete a field of a frozen dataclass instance."""


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


# The default of an __init__ parameter whose field has a default_factory.
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = types.MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


# What a class annotation is: a field, a ClassVar (ignored) or an InitVar (an __init__ parameter only).
_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    """The type of a pseudo-field that is passed to __init__ and __post_init__ only."""

    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return "dataclasses.InitVar[%s]" % (type_name,)

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass, as field() describes it."""

    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init", "compare",
                 "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,"
                "compare=%r,metadata=%r,kw_only=%r,_field_type=%s)"
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr,
                   self.hash, self.compare, self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        # a descriptor used as a default learns its name too
        set_name = getattr(type(self.default), "__set_name__", None)
        if set_name is not None:
            set_name(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)"
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Describes a field: its default or default factory, and whether it is part of __init__,
    __repr__, comparisons and __hash__."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


# ---------------------------------------------------------------------------------------------
# Recognizing ClassVar, InitVar and KW_ONLY annotations (also written as strings)


def _annotation_head(text):
    """('module' or None, 'Name') for a string annotation like 'typing.ClassVar[int]'."""
    text = text.strip()
    i = 0
    while i < len(text) and (text[i].isalnum() or text[i] == "_"):
        i += 1
    first = text[:i]
    rest = text[i:].lstrip()
    if rest.startswith(".") and first:
        rest = rest[1:].lstrip()
        j = 0
        while j < len(rest) and (rest[j].isalnum() or rest[j] == "_"):
            j += 1
        return first, rest[:j]
    return None, first


def _string_annotation_is(annotation, cls, module_object, wanted):
    """Whether a string annotation names `wanted` (an object of module_object)."""
    module_name, name = _annotation_head(annotation)
    if not name:
        return False
    module = sys.modules.get(cls.__module__)
    namespace = module.__dict__ if module is not None else {}
    if module_name is None:
        return namespace.get(name) is wanted
    return namespace.get(module_name) is module_object and getattr(module_object, name, None) is wanted


def _is_classvar(annotation, typing):
    return annotation is typing.ClassVar or (
        getattr(annotation, "__origin__", None) is typing.ClassVar
        and type(annotation).__name__ == "_GenericAlias")


def _is_initvar(annotation, dataclasses_module):
    return annotation is dataclasses_module.InitVar or type(annotation) is dataclasses_module.InitVar


def _is_kw_only(annotation, dataclasses_module):
    return annotation is dataclasses_module.KW_ONLY


def _is_type(annotation, cls, module_object, predicate, wanted):
    if isinstance(annotation, str):
        return _string_annotation_is(annotation, cls, module_object, wanted)
    return predicate(annotation, module_object)


def _make_field(cls, name, annotation, default_kw_only):
    """The Field of one annotated name of cls."""
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING  # a slot, not a default
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD

    this_module = sys.modules[__name__]
    typing = sys.modules.get("typing")
    if typing is not None and _is_type(annotation, cls, typing, _is_classvar, typing.ClassVar):
        f._field_type = _FIELD_CLASSVAR
    if f._field_type is _FIELD and _is_type(annotation, cls, this_module, _is_initvar, InitVar):
        f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError("field %s cannot have a default factory" % (f.name,))
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError("field %s is a ClassVar but specifies kw_only" % (f.name,))

    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                         % (type(f.default), f.name))
    return f


# ---------------------------------------------------------------------------------------------
# Writing the methods


def _make_function(cls, name, params, body, *, context, return_annotation=MISSING):
    """Compiles `def name(params): body` with the names of `context` visible to it, in the
    globals of cls's module; its __qualname__ is cls's."""
    module = sys.modules.get(cls.__module__)
    module_globals = module.__dict__ if module is not None else {}
    context = dict(context)
    header = "def %s(%s)" % (name, ", ".join(params))
    if return_annotation is not MISSING:
        context["__dataclass_return_type__"] = return_annotation
        header += "->__dataclass_return_type__"
    inner = "  " + header + ":\n" + "".join("    " + line + "\n" for line in body)
    source = ("def __create_fn__(%s):\n%s  return %s\n"
              % (", ".join(context), inner, name))
    made = {}
    exec(source, module_globals, made)
    fn = made["__create_fn__"](**context)
    fn.__qualname__ = "%s.%s" % (cls.__qualname__, fn.__name__)
    return fn


def _set_new_attribute(cls, name, value):
    """Sets cls.name unless cls defines it itself; returns whether it was already there."""
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _field_assignment(frozen, name, value, self_name):
    if frozen:
        return "__dataclass_builtins_object__.__setattr__(%s, %r, %s)" % (self_name, name, value)
    return "%s.%s=%s" % (self_name, name, value)


def _init_line(f, frozen, context, self_name):
    """The __init__ statement that sets field f, or None."""
    default_name = "__dataclass_dflt_%s__" % (f.name,)
    if f.default_factory is not MISSING:
        context[default_name] = f.default_factory
        if f.init:
            value = "%s() if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s" % (
                default_name, f.name, f.name)
        else:
            value = "%s()" % (default_name,)
    elif f.init:
        if f.default is not MISSING:
            context[default_name] = f.default
        value = f.name
    elif f.default is not MISSING:
        context[default_name] = f.default
        value = default_name
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assignment(frozen, f.name, value, self_name)


def _init_param(f):
    """One __init__ parameter: `name:type`, with `=default` when there is one."""
    if f.default is MISSING and f.default_factory is MISSING:
        default = ""
    elif f.default is not MISSING:
        default = "=__dataclass_dflt_%s__" % (f.name,)
    else:
        default = "=__dataclass_HAS_DEFAULT_FACTORY__"
    return "%s:__dataclass_type_%s__%s" % (f.name, f.name, default)


def _make_init(cls, all_fields, std_fields, kw_only_fields, frozen, has_post_init, self_name):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument %r follows default argument" % (f.name,))
    context = {
        "__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
        "__dataclass_builtins_object__": object,
    }
    for f in all_fields:
        context["__dataclass_type_%s__" % (f.name,)] = f.type
    body = []
    for f in all_fields:
        line = _init_line(f, frozen, context, self_name)
        if line is not None:
            body.append(line)
    if has_post_init:
        initvars = ",".join(f.name for f in all_fields if f._field_type is _FIELD_INITVAR)
        body.append("%s.%s(%s)" % (self_name, _POST_INIT_NAME, initvars))
    if not body:
        body = ["pass"]
    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ["*"] + [_init_param(f) for f in kw_only_fields]
    return _make_function(cls, "__init__", params, body, context=context, return_annotation=None)


class _ReprGuard:
    """Makes a __repr__ return '...' for an object whose repr is already being computed."""

    def __init__(self, fn):
        self.running = set()
        self.fn = fn

    def wrap(self):
        running = self.running
        user_function = self.fn

        def __repr__(self):
            key = id(self)
            if key in running:
                return "..."
            running.add(key)
            try:
                return user_function(self)
            finally:
                running.discard(key)

        __repr__.__qualname__ = user_function.__qualname__
        __repr__.__wrapped__ = user_function
        return __repr__


def _make_repr(cls, repr_fields):
    parts = ", ".join("%s={self.%s!r}" % (f.name, f.name) for f in repr_fields)
    fn = _make_function(cls, "__repr__", ["self"],
                        ['return f"{self.__class__.__qualname__}(%s)"' % (parts,)], context={})
    return _ReprGuard(fn).wrap()


def _tuple_text(obj_name, field_list):
    if not field_list:
        return "()"
    return "(%s,)" % (",".join("%s.%s" % (obj_name, f.name) for f in field_list),)


def _make_comparison(cls, name, op, compare_fields):
    return _make_function(cls, name, ["self", "other"], [
        "if other.__class__ is self.__class__:",
        "  return %s%s%s" % (_tuple_text("self", compare_fields), op, _tuple_text("other", compare_fields)),
        "return NotImplemented",
    ], context={})


def _make_hash(cls, hash_fields):
    return _make_function(cls, "__hash__", ["self"],
                          ["return hash(%s)" % (_tuple_text("self", hash_fields),)], context={})


def _make_frozen_methods(cls, field_list):
    names = tuple(f.name for f in field_list)
    context = {"cls": cls, "FrozenInstanceError": FrozenInstanceError, "__dataclass_names__": names}
    condition = "type(self) is cls" + (" or name in __dataclass_names__" if names else "")
    setter = _make_function(cls, "__setattr__", ["self", "name", "value"], [
        "if %s:" % (condition,),
        " raise FrozenInstanceError(f\"cannot assign to field {name!r}\")",
        "super(cls, self).__setattr__(name, value)",
    ], context=context)
    deleter = _make_function(cls, "__delattr__", ["self", "name"], [
        "if %s:" % (condition,),
        " raise FrozenInstanceError(f\"cannot delete field {name!r}\")",
        "super(cls, self).__delattr__(name)",
    ], context=context)
    return setter, deleter


# What to do about __hash__, by (unsafe_hash, eq, frozen, the class defines __hash__ itself):
# None: leave it, "none": set it to None, "add": generate it, "error": refuse.
_HASH_ACTIONS = {
    (False, False, False, False): None, (False, False, False, True): None,
    (False, False, True, False): None, (False, False, True, True): None,
    (False, True, False, False): "none", (False, True, False, True): None,
    (False, True, True, False): "add", (False, True, True, True): None,
    (True, False, False, False): "add", (True, False, False, True): "error",
    (True, False, True, False): "add", (True, False, True, True): "error",
    (True, True, False, False): "add", (True, True, False, True): "error",
    (True, True, True, False): "add", (True, True, True, True): "error",
}


# ---------------------------------------------------------------------------------------------
# The class's docstring: its name and __init__ signature, as inspect would show them


def _strip_typing_prefixes(text):
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c.isalnum() or c in "_.":
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_."):
                j += 1
            word = text[i:j]
            out.append(word[7:] if word.startswith("typing.") else word)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _format_annotation(annotation):
    if getattr(annotation, "__module__", None) == "typing":
        return _strip_typing_prefixes(repr(annotation))
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


def _signature_text(fn):
    code = fn.__code__
    names = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]
    npos = code.co_argcount - 1
    defaults = fn.__defaults__ or ()
    kwdefaults = fn.__kwdefaults__ or {}
    annotations = fn.__annotations__
    first_default = npos - len(defaults)
    parts = []
    for i, name in enumerate(names):
        if i == npos:
            parts.append("*")
        text = name
        if name in annotations:
            text += ": " + _format_annotation(annotations[name])
        if i < npos and i >= first_default:
            text += " = " + repr(defaults[i - first_default])
        elif i >= npos and name in kwdefaults:
            text += " = " + repr(kwdefaults[name])
        parts.append(text)
    return "(" + ", ".join(parts) + ")"


# ---------------------------------------------------------------------------------------------
# The decorator


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                   weakref_slot):
    all_fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    # fields of dataclass bases, most basic first
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if getattr(base, _PARAMS).frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get("__annotations__", {})
    own_fields = []
    kw_only_seen = False
    this_module = sys.modules[__name__]
    for name, annotation in annotations.items():
        if _is_type(annotation, cls, this_module, _is_kw_only, KW_ONLY):
            if kw_only_seen:
                raise TypeError("%r is KW_ONLY, but KW_ONLY has already been specified" % (name,))
            kw_only_seen = True
            kw_only = True
        else:
            own_fields.append(_make_field(cls, name, annotation, kw_only))

    for f in own_fields:
        all_fields[f.name] = f
        # a Field object as a class attribute becomes its default (or nothing)
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError("%r is a field but has no type annotation" % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, _FIELDS, all_fields)

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))

    if order and not eq:
        raise ValueError("eq must be true if order is true")

    field_list = [f for f in all_fields.values() if f._field_type is _FIELD]
    init_fields = [f for f in all_fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in init_fields if f.init and f.kw_only]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = "__dataclass_self__" if "self" in all_fields else "self"
        _set_new_attribute(cls, "__init__", _make_init(
            cls, init_fields, std_init_fields, kw_only_init_fields, frozen, has_post_init, self_name))

    if repr:
        _set_new_attribute(cls, "__repr__", _make_repr(cls, [f for f in field_list if f.repr]))

    compare_fields = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, "__eq__", _make_comparison(cls, "__eq__", "==", compare_fields))

    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if _set_new_attribute(cls, name, _make_comparison(cls, name, op, compare_fields)):
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using "
                                "functools.total_ordering" % (name, cls.__name__))

    if frozen:
        for fn in _make_frozen_methods(cls, field_list):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (fn.__name__, cls.__name__))

    action = _HASH_ACTIONS[(bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash)]
    if action == "none":
        cls.__hash__ = None
    elif action == "add":
        hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = _make_hash(cls, hash_fields)
    elif action == "error":
        raise TypeError("Cannot overwrite attribute __hash__ in class %s" % (cls.__name__,))

    if not getattr(cls, "__doc__"):
        try:
            text = _signature_text(cls.__init__)
        except (TypeError, ValueError, AttributeError):
            text = ""
        cls.__doc__ = cls.__name__ + text

    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc.update_abstractmethods(cls)
    return cls


def _slots_of(cls):
    slots = cls.__dict__.get("__slots__")
    if slots is None:
        if getattr(cls, "__weakrefoffset__", False):
            yield "__weakref__"
        if getattr(cls, "__dictoffset__", False):
            yield "__dict__"
        return
    if isinstance(slots, str):
        yield slots
    else:
        yield from slots


def _add_slots(cls, frozen, weakref_slot):
    """A copy of cls with __slots__ for its fields (a class's slots cannot be added later)."""
    if "__slots__" in cls.__dict__:
        raise TypeError("%s already specifies __slots__" % (cls.__name__,))
    namespace = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_slots_of(base))
    wanted = field_names + (("__weakref__",) if weakref_slot else ())
    namespace["__slots__"] = tuple(n for n in wanted if n not in inherited)
    for name in field_names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    if frozen:
        if "__getstate__" not in namespace:
            new_cls.__getstate__ = _frozen_getstate
        if "__setstate__" not in namespace:
            new_cls.__setstate__ = _frozen_setstate
    return new_cls


def _frozen_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _frozen_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Adds generated dunder methods to a class from its annotated fields."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


# ---------------------------------------------------------------------------------------------
# Functions on dataclasses


def fields(class_or_instance):
    """The Fields of a dataclass or of one of its instances (ClassVars and InitVars left out)."""
    try:
        found = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in found.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, recursively (dataclasses, lists, tuples and
    dicts inside are converted too; other values are deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a tuple, recursively (as asdict)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance of obj's class with the given fields changed (the others copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()"
                                 % (f.name,))
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % (f.name,))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True,
                   order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
                   slots=False, weakref_slot=False):
    """Makes a dataclass named cls_name; fields are names, (name, type) or (name, type, Field)."""
    namespace = {} if namespace is None else namespace
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError("Invalid field: %r" % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError("Field names must be valid identifiers: %r" % (name,))
        if keyword.iskeyword(name):
            raise TypeError("Field names must not be keywords: %r" % (name,))
        if name in seen:
            raise TypeError("Field name duplicated: %r" % (name,))
        seen.add(name)
        annotations[name] = tp

    def fill_namespace(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns["__annotations__"] = annotations

    cls = types.new_class(cls_name, bases, {}, fill_namespace)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
