# The CPython side of the fuzzers: a long-lived python3 that reads requests (one JSON object a line:
# id, source, filename) on stdin, runs each program as __main__ in a fresh namespace with its stdout
# and stderr captured, and answers one line per request on stdout: the answer mark, then JSON with
# kind "ok", the exit status (0, 1 for an uncaught exception, SystemExit's code) and both outputs.
import io
import json
import resource
import sys
import traceback

MARK = "\x1eFUZZ-ANSWER "
LIMIT = 200_000


def run_one(source, filename):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO("")
    status = 0
    try:
        code = compile(source, filename, "exec")
        exec(code, {"__name__": "__main__", "__file__": filename, "__builtins__": __builtins__})
    except SystemExit as e:
        if e.code is None:
            status = 0
        elif isinstance(e.code, int):
            status = e.code
        else:
            print(e.code, file=err)
            status = 1
    except BaseException:
        traceback.print_exc(file=err)
        status = 1
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
    return status, out.getvalue()[:LIMIT], err.getvalue()[:LIMIT]


# pyjit's host has hard limits (a str of at most 2**29 - 24 characters, an int of at most 2**30
# bits); CPython on this machine would make a 2 GiB string where pyjit raises MemoryError, and spend
# seconds doing it. Capped, CPython raises MemoryError too for the multi-gigabyte values that
# generated programs reach (`'7' * 2 ** 31`).
ADDRESS_SPACE_LIMIT = 1 << 30


def main():
    sys.setrecursionlimit(1000)
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, resource.RLIM_INFINITY))
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        status, stdout, stderr = run_one(req["source"], req["filename"])
        answer = {"id": req["id"], "kind": "ok", "status": status, "stdout": stdout, "stderr": stderr}
        sys.stdout.write("\n" + MARK + json.dumps(answer) + "\n")
        sys.stdout.flush()


main()
