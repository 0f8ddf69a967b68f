"""Mock objects for tests: stand-ins that accept any call and attribute access, record what
was done to them, and answer with configured values (Mock, MagicMock, AsyncMock, PropertyMock),
the `call` helper to describe expected calls, ANY, sentinel, and `patch` (decorator, context
manager, start/stop) to swap them into modules, classes and dicts for the length of a test.

In: the objects to imitate (spec, spec_set, create_autospec), the values to return or raise.
Out: mocks whose call records, reprs and assertion messages read as CPython 3.11's.

How it works: every mock instance gets a class of its own (a subclass made in __new__), so
that magic methods set on one mock (m.__len__ = ...) live on that class and reach len() etc.
without touching other mocks. Child mocks are made on first attribute access and remember their
parent; a call is recorded on the mock and then on each parent up the chain (mock_calls,
method_calls), with the dotted path from that parent.

Not provided by pyjit: ThreadingMock (3.13), the pickling of mocks."""

import builtins
import contextlib
import functools
import inspect
import io
import pprint
import sys
import types

__all__ = (
    'Mock', 'MagicMock', 'patch', 'sentinel', 'DEFAULT', 'ANY', 'call',
    'create_autospec', 'AsyncMock', 'FILTER_DIR', 'NonCallableMock',
    'NonCallableMagicMock', 'mock_open', 'PropertyMock', 'seal',
)

# Whether dir(mock) leaves out the attributes a mock has only for its own work.
FILTER_DIR = True


class InvalidSpecError(Exception):
    """Raised for a spec that cannot be used (a Mock given as the spec of an autospec)."""


# ---------------------------------------------------------------------------------------------
# sentinel, DEFAULT, ANY

class _SentinelObject:
    """One named sentinel: unique, compares by identity, reprs as sentinel.NAME."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.%s' % self.name

    def __reduce__(self):
        return 'sentinel.%s' % self.name


class _Sentinel:
    """`sentinel.NAME` gives the same object for the same NAME."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == '__bases__':
            raise AttributeError
        return self._sentinels.setdefault(name, _SentinelObject(name))

    def __reduce__(self):
        return 'sentinel'


sentinel = _Sentinel()
DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _AnyType:
    """Equal to everything: stands for an argument whose value does not matter."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return '<ANY>'

    __hash__ = object.__hash__


ANY = _AnyType()


# ---------------------------------------------------------------------------------------------
# small predicates

def _is_list(obj):
    return type(obj) in (list, tuple)


def _is_exception(obj):
    return isinstance(obj, BaseException) or (isinstance(obj, type) and issubclass(obj, BaseException))


def _is_instance_mock(obj):
    # type(obj), not obj.__class__: a mock with a spec claims the spec's class.
    return issubclass(type(obj), NonCallableMock)


def _is_async_func(obj):
    if getattr(obj, '__code__', None) is None:
        return False
    return inspect.iscoroutinefunction(obj)


def _is_async_obj(obj):
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, '__func__'):
        obj = getattr(obj, '__func__')
    return inspect.iscoroutinefunction(obj) or inspect.isawaitable(obj)


def _instance_callable(obj):
    """Whether instances of `obj` (a class) or `obj` itself (an instance) can be called."""
    if not isinstance(obj, type):
        return getattr(obj, '__call__', None) is not None
    for base in obj.__mro__:
        if base.__dict__.get('__call__') is not None:
            return True
    return False


def _callable(obj):
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod, types.MethodType)):
        return _callable(obj.__func__)
    return getattr(obj, '__call__', None) is not None


def _is_magic(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _safe_repr(obj):
    try:
        return repr(obj)
    except Exception:
        return object.__repr__(obj)


_SPEC_TYPOS = ('autospect', 'auto_spec', 'set_spec')


def _check_spec_arg_typos(kwargs):
    for name in _SPEC_TYPOS:
        if name in kwargs:
            raise RuntimeError(f"{name!r} might be a typo; use unsafe=True if this is intended")


_ASSERT_TYPOS = ('assert', 'assret', 'asert', 'aseert', 'assrt')


def _format_call_signature(name, args, kwargs):
    parts = [repr(arg) for arg in args]
    parts.extend('%s=%r' % (key, value) for key, value in kwargs.items())
    return '%s(%s)' % (name, ', '.join(parts))


def _signature_of(func, as_instance, eat_self):
    """The inspect.Signature that calls of a mock specced on `func` are matched against
    (None when there is none): a class is called through __init__, an instance through
    __call__; `eat_self` drops the first parameter (the method's self)."""
    if isinstance(func, type) and not as_instance:
        init = func.__dict__.get('__init__')
        if init is None:
            for base in func.__mro__[1:]:
                if base is object:
                    break
                init = base.__dict__.get('__init__')
                if init is not None:
                    break
        if init is None:
            return None
        func = init
        eat_self = True
    elif isinstance(func, (classmethod, staticmethod)):
        if isinstance(func, classmethod):
            eat_self = True
        func = func.__func__
    elif not isinstance(func, (types.FunctionType, types.MethodType)):
        func = getattr(type(func), '__call__', None)
        if func is None or not isinstance(func, types.FunctionType):
            return None
        eat_self = True
    try:
        sig = inspect.signature(func)
    except (ValueError, TypeError):
        return None
    if eat_self and not isinstance(func, types.MethodType):
        params = list(sig.parameters.values())
        if params and params[0].kind in (params[0].POSITIONAL_ONLY, params[0].POSITIONAL_OR_KEYWORD):
            sig = sig.replace(parameters=params[1:])
    return sig


# ---------------------------------------------------------------------------------------------
# call records

class _Call(tuple):
    """A recorded or expected call: (args, kwargs) for call_args (`two`), otherwise
    (name, args, kwargs) where name is the dotted path from the mock ('' for the mock itself).
    `call` is the root; call.a.b(1) builds a chain whose links remember their parent."""

    def __new__(cls, value=(), name='', parent=None, two=False, from_kall=True):
        args = ()
        kwargs = {}
        count = len(value)
        if count == 3:
            name, args, kwargs = value
        elif count == 2:
            first, second = value
            if isinstance(first, str):
                name = first
                if isinstance(second, tuple):
                    args = second
                else:
                    kwargs = second
            else:
                args, kwargs = first, second
        elif count == 1:
            value, = value
            if isinstance(value, str):
                name = value
            elif isinstance(value, tuple):
                args = value
            else:
                kwargs = value
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def __eq__(self, other):
        try:
            count = len(other)
        except TypeError:
            return NotImplemented
        self_name = ''
        if len(self) == 2:
            self_args, self_kwargs = self
        else:
            self_name, self_args, self_kwargs = self
        if (getattr(self, '_mock_parent', None) and getattr(other, '_mock_parent', None)
                and self._mock_parent != other._mock_parent):
            return False
        other_name = ''
        if count == 0:
            other_args, other_kwargs = (), {}
        elif count == 3:
            other_name, other_args, other_kwargs = other
        elif count == 1:
            value, = other
            if isinstance(value, tuple):
                other_args, other_kwargs = value, {}
            elif isinstance(value, str):
                other_name, other_args, other_kwargs = value, (), {}
            else:
                other_args, other_kwargs = (), value
        elif count == 2:
            first, second = other
            if isinstance(first, str):
                other_name = first
                if isinstance(second, tuple):
                    other_args, other_kwargs = second, {}
                else:
                    other_args, other_kwargs = (), second
            else:
                other_args, other_kwargs = first, second
        else:
            return False
        if self_name and other_name != self_name:
            return False
        return (other_args, other_kwargs) == (self_args, self_kwargs)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __call__(self, *args, **kwargs):
        if self._mock_name is None:
            return _Call(('', args, kwargs), name='()')
        return _Call((self._mock_name, args, kwargs), name=self._mock_name + '()', parent=self)

    def __getattr__(self, attr):
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name='%s.%s' % (self._mock_name, attr), parent=self, from_kall=False)

    def __getattribute__(self, attr):
        # tuple's own methods would hide call.count(...) and call.index(...)
        if attr in ('count', 'index'):
            raise AttributeError(attr)
        return tuple.__getattribute__(self, attr)

    @property
    def args(self):
        return self[0] if len(self) == 2 else self[1]

    @property
    def kwargs(self):
        return self[1] if len(self) == 2 else self[2]

    def __repr__(self):
        if not self._mock_from_kall:
            name = self._mock_name or 'call'
            if name.startswith('()'):
                name = 'call' + name
            return name
        if len(self) == 2:
            name = 'call'
            args, kwargs = self
        else:
            name, args, kwargs = self
            if not name:
                name = 'call'
            elif not name.startswith('()'):
                name = 'call.' + name
            else:
                name = 'call' + name
        return _format_call_signature(name, args, kwargs)

    def call_list(self):
        """The calls a chained call stands for: call.a(1).b(2) → [call.a(1), call.a().b(2)]."""
        chain = []
        link = self
        while link is not None:
            if link._mock_from_kall:
                chain.append(link)
            link = link._mock_parent
        return _CallList(reversed(chain))


