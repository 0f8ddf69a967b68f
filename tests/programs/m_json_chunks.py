# json: iterencode() and dump() chunks as CPython's pure-Python encoder yields them, made lazily
# (default() and errors between the same writes), with every layout option; subclasses;
# containers changed while encoded; deep nesting.
import json, io, collections
class D(dict): pass
class L(list): pass
class L2(list):
    def __iter__(self): return iter([7, 8])
class I(int): pass
class F(float): pass
class S(str): pass
docs = [
    {'a': [1, 2.5, None, True, 'x', {}, []], 'b': {'c': D(z=1)}},
    [L([1, 2]), L2([1, 2, 3]), (), (1,), D(), L()],
    {3: 1, 2.5: 2, True: 3, 0: [I(5), F(1.5), S('s')]}, {None: 4},
    collections.OrderedDict([('z', 1), ('a', [{'q': []}])]),
    'just a string', 5, 2.5, None, [float('inf'), -float('inf'), float('nan')],
    [[[[]]], [[{}]], {'a': {'b': {'c': [1, [2, [3]]]}}}],
    ['é😀\u2028', {'é': '\x00'}],
]
for d in docs:
    for kw in ({}, {'indent': 2}, {'indent': '\t', 'sort_keys': True}, {'separators': (',', ':')}, {'ensure_ascii': False, 'indent': 0}, {'skipkeys': True}):
        try: print(kw, list(json.JSONEncoder(**kw).iterencode(d)))
        except Exception as e: print(kw, type(e).__name__, e)
class W:
    def __init__(self): self.n = 0
    def write(self, s): self.n += 1; print('w', repr(s))
json.dump({'a': [1, {2, 3}]}, W(), default=sorted)
try: json.dump([1, 2, {'k': object()}, 4], W())
except TypeError as e: print(type(e).__name__, e)
try: json.dump({(1, 2): 3}, W())
except TypeError as e: print(type(e).__name__, e)
l = [1]; l.append(l)
try: json.dump(l, W())
except ValueError as e: print(type(e).__name__, e)
try: json.dump([float('nan')], W(), allow_nan=False)
except ValueError as e: print(type(e).__name__, e)
print(list(json.JSONEncoder(check_circular=False).iterencode([[1], [1]])))
d = {'a': 1, 'b': 2}
def grow(o):
    d['zz'] = 1
    return 0
try: print(list(json.JSONEncoder(default=grow).iterencode(d | {'c': object()})))
except RuntimeError as e: print(type(e).__name__, e)
try: print(list(json.JSONEncoder(default=grow).iterencode({'x': d, 'y': [object()], 'z': d})))
except RuntimeError as e: print(type(e).__name__, e)
lst = [1, object(), 3]
def append(o):
    lst.append(9) if len(lst) < 5 else None
    return 'X'
print(list(json.JSONEncoder(default=append).iterencode(lst)))
deep = []
for i in range(3000): deep = [deep]
try: json.dump(deep, io.StringIO())
except RecursionError as e: print(type(e).__name__, e)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(list(Enc(indent=1).iterencode({'s': {3, 1}})), Enc().encode({'s': {2}}))
it = json.JSONEncoder().iterencode([1, 2]); print(next(it), list(it))
f = io.StringIO(); json.dump({'a': [1, 2, {'b': None}]}, f, indent=2); print(f.getvalue())
