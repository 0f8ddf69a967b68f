# The sys module: constants, struct sequences, sizes, hooks, exception state.
import sys

print(sys.platform, sys.byteorder, sys.maxsize, sys.maxunicode)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0] == sys.float_info.max)
print(sys.int_info)
print(sys.hash_info.modulus, sys.hash_info.width, sys.hash_info.algorithm)
print(sys.flags.optimize, sys.flags.dont_write_bytecode == sys.dont_write_bytecode, sys.flags.dev_mode, len(sys.flags))
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), type(sys.hexversion))
print(sys.version.startswith("3.11"), sys.hexversion >> 16 == 0x030B)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(type(sys.dont_write_bytecode), sys.float_repr_style, sys.warnoptions, sys._xoptions)
print(sys.getrecursionlimit() >= 1000, type(sys.getswitchinterval()), sys.is_finalizing())
print(sys.intern("abc") == "abc", sys.gettrace(), sys.getprofile())
sys.settrace(None)
sys.setprofile(None)
print(isinstance(sys.implementation.name, str), sys.implementation.cache_tag is None or True)
print("sys" in sys.builtin_module_names, "time" in sys.modules or True, sys.modules["sys"] is sys)
print(type(sys.argv), type(sys.orig_argv), isinstance(sys.executable, str), isinstance(sys.prefix, str))
print(sys.stdout.encoding, sys.stdout.reconfigure(encoding="utf-8", errors="strict", line_buffering=False))

# Sizes: CPython's, for the common builtin types (pyjit estimates them).
for value in [0, 1, 2**30, 2**60, -5, True, 1.5, 1j, "", "abc", "é", "Ā", "😀", b"", b"abc",
              (), (1, 2), [], [1, 2], list(range(10)), {}, {"a": 1}, {1: 2}, set(), {1, 2, 3}, frozenset(),
              None, range(5), slice(1)]:
    print(repr(value), sys.getsizeof(value))
print(sys.getsizeof(dict.fromkeys(range(10))), sys.getsizeof(set(range(10))))
print(sys.getsizeof(object(), 99) > 0)


class Sized:
    def __sizeof__(self):
        return 100


print(sys.getsizeof(Sized()))

# Exception state.
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    etype, evalue, tb = sys.exc_info()
    print(etype.__name__, repr(evalue), tb is not None, sys.exception() is evalue)
print(sys.exc_info(), sys.exception())

# Hooks.
sys.displayhook(None)
sys.displayhook(12)
print(sys.__displayhook__ is sys.displayhook, sys.__excepthook__ is sys.excepthook)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
try:
    int("9" * 1001)
except ValueError as e:
    print(e)
print(len(str(10 ** 999)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
for bad in [5, -1]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(e)
sys.set_int_max_str_digits(4300)
for name, args in [("getsizeof", ()), ("intern", (1,)), ("exc_info", (1,)), ("setrecursionlimit", (0,)),
                   ("setswitchinterval", (0,))]:
    try:
        getattr(sys, name)(*args)
    except Exception as e:
        print(name, type(e).__name__, e)