call = _Call(from_kall=False)


def _recorded_call(args, kwargs):
    """A call_args record, (args, kwargs), made without _Call's parsing (calls are hot)."""
    record = tuple.__new__(_Call, (args, kwargs))
    record._mock_name = None
    record._mock_parent = None
    record._mock_from_kall = True
    return record


def _recorded_named_call(name, args, kwargs):
    """A mock_calls/method_calls record, (name, args, kwargs)."""
    record = tuple.__new__(_Call, (name, args, kwargs))
    record._mock_name = None
    record._mock_parent = None
    record._mock_from_kall = True
    return record


class _CallList(list):
    """A list of calls: `in` also finds a list of calls as a contiguous run; reprs as pprint's."""

    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        size = len(value)
        for start in range(len(self) - size + 1):
            if self[start:start + size] == value:
                return True
        return False

    def __repr__(self):
        return pprint.pformat(list(self))


# ---------------------------------------------------------------------------------------------
# the magic methods MagicMock configures

_NUMERIC = 'add sub mul matmul truediv floordiv mod lshift rshift and xor or pow'.split()
_MAGIC_DEFAULTS = set(
    '__%s__' % name for name in (
        'lt le gt ge eq ne getitem setitem delitem len contains iter hash str sizeof '
        'enter exit divmod rdivmod neg pos abs invert complex int float index round trunc '
        'floor ceil bool next fspath aiter').split()
    + _NUMERIC + ['i' + n for n in _NUMERIC] + ['r' + n for n in _NUMERIC]
)
# Supported when set, not configured by default.
_MAGIC_NON_DEFAULTS = {
    '__get__', '__set__', '__delete__', '__reversed__', '__missing__', '__reduce__',
    '__reduce_ex__', '__getinitargs__', '__getnewargs__', '__getstate__', '__setstate__',
    '__getformat__', '__repr__', '__dir__', '__subclasses__', '__format__',
    '__getnewargs_ex__',
}
_ASYNC_MAGICS = {'__aenter__', '__aexit__', '__anext__'}
_ALL_SYNC_MAGICS = _MAGIC_DEFAULTS | _MAGIC_NON_DEFAULTS
_ALL_MAGICS = _ALL_SYNC_MAGICS | _ASYNC_MAGICS
_UNSUPPORTED_MAGICS = {
    '__getattr__', '__setattr__', '__init__', '__new__', '__prepare__',
    '__instancecheck__', '__subclasscheck__', '__del__',
}

# What a configured magic method returns until told otherwise.
_MAGIC_RETURN_VALUES = {
    '__lt__': NotImplemented, '__gt__': NotImplemented,
    '__le__': NotImplemented, '__ge__': NotImplemented,
    '__int__': 1, '__contains__': False, '__len__': 0, '__exit__': False,
    '__complex__': 1j, '__float__': 1.0, '__bool__': True, '__index__': 1,
    '__aexit__': False,
}


def _magic_return_calculated(mock, name):
    """Return values that depend on the mock itself."""
    if name == '__hash__':
        return object.__hash__(mock)
    if name == '__str__':
        return object.__str__(mock)
    if name == '__sizeof__':
        return object.__sizeof__(mock)
    if name == '__fspath__':
        return f"{type(mock).__name__}/{mock._extract_mock_name()}/{id(mock)}"
    return DEFAULT


def _magic_side_effect(mock, name):
    """Side effects that read the magic's own return_value when one was configured."""
    if name == '__eq__':
        def __eq__(other):
            configured = mock.__eq__._mock_return_value
            if configured is not DEFAULT:
                return configured
            return True if mock is other else NotImplemented
        return __eq__
    if name == '__ne__':
        def __ne__(other):
            configured = mock.__ne__._mock_return_value
            if configured is not DEFAULT:
                return configured
            return False if mock is other else NotImplemented
        return __ne__
    if name == '__iter__':
        def __iter__():
            configured = mock.__iter__._mock_return_value
            return iter([]) if configured is DEFAULT else iter(configured)
        return __iter__
    if name == '__aiter__':
        def __aiter__():
            configured = mock.__aiter__._mock_return_value
            return _AsyncIterator(iter([]) if configured is DEFAULT else iter(configured))
        return __aiter__
    return None


def _configure_magic(mock, method, name):
    """Gives a freshly made magic-method mock its default behaviour."""
    if name in _MAGIC_RETURN_VALUES:
        method.return_value = _MAGIC_RETURN_VALUES[name]
        return
    calculated = _magic_return_calculated(mock, name)
    if calculated is not DEFAULT:
        method.return_value = calculated
        return
    effect = _magic_side_effect(mock, name)
    if effect is not None:
        method.side_effect = effect


class _MagicProxy:
    """Sits on a MagicMock's class in place of a magic method: the first access through the
    mock makes the child mock for it and puts that mock there instead (each mock has a class
    of its own, so one proxy per name serves all)."""

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        method = obj._get_child_mock(name=self.name, _new_name=self.name, _new_parent=obj)
        setattr(obj, self.name, method)
        _configure_magic(obj, method, self.name)
        return method


_MAGIC_PROXIES = {name: _MagicProxy(name) for name in _MAGIC_DEFAULTS | _ASYNC_MAGICS}


def _spec_names(spec):
    return spec if _is_list(spec) else dir(spec)


def _configured_magics(spec_names):
    """The magic methods a MagicMock configures: all, or those its spec has."""
    magics = _MAGIC_DEFAULTS | _ASYNC_MAGICS
    if spec_names is None:
        return magics
    return magics.intersection(spec_names)


