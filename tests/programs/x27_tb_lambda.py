fs = [lambda x: x / 0]
def apply(f):
    return [f(v) for v in [1]]
apply(fs[0])
