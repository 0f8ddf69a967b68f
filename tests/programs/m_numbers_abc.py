import numbers
for name in ['Number','Complex','Real','Rational','Integral']:
    c = getattr(numbers, name)
    print(name, sorted(c.__abstractmethods__), c.__bases__)
print(numbers.__all__)
print(isinstance(True, numbers.Integral), isinstance(1.0, numbers.Rational), issubclass(complex, numbers.Real))
print(isinstance(1, numbers.Number), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Complex), isinstance("x", numbers.Number))
print(numbers.Number.__hash__)
try:
    numbers.Integral()
except TypeError as e:
    print(type(e).__name__, e)
class MyInt(numbers.Integral):
    pass
try:
    MyInt()
except TypeError as e:
    print(type(e).__name__, e)
