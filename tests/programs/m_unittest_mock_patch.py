# unittest.mock.patch: decorator, context manager, start/stop, patch.object, patch.dict, patch.multiple,
# mock_open, seal, create_autospec, AsyncMock
import os
import sys
import types
import unittest
from unittest import mock
from unittest.mock import patch, Mock, MagicMock, call, sentinel, DEFAULT, mock_open


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


# A module to patch, built in memory so that patch() can import it by name.
target = types.ModuleType("mock_target")
target.CONSTANT = 10
target.helper = lambda x: x + 1
target.compute = lambda x: target.helper(x) * 2
target.settings = {"a": 1, "b": 2}


class Service:
    greeting = "hello"

    def fetch(self, key):
        return "real " + key

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def util(n):
        return n


target.Service = Service
sys.modules["mock_target"] = target

# --- as a context manager
with patch("mock_target.helper") as fake:
    fake.return_value = 100
    print(target.compute(1), clean(repr(fake)), type(fake).__name__)
print(target.compute(1))
with patch("mock_target.CONSTANT", 99):
    print(target.CONSTANT)
print(target.CONSTANT)
with patch("mock_target.helper", new=lambda x: -x) as result:
    print(target.compute(3), result(5))
with patch("mock_target.missing", create=True) as made:
    print(clean(repr(target.missing)), made is target.missing)
print(hasattr(target, "missing"))
show("no attribute", lambda: patch("mock_target.missing").start())
show("bad target", lambda: patch("nodots"))
show("no module", lambda: patch("no_such_module_xyz.attr").start())
with patch("mock_target.helper", return_value=5, name="h") as fake:
    print(target.helper(0), clean(repr(fake)))
with patch("mock_target.Service") as FakeService:
    FakeService.return_value.fetch.return_value = "fake"
    print(target.Service().fetch("k"), FakeService.mock_calls)
with patch("mock_target.helper", new_callable=lambda: "made") as made:
    print(made, target.helper)
show("new and new_callable", lambda: patch("mock_target.helper", new=1, new_callable=Mock))

# --- as a decorator (arguments are added last, the innermost patch first)
@patch("mock_target.CONSTANT", 5)
@patch("mock_target.helper")
@patch("mock_target.compute")
def decorated(label, compute_mock, helper_mock):
    print(label, target.CONSTANT, compute_mock is target.compute, helper_mock is target.helper)
    return "returned"


print(decorated("deco"))
print(target.CONSTANT, target.helper(1))


@patch("mock_target.helper", sentinel.replacement)
def no_extra_arg():
    return target.helper


print(no_extra_arg())


@patch("mock_target.helper")
def raises(helper_mock):
    raise RuntimeError("inside")


show("decorated raises", raises)
print(target.helper(1))

# --- patch.object, patch.dict, patch.multiple
with patch.object(Service, "fetch", return_value="patched") as fetch:
    print(Service().fetch("x"), fetch.call_args)
print(Service().fetch("x"))
with patch.object(Service, "greeting", "hi"):
    print(Service.greeting)
with patch.object(Service, "make") as make:
    print(Service.make() is make.return_value)
print(type(Service.make()).__name__, Service.util(4))
with patch.object(Service, "util") as util:
    Service.util(3)
    print(util.call_args)
print(Service.util(6))
show("patch.object missing", lambda: patch.object(Service, "absent").start())
with patch.dict(target.settings, {"b": 20, "c": 30}):
    print(sorted(target.settings.items()))
print(sorted(target.settings.items()))
with patch.dict(target.settings, clear=True):
    print(target.settings)
print(sorted(target.settings.items()))
with patch.dict("mock_target.settings", d=4):
    print(sorted(target.settings.items()))
with patch.dict(os.environ, {"MOCK_TEST_VAR": "yes"}):
    print(os.environ["MOCK_TEST_VAR"])
print("MOCK_TEST_VAR" in os.environ)


@patch.dict(target.settings, {"z": 26})
def with_dict():
    return sorted(target.settings)


print(with_dict(), sorted(target.settings))
with patch.multiple("mock_target", CONSTANT=1, helper=DEFAULT) as values:
    print(target.CONSTANT, sorted(values), values["helper"] is target.helper)


