# What code called from a trace reads of the trace's frame: locals(), eval() and a frame's
# f_locals (the frame's own, or the caller's through f_back) see the values the trace holds in its
# own variables, in loops, in functions traced from their entry, and in calls a trace follows.
import sys


def caller_value(name):
    return sys._getframe(1).f_locals[name]


def traced_function(x):
    y = x * 2
    return locals()["y"] + sys._getframe().f_locals["y"] + eval("y") + caller_value("y")


def loop(n):
    t = 0
    for i in range(n):
        z = i * 3
        t += locals()["z"] + eval("z") + caller_value("z")
    return t


def followed(n):
    t = 0
    for i in range(n):
        t += traced_function(i)
    return t


print(sum(traced_function(i) for i in range(300)), loop(300), followed(300))
