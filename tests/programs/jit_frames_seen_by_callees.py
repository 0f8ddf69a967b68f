# What a function called from a hot loop sees of its callers, when the loop runs as a trace and
# the caller was followed into (inlined): sys._getframe(n), f_lineno, f_code names, f_back chains,
# globals(), logging's caller line, and after exceptions raised in the callee.
import logging
import sys
import io


def caller_info(depth=1):
    frame = sys._getframe(depth)
    return frame.f_code.co_name, frame.f_lineno


def chain():
    names = []
    frame = sys._getframe(1)
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return tuple(names)


def helper(i):
    info = caller_info()
    return info, chain()


def outer_helper(i):
    return helper(i)


def raiser(i):
    if i % 97 == 0:
        raise ValueError(i)
    return i


def guarded(i):
    try:
        return raiser(i)
    except ValueError:
        return caller_info()


def main():
    seen = set()
    chains = set()
    for i in range(3000):
        seen.add(caller_info())
        info, names = helper(i)
        seen.add(info)
        chains.add(names)
        info, names = outer_helper(i)
        chains.add(names)
        seen.add(info)
        result = guarded(i)
        if isinstance(result, tuple):
            seen.add(result)
    print(sorted(seen))
    print(sorted(chains))


main()

stream = io.StringIO()
log = logging.getLogger("frames")
log.addHandler(logging.StreamHandler(stream))
log.handlers[0].setFormatter(logging.Formatter("%(funcName)s:%(lineno)d"))
log.setLevel(logging.INFO)


def note(i):
    log.info("step %d", i)


def work():
    for i in range(2000):
        note(i)
        if i % 500 == 0:
            log.info("direct %d", i)


work()
print(sorted(set(stream.getvalue().splitlines())))
