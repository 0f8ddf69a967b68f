"""Enumerations, as in CPython 3.11's enum module: the EnumType metaclass (alias EnumMeta) → classes
whose members are the named constants of their bodies.

Enum, IntEnum, StrEnum, ReprEnum, Flag and IntFlag; auto, member, nonmember, enum.property;
unique, verify (UNIQUE, CONTINUOUS, NAMED_FLAGS), global_enum; the functional API
(Enum('Color', 'RED GREEN')); flag boundaries (STRICT, CONFORM, EJECT, KEEP).

How a class is built: the class body runs in an _EnumDict that sorts names into members and
ordinary attributes (and fills in auto() values). EnumType.__new__ wraps each member's value in a
_MemberMaker, whose __set_name__ (called by type.__new__ in definition order) makes the member
object, so that members exist before __init_subclass__ runs.
"""

import sys
from types import MappingProxyType, DynamicClassAttribute

__all__ = [
    "EnumType", "EnumMeta",
    "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
    "auto", "unique", "property", "verify", "member", "nonmember",
    "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP",
    "global_flag_repr", "global_enum_repr", "global_str", "global_enum",
    "EnumCheck", "CONTINUOUS", "NAMED_FLAGS", "UNIQUE",
    "pickle_by_global_name", "pickle_by_enum_name",
]

_builtin_property = property
_builtin_bin = bin

# Enum, ReprEnum and Flag do not exist while they are being defined; EnumType checks for None.
Enum = ReprEnum = Flag = None


# ---------------------------------------------------------------------------------------------
# Small predicates


def _is_descriptor(obj):
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _is_dunder(name):
    return len(name) > 4 and name[:2] == "__" and name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == "_" and name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    # a mangled private name: _ClassName__x (not ending in __)
    prefix = "_" + cls_name.lstrip("_") + "__"
    return name.startswith(prefix) and len(name) > len(prefix) and not name.endswith("__")


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bits_lsb_first(num):
    """The single bits of a non-negative int, lowest first."""
    while num:
        low = num & -num
        yield low
        num ^= low


def _high_bit(value):
    return value.bit_length() - 1


def show_flag_values(value):
    """The single-bit values that make up `value`, lowest first."""
    return list(_bits_lsb_first(value))


def bin(num, max_bits=None):
    """Like the builtin bin(), with the sign as its own digit and two's complement for negative
    numbers: bin(8) == '0b0 1000', bin(-3) == '0b1 01'; max_bits pads with the sign digit."""
    width = num.bit_length()
    if num >= 0:
        sign, digits = "0", (_builtin_bin(num)[2:] if num else "")
    else:
        sign = "1"
        digits = _builtin_bin(num & ((1 << width) - 1))[2:].rjust(width, "0")
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign * max_bits + digits)[-max_bits:]
    return "0b%s %s" % (sign, digits)


# ---------------------------------------------------------------------------------------------
# Markers used in class bodies


class _AutoNull:
    def __repr__(self):
        return "_auto_null"


_auto_null = _AutoNull()


