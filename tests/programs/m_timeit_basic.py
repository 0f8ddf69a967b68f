# timeit: Timer with strings and callables, timeit/repeat/autorange results (types and counts,
# never the timings), globals, custom timers, errors, print_exc with the timed source, getopt.
import getopt
import io
import sys
import timeit

t = timeit.Timer("x * 2", "x = 21")
result = t.timeit(number=100)
print(type(result).__name__, result >= 0)
print(len(t.repeat(repeat=3, number=10)), all(r >= 0 for r in t.repeat(2, 5)))
print(type(timeit.timeit("pass", number=10)).__name__, len(timeit.repeat("pass", repeat=4, number=3)))
calls = []
print(timeit.timeit(lambda: calls.append(1), number=7) >= 0, len(calls))
setup_calls = []
timeit.Timer(lambda: None, lambda: setup_calls.append(1)).timeit(number=3)
print(len(setup_calls))
counter = {"n": 0}


def fake_timer():
    counter["n"] += 1
    return counter["n"] * 0.5


print(timeit.Timer("pass", timer=fake_timer).timeit(number=10))
print(timeit.Timer("pass", timer=fake_timer).repeat(3, 1))
seen = []
number, taken = timeit.Timer("pass", timer=fake_timer).autorange(lambda n, t: seen.append((n, t)))
print(number, taken, seen)
value = 5
print(timeit.timeit("value + 1", number=3, globals=globals()) >= 0)
try:
    timeit.timeit("value + 1", number=3)
except NameError as e:
    print("NameError", e)
for stmt, setup in [("return 1", "pass"), ("x = (", "pass"), (3, "pass"), ("pass", 3)]:
    try:
        timeit.Timer(stmt, setup)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
t = timeit.Timer("for i in range(3):\n    total = i", "import math\nbase = 1")
t.timeit(5)
print(t.src)
t = timeit.Timer("1/0")
try:
    t.timeit(1)
except ZeroDivisionError:
    out = io.StringIO()
    t.print_exc(file=out)
    lines = out.getvalue().splitlines()
    print("\n".join(lines[:1] + lines[-4:]))
print(timeit.default_timer is __import__("time").perf_counter, timeit.default_number, timeit.default_repeat)
print(timeit.reindent("a\nb\nc", 2))

print(getopt.getopt(["-a", "-b", "x", "-cfoo", "--long=1", "--flag", "rest", "-a"], "ab:c:",
                    ["long=", "flag"]))
for args, short, long in [(["-z"], "a", []), (["--lo"], "", ["long=", "loud"]), (["-b"], "b:", []),
                          (["--long"], "", ["long="]), (["--flag=x"], "", ["flag"]), (["--x"], "", ["long"])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print(e, "|", e.msg, "|", e.opt)
print(getopt.gnu_getopt(["a", "-b", "c", "--", "-d"], "bd"), getopt.getopt(["--lo=3"], "", ["long="]))
sys.argv = ["timeit", "-n", "3", "-r", "2", "-u", "sec", "pass"]
out = io.StringIO()
real = sys.stdout
sys.stdout = out
status = timeit.main()
sys.stdout = real
text = out.getvalue()
print(status, text.startswith("3 loops, best of 2: "), text.endswith(" sec per loop\n"))
