# Calls from hot loops to functions whose traces take their arguments bound as the call protocol
# binds them: keywords, defaults, *args, **kwargs, keyword-only parameters, and binding errors.


def kw_only(a, *, scale=2, shift=0):
    return a * scale + shift


def with_defaults(a, b=10, c=100):
    return a + b + c


def star(a, *rest):
    return a + len(rest) + (rest[-1] if rest else 0)


def star_star(a, **kw):
    return a + sum(kw.values()) + len(kw)


def everything(a, b=1, *rest, key=5, **kw):
    return a + b + sum(rest) + key + sum(kw.values())


def run(n):
    total = 0
    for i in range(n):
        total += kw_only(i, scale=3)
        total += kw_only(i, shift=i % 5, scale=1)
        total += with_defaults(i)
        total += with_defaults(i, c=1)
        total += star(i, 1, 2, i % 3)
        total += star(i)
        total += star_star(i, x=1, y=i % 7)
        total += everything(i, 2, 3, 4, key=i % 2, extra=1)
        args = (i, 1)
        kwargs = {"key": 3}
        total += everything(*args, **kwargs)
    return total


print(run(3000))

errors = []
for i in range(300):
    try:
        if i % 3 == 0:
            kw_only(i, scal=1)
        elif i % 3 == 1:
            with_defaults()
        else:
            kw_only(i, 2)
    except TypeError as e:
        errors.append(str(e))
print(len(errors))
for message in sorted(set(errors)):
    print(message)
