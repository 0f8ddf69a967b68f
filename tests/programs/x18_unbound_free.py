def outer():
    def inner():
        return v
    r = inner
    del_me = 1
    return r
try:
    outer()()
except NameError as e:
    print(type(e).__name__, e)
def f():
    x = 1
    del x
    return x
f()
