# A base class's method calls a method each subclass defines its own way (self.handle()), in a hot
# loop over instances of both: the call is made as a whole (each callee's own trace runs), not
# followed into one of them. Then a third class, a method replaced on a class, an instance attribute
# shadowing the method, and a subclass calling super().


class Task:
    def __init__(self, ident):
        self.ident = ident
        self.count = 0

    def step(self, x):
        self.count += 1
        return self.handle(x)

    def handle(self, x):
        raise NotImplementedError


class Doubler(Task):
    def handle(self, x):
        return x * 2 + self.ident


class Squarer(Task):
    def handle(self, x):
        return x * x - self.ident


class Negator(Task):
    def handle(self, x):
        return -x


class Chained(Doubler):
    def handle(self, x):
        return super().handle(x) + 1


tasks = [Doubler(1), Squarer(2), Doubler(3), Squarer(4)]
total = 0
for i in range(30000):
    total += tasks[i % 4].step(i % 100)
print("two classes", total, [t.count for t in tasks])

tasks.append(Negator(5))
for i in range(20000):
    total += tasks[i % 5].step(i % 50)
print("three classes", total)

Squarer.handle = lambda self, x: x + 1000
for i in range(9000):
    total += tasks[i % 5].step(i % 7)
print("replaced", total)

tasks[0].handle = lambda x: 7
for i in range(9000):
    total += tasks[i % 5].step(i % 7)
print("shadowed", total)

tasks.append(Chained(9))
for i in range(12000):
    total += tasks[i % 6].step(i % 11)
print("super", total, sum(t.count for t in tasks))

try:
    Task(0).step(1)
except NotImplementedError:
    print("base raises")