class auto:
    """Stands for a member value that _generate_next_value_ chooses."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    """Forces a value (a function, say) to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps a value from becoming a member."""

    def __init__(self, value):
        self.value = value


class property(DynamicClassAttribute):
    """The enum property: on a member, the attribute; on the class, the member of that name (when
    a member's name clashes with the attribute), else AttributeError (which sends the lookup to
    EnumType.__getattr__)."""

    member = None
    name = None
    clsname = None

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.member is not None:
                return self.member
            raise AttributeError("%r has no attribute %r" % (ownerclass, self.name))
        if self.fget is not None:
            return self.fget(instance)
        if self.member is not None:
            return self.member
        raise AttributeError("%r has no attribute %r" % (ownerclass, self.name))

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("<enum %r> cannot set attribute %r" % (self.clsname, self.name))
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("<enum %r> cannot delete attribute %r" % (self.clsname, self.name))
        self.fdel(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


# ---------------------------------------------------------------------------------------------
# The class-body namespace

# sunder names the enum machinery reads; any other _sunder_ name is refused
_KNOWN_SUNDERS = frozenset((
    "_order_", "_generate_next_value_", "_numeric_repr_", "_missing_", "_ignore_",
    "_iter_member_", "_iter_member_by_value_", "_iter_member_by_def_", "_add_alias_",
    "_add_value_alias_",
))


class _EnumDict(dict):
    """The namespace an enum class body runs in: records which names are members (in order),
    generates auto() values, and refuses reused names."""

    def __init__(self):
        super().__init__()
        self._member_names = {}  # name → None, in definition order
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name or "", key):
            pass  # a private name is an ordinary attribute
        elif _is_sunder(key):
            if key not in _KNOWN_SUNDERS:
                raise ValueError(
                    "_sunder_ names, such as %r, are reserved for future Enum use" % (key,))
            if key == "_generate_next_value_":
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined before members")
                self._generate_next_value = getattr(value, "__func__", value)
            elif key == "_ignore_":
                names = value.replace(",", " ").split() if isinstance(value, str) else list(value)
                self._ignore = names
                already = set(names) & set(self._member_names)
                if already:
                    raise ValueError("_ignore_ cannot specify already set names: %r" % (already,))
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError("%r already defined as %r" % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError("%r already defined as %r" % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            value = self._fill_in_autos(key, value)
            self._member_names[key] = None
        super().__setitem__(key, value)

    def _auto_value(self, key, marker):
        # each auto() value counts as a last value on its own (a tuple of them does not)
        if marker.value is _auto_null:
            self._auto_called = True
            marker.value = self._generate_next_value(
                key, 1, len(self._member_names), self._last_values[:])
        self._last_values.append(marker.value)
        return marker.value

    def _fill_in_autos(self, key, value):
        if isinstance(value, auto):
            return self._auto_value(key, value)
        if type(value) is tuple and any(isinstance(v, auto) for v in value):
            return tuple(self._auto_value(key, v) if isinstance(v, auto) else v for v in value)
        self._last_values.append(value)
        return value


# ---------------------------------------------------------------------------------------------
# Making members


class _MemberMaker:
    """Holds a member's value in the class dict until type.__new__ calls __set_name__, which
    replaces it with the member object."""

    def __init__(self, value):
        self.value = value

    def __set_name__(self, enum_class, member_name):
        type.__delattr__(enum_class, member_name)
        value = self.value
        args = value if isinstance(value, tuple) else (value,)
        if enum_class._member_type_ is tuple:
            args = (args,)
        if enum_class._use_args_:
            new_member = enum_class._new_member_(enum_class, *args)
        else:
            new_member = enum_class._new_member_(enum_class)
        if not hasattr(new_member, "_value_"):
            if enum_class._member_type_ is object:
                new_member._value_ = value
            else:
                try:
                    new_member._value_ = enum_class._member_type_(*args)
                except Exception as exc:
                    error = TypeError("_value_ not set in __new__, unable to create it")
                    error.__cause__ = exc
                    raise error
        value = new_member._value_
        new_member._name_ = member_name
        new_member.__objclass__ = enum_class
        new_member.__init__(*args)
        new_member._sort_order_ = len(enum_class._member_names_)

        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag and isinstance(value, int):
            enum_class._flag_mask_ |= value
            if _is_single_bit(value):
                enum_class._singles_mask_ |= value
            enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1

        canonical = _find_member_by_value(enum_class, value)
        if canonical is not None:
            new_member = canonical  # an alias
        elif not is_flag or (isinstance(value, int) and _is_single_bit(value)):
            enum_class._member_names_.append(member_name)

        _place_member(enum_class, member_name, new_member)
        enum_class._member_map_[member_name] = new_member
        try:
            enum_class._value2member_map_.setdefault(value, new_member)
        except TypeError:
            enum_class._unhashable_values_.append(value)


def _find_member_by_value(enum_class, value):
    try:
        return enum_class._value2member_map_.get(value)
    except TypeError:
        for m in enum_class._member_map_.values():
            if m._value_ == value:
                return m
        return None


def _place_member(enum_class, name, new_member):
    """Makes the member reachable as a class attribute: directly, or through an enum.property
    when a base class has a property of that name (`name`, `value`)."""
    found = None
    for base in enum_class.__mro__[1:]:
        attr = base.__dict__.get(name)
        if attr is None:
            continue
        if isinstance(attr, (_builtin_property, DynamicClassAttribute)):
            found = attr
            break
        if hasattr(attr, "fget") and hasattr(attr, "fset") and hasattr(attr, "fdel"):
            found = attr
    if found is None:
        type.__setattr__(enum_class, name, new_member)
        return
    redirect = property()
    redirect.member = new_member
    redirect.__set_name__(enum_class, name)
    redirect.fget = getattr(found, "fget", None)
    redirect.fset = getattr(found, "fset", None)
    redirect.fdel = getattr(found, "fdel", None)
    type.__setattr__(enum_class, name, redirect)


# ---------------------------------------------------------------------------------------------
# The metaclass


class EnumType(type):
    """The metaclass of every enumeration."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        namespace = _EnumDict()
        namespace._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            gnv = getattr(first_enum, "_generate_next_value_", None)
            namespace._generate_next_value = getattr(gnv, "__func__", gnv)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if _simple or not isinstance(classdict, _EnumDict):
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        member_names = list(classdict._member_names)
        invalid = set(member_names) & {"mro", ""}
        if invalid:
            raise ValueError("invalid enum member name(s) %s" % (",".join(repr(n) for n in sorted(invalid)),))
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        new_member, save_new, use_args = metacls._find_new_(classdict, member_type, first_enum)

        body = {}
        for key, value in dict.items(classdict):
            if key in classdict._ignore or key == "_ignore_":
                continue
            body[key] = _MemberMaker(value) if key in classdict._member_names else value
        order = body.pop("_order_", None)
        body["_new_member_"] = new_member
        body["_use_args_"] = use_args
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        body["_unhashable_values_"] = []
        body["_member_type_"] = member_type
        body["_value_repr_"] = metacls._find_data_repr_(cls, bases)
        if Flag is not None and any(issubclass(b, Flag) for b in bases if isinstance(b, type)):
            body["_boundary_"] = boundary or getattr(first_enum, "_boundary_", None)
            body["_flag_mask_"] = 0
            body["_singles_mask_"] = 0
            body["_all_bits_"] = 0
            body["_inverted_"] = None
        elif boundary is not None:
            body["_boundary_"] = boundary

        enum_class = super().__new__(metacls, cls, bases, body, **kwds)

        if Flag is not None and issubclass(enum_class, Flag):
            # int comes before Flag in IntFlag's MRO: its operators must not win
            for name in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__"):
                if name not in body:
                    type.__setattr__(enum_class, name, Flag.__dict__[name])
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError(
                    "ReprEnum subclasses must be mixed with a data type (i.e. int, str, float, etc.)")
            if "__format__" not in body:
                type.__setattr__(enum_class, "__format__", member_type.__format__)
                body["__format__"] = member_type.__format__
            if "__str__" not in body:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__  # object.__str__ would call the enum's repr
                type.__setattr__(enum_class, "__str__", method)
                body["__str__"] = method
        if first_enum is not None:
            # a data type's repr, str and format must not hide the enum's
            for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if name in body:
                    continue
                found = getattr(enum_class, name)
                if found is getattr(member_type, name) or found is getattr(object, name):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))

        if order is not None:
            if isinstance(order, str):
                order = order.replace(",", " ").split()
            if order != enum_class._member_names_:
                raise TypeError("member order does not match _order_:\n  %r\n  %r"
                                % (enum_class._member_names_, order))

        if Enum is not None:
            if save_new:
                type.__setattr__(enum_class, "__new_member__", new_member)
            type.__setattr__(enum_class, "__new__", Enum.__new__)
        return enum_class

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            if not cls._member_map_:
                raise TypeError("%r has no members defined" % (cls,))
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set([
            "__class__", "__contains__", "__doc__", "__getitem__", "__iter__", "__len__",
            "__members__", "__module__", "__name__", "__qualname__", "__init_subclass__",
        ] + cls._member_names_)
        if cls._new_member_ is not object.__new__:
            interesting.add("__new__")
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)

    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        """The functional API: a new enum named class_name with members from names (a string of
        names, a sequence of names or of (name, value) pairs, or a mapping)."""
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        namespace = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names, last_values = names, [], []
            gnv = first_enum._generate_next_value_
            for count, name in enumerate(original):
                value = gnv(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            namespace[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            namespace["__module__"] = module
        if qualname is not None:
            namespace["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, namespace, boundary=boundary)

    def _convert_(cls, name, module, filter, source=None, *, boundary=None, as_global=False):
        """Makes an enum of the names of a module that pass filter (how the stdlib builds its
        own enums from constants)."""
        module_globals = sys.modules[module].__dict__
        source = module_globals if source is None else source.__dict__
        members = [(n, v) for n, v in source.items() if filter(n)]
        try:
            members.sort(key=lambda t: (t[1], t[0]))
        except TypeError:
            members.sort(key=lambda t: t[0])
        body = dict(members)
        body["__module__"] = module
        new_cls = cls(name, body, module=module, boundary=boundary or KEEP)
        if as_global:
            global_enum(new_cls)
        else:
            sys.modules[module].__dict__.update(new_cls.__members__)
        module_globals[name] = new_cls
        return new_cls

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        """(the data type members are made of, the enum class to inherit from)."""
        if not bases:
            return object, Enum
        mcls._check_for_existing_members_(class_name, bases)
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base._value_repr_
                if "__repr__" in base.__dict__:
                    return base.__dict__["__repr__"]
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        data_types = set()
        base_chain = set()
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                base_chain.add(base)
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.add(base._member_type_)
                        break
                elif "__new__" in base.__dict__ or "__dataclass_fields__" in base.__dict__:
                    data_types.add(candidate or base)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError("too many data types for %r: %r" % (class_name, data_types))
        if data_types:
            return data_types.pop()
        return None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        """(the __new__ that makes members, whether the class defines its own, whether it takes
        the member value's arguments)."""
        new = classdict.get("__new__", None)
        save_new = first_enum is not None and new is not None
        if new is None:
            for method in ("__new_member__", "__new__"):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if target not in (None, None.__new__, object.__new__) and (
                            Enum is None or target is not Enum.__new__):
                        new = target
                        break
                if new is not None:
                    break
            else:
                new = object.__new__
        use_args = not (first_enum is None or new is object.__new__
                        or (Enum is not None and new is Enum.__new__))
        return new, save_new, use_args


EnumMeta = EnumType


# ---------------------------------------------------------------------------------------------
# Enum


class Enum(metaclass=EnumType):
    """The base of enumerations: members are unique names bound to constant values."""

    def __new__(cls, value):
        # Looks a member up by value (this replaces __new__ on every enum class once its members
        # exist; the members themselves are made by _new_member_).
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        error = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            error = e
            result = None
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
                and isinstance(result, int)):
            return result
        not_valid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and error is None:
            raise not_valid
        if error is None:
            error = TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                              % (cls.__name__, result))
        if not isinstance(error, ValueError):
            error.__context__ = not_valid
        raise error

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """One more than the last value that can be incremented, else start."""
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, value_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        if self._member_type_ is object:
            interesting = {"__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"}
        else:
            interesting = set(object.__dir__(self))
        for name in getattr(self, "__dict__", ()):
            if name[0] != "_":
                interesting.add(name)
        for cls in self.__class__.mro():
            for name, obj in cls.__dict__.items():
                if name[0] == "_":
                    continue
                if isinstance(obj, property):
                    if obj.fget is not None or name not in self._member_map_:
                        interesting.add(name)
                    else:
                        interesting.discard(name)
                elif name not in self._member_map_:
                    interesting.add(name)
        return sorted(interesting)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose members' str() and format() are their data type's; only repr() is the enum's."""


class IntEnum(int, ReprEnum):
    """An enum whose members are ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError("encoding must be a string, not %r" % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError("errors must be a string, not %r" % (values[2],))
        value = str(*values)
        new_member = str.__new__(cls, value)
        new_member._value_ = value
        return new_member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The member's name in lower case."""
        return name.lower()


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)


