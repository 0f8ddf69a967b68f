# unittest: TestCase and every assert method's failure message (with the difflib diffs of
# lists, tuples, dicts, sets and multi-line strings), unittest.main(exit=False) with a runner
# on an in-memory stream: the dots, -v output, FAIL/ERROR blocks, "Ran N tests", summaries.
import io
import os
import sys
import unittest
import warnings

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(text):
    """The output without this file's directory and with the run time fixed."""
    out = []
    for line in text.replace(HERE, "").splitlines(True):
        if line.startswith("Ran ") and " in " in line:
            line = line[:line.rindex(" in ")] + " in 0.000s\n"
        out.append(line)
    return "".join(out)


class Asserts(unittest.TestCase):
    def test_equal_int(self):
        self.assertEqual(1, 2)

    def test_equal_msg(self):
        self.assertEqual(1, 2, "custom message")

    def test_equal_long_repr(self):
        self.assertEqual("x" * 100 + "a", "x" * 100 + "b")

    def test_equal_list(self):
        self.assertEqual([1, 2, 3, 4], [1, 2, 5])

    def test_equal_list_longer(self):
        self.assertEqual([1, 2], [1, 2, 3, 4])

    def test_equal_tuple(self):
        self.assertEqual((1, "a"), (1, "b"))

    def test_equal_dict(self):
        self.assertEqual({"name": "x", "items": [1, 2, 3], "n": 1}, {"name": "y", "items": [1, 2], "n": 1})

    def test_equal_set(self):
        self.assertEqual({1, 2, 3}, {2, 3, 4})

    def test_equal_multiline(self):
        self.assertEqual("line one\nline two\nline three\n", "line one\nline 2\nline three\n")

    def test_equal_oneline(self):
        self.assertEqual("abcdef", "abcxef")

    def test_sequence_types(self):
        self.assertSequenceEqual([1, 2], (1, 3))

    def test_list_type_error(self):
        self.assertListEqual((1,), [1])

    def test_not_equal(self):
        self.assertNotEqual([1], [1])

    def test_true_false(self):
        self.assertTrue(0)

    def test_false(self):
        self.assertFalse([1])

    def test_is(self):
        self.assertIs(1, None)

    def test_is_not(self):
        self.assertIsNot(None, None)

    def test_is_none(self):
        self.assertIsNone(0)

    def test_is_not_none(self):
        self.assertIsNotNone(None)

    def test_in(self):
        self.assertIn(5, [1, 2])

    def test_not_in(self):
        self.assertNotIn("a", "abc")

    def test_isinstance(self):
        self.assertIsInstance(1, str)

    def test_not_isinstance(self):
        self.assertNotIsInstance(1, int)

    def test_almost_equal(self):
        self.assertAlmostEqual(1.0, 1.1)

    def test_almost_equal_delta(self):
        self.assertAlmostEqual(1.0, 1.5, delta=0.25)

    def test_not_almost_equal(self):
        self.assertNotAlmostEqual(1.0, 1.00000001)

    def test_greater(self):
        self.assertGreater(1, 2)

    def test_greater_equal(self):
        self.assertGreaterEqual(1, 2)

    def test_less(self):
        self.assertLess(2, 1)

    def test_less_equal(self):
        self.assertLessEqual(2, 1)

    def test_count_equal(self):
        self.assertCountEqual([1, 1, 2, "a"], [1, 2, 2, "b"])

    def test_count_equal_unhashable(self):
        self.assertCountEqual([[1], [2]], [[1], [3]])

    def test_dict_equal_type(self):
        self.assertDictEqual([], {})

    def test_multiline_type(self):
        self.assertMultiLineEqual(1, "a")

    def test_raises_not_raised(self):
        with self.assertRaises(ValueError):
            pass

    def test_raises_callable_not_raised(self):
        self.assertRaises(KeyError, len, [])

    def test_raises_wrong_type(self):
        with self.assertRaises(KeyError):
            raise IndexError("wrong")

    def test_warns_not_triggered(self):
        with self.assertWarns(UserWarning):
            pass

    def test_fail(self):
        self.fail("explicit failure")

    def test_long_message_off(self):
        self.longMessage = False
        self.assertEqual(1, 2, "only this")

    def test_max_diff(self):
        self.maxDiff = 20
        self.assertEqual(list(range(30)), list(range(31)))

    def test_passes(self):
        self.assertEqual({1: [1, 2]}, {1: [1, 2]})
        self.assertCountEqual("abc", "cba")
        self.assertAlmostEqual(1.0, 1.00000001)
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)
        with self.assertRaises(KeyError) as cm:
            {}["k"]
        self.assertEqual(cm.exception.args, ("k",))
        with self.assertWarns(DeprecationWarning) as w:
            warnings.warn("old", DeprecationWarning)
        self.assertEqual(str(w.warning), "old")
        self.assertEqual(os.path.basename(w.filename), os.path.basename(__file__))
        import logging
        with self.assertLogs("my.logger", level="INFO") as logs:
            logging.getLogger("my.logger").info("hello %s", "there")
            logging.getLogger("my.logger.child").warning("child")
        self.assertEqual(logs.output, ["INFO:my.logger:hello there", "WARNING:my.logger.child:child"])
        with self.assertNoLogs("my.logger", level="ERROR"):
            logging.getLogger("my.logger").warning("not an error")
        self.assertSetEqual(frozenset([1]), {1})
        self.assertTupleEqual((1,), (1,))


class Errors(unittest.TestCase):
    def test_raise_in_helper(self):
        def helper():
            return 1 / 0
        helper()

    def test_chained(self):
        try:
            int("x")
        except ValueError as e:
            raise RuntimeError("wrapped") from e

    def test_type_error(self):
        len(5)


for verbosity in (1, 2, 0):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=verbosity)
    program = unittest.main(exit=False, testRunner=runner, argv=["prog"])
    print(clean(stream.getvalue()), end="")
    print(program.result, program.result.wasSuccessful(), len(program.result.failures),
          len(program.result.errors), program.result.testsRun)

stream = io.StringIO()
unittest.main(exit=False, argv=["prog", "Asserts.test_passes", "Errors.test_chained"],
              testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
print(clean(stream.getvalue()), end="")
stream = io.StringIO()
unittest.main(exit=False, argv=["prog", "-k", "almost", "-k", "*greater"],
              testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
print(clean(stream.getvalue()), end="")
try:
    unittest.main(argv=["prog", "Asserts.test_passes"], testRunner=unittest.TextTestRunner(stream=io.StringIO()))
except SystemExit as e:
    print("exit", e.code)
try:
    unittest.main(argv=["prog", "Errors"], testRunner=unittest.TextTestRunner(stream=io.StringIO()))
except SystemExit as e:
    print("exit", e.code)
