# atexit after SystemExit and after an uncaught exception: the traceback is printed first, then
# the callbacks run (last registered first); the exit status is the program's.
import atexit
import sys

atexit.register(print, "second callback")
atexit.register(print, "first callback")
atexit.register(sys.stdout.flush)
if len(sys.argv) > 5:
    sys.exit(3)
print("raising")
raise KeyError("uncaught")