@patch.multiple(target, CONSTANT=2, compute=DEFAULT)
def multi(compute):
    return target.CONSTANT, compute is target.compute


print(multi())

# --- start / stop / stopall
p = patch("mock_target.CONSTANT", 77)
started = p.start()
print(started, target.CONSTANT)
p.stop()
print(target.CONSTANT)
p1 = patch("mock_target.CONSTANT", 1)
p2 = patch.object(Service, "greeting", "yo")
p1.start()
p2.start()
print(target.CONSTANT, Service.greeting)
patch.stopall()
print(target.CONSTANT, Service.greeting)
print(p.stop())

# --- patching classes used by a TestCase
@patch("mock_target.helper", return_value=0)
class PatchedTests(unittest.TestCase):
    def test_one(self, helper_mock):
        self.assertEqual(target.compute(5), 0)
        helper_mock.assert_called_once_with(5)

    def test_two(self, helper_mock):
        self.assertIsInstance(helper_mock, MagicMock)

    def not_a_test(self):
        return target.helper


class MethodPatch(unittest.TestCase):
    @patch.object(Service, "fetch")
    def test_method(self, fetch):
        fetch.return_value = "m"
        self.assertEqual(Service().fetch("k"), "m")

    def test_context(self):
        with patch("mock_target.CONSTANT", 3):
            self.assertEqual(target.CONSTANT, 3)
        self.assertEqual(target.CONSTANT, 10)

    def test_fails(self):
        m = Mock()
        m(1)
        m.assert_called_with(2)


suite = unittest.TestSuite()
loader = unittest.TestLoader()
suite.addTests(loader.loadTestsFromTestCase(PatchedTests))
suite.addTests(loader.loadTestsFromTestCase(MethodPatch))
result = unittest.TestResult()
suite.run(result)
print(result.testsRun, len(result.failures), len(result.errors))
print(result.failures[0][1].splitlines()[-3:])
print(PatchedTests("test_one").not_a_test() is target.helper)

# --- mock_open
opener = mock_open(read_data="line1\nline2\nline3")
with patch("builtins.open", opener):
    with open("some/file.txt") as f:
        print(repr(f.readline()), f.readlines())
    with open("other", "w") as f:
        f.write("data")
print(opener.call_args_list)
print(opener.return_value.write.call_args)
opener = mock_open(read_data="a\nb\n")
with patch("builtins.open", opener):
    print(open("x").read())
    print(list(open("x")))
    print([line for line in open("x")])

# --- seal
m = Mock()
m.configured.return_value = 1
mock.seal(m)
print(m.configured())
show("sealed new attr", lambda: m.new_attr)
show("sealed child", lambda: m.configured.other)

# --- create_autospec
def func(a, b, *, c=3):
    return a


spec = mock.create_autospec(func, return_value="auto")
print(spec(1, 2), spec(1, b=2, c=4))
show("autospec bad call", lambda: spec(1))
spec.assert_called_with(1, b=2, c=4)
spec.assert_any_call(1, 2)
print(spec.call_count, spec.mock_calls)

Auto = mock.create_autospec(Service)
inst = Auto()
inst.fetch("k")
show("autospec method bad", lambda: inst.fetch())
show("autospec missing", lambda: inst.nothing)
print(isinstance(inst, Service), inst.fetch.call_args)
with patch("mock_target.helper", autospec=True) as auto_helper:
    auto_helper.return_value = 1
    print(target.compute(1))
    show("autospec patch bad", lambda: target.helper(1, 2))

# --- AsyncMock
async def coroutine_function(x):
    return x


am = mock.AsyncMock(return_value=5)
coro = am(1)
print(type(coro).__name__, am.called, am.await_count)
try:
    coro.send(None)
except StopIteration as stop:
    print("awaited ->", stop.value)
print(am.await_count, am.await_args, am.await_args_list)
am.assert_awaited_once_with(1)
show("assert_not_awaited", am.assert_not_awaited)
with patch("mock_target.coro", coroutine_function, create=True):
    pass
with patch.object(target, "coro", new=coroutine_function, create=True):
    with patch("mock_target.coro") as auto_async:
        print(type(auto_async).__name__)