# ---------------------------------------------------------------------------------------------
# Flags


class FlagBoundary(StrEnum):
    """What a Flag does with a value that has bits no member names."""

    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """An enum whose members combine with the bitwise operators."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The next power of two above the highest value so far."""
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError("invalid flag value %r" % (last_value,)) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        """The canonical (single-bit) members whose bits are in value, in definition order."""
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ & value == m._value_ and m._value_:
                yield m

    _iter_member_by_def_ = _iter_member_

    @classmethod
    def _iter_member_by_value_(cls, value):
        for bit in _bits_lsb_first(value & cls._flag_mask_):
            yield cls._value2member_map_.get(bit)

    @classmethod
    def _missing_(cls, value):
        """Makes (and remembers) the pseudo-member of a combination of flags."""
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        boundary = cls._boundary_
        negative = None
        if not (~all_bits <= value <= all_bits) or value & (all_bits ^ flag_mask):
            if boundary is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, bin(value, max_bits), bin(flag_mask, max_bits)))
            if boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError("%r unknown flag boundary %r" % (cls, boundary))
        if value < 0:
            negative = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        alias_bits = value & ~cls._singles_mask_
        single_bits = value & cls._singles_mask_
        if unknown and boundary is not KEEP:
            raise ValueError("%s(%r) -->  unknown values %r [%s]"
                             % (cls.__name__, value, unknown, _builtin_bin(unknown)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        if single_bits or alias_bits:
            parts = list(cls._iter_member_(single_bits))
            combined = 0
            for m in parts:
                combined |= m._value_
            if alias_bits:
                wanted = single_bits | alias_bits
                for m in cls._member_map_.values():
                    if m not in parts and m._value_ and m._value_ & wanted == m._value_:
                        parts.append(m)
                        combined |= m._value_
            leftover = value ^ combined
            if not combined:
                pseudo._name_ = None
            elif leftover and boundary is STRICT:
                raise ValueError("%r: no members with value %r" % (cls, leftover))
            else:
                pseudo._name_ = "|".join(m._name_ for m in parts)
                if leftover:
                    pseudo._name_ += "|%s" % (cls._numeric_repr_(leftover),)
        else:
            pseudo._name_ = None
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if negative is not None:
            cls._value2member_map_[negative] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        value_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, value_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, value_repr(self._value_))

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                inverted = self.__class__(~self._value_)
            else:
                inverted = self.__class__(self._singles_mask_ & ~self._value_)
            self._inverted_ = inverted
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are ints."""


# ---------------------------------------------------------------------------------------------
# Decorators and checks


def unique(enumeration):
    """Class decorator: raises ValueError when two names share a value."""
    duplicates = [(name, m.name) for name, m in enumeration.__members__.items() if name != m.name]
    if duplicates:
        details = ", ".join("%s -> %s" % (alias, name) for alias, name in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, details))
    return enumeration


class EnumCheck(StrEnum):
    """The checks verify() can make."""

    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Class decorator: checks an enumeration against the given EnumChecks."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        cls_name = enumeration.__name__
        is_flag = Flag is not None and issubclass(enumeration, Flag)
        kind = "flag" if is_flag else "enum"
        for check in self.checks:
            if check is UNIQUE:
                duplicates = [(name, m.name) for name, m in enumeration.__members__.items()
                              if name != m.name]
                if duplicates:
                    details = ", ".join("%s -> %s" % (alias, name) for alias, name in duplicates)
                    raise ValueError("aliases found in %r: %s" % (enumeration, details))
            elif check is CONTINUOUS:
                values = set(m.value for m in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                if is_flag:
                    missing = [2 ** i for i in range(_high_bit(low) + 1, _high_bit(high))
                               if 2 ** i not in values]
                else:
                    missing = [v for v in range(low + 1, high) if v not in values]
                if missing:
                    raise ValueError("invalid %s %r: missing values %s"
                                     % (kind, cls_name, ", ".join(str(v) for v in missing)))
            elif check is NAMED_FLAGS:
                member_names = enumeration._member_names_
                member_values = [m.value for m in enumeration]
                missing_names = []
                missing_value = 0
                for name, alias in enumeration._member_map_.items():
                    if name in member_names:
                        continue
                    if alias.value < 0:
                        continue
                    values = list(_bits_lsb_first(alias.value))
                    missed = [v for v in values if v not in member_values]
                    if missed:
                        missing_names.append(name)
                        for v in missed:
                            missing_value |= v
                if missing_names:
                    if len(missing_names) == 1:
                        alias = "alias %s is missing" % (missing_names[0],)
                    else:
                        alias = "aliases %s and %s are missing" % (
                            ", ".join(missing_names[:-1]), missing_names[-1])
                    if _is_single_bit(missing_value):
                        value = "value 0x%x" % (missing_value,)
                    else:
                        value = "combined values of 0x%x" % (missing_value,)
                    raise ValueError("invalid Flag %r: %s %s [use enum.show_flag_values(value) for details]"
                                     % (cls_name, alias, value))
        return enumeration


# ---------------------------------------------------------------------------------------------
# global_enum: members reachable (and shown) as module globals


def global_enum_repr(self):
    module = self.__class__.__module__.split(".")[-1]
    return "%s.%s" % (module, self._name_)


def global_flag_repr(self):
    module = self.__class__.__module__.split(".")[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return "%s.%s(%r)" % (module, cls_name, self._value_)
    if _is_single_bit(self._value_):
        return "%s.%s" % (module, self._name_)
    if self._boundary_ is not FlagBoundary.KEEP:
        return "|".join("%s.%s" % (module, name) for name in self.name.split("|"))
    parts = []
    for name in self._name_.split("|"):
        parts.append(name if name[0].isdigit() else "%s.%s" % (module, name))
    return "|".join(parts)


def global_str(self):
    if self._name_ is None:
        return "%s(%r)" % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Class decorator: puts the members into their module's namespace and shows them as
    module-level names."""
    if issubclass(cls, Flag):
        type.__setattr__(cls, "__repr__", global_flag_repr)
    else:
        type.__setattr__(cls, "__repr__", global_enum_repr)
    if not issubclass(cls, ReprEnum) or update_str:
        type.__setattr__(cls, "__str__", global_str)
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator (the standard library's): makes an enum of type etype from a plain class
    whose attributes are the members, by running the class's namespace through EnumType again."""

    def convert_class(cls):
        metacls = type(etype)
        namespace = metacls.__prepare__(cls.__name__, (etype,))
        namespace["__qualname__"] = cls.__qualname__
        for name, value in cls.__dict__.items():
            if name in ("__dict__", "__weakref__", "__qualname__"):
                continue
            namespace[name] = value
        extra = {} if boundary is None else {"boundary": boundary}
        return metacls(cls.__name__, (etype,), namespace, **extra)

    return convert_class
