# unittest.mock: Mock, MagicMock, call, ANY, sentinel, side effects, assertions, patch
from unittest import mock
from unittest.mock import Mock, MagicMock, NonCallableMock, PropertyMock, call, ANY, sentinel, DEFAULT, patch


def clean(text):
    """The text with the ids of mocks (id='…') and addresses (0x…) replaced."""
    text = str(text)
    for marker, digits in (("id='", "0123456789"), ("0x", "0123456789abcdef")):
        pieces = text.split(marker)
        for i in range(1, len(pieces)):
            rest = pieces[i].lstrip(digits)
            if len(rest) < len(pieces[i]):
                pieces[i] = "N" + rest
        text = marker.join(pieces)
    return text


def show(label, fn):
    try:
        print(label, "->", clean(repr(fn())))
    except Exception as e:
        print(label, "->", type(e).__name__, clean(e))


# --- calls and their records
m = Mock()
m(1, 2, a=3)
m.method("x")
m.attr.nested(5)
m()
print(m.called, m.call_count)
print(m.call_args)
print(m.call_args_list)
print(m.mock_calls)
print(m.method_calls)
print(m.call_args.args, m.call_args.kwargs)
print(m.method.call_args, m.attr.nested.call_args)
print(m.method is m.method, m.method is m.other)
print(clean(repr(m)), clean(repr(m.method)), clean(repr(m())), clean(repr(m.a.b().c)))
print(clean(repr(Mock(name="named"))), clean(repr(Mock(name="named").child)))
print(clean(repr(MagicMock())))

# --- return_value and side_effect
m = Mock(return_value=42)
print(m(), m(1))
m.return_value = "r"
print(m())
m = Mock(side_effect=[1, 2, 3])
print(m(), m(), m())
show("exhausted", m)
m = Mock(side_effect=KeyError("k"))
show("exc instance", m)
m = Mock(side_effect=ValueError)
show("exc class", m)
m = Mock(side_effect=lambda x: x * 10)
print(m(4))
m = Mock(side_effect=lambda: DEFAULT, return_value="dflt")
print(m())
m = Mock(side_effect=[ValueError("boom"), 7])
show("iter exc", m)
print(m())
m = Mock(return_value=3)
m.side_effect = None
print(m())
m = Mock(**{"method.return_value": 3, "other.side_effect": KeyError})
print(m.method())
show("configured", m.other)
m = Mock()
m.configure_mock(**{"a.b.return_value": "deep", "x": 1})
print(m.a.b(), m.x)
m = Mock(wraps=lambda a, b: a + b)
print(m(2, 3), m.call_args)

# --- assertion methods and their messages
m = Mock()
show("assert_called on fresh", m.assert_called)
show("assert_called_with not called", lambda: m.assert_called_with(1))
show("assert_not_called", m.assert_not_called)
m(1, b=2)
show("assert_called", m.assert_called)
show("assert_called_once", m.assert_called_once)
show("assert_called_with ok", lambda: m.assert_called_with(1, b=2))
show("assert_called_with wrong", lambda: m.assert_called_with(1, b=3))
show("assert_not_called called", m.assert_not_called)
m(3)
show("assert_called_once twice", m.assert_called_once)
show("assert_called_once_with", lambda: m.assert_called_once_with(3))
show("assert_any_call ok", lambda: m.assert_any_call(1, b=2))
show("assert_any_call missing", lambda: m.assert_any_call(9))
show("assert_has_calls ok", lambda: m.assert_has_calls([call(1, b=2), call(3)]))
show("assert_has_calls any_order", lambda: m.assert_has_calls([call(3), call(1, b=2)], any_order=True))
show("assert_has_calls wrong", lambda: m.assert_has_calls([call(3), call(1, b=2)]))
show("assert_has_calls any missing", lambda: m.assert_has_calls([call(4)], any_order=True))
named = Mock(name="thing")
show("named not called", named.assert_called)
show("named with", lambda: named.assert_called_with())
named.meth(1)
show("child once_with", lambda: named.meth.assert_called_once_with(2))
show("typo", lambda: m.assret_called_once())
show("typo2", lambda: m.assert_foo())
show("unsafe", lambda: Mock(unsafe=True).assert_foo())