class _AsyncIterator:
    """Wraps an iterator for `async for`."""

    def __init__(self, iterator):
        self.iterator = iterator

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            return next(self.iterator)
        except StopIteration:
            pass
        raise StopAsyncIteration


# ---------------------------------------------------------------------------------------------
# the mocks

# Attributes kept in the instance dict without the bookkeeping of __setattr__.
_INTERNAL = {
    'called', 'call_count', 'call_args', 'call_args_list', 'mock_calls', 'method_calls',
    'await_count', 'await_args', 'await_args_list',
}


class _SpecState:
    """An attribute of an autospecced object, made into a mock when first used."""

    def __init__(self, spec, spec_set=False, parent=None, name=None, ids=None, instance=False):
        self.spec = spec
        self.ids = ids
        self.spec_set = spec_set
        self.parent = parent
        self.instance = instance
        self.name = name


class Base:
    _mock_return_value = DEFAULT
    _mock_side_effect = None

    def __init__(self, *args, **kwargs):
        pass


class NonCallableMock(Base):
    """A mock that cannot be called: records attribute access and the calls of its children."""

    def __new__(cls, *args, **kwargs):
        bases = (cls,)
        if not issubclass(cls, AsyncMockMixin):
            spec = kwargs.get('spec_set', kwargs.get('spec'))
            if spec is not None and _is_async_func(spec):
                bases = (AsyncMockMixin, cls)
        namespace = {'__doc__': cls.__doc__}
        if issubclass(cls, MagicMixin):
            # the magic methods are in the class from its creation (one type() call rather
            # than a hundred attribute stores)
            spec = kwargs.get('spec_set', kwargs.get('spec'))
            for name in _configured_magics(None if spec is None else _spec_names(spec)):
                namespace[name] = _MAGIC_PROXIES[name]
        own_class = type(cls.__name__, bases, namespace)
        return object.__new__(own_class)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, _spec_as_instance=False,
                 _eat_self=None, unsafe=False, **kwargs):
        if _new_parent is None:
            _new_parent = parent
        store = self.__dict__
        store['_mock_parent'] = parent
        store['_mock_name'] = name
        store['_mock_new_name'] = _new_name
        store['_mock_new_parent'] = _new_parent
        store['_mock_sealed'] = False
        if spec_set is not None:
            spec = spec_set
            spec_set = True
        if _eat_self is None:
            _eat_self = parent is not None
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        store['_mock_children'] = {}
        store['_mock_wraps'] = wraps
        store['called'] = False
        store['call_args'] = None
        store['call_count'] = 0
        store['call_args_list'] = _CallList()
        store['mock_calls'] = _CallList()
        store['method_calls'] = _CallList()
        store['_mock_unsafe'] = unsafe
        if kwargs:
            self.configure_mock(**kwargs)
        super().__init__(spec, wraps, name, spec_set, parent, _spec_state)

    # -- spec

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False, _eat_self=False):
        spec_class = None
        signature = None
        asyncs = []
        if spec is not None and not _is_list(spec):
            spec_class = spec if isinstance(spec, type) else type(spec)
            signature = _signature_of(spec, _spec_as_instance, _eat_self)
            names = dir(spec)
            for attr in names:
                try:
                    value = getattr(spec, attr, None)
                except Exception:
                    continue
                if value is not None and _is_async_func(value):
                    asyncs.append(attr)
            spec = names
        store = self.__dict__
        store['_spec_class'] = spec_class
        store['_spec_set'] = spec_set
        store['_spec_signature'] = signature
        store['_mock_methods'] = spec
        store['_spec_asyncs'] = asyncs

    def mock_add_spec(self, spec, spec_set=False):
        """Restricts the mock to the attributes of `spec` (only those can be read, and with
        spec_set only those can be set)."""
        self._mock_add_spec(spec, spec_set)

    def __get_class(self):
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    def __set_class(self, value):
        self.__dict__['_spec_class'] = value

    __class__ = property(__get_class, __set_class)

    # -- return_value and side_effect

    def __get_return_value(self):
        value = self._mock_return_value
        if value is DEFAULT:
            value = self._get_child_mock(_new_parent=self, _new_name='()')
            self.return_value = value
        return value

    def __set_return_value(self, value):
        self.__dict__['_mock_return_value'] = value
        _adopt(self, value, None, '()')

    return_value = property(__get_return_value, __set_return_value,
                            doc="What a call of the mock returns (a child mock by default).")

    def __get_side_effect(self):
        return self._mock_side_effect

    def __set_side_effect(self, value):
        self.__dict__['_mock_side_effect'] = _as_side_effect(value)

    side_effect = property(__get_side_effect, __set_side_effect,
                           doc="An exception to raise, values to return in turn, or a function to call.")

    # -- configuration

    def configure_mock(self, **kwargs):
        """Sets attributes, dotted names reaching into children ('method.return_value')."""
        for dotted, value in sorted(kwargs.items(), key=lambda item: item[0].count('.')):
            path = dotted.split('.')
            final = path.pop()
            target = self
            for step in path:
                target = getattr(target, step)
            setattr(target, final, value)

    def attach_mock(self, mock, attribute):
        """Makes `mock` the child `attribute` of this mock: its calls are recorded here too."""
        inner = _extract_mock(mock)
        inner.__dict__['_mock_parent'] = None
        inner.__dict__['_mock_new_parent'] = None
        inner.__dict__['_mock_name'] = ''
        inner.__dict__['_mock_new_name'] = None
        setattr(self, attribute, mock)

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        """Forgets the calls recorded (on children too); with return_value/side_effect, also
        those settings."""
        if visited is None:
            visited = []
        if id(self) in visited:
            return
        visited.append(id(self))
        store = self.__dict__
        store['called'] = False
        store['call_args'] = None
        store['call_count'] = 0
        store['mock_calls'] = _CallList()
        store['call_args_list'] = _CallList()
        store['method_calls'] = _CallList()
        if return_value:
            store['_mock_return_value'] = DEFAULT
        if side_effect:
            store['_mock_side_effect'] = None
        for child in store['_mock_children'].values():
            if isinstance(child, _SpecState) or child is _deleted:
                continue
            child.reset_mock(visited, return_value=return_value, side_effect=side_effect)
        returned = store.get('_mock_return_value', DEFAULT)
        if _is_instance_mock(returned) and returned is not self:
            returned.reset_mock(visited)

    # -- attributes

    def __getattr__(self, name):
        if name in ('_mock_methods', '_mock_unsafe', '_mock_check_sig'):
            raise AttributeError(name)
        methods = self._mock_methods
        if methods is not None:
            if name not in methods or name in _ALL_MAGICS:
                raise AttributeError("Mock object has no attribute %r" % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not self._mock_unsafe and (not methods or name not in methods):
            if name.startswith(_ASSERT_TYPOS):
                raise AttributeError(
                    f"{name!r} is not a valid assertion. Use a spec for the mock if {name!r} "
                    "is meant to be an attribute.")
        children = self._mock_children
        result = children.get(name)
        if result is _deleted:
            raise AttributeError(name)
        if result is None:
            wraps = None
            if self._mock_wraps is not None:
                wraps = getattr(self._mock_wraps, name)
            result = self._get_child_mock(parent=self, name=name, wraps=wraps,
                                          _new_name=name, _new_parent=self)
            children[name] = result
        elif isinstance(result, _SpecState):
            try:
                result = create_autospec(result.spec, result.spec_set, result.instance,
                                         result.parent, result.name)
            except InvalidSpecError:
                target = result.name
                raise InvalidSpecError(
                    f'Cannot autospec attr {target!r} from target {self._mock_name!r} as '
                    'it has already been mocked out.')
            children[name] = result
        return result

    def __setattr__(self, name, value):
        if name in _INTERNAL or name.startswith(('_mock_', '_spec_')):
            self.__dict__[name] = value
            return
        methods = self._mock_methods
        if (self._spec_set and methods is not None and name not in methods
                and name not in self.__dict__ and name not in type(self).__dict__
                and not _is_settable_property(type(self), name)):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        if name in _UNSUPPORTED_MAGICS:
            raise AttributeError('Attempting to set unsupported magic method %r.' % name)
        if name in _ALL_MAGICS:
            if methods is not None and name not in methods:
                raise AttributeError("Mock object has no attribute '%s'" % name)
            if _is_instance_mock(value):
                # only the new name: recorded in mock_calls, not in method_calls
                _adopt(self, value, None, name)
                self._mock_children[name] = value
            setattr(type(self), name, value)
            return
        if _is_settable_property(type(self), name):
            object.__setattr__(self, name, value)
            return
        if self._mock_sealed and not hasattr(self, name):
            raise AttributeError(f'Cannot set {self._extract_mock_name()}.{name}')
        if _adopt(self, value, name, name):
            self._mock_children[name] = value
            return
        self.__dict__[name] = value

    def __delattr__(self, name):
        if name in _ALL_MAGICS and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in self.__dict__:
                return
        children = self._mock_children
        existing = children.get(name, _missing)
        if name in self.__dict__:
            del self.__dict__[name]
        elif existing is _deleted:
            raise AttributeError(name)
        children[name] = _deleted

    def __dir__(self):
        if not FILTER_DIR:
            return object.__dir__(self)
        extras = list(self._mock_methods or [])
        from_type = [n for n in dir(type(self)) if not n.startswith('_')]
        from_dict = [n for n in self.__dict__ if not n.startswith('_') or _is_magic(n)]
        from_children = [n for n, child in self._mock_children.items() if child is not _deleted]
        return sorted(set(extras + from_type + from_dict + from_children))

    def _extract_mock_name(self):
        """The dotted name the mock is shown with: 'mock.a.b().c' (the root's own name, then
        the path of attribute names and calls down to this mock)."""
        path = []
        node = self
        seen = set()
        while node._mock_new_parent is not None and id(node) not in seen:
            seen.add(id(node))
            path.append(node._mock_new_name or '')
            node = node._mock_new_parent
        text = node._mock_name or 'mock'
        for part in reversed(path):
            text += part if part.startswith('()') else '.' + part
        return text

    def __repr__(self):
        name = self._extract_mock_name()
        name_part = '' if name in ('mock', 'mock.') else ' name=%r' % name
        spec_part = ''
        if self._spec_class is not None:
            spec_part = (' spec_set=%r' if self._spec_set else ' spec=%r') % self._spec_class.__name__
        return "<%s%s%s id='%s'>" % (type(self).__name__, name_part, spec_part, id(self))

    def _get_child_mock(self, **kwargs):
        """Makes a child mock (an attribute or the return value) of the right class."""
        new_name = kwargs.get('_new_name')
        if self._mock_sealed:
            suffix = f".{kwargs['name']}" if 'name' in kwargs else '()'
            raise AttributeError(self._extract_mock_name() + suffix)
        if self._mock_methods and new_name in self._spec_asyncs:
            return AsyncMock(**kwargs)
        own = type(self)
        if issubclass(own, MagicMock) and new_name in _ASYNC_MAGICS:
            klass = AsyncMock
        elif issubclass(own, AsyncMockMixin):
            if new_name in _ALL_SYNC_MAGICS or (self._mock_methods and new_name in self._mock_methods):
                klass = MagicMock
            else:
                klass = AsyncMock
        elif not issubclass(own, CallableMixin):
            if issubclass(own, NonCallableMagicMock):
                klass = MagicMock
            elif issubclass(own, NonCallableMock):
                klass = Mock
            else:
                klass = own.__mro__[1]
        else:
            klass = own.__mro__[1]
        return klass(**kwargs)

    # -- assertions

    def _format_mock_call_signature(self, args, kwargs):
        return _format_call_signature(self._mock_name or 'mock', args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        expected = self._format_mock_call_signature(args, kwargs)
        recorded = self.call_args
        actual = self._format_mock_call_signature(*recorded)
        return 'expected %s not found.\nExpected: %s\n  Actual: %s' % (action, expected, actual)

    def _call_signature_from_name(self, name):
        if not name:
            return self._spec_signature
        signature = None
        children = self._mock_children
        for part in name.replace('()', '').split('.'):
            child = children.get(part)
            if child is None or isinstance(child, _SpecState) or child is _deleted:
                break
            child = _extract_mock(child)
            children = child._mock_children
            signature = child._spec_signature
        return signature

    def _call_matcher(self, recorded):
        """A call in the form it is compared in: bound to the spec's signature when there is
        one (so that f(1, b=2) equals f(1, 2)); the TypeError when it does not bind."""
        if isinstance(recorded, tuple) and len(recorded) > 2:
            signature = self._call_signature_from_name(recorded[0])
        else:
            signature = self._spec_signature
        if signature is None:
            return recorded
        if len(recorded) == 2:
            name = ''
            args, kwargs = recorded
        else:
            name, args, kwargs = recorded
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            return error.with_traceback(None)
        return _Call((name, bound.args, bound.kwargs))

    def _calls_repr(self, prefix='Calls'):
        if not self.mock_calls:
            return ''
        return f'\n{prefix}: {_safe_repr(self.mock_calls)}.'

    def assert_not_called(self):
        """Fails if the mock was called."""
        if self.call_count != 0:
            raise AssertionError("Expected '%s' to not have been called. Called %s times.%s"
                                 % (self._mock_name or 'mock', self.call_count, self._calls_repr()))

    def assert_called(self):
        """Fails unless the mock was called at least once."""
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." % (self._mock_name or 'mock'))

    def assert_called_once(self):
        """Fails unless the mock was called exactly once."""
        if self.call_count != 1:
            raise AssertionError("Expected '%s' to have been called once. Called %s times.%s"
                                 % (self._mock_name or 'mock', self.call_count, self._calls_repr()))

    def assert_called_with(self, *args, **kwargs):
        """Fails unless the last call had these arguments."""
        if self.call_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('expected call not found.\nExpected: %s\n  Actual: not called.'
                                 % expected)
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.call_args)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(self._format_mock_failure_message(args, kwargs)) from cause

    def assert_called_once_with(self, *args, **kwargs):
        """Fails unless the mock was called exactly once, with these arguments."""
        if self.call_count != 1:
            raise AssertionError("Expected '%s' to be called once. Called %s times.%s"
                                 % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fails unless `calls` are in mock_calls: as a contiguous run, or in any order."""
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        recorded = _CallList(self._call_matcher(c) for c in self.mock_calls)
        if not any_order:
            if expected not in recorded:
                if cause is None:
                    problem = 'Calls not found.'
                else:
                    problem = ('Error processing expected calls.\nErrors: {}'
                               .format([e if isinstance(e, Exception) else None for e in expected]))
                raise AssertionError(
                    f'{problem}\nExpected: {_CallList(calls)}'
                    f'{self._calls_repr(prefix="  Actual").rstrip(".")}') from cause
            return
        remaining = list(recorded)
        missing = []
        for wanted in expected:
            for index, candidate in enumerate(remaining):
                if wanted == candidate:
                    del remaining[index]
                    break
            else:
                missing.append(wanted)
        if missing:
            raise AssertionError('%r does not contain all of %r in its call list, found %r instead'
                                 % (self._mock_name or 'mock', tuple(missing), remaining)) from cause

    def assert_any_call(self, *args, **kwargs):
        """Fails unless some call (not only the last) had these arguments."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.call_args_list]
        if cause or not any(expected == c for c in actual):
            raise AssertionError('%s call not found' % self._format_mock_call_signature(args, kwargs)) \
                from cause


def _is_settable_property(klass, name):
    for base in klass.__mro__:
        value = base.__dict__.get(name)
        if value is not None:
            return isinstance(value, property) and value.fset is not None
    return False


def _extract_mock(obj):
    """The mock behind an autospecced function."""
    if isinstance(obj, _AutospecFunction):
        return obj.mock
    return obj


def _adopt(parent, value, name, new_name):
    """Makes a parentless mock `value` a child of `parent` (its calls then show in the parent's
    records); False when `value` is no mock or already has a parent."""
    if not _is_instance_mock(value):
        return False
    if value._mock_name or value._mock_new_name or value._mock_parent is not None \
            or value._mock_new_parent is not None:
        return False
    link = parent
    while link is not None:
        if link is value:  # a mock cannot be its own ancestor
            return False
        link = link._mock_new_parent
    if new_name:
        value.__dict__['_mock_new_parent'] = parent
        value.__dict__['_mock_new_name'] = new_name
    if name:
        value.__dict__['_mock_parent'] = parent
        value.__dict__['_mock_name'] = name
    return True


def _as_side_effect(value):
    """A side_effect of values is kept as an iterator over them."""
    if value is None or _is_exception(value) or callable(value):
        return value
    try:
        return iter(value)
    except TypeError:
        return value


class CallableMixin(Base):
    """What makes a mock callable: the call is recorded, then side_effect, return_value or
    wraps decide the result."""

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT, wraps=None, name=None,
                 spec_set=None, parent=None, _spec_state=None, _new_name='', _new_parent=None,
                 **kwargs):
        self.__dict__['_mock_return_value'] = return_value
        super().__init__(spec, wraps, name, spec_set, parent, _spec_state, _new_name,
                         _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, *args, **kwargs):
        # replaced by create_autospec with a check against the spec's signature
        pass

    def __call__(self, *args, **kwargs):
        self._mock_check_sig(*args, **kwargs)
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, *args, **kwargs):
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, *args, **kwargs):
        store = self.__dict__
        store['called'] = True
        store['call_count'] = self.call_count + 1
        recorded = _recorded_call(args, kwargs)
        store['call_args'] = recorded
        self.call_args_list.append(recorded)
        self.mock_calls.append(_recorded_named_call('', args, kwargs))
        # Up the chain: method_calls stop at a return value, mock_calls go to the top.
        method_name = self._mock_name
        record_methods = self._mock_parent is not None
        path = self._mock_new_name
        through_call = path == '()'
        parent = self._mock_new_parent
        seen = {id(self)}
        while parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            if record_methods:
                parent.method_calls.append(_recorded_named_call(method_name, args, kwargs))
                record_methods = parent._mock_parent is not None
                if record_methods:
                    method_name = parent._mock_name + '.' + method_name
            parent.mock_calls.append(_recorded_named_call(path, args, kwargs))
            if parent._mock_new_name:
                dot = '' if through_call else '.'
                through_call = parent._mock_new_name == '()'
                path = parent._mock_new_name + dot + path
            parent = parent._mock_new_parent

    def _execute_mock_call(self, *args, **kwargs):
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            if not callable(effect):
                result = next(effect)
                if _is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A flexible stand-in: any attribute is a child Mock, any call is recorded and returns
    return_value (a child Mock unless set).

    Mock(spec=None, side_effect=None, return_value=DEFAULT, wraps=None, name=None,
    spec_set=None, unsafe=False, **kwargs) — kwargs configure attributes."""


class MagicMixin(Base):
    """Configures the supported magic methods (len(), iteration, comparisons, `with`...)."""

    # The proxies are put in the mock's class when it is made (NonCallableMock.__new__).

    def _mock_set_magics(self):
        """After a new spec: the magic methods the spec does not have go, those it has come."""
        everything = _MAGIC_DEFAULTS | _ASYNC_MAGICS
        methods = self.__dict__.get('_mock_methods')
        allowed = _configured_magics(methods)
        own = type(self)
        for name in everything - allowed:
            if name in own.__dict__:
                delattr(own, name)
        for name in allowed - set(own.__dict__):
            setattr(own, name, _MAGIC_PROXIES[name])


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A MagicMock that cannot be called."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class MagicMock(MagicMixin, Mock):
    """A Mock whose magic methods are configured: len() is 0, iteration is empty, `with`
    works, comparisons are NotImplemented... each one a child mock that can be changed."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class PropertyMock(Mock):
    """A mock to put on a class as a property: reading the attribute calls it with no
    arguments, setting it calls it with the value."""

    def _get_child_mock(self, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, value):
        self(value)


