import heapq
import bisect
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge

h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heappush(h, v)
print(h, [heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapify(data)
print(data, heapreplace(data, 10), data[0], heappushpop(data, -1), heappushpop(data, 11), data[0])
tasks = []
heappush(tasks, (2, "write"))
heappush(tasks, (1, "read"))
heappush(tasks, (3, "exec"))
heappush(tasks, (1, "alpha"))
print([heappop(tasks) for _ in range(4)])


class Job:
    def __init__(self, p, name):
        self.p = p
        self.name = name

    def __lt__(self, other):
        return self.p < other.p

    def __repr__(self):
        return self.name


jobs = [Job(3, "c"), Job(1, "a"), Job(2, "b")]
heapify(jobs)
print(heappop(jobs), heappop(jobs), heappop(jobs))
nums = [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]
print(nlargest(3, nums), nsmallest(3, nums), nlargest(1, nums), nsmallest(0, nums), nlargest(20, [3, 1]))
words = ["apple", "fig", "banana", "kiwi", "cherry", "date"]
print(nlargest(2, words, key=len), nsmallest(2, words, key=len), nlargest(3, iter(nums)), nsmallest(2, iter(words)))
print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(merge(["b", "d"], ["a", "c"], key=str.upper)), list(merge([7, 5, 1], [8, 2], reverse=True)), list(merge()))
print(heapq.__all__)
for bad in ("heappush(1, 2)", "heappop([])", "heapreplace([], 1)", "heappushpop([], 1)", "heapify(1)",
            "heappush([])", "heappop(())", "heappush([1, 'a'], 2)"):
    try:
        print(bad, "->", eval(bad))
    except Exception as e:
        print(bad, "!!", type(e).__name__, e)

a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3), bisect.bisect(a, 4, hi=None))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
bisect.insort_right(a, 10, lo=2)
print(a)
records = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(records, 3, key=lambda r: r[1]), bisect.bisect_right(records, 3, key=lambda r: r[1]))
bisect.insort(records, ("x", 4), key=lambda r: r[1])
print(records)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
for bad in ("bisect.bisect([1], 1, -1)", "bisect.bisect(1, 1)", "bisect.insort(1, 2)", "bisect.bisect()",
            "bisect.bisect([1], 1, 0, 5)"):
    try:
        print(bad, "->", eval(bad))
    except Exception as e:
        print(bad, "!!", type(e).__name__, e)
