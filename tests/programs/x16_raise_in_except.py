class E(Exception):
    pass
def f():
    try:
        [].pop()
    except IndexError:
        raise E("while handling")
f()