# ---------------------------------------------------------------------------------------------
# AsyncMock

class AsyncMockMixin(Base):
    """A call returns a coroutine; awaiting it runs the side effect and counts the await."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        store = self.__dict__
        store['await_count'] = 0
        store['await_args'] = None
        store['await_args_list'] = _CallList()
        # inspect.iscoroutinefunction() looks at the code flags of function-like objects.
        code = NonCallableMock(spec_set=types.CodeType)
        code.__dict__['co_flags'] = inspect.CO_COROUTINE
        code.__dict__['co_argcount'] = 0
        code.__dict__['co_varnames'] = ('args', 'kwargs')
        code.__dict__['co_posonlyargcount'] = 0
        code.__dict__['co_kwonlyargcount'] = 0
        store['__code__'] = code
        store['__name__'] = 'AsyncMock'
        store['__defaults__'] = tuple()
        store['__kwdefaults__'] = {}
        store['__annotations__'] = None

    async def _execute_mock_call(self, *args, **kwargs):
        awaited = _Call((args, kwargs), two=True)
        store = self.__dict__
        store['await_count'] = self.await_count + 1
        store['await_args'] = awaited
        self.await_args_list.append(awaited)
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            if not callable(effect):
                try:
                    result = next(effect)
                except StopIteration:
                    raise StopAsyncIteration
                if _is_exception(result):
                    raise result
            elif inspect.iscoroutinefunction(effect):
                result = await effect(*args, **kwargs)
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            if inspect.iscoroutinefunction(self._mock_wraps):
                return await self._mock_wraps(*args, **kwargs)
            return self._mock_wraps(*args, **kwargs)
        return self.return_value

    def assert_awaited(self):
        """Fails unless the mock was awaited at least once."""
        if self.await_count == 0:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited.")

    def assert_awaited_once(self):
        """Fails unless the mock was awaited exactly once."""
        if self.await_count != 1:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited once."
                                 f" Awaited {self.await_count} times.")

    def assert_awaited_with(self, *args, **kwargs):
        """Fails unless the last await had these arguments."""
        if self.await_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'Expected await: {expected}\nNot awaited')
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.await_args)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            message = 'expected await not found.\nExpected: %s\n  Actual: %s' % (
                self._format_mock_call_signature(args, kwargs),
                self._format_mock_call_signature(*self.await_args))
            raise AssertionError(message) from cause

    def assert_awaited_once_with(self, *args, **kwargs):
        """Fails unless the mock was awaited exactly once, with these arguments."""
        if self.await_count != 1:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited once."
                                 f" Awaited {self.await_count} times.")
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, *args, **kwargs):
        """Fails unless some await had these arguments."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.await_args_list]
        if cause or not any(expected == c for c in actual):
            raise AssertionError('%s await not found' % self._format_mock_call_signature(args, kwargs)) \
                from cause

    def assert_has_awaits(self, calls, any_order=False):
        """Fails unless `calls` are in await_args_list: as a contiguous run, or in any order."""
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        recorded = _CallList(self._call_matcher(c) for c in self.await_args_list)
        if not any_order:
            if expected not in recorded:
                if cause is None:
                    problem = 'Awaits not found.'
                else:
                    problem = ('Error processing expected awaits.\nErrors: {}'
                               .format([e if isinstance(e, Exception) else None for e in expected]))
                raise AssertionError(f'{problem}\nExpected: {_CallList(calls)}\n'
                                     f'Actual: {self.await_args_list}') from cause
            return
        remaining = list(recorded)
        missing = []
        for wanted in expected:
            for index, candidate in enumerate(remaining):
                if wanted == candidate:
                    del remaining[index]
                    break
            else:
                missing.append(wanted)
        if missing:
            raise AssertionError('%r not all found in await list' % (tuple(missing),)) from cause

    def assert_not_awaited(self):
        """Fails if the mock was awaited."""
        if self.await_count != 0:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to not have been awaited."
                                 f" Awaited {self.await_count} times.")

    def reset_mock(self, *args, **kwargs):
        super().reset_mock(*args, **kwargs)
        store = self.__dict__
        store['await_count'] = 0
        store['await_args'] = None
        store['await_args_list'] = _CallList()


