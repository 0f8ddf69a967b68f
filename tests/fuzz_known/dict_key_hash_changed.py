# A key whose hash changes while it is in a dict (found by the tier fuzzer, seed 1660001193).
# CPython 3.11 looks a key up by probing the slots its hash selects and checks identity before the
# hash at each one: here the new hash's probe reaches the old entry's slot, so `d[o] = 2` finds o by
# identity and replaces its value (one entry). pyjit's dict finds keys by their current hash only
# and adds a second entry. Python's documentation leaves this undefined ("an object's hash value
# must never change during its lifetime"); matching CPython needs its table layout and probe order.
class K:
    def __init__(self, x):
        self.x = x

    def __hash__(self):
        return self.x


o = K(1)
d = {o: 1}
o.x = 9  # 9 & 7 == 1: the same first slot of an 8-slot table
d[o] = 2
print(len(d))  # CPython: 1; pyjit: 2
