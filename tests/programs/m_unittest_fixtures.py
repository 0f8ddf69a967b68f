# unittest fixtures and flow: setUpModule/tearDownModule, setUpClass/tearDownClass (and their
# failures), setUp/tearDown order, addCleanup/enterContext/addClassCleanup/addModuleCleanup,
# skips (method, class, skipIf/skipUnless, skipTest, in setUp), expectedFailure/unexpected
# success, subTest (params, msg, nesting, failfast), failfast, buffer, TestSuite and
# TestLoader, FunctionTestCase, TestResult API, debug().
import contextlib
import io
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
events = []


def clean(text):
    out = []
    for line in text.replace(HERE, "").splitlines(True):
        if line.startswith("Ran ") and " in " in line:
            line = line[:line.rindex(" in ")] + " in 0.000s\n"
        out.append(line)
    return "".join(out)


def run(*tests, verbosity=2, **kwargs):
    stream = io.StringIO()
    suite = unittest.TestSuite()
    for t in tests:
        if isinstance(t, type):
            suite.addTest(unittest.defaultTestLoader.loadTestsFromTestCase(t))
        else:
            suite.addTest(t)
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity, **kwargs).run(suite)
    print(clean(stream.getvalue()), end="")
    return result


def setUpModule():
    events.append("setUpModule")


def tearDownModule():
    events.append("tearDownModule")


class Ordered(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")
        cls.addClassCleanup(events.append, "class cleanup")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        events.append("setUp " + self._testMethodName)
        self.addCleanup(events.append, "cleanup 1")
        self.addCleanup(events.append, "cleanup 2")

    def tearDown(self):
        events.append("tearDown")

    def test_a(self):
        events.append("test_a")

    def test_b(self):
        """Docstring first line.

        More text."""
        events.append("test_b")
        self.assertEqual(1, 0)

    def test_context(self):
        @contextlib.contextmanager
        def cm():
            events.append("enter")
            yield "value"
            events.append("exit")
        self.assertEqual(self.enterContext(cm()), "value")


r = run(Ordered)
print(events)
print(r.testsRun, len(r.failures), r.wasSuccessful())
events.clear()


class BadSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError("setUpClass broke")

    def test_never(self):
        events.append("never")


class BadSetUp(unittest.TestCase):
    def setUp(self):
        raise KeyError("setUp broke")

    def tearDown(self):
        events.append("tearDown must not run")

    def test_x(self):
        pass

    def doCleanups(self):
        events.append("doCleanups runs")
        return super().doCleanups()


class BadTearDown(unittest.TestCase):
    def tearDown(self):
        raise RuntimeError("tearDown broke")

    def test_y(self):
        events.append("test_y ran")

    def test_cleanup_error(self):
        self.addCleanup(lambda: 1 / 0)


class BadTearDownClass(unittest.TestCase):
    def test_z(self):
        pass

    @classmethod
    def tearDownClass(cls):
        raise TypeError("tearDownClass broke")


run(BadSetUpClass, BadSetUp, BadTearDown, BadTearDownClass)
print(events)
events.clear()


@unittest.skip("whole class")
class SkippedClass(unittest.TestCase):
    def test_1(self):
        pass


class Skips(unittest.TestCase):
    @unittest.skip("plain skip")
    def test_skip(self):
        pass

    @unittest.skipIf(True, "condition true")
    def test_skip_if(self):
        pass

    @unittest.skipIf(False, "not skipped")
    def test_not_skipped(self):
        pass

    @unittest.skipUnless(False, "condition false")
    def test_skip_unless(self):
        pass

    def test_skip_test(self):
        self.skipTest("skipped inside")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    @unittest.skip
    def test_skip_no_reason(self):
        pass


res = run(SkippedClass, Skips)
print(len(res.skipped), [str(t) for t, _ in res.skipped][:2], [reason for _, reason in res.skipped])
print(len(res.expectedFailures), len(res.unexpectedSuccesses), res.wasSuccessful())
res = run(SkippedClass, Skips, verbosity=1)


class SubTests(unittest.TestCase):
    def test_params(self):
        for i in range(4):
            with self.subTest(i=i, even=i % 2 == 0):
                self.assertEqual(i % 3, 0)

    def test_msg_nested(self):
        with self.subTest("outer", a=1):
            with self.subTest(b=2):
                self.fail("nested")
            with self.subTest("inner msg"):
                raise ValueError("error in subtest")

    def test_no_params(self):
        with self.subTest():
            self.assertTrue(False)


run(SubTests)
run(SubTests, verbosity=1)
run(SubTests, failfast=True)


class FailFast(unittest.TestCase):
    def test_1(self):
        self.fail("first")

    def test_2(self):
        events.append("test_2 ran despite failfast")


res = run(FailFast, failfast=True)
print(events, res.shouldStop)
events.clear()


class Buffered(unittest.TestCase):
    def test_quiet_pass(self):
        print("captured and dropped")

    def test_noisy_fail(self):
        print("captured stdout")
        print("captured stderr", file=sys.stderr)
        self.fail("with output")


real_stdout, real_stderr = sys.stdout, sys.stderr
capture = io.StringIO()
sys.stdout = sys.stderr = capture
run(Buffered, buffer=True)
sys.stdout, sys.stderr = real_stdout, real_stderr
print(clean(capture.getvalue()), end="")

# Suites, loaders, FunctionTestCase, results.
loader = unittest.TestLoader()
suite = loader.loadTestsFromTestCase(Ordered)
print(suite.countTestCases(), [t.id() for t in suite])
print(loader.getTestCaseNames(Skips))
loader.testMethodPrefix = "test_skip"
print(loader.getTestCaseNames(Skips))
loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(loader.getTestCaseNames(Skips))
loader = unittest.TestLoader()
print(loader.loadTestsFromName("Ordered.test_a", sys.modules[__name__]))
print(loader.loadTestsFromNames(["Ordered.test_a", "Skips.test_skip"], sys.modules[__name__]).countTestCases())
bad = loader.loadTestsFromName("Ordered.no_such_test", sys.modules[__name__])
print(bad.countTestCases(), len(loader.errors), loader.errors[0].splitlines()[0])
try:
    unittest.TestSuite().addTest(Ordered)
except TypeError as e:
    print(e)
try:
    unittest.TestSuite("abc")
except TypeError as e:
    print(e)
try:
    Ordered("nope")
except ValueError as e:
    print(e)


def plain_test():
    """A function test."""
    events.append("function test ran")


ftc = unittest.FunctionTestCase(plain_test, setUp=lambda: events.append("f setUp"))
print(ftc, repr(ftc)[:40], ftc.id(), ftc.shortDescription(), ftc.countTestCases())
run(ftc)
print(events)
events.clear()
t = Ordered("test_a")
print(t, repr(t), t.id(), t.shortDescription(), Ordered("test_b").shortDescription(), t == Ordered("test_a"))
result = unittest.TestResult()
Ordered("test_b").run(result)
print(result, result.testsRun, len(result.failures), result.failures[0][0])
print(result.failures[0][1].splitlines()[-1])
Ordered("test_a").debug()
try:
    Ordered("test_b").debug()
except AssertionError as e:
    print("debug raised", e)
print(unittest.TextTestResult.separator1 == "=" * 70, unittest.SkipTest("x"))
s = unittest.TestSuite([Ordered("test_a"), unittest.TestSuite([Skips("test_skip")])])
print(s.countTestCases(), len(list(s)))
print(events[-3:], "tearDownModule" in events)
