"""Shallow and deep copies: copy(x) and deepcopy(x, memo). Classes control copying with
__copy__ and __deepcopy__(memo), or through the reduce protocol (__reduce_ex__, __reduce__,
__getnewargs__, __getstate__/__setstate__) that pickling also uses."""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Types whose values are never copied (immutable, or copied by identity like functions).
_ATOMIC = {
    type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex, bytes, str,
    type, range, slice, property, types.BuiltinFunctionType, types.FunctionType,
    types.CodeType,
}


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif cls in _ATOMIC or issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple that contains itself was copied while copying its items.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for v in x:
        y.add(deepcopy(v, memo))
    return y


def _deepcopy_frozenset(x, memo):
    return frozenset(deepcopy(v, memo) for v in x)


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


_deepcopy_dispatch = {
    list: _deepcopy_list,
    tuple: _deepcopy_tuple,
    dict: _deepcopy_dict,
    set: _deepcopy_set,
    frozenset: _deepcopy_frozenset,
    types.MethodType: _deepcopy_method,
    bytearray: _deepcopy_bytearray,
}


def _keep_alive(x, memo):
    """Keeps x alive as long as memo is (memo holds id(x) keys, which must stay unique)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


_object_reduce_ex = object.__reduce_ex__
_object_reduce = getattr(object, "__reduce__", None)
_object_getstate = getattr(object, "__getstate__", None)


def _reduce(x):
    """x's reduce value: from its own __reduce_ex__ or __reduce__, else object's default."""
    cls = type(x)
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None and reductor is not _object_reduce_ex:
        return x.__reduce_ex__(4)
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None and reductor is not _object_reduce:
        return x.__reduce__()
    return _reduce_object(x)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = f"_{c.__name__.lstrip('_')}{name}"
            names.append(name)
    return names


def _reduce_object(x):
    """object.__reduce_ex__(4): rebuild through cls.__new__ with __getnewargs(_ex)__, then the
    state (__getstate__, or the instance dict and slots), list items and dict items."""
    cls = type(x)
    getnewargs_ex = getattr(x, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
        func, func_args = _newobj_ex, (cls, tuple(args), dict(kwargs))
    else:
        getnewargs = getattr(x, "__getnewargs__", None)
        args = tuple(getnewargs()) if getnewargs is not None else ()
        func, func_args = _newobj, (cls,) + args
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None and getstate is not _object_getstate:
        state = x.__getstate__()
    else:
        state = getattr(x, "__dict__", None) or None
        slots = {}
        for name in _slot_names(cls):
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return func, func_args, state, listitems, dictitems


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *ignored):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