class AsyncMagicMixin(MagicMixin):
    pass


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """A mock of an async function: calling it gives a coroutine, whose result is what the
    call of a Mock would give; awaits are recorded (await_count, await_args...)."""


# ---------------------------------------------------------------------------------------------
# seal, mock_open

def seal(mock):
    """Stops `mock` and its children from making new attributes: reading one raises
    AttributeError."""
    mock._mock_sealed = True
    for name in dir(mock):
        try:
            child = getattr(mock, name)
        except AttributeError:
            continue
        if not _is_instance_mock(child):
            continue
        if isinstance(mock._mock_children.get(name), _SpecState):
            continue
        if child._mock_new_parent is mock:
            seal(child)


_FILE_SPEC = None


def _to_stream(read_data):
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def mock_open(mock=None, read_data=''):
    """A mock to stand for `open`: the handle it returns reads `read_data` (read, readline,
    readlines, iteration) and works as a context manager; writes are recorded."""
    global _FILE_SPEC
    if _FILE_SPEC is None:
        _FILE_SPEC = sorted(set(dir(io.TextIOWrapper)) | set(dir(io.BytesIO)))
    state = [_to_stream(read_data), None]
    if mock is None:
        mock = MagicMock(name='open', spec=open)
    handle = MagicMock(spec=_FILE_SPEC)
    handle.__enter__.return_value = handle
    handle.write.return_value = None
    handle.read.return_value = None
    handle.readline.return_value = None
    handle.readlines.return_value = None

    def read(*args, **kwargs):
        if handle.read.return_value is not None:
            return handle.read.return_value
        return state[0].read(*args, **kwargs)

    def readlines(*args, **kwargs):
        if handle.readlines.return_value is not None:
            return handle.readlines.return_value
        return state[0].readlines(*args, **kwargs)

    def lines():
        if handle.readline.return_value is not None:
            while True:
                yield handle.readline.return_value
        for line in state[0]:
            yield line

    def readline_values(*args, **kwargs):
        yield from lines()
        while True:
            yield state[0].readline(*args, **kwargs)

    def next_line():
        if handle.readline.return_value is not None:
            return handle.readline.return_value
        return next(state[0])

    handle.read.side_effect = read
    state[1] = readline_values()
    handle.readline.side_effect = state[1]
    handle.readlines.side_effect = readlines
    handle.__iter__.side_effect = lines
    handle.__next__.side_effect = next_line

    def reopen(*args, **kwargs):
        state[0] = _to_stream(read_data)
        if handle.readline.side_effect is state[1]:
            state[1] = readline_values()
            handle.readline.side_effect = state[1]
        return DEFAULT

    mock.side_effect = reopen
    mock.return_value = handle
    return mock


