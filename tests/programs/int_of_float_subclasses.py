# int() of floats and of float subclasses: a subclass's own __int__ is called (CPython), infinities
# and NaN raise.
class F(float):
    def __int__(self): return 42
class G(float):
    pass
class H(float):
    def __index__(self): return 7
print(int(2.5), int(-2.5), int(1e20), int(F(3.5)), int(G(-7.9)), int(H(1.5)), int(-0.0), int(True))
for v in (float('inf'), float('nan'), G(float('inf'))):
    try: int(v)
    except Exception as e: print(type(e).__name__, e)
