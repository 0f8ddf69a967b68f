# atexit: callbacks run at exit, last registered first, with their arguments; unregister removes
# every registration of a function; exceptions in callbacks (SystemExit too) are reported on
# sys.stderr ("Exception ignored in atexit callback: ...") and the others still run.
import atexit
import os
import sys


HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


class CleanStderr:
    """sys.stderr on stdout, without this file's directory (tracebacks name files absolutely)."""

    def write(self, text):
        sys.stdout.write(text.replace(HERE, ""))

    def flush(self):
        pass


sys.stderr = CleanStderr()


class Named:
    def __init__(self, name, error=None):
        self.name = name
        self.error = error

    def __call__(self, *args, **kwargs):
        print("callback", self.name, args, kwargs)
        if self.error is not None:
            raise self.error

    def __repr__(self):
        return f"<callback {self.name}>"


first = Named("first")
print(atexit.register(first) is first)
atexit.register(Named("with args"), 1, 2, key="value")
atexit.register(Named("raises", ValueError("boom")))
atexit.register(Named("exits", SystemExit(5)))
removed = Named("removed")
atexit.register(removed)
atexit.register(removed, "again")
atexit.unregister(removed)
for args in [(), (1,)]:
    try:
        atexit.register(*args)
    except TypeError as e:
        print(e)
try:
    atexit.unregister()
except TypeError as e:
    print(e)


def registered_late():
    print("late callback: registered by a callback, runs too?")


def registers_another():
    print("callback registers_another")
    atexit.register(registered_late)


atexit.register(registers_another)
print("end of main")
