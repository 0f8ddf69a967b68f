# unittest.mock: autospec and spec through patch, MagicMock with a spec, side effects, call lists
from unittest import mock
from unittest.mock import patch, Mock, MagicMock, call, create_autospec, AsyncMock, NonCallableMagicMock, sentinel
class Svc:
    attr = 3
    def fetch(self, key, default=None): return key
    @property
    def prop(self): return 1
with patch.object(Svc, "fetch", autospec=True) as f:
    f.return_value = "auto"
    s = Svc()
    print(s.fetch("k"), f.call_args.args[1:], f.call_args == call(s, "k"))
    f.assert_called_once_with(s, "k")
    try: s.fetch()
    except TypeError as e: print("TypeError", e)
with patch.object(Svc, "fetch", spec=True) as f:
    print(type(f).__name__)
RealSvc = Svc
with patch("__main__.Svc", spec=True) as S:
    inst = S()
    print(type(S).__name__, type(inst).__name__, isinstance(inst, RealSvc))
    try: inst.nope
    except AttributeError as e: print(e)
    try: S.nope
    except AttributeError as e: print(e)
with patch("__main__.Svc", autospec=True) as S:
    inst = S()
    inst.fetch("a", default=2)
    print(inst.fetch.call_args, S.mock_calls)
    try: inst.fetch(1, 2, 3)
    except TypeError as e: print("TypeError", e)
m = MagicMock(spec=Svc)
print(isinstance(m, Svc), m.fetch("x") is m.fetch.return_value, repr(m.attr).split(" id=")[0])
try: len(m)
except TypeError as e: print("TypeError", e)
m = Mock(spec_set=["a"])
try: m.b = 1
except AttributeError as e: print(e)
m = Mock(return_value=sentinel.r)
print(m() is sentinel.r)
m = Mock()
m.side_effect = [1, StopIteration]
print(m())
try: m()
except StopIteration as e: print("StopIteration", repr(e))
m = MagicMock()
m.__getitem__.return_value = "item"
print(m["k"], m[1:2], m.__getitem__.call_args_list)
m.method.return_value.other.side_effect = lambda x: x + 1
print(m.method().other(5), m.mock_calls)
m.reset_mock()
print(m.mock_calls, m.method.call_count)
p = MagicMock()
p.__iter__.return_value = [1, 2, 3]
print(list(p), list(p))
print(dir(Mock())[:5], "foo" in dir(Mock(spec=["foo"])))
c = Mock()
c.a.b.c(1)
print(c.method_calls, c.a.method_calls, c.a.b.c.call_args)
print(call.a.b.c(1) in c.mock_calls, c.mock_calls.index(call.a.b.c(1)))
print(mock.call(1, 2) == mock.call(1, 2), repr(mock.call.x.y), mock.call(x=1).kwargs)
m = Mock()
m(1); m(2); m(3)
m.assert_has_calls([call(2), call(3)])
print(m.call_args_list == [call(1), call(2), call(3)], call(2) in m.call_args_list)
try: m.assert_has_calls([call(1), call(3)])
except AssertionError as e: print(e)
m = Mock(name="foo", **{"bar.return_value": 3})
print(repr(m.bar).split(" id")[0], m.bar())
n = NonCallableMagicMock()
print(len(n), callable(n))
m = MagicMock()
m.__str__.return_value = "S"
m.__int__.return_value = 7
print(str(m), int(m), format(m, "") if False else "")
print(mock.FILTER_DIR, mock.DEFAULT, mock.ANY != 1)
