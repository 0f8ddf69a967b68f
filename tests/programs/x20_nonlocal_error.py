print("never")
def f():
    nonlocal zz
