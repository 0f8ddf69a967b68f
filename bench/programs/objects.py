# Object-heavy: many small objects with attributes: a binary tree, a linked list, particles.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 27000


class Node:
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value


def make_tree(depth, value):
    if depth == 0:
        return Node(None, None, value)
    return Node(make_tree(depth - 1, 2 * value), make_tree(depth - 1, 2 * value + 1), value)


def check_tree(node):
    if node.left is None:
        return node.value & 7
    return (node.value & 7) + check_tree(node.left) - check_tree(node.right)


class Link:
    def __init__(self, item, rest):
        self.item = item
        self.next = rest


class Particle:
    def __init__(self, i):
        self.x = i % 97
        self.y = i % 89
        self.dx = i % 7 - 3
        self.dy = i % 5 - 2
        self.alive = True

    def move(self):
        self.x += self.dx
        self.y += self.dy
        if self.x < 0 or self.x > 200 or self.y < 0 or self.y > 200:
            self.alive = False


def main(n):
    total = 0
    for d in range(4, 14, 2):
        iterations = max(1, n >> (d - 4))
        check = 0
        for i in range(iterations):
            check += check_tree(make_tree(d, i))
        total += check
        print("depth", d, "trees", iterations, "check", check)
    head = None
    for i in range(n * 4):
        head = Link(i, head)
    s = 0
    while head is not None:
        s += head.item
        head = head.next
    particles = [Particle(i) for i in range(n // 4)]
    for _ in range(40):
        for p in particles:
            if p.alive:
                p.move()
    alive = sum(1 for p in particles if p.alive)
    print("total", total, "list sum", s, "alive", alive)


main(N)