# ---------------------------------------------------------------------------------------------
# create_autospec

class _AutospecFunction:
    """An autospecced function: checks each call against the function's signature, then calls
    the mock (`.mock`), whose attributes it shows as its own. Bound like a function when it is
    a class attribute, so that a method receives self."""

    def __init__(self, original, mock, signature):
        self.__dict__['mock'] = mock
        self.__dict__['_signature'] = signature
        for name in ('__name__', '__qualname__', '__doc__', '__module__'):
            try:
                self.__dict__[name] = getattr(original, name)
            except AttributeError:
                pass
        self.__dict__['__signature__'] = signature
        self.__dict__['__wrapped__'] = original

    def __call__(self, *args, **kwargs):
        self._signature.bind(*args, **kwargs)
        return self.mock(*args, **kwargs)

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def __getattr__(self, name):
        return getattr(self.mock, name)

    def __setattr__(self, name, value):
        setattr(self.mock, name, value)

    def __repr__(self):
        return '<function %s at %#x>' % (self.__dict__.get('__name__', '?'), id(self))


def _install_signature_check(spec, mock, skip_first, instance=False):
    signature = _signature_of(spec, instance, skip_first)
    if signature is None:
        return

    def checksig(self, *args, **kwargs):
        signature.bind(*args, **kwargs)

    type(mock)._mock_check_sig = checksig
    type(mock).__signature__ = signature


def _skips_self(spec, entry, is_type):
    """Whether the attribute `entry` of `spec` is a method whose first parameter (self) the
    caller does not pass."""
    if not isinstance(spec, type):
        if entry in getattr(spec, '__dict__', {}):
            return False
        spec = spec.__class__
    for klass in spec.__mro__:
        found = klass.__dict__.get(entry, DEFAULT)
        if found is DEFAULT:
            continue
        if isinstance(found, (staticmethod, classmethod)):
            return False
        if isinstance(found, types.FunctionType):
            return is_type
        return False
    return is_type


