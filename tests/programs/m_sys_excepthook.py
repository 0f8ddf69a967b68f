# An uncaught exception goes through sys.excepthook when the program replaced it.
import sys


def hook(exc_type, value, tb):
    print("hook:", exc_type.__name__, value, tb is not None, tb.tb_lineno)


print(sys.excepthook is sys.__excepthook__)
sys.excepthook = hook
print("before")
raise LookupError("not found")
