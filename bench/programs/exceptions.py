# Exceptions in loops: raise and catch in hot loops, custom exception classes, finally, else.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2100000


class AppError(Exception):
    def __init__(self, code):
        super().__init__("app error %d" % code)
        self.code = code


class RetryError(AppError):
    pass


def risky(i):
    if i % 7 == 0:
        raise RetryError(i % 13)
    if i % 11 == 0:
        raise AppError(i % 17)
    if i % 13 == 0:
        raise KeyError(i)
    return i * 2


def parse_all(items):
    ok = bad = 0
    for s in items:
        try:
            ok += int(s)
        except ValueError:
            bad += 1
    return ok, bad


def main(n):
    retries = apps = keys = ok = finals = elses = 0
    codes = 0
    for i in range(n):
        try:
            v = risky(i)
        except RetryError as e:
            retries += 1
            codes += e.code
        except AppError as e:
            apps += 1
            codes += e.code * 3
        except LookupError as e:
            keys += 1
            codes += e.args[0] % 5
        else:
            ok += v
            elses += 1
        finally:
            finals += 1
    d = {}
    misses = 0
    for i in range(n):
        try:
            d[i % 100] += 1
        except KeyError:
            misses += 1
            d[i % 100] = 1
    items = [str(i) if i % 3 else "x%d" % i for i in range(n // 3)]
    good, bad = parse_all(items)
    msg = ""
    try:
        risky(77)
    except AppError as e:
        msg = str(e) + " " + type(e).__name__
    print("retries", retries, "apps", apps, "keys", keys, "codes", codes)
    print("ok", ok, "elses", elses, "finals", finals, "misses", misses)
    print("parsed", good, bad, msg)


main(N)