def create_autospec(spec, spec_set=False, instance=False, _parent=None, _name=None, *,
                    unsafe=False, **kwargs):
    """A mock with the API of `spec`: only its attributes exist, and calls of it and of its
    methods are checked against their signatures (TypeError as the real one would raise)."""
    if _is_list(spec):
        spec = type(spec)
    if _is_instance_mock(spec):
        raise InvalidSpecError(f'Cannot autospec a Mock object. [object={spec!r}]')
    is_type = isinstance(spec, type)
    is_async = _is_async_func(spec)
    spec_kwargs = {'spec_set': spec} if spec_set else {'spec': spec}
    if spec is None:
        spec_kwargs = {}
    if spec_kwargs and instance:
        spec_kwargs['_spec_as_instance'] = True
    if not unsafe:
        _check_spec_arg_typos(kwargs)
    spec_kwargs.update(kwargs)
    klass = MagicMock
    if inspect.isdatadescriptor(spec):
        spec_kwargs = {}
    elif is_type and instance and not _instance_callable(spec):
        klass = NonCallableMagicMock
    elif not _callable(spec):
        klass = NonCallableMagicMock
    elif is_async:
        klass = AsyncMock
    new_name = _name
    if _parent is None:
        new_name = ''
    mock = klass(parent=_parent, _new_parent=_parent, _new_name=new_name, name=_name, **spec_kwargs)
    result = mock
    if isinstance(spec, types.FunctionType):
        signature = _signature_of(spec, False, False)
        if signature is not None:
            result = _AutospecFunction(spec, mock, signature)
    else:
        _install_signature_check(spec, mock, is_type, instance)
    if _parent is not None and not instance:
        _parent._mock_children[_name] = result
    if is_type and not instance and 'return_value' not in kwargs:
        mock.return_value = create_autospec(spec, spec_set, instance=True, _name='()', _parent=mock)
    for entry in dir(spec):
        if _is_magic(entry):
            continue
        try:
            original = getattr(spec, entry)
        except AttributeError:
            continue
        if not isinstance(original, (types.FunctionType, types.MethodType)):
            mock._mock_children[entry] = _SpecState(original, spec_set, mock, entry, instance)
            continue
        skip_first = _skips_self(spec, entry, is_type)
        child_kwargs = {'spec_set': original} if spec_set else {'spec': original}
        child_kwargs['_eat_self'] = skip_first
        child_klass = AsyncMock if inspect.iscoroutinefunction(original) else MagicMock
        child = child_klass(parent=mock, name=entry, _new_name=entry, _new_parent=mock, **child_kwargs)
        mock._mock_children[entry] = child
        child.return_value = child_klass()
        _install_signature_check(original, child, skip_first)
    return result


# ---------------------------------------------------------------------------------------------
# patch

def _dot_lookup(thing, component, import_path):
    try:
        return getattr(thing, component)
    except AttributeError:
        __import__(import_path)
        return getattr(thing, component)


def _importer(target):
    """The object a dotted name names: the longest importable module, then attributes."""
    components = target.split('.')
    import_path = components.pop(0)
    thing = __import__(import_path)
    for component in components:
        import_path += '.%s' % component
        thing = _dot_lookup(thing, component, import_path)
    return thing


def _get_target(target):
    try:
        where, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(f"Need a valid target to patch. You supplied: {target!r}")
    return (lambda: _importer(where)), attribute


# Names a module may be patched with even when it does not define them (open, print...).
_BUILTIN_NAMES = {name for name in dir(builtins) if not name.startswith('_')}


