import sys
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(900))
sys.setrecursionlimit(3000)
print(count(2500))
print(sys.getrecursionlimit())
class A:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    A().foo
except RecursionError:
    print("deep getattr")
def forever():
    forever()
forever()