# --- call objects
print(call(1, 2), call.foo(a=1), call().bar.baz(3), call)
print(call(1) == call(1), call(1) == call(2), call(1, a=2) == ((1,), {"a": 2}))
print(call.foo(1) == ("foo", (1,), {}))
print(call(ANY, 2) == call("whatever", 2), ANY == 5, repr(ANY))
print(call(1).call_list(), call.a(1).b(2).call_list())
m = Mock()
m(1)(2).x(3)
print(m.mock_calls == call(1)(2).x(3).call_list())
print(m.mock_calls)
c = call(1, x=2)
print(c.args, c.kwargs, c[0], c[1], len(c))
print(call.name.args, call.name(7).args)

# --- sentinel and DEFAULT
print(sentinel.token, sentinel.token is sentinel.token, sentinel.a is sentinel.b, DEFAULT)

# --- reset_mock
m = Mock(return_value=1, side_effect=[5])
m()
m.child()
m.reset_mock()
print(m.called, m.call_count, m.call_args, m.mock_calls, m.child.called)
print(m.return_value, m.side_effect is not None)
m.reset_mock(return_value=True, side_effect=True)
print(clean(repr(m.return_value)), m.side_effect)

# --- spec and spec_set
class Thing:
    klass_attr = 1

    def method(self, a, b=2):
        return a

    @property
    def prop(self):
        return 1


m = Mock(spec=Thing)
print(isinstance(m, Thing), clean(repr(m)))
print(clean(repr(m.method)))
show("spec missing attr", lambda: m.missing)
m.new_attr = 1
print(m.new_attr)
m.method(1, b=3)
show("spec sig match", lambda: m.method.assert_called_with(1, 3))
m = Mock(spec=["a", "b"])
print(clean(repr(m.a)))
show("spec list missing", lambda: m.c)
m = Mock(spec_set=Thing)
show("spec_set set missing", lambda: setattr(m, "nope", 1))
m.klass_attr = 5
print(m.klass_attr)
m = NonCallableMock()
show("noncallable call", lambda: m())
print(clean(repr(m)), callable(m))
m = Mock()
show("dunder", lambda: m.__foo__)
show("mock internals", lambda: m._mock_methods)
m.mock_add_spec(["x"])
show("after add_spec", lambda: m.y)
print(clean(repr(m.x)))

# --- attach_mock and parents
parent = Mock()
child = Mock(return_value=None)
parent.attach_mock(child, "child")
child(1)
parent.other(2)
print(parent.mock_calls, clean(repr(child)))
manager = Mock()
m1, m2 = Mock(), Mock()
manager.attach_mock(m1, "first")
manager.attach_mock(m2, "second")
m1.go()
m2.stop(1)
print(manager.mock_calls == [call.first.go(), call.second.stop(1)])

# --- deleting attributes
m = Mock()
del m.gone
show("deleted", lambda: m.gone)
m.gone = 3
print(m.gone)

# --- MagicMock magic methods
mm = MagicMock()
print(len(mm), list(mm), bool(mm), int(mm), float(mm), complex(mm), 3 in mm)
print(mm == mm, mm == 3, mm != 3, hash(mm) == hash(mm), str(mm) == repr(mm) or "str differs")
print(mm.__index__())
mm.__len__.return_value = 5
mm.__iter__.return_value = iter([1, 2])
mm.__getitem__.side_effect = lambda k: k * 2
mm.__contains__.return_value = True
print(len(mm), list(mm), mm[4], "x" in mm)
mm[1] = 2
del mm[3]
print(mm.__setitem__.call_args, mm.__delitem__.call_args)
print(mm.mock_calls[:2])
with mm as entered:
    print(clean(repr(entered)))
print(mm.__enter__.called, mm.__exit__.call_args)
mm.__exit__.return_value = True
with mm:
    raise ValueError("swallowed")
print("swallowed ok")
show("lt", lambda: mm < 3)
mm.__lt__.return_value = True
print(mm < 3)
mm2 = MagicMock()
mm2.__str__.return_value = "custom"
print(str(mm2))
mm2.__eq__.return_value = True
print(mm2 == 1)
mm3 = MagicMock()
mm3.__add__.return_value = 10
print(mm3 + 1)
show("radd default", lambda: type(1 + mm3).__name__)
m = Mock()
show("plain mock len", lambda: len(m))
m.__len__ = Mock(return_value=3)
print(len(m))
m.__iter__ = lambda self: iter([7])
print(list(m))
show("unsupported magic", lambda: setattr(m, "__getnewargs__", 1) or "set")

# --- PropertyMock
class WithProp:
    @property
    def value(self):
        return "real"


with patch.object(WithProp, "value", new_callable=PropertyMock) as pm:
    pm.return_value = "mocked"
    w = WithProp()
    print(w.value)
    w.value = 9
    print(pm.mock_calls)
print(WithProp().value)