class _patch:
    """One patch: while active, `attribute` of the target is replaced by `new` (a MagicMock
    made on entry when new is DEFAULT)."""

    attribute_name = None
    _active_patches = []

    def __init__(self, getter, attribute, new, spec, create, spec_set, autospec, new_callable,
                 kwargs, *, unsafe=False):
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError("Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError("Cannot use 'autospec' and 'new_callable' together")
        if not unsafe:
            _check_spec_arg_typos(kwargs)
        if _is_instance_mock(spec):
            raise InvalidSpecError(f'Cannot spec attr {attribute!r} as the spec has already been '
                                   f'mocked out. [spec={spec!r}]')
        if _is_instance_mock(spec_set):
            raise InvalidSpecError(f'Cannot spec attr {attribute!r} as the spec_set target has '
                                   f'already been mocked out. [spec_set={spec_set!r}]')
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self.additional_patchers = []

    def copy(self):
        patcher = _patch(self.getter, self.attribute, self.new, self.spec, self.create,
                         self.spec_set, self.autospec, self.new_callable, self.kwargs)
        patcher.attribute_name = self.attribute_name
        patcher.additional_patchers = [p.copy() for p in self.additional_patchers]
        return patcher

    def __call__(self, func):
        if isinstance(func, type):
            return self.decorate_class(func)
        if inspect.iscoroutinefunction(func):
            return self.decorate_async_callable(func)
        return self.decorate_callable(func)

    def decorate_class(self, klass):
        for name in dir(klass):
            if not name.startswith(patch.TEST_PREFIX):
                continue
            value = getattr(klass, name)
            if not hasattr(value, '__call__'):
                continue
            setattr(klass, name, self.copy()(value))
        return klass

    @contextlib.contextmanager
    def decoration_helper(self, patched, args, keywargs):
        extra_args = []
        with contextlib.ExitStack() as stack:
            for patching in patched.patchings:
                made = stack.enter_context(patching)
                if patching.attribute_name is not None:
                    keywargs.update(made)
                elif patching.new is DEFAULT:
                    extra_args.append(made)
            yield (args + tuple(extra_args), keywargs)

    def decorate_callable(self, func):
        if hasattr(func, 'patchings'):
            func.patchings.append(self)
            return func

        @functools.wraps(func)
        def patched(*args, **keywargs):
            with self.decoration_helper(patched, args, keywargs) as (newargs, newkeywargs):
                return func(*newargs, **newkeywargs)

        patched.patchings = [self]
        return patched

    def decorate_async_callable(self, func):
        if hasattr(func, 'patchings'):
            func.patchings.append(self)
            return func

        @functools.wraps(func)
        async def patched(*args, **keywargs):
            with self.decoration_helper(patched, args, keywargs) as (newargs, newkeywargs):
                return await func(*newargs, **newkeywargs)

        patched.patchings = [self]
        return patched

    def get_original(self):
        target = self.getter()
        name = self.attribute
        original = DEFAULT
        local = False
        try:
            original = target.__dict__[name]
        except (AttributeError, KeyError):
            original = getattr(target, name, DEFAULT)
        else:
            local = True
        if name in _BUILTIN_NAMES and isinstance(target, types.ModuleType):
            self.create = True
        if not self.create and original is DEFAULT:
            raise AttributeError("%s does not have the attribute %r" % (target, name))
        return original, local

    def __enter__(self):
        new, spec, spec_set = self.new, self.spec, self.spec_set
        autospec, kwargs = self.autospec, self.kwargs
        new_callable = self.new_callable
        self.target = self.getter()
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if autospec is False:
            autospec = None
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if ((spec is not None or autospec is not None)
                and spec_set not in (True, None)):
            raise TypeError("Can't provide explicit spec_set *and* spec or autospec")
        original, local = self.get_original()
        if new is DEFAULT and autospec is None:
            new = self._make_mock(original, spec, spec_set, new_callable, kwargs)
        elif autospec is not None:
            if new is not DEFAULT:
                raise TypeError("autospec creates the mock for you. Can't specify autospec and new.")
            if original is DEFAULT:
                raise TypeError("Can't use 'autospec' with create=True")
            spec_set = bool(spec_set)
            if autospec is True:
                autospec = original
            if _is_instance_mock(self.target):
                raise InvalidSpecError(
                    f'Cannot autospec attr {self.attribute!r} as the patch target has already '
                    f'been mocked out. [target={self.target!r}, attr={autospec!r}]')
            if _is_instance_mock(autospec):
                raise InvalidSpecError(
                    f'Cannot autospec attr {self.attribute!r} from target {self.target!r} as it '
                    f'has already been mocked out. [target={self.target!r}, attr={autospec!r}]')
            new = create_autospec(autospec, spec_set=spec_set, _name=self.attribute, **kwargs)
        elif kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")
        self.temp_original = original
        self.is_local = local
        self._exit_stack = contextlib.ExitStack()
        try:
            setattr(self.target, self.attribute, new)
            if self.attribute_name is not None:
                made = {}
                if self.new is DEFAULT:
                    made[self.attribute_name] = new
                for patching in self.additional_patchers:
                    value = self._exit_stack.enter_context(patching)
                    if patching.new is DEFAULT:
                        made.update(value)
                return made
            return new
        except:
            if not self.__exit__(*sys.exc_info()):
                raise

    def _make_mock(self, original, spec, spec_set, new_callable, kwargs):
        inherit = False
        if spec is True:
            spec = original
            if spec_set is True:
                spec_set = original
                spec = None
        elif spec is not None:
            if spec_set is True:
                spec_set = spec
                spec = None
        elif spec_set is True:
            spec_set = original
        if spec is not None or spec_set is not None:
            if original is DEFAULT:
                raise TypeError("Can't use 'spec' with create=True")
            if isinstance(original, type):
                inherit = True
        if spec is None and _is_async_obj(original):
            klass = AsyncMock
        else:
            klass = MagicMock
        mock_kwargs = {}
        if new_callable is not None:
            klass = new_callable
        elif spec is not None or spec_set is not None:
            this_spec = spec_set if spec_set is not None else spec
            if _is_list(this_spec):
                not_callable = '__call__' not in this_spec
            else:
                not_callable = not callable(this_spec)
            if _is_async_func(this_spec):
                klass = AsyncMock
            elif not_callable:
                klass = NonCallableMagicMock
        if spec is not None:
            mock_kwargs['spec'] = spec
        if spec_set is not None:
            mock_kwargs['spec_set'] = spec_set
        if isinstance(klass, type) and issubclass(klass, NonCallableMock) and self.attribute:
            mock_kwargs['name'] = self.attribute
        mock_kwargs.update(kwargs)
        new = klass(**mock_kwargs)
        if inherit and _is_instance_mock(new):
            this_spec = spec_set if spec_set is not None else spec
            if not _is_list(this_spec) and not _instance_callable(this_spec):
                klass = NonCallableMagicMock
            mock_kwargs.pop('name', None)
            new.return_value = klass(_new_parent=new, _new_name='()', **mock_kwargs)
        return new

    def __exit__(self, *exc_info):
        if self.is_local and self.temp_original is not DEFAULT:
            setattr(self.target, self.attribute, self.temp_original)
        else:
            delattr(self.target, self.attribute)
            if not self.create and (not hasattr(self.target, self.attribute) or
                                    self.attribute in ('__doc__', '__module__', '__defaults__',
                                                       '__annotations__', '__kwdefaults__')):
                setattr(self.target, self.attribute, self.temp_original)
        del self.temp_original
        del self.is_local
        del self.target
        stack = self._exit_stack
        del self._exit_stack
        return stack.__exit__(*exc_info)

    def start(self):
        """Activates the patch (until stop() or patch.stopall()); returns the new object."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self):
        """Undoes the patch started by start() (None when it is not active)."""
        try:
            self._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
          new_callable=None, *, unsafe=False, **kwargs):
    """Replaces the object named by `target` ('package.module.Name') with `new` — a MagicMock
    by default — as a function or class decorator (the mock is passed as an extra argument),
    as a context manager (`as` gives the mock), or between start() and stop()."""
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable,
                  kwargs, unsafe=unsafe)


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None,
                  autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """patch.object(target, attribute, ...): patches an attribute of an object in hand."""
    if type(target) is str:
        raise TypeError(f"{target!r} must be the actual object to be patched, not a str")
    return _patch(lambda: target, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None, autospec=None,
                    new_callable=None, **kwargs):
    """patch.multiple(target, name=new, ...): several attributes at once; those given as
    DEFAULT are made into mocks and handed over by name (keyword arguments, or a dict)."""
    if type(target) is str:
        getter = lambda: _importer(target)
    else:
        getter = lambda: target
    if not kwargs:
        raise ValueError('Must supply at least one keyword argument with patch.multiple')
    items = list(kwargs.items())
    attribute, new = items[0]
    patcher = _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, {})
    patcher.attribute_name = attribute
    for attribute, new in items[1:]:
        more = _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, {})
        more.attribute_name = attribute
        patcher.additional_patchers.append(more)
    return patcher


def _clear_dict(in_dict):
    try:
        in_dict.clear()
    except AttributeError:
        for key in list(in_dict):
            del in_dict[key]


class _patch_dict:
    """patch.dict(in_dict, values=(), clear=False, **kwargs): sets keys of a dict (or a
    dict-like object, or one named by a dotted string) and restores its whole content after."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            return self.decorate_class(f)
        if inspect.iscoroutinefunction(f):
            @functools.wraps(f)
            async def _inner(*args, **kwargs):
                self._patch_dict()
                try:
                    return await f(*args, **kwargs)
                finally:
                    self._unpatch_dict()
            return _inner

        @functools.wraps(f)
        def _inner(*args, **kwargs):
            self._patch_dict()
            try:
                return f(*args, **kwargs)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_class(self, klass):
        for name in dir(klass):
            value = getattr(klass, name)
            if name.startswith(patch.TEST_PREFIX) and hasattr(value, '__call__'):
                decorator = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, name, decorator(value))
        return klass

    def __enter__(self):
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _importer(self.in_dict)
        in_dict = self.in_dict
        try:
            original = in_dict.copy()
        except AttributeError:
            original = {}
            for key in in_dict:
                original[key] = in_dict[key]
        self._original = original
        if self.clear:
            _clear_dict(in_dict)
        try:
            in_dict.update(self.values)
        except AttributeError:
            for key in self.values:
                in_dict[key] = self.values[key]

    def _unpatch_dict(self):
        in_dict = self.in_dict
        original = self._original
        _clear_dict(in_dict)
        try:
            in_dict.update(original)
        except AttributeError:
            for key in original:
                in_dict[key] = original[key]

    def __exit__(self, *args):
        if self._original is not None:
            self._unpatch_dict()
        return False

    def start(self):
        """Applies the patch until stop() or patch.stopall()."""
        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self):
        """Restores the dict."""
        try:
            _patch._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _patch_stopall():
    """Stops every patch started with start(), the last started first."""
    for active in reversed(_patch._active_patches):
        active.stop()


patch.object = _patch_object
patch.dict = _patch_dict
patch.multiple = _patch_multiple
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'
