"""Heap queues (min-heaps on plain lists): heappush, heappop, heapify, heapreplace and
heappushpop (from _heapq, written in TypeScript), and merge, nlargest and nsmallest."""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest", "heappushpop"]

from _heapq import heappush, heappop, heapify, heapreplace, heappushpop
from _heapq import _heappop_max, _heapify_max, _heapreplace_max


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted iterator (lazily; stable across inputs).

    >>> list(merge([1,3,5,7], [0,2,4,8], [5,10,15,20], [], [25]))
    [0, 1, 2, 3, 4, 5, 5, 7, 8, 10, 15, 20, 25]
    """
    if reverse:
        push, pop, replace, make_heap = None, _heappop_max, _heapreplace_max, _heapify_max
        direction = -1
    else:
        pop, replace, make_heap = heappop, heapreplace, heapify
        direction = 1
    # Heap entries are [sort value, input order, value, next]; the input order breaks ties so
    # that equal values keep the order of their inputs.
    entries = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            nxt = it.__next__
            entries.append([value if key is None else key(value), order * direction, value, nxt])
            break
    make_heap(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = entry[3]()
                entry[0] = value if key is None else key(value)
                entry[2] = value
                replace(entries, entry)
        except StopIteration:
            pop(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        nxt = entry[3]
        while True:
            try:
                yield nxt()
            except StopIteration:
                return


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n] would give them."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    # A max-heap of the n best so far, entries (key, order, value): the order keeps it stable.
    it = iter(iterable)
    if key is None:
        heap = [(value, i, value) for i, value in zip(range(n), it)]
    else:
        heap = [(key(value), i, value) for i, value in zip(range(n), it)]
    if not heap:
        return []
    _heapify_max(heap)
    top = heap[0][0]
    order = n
    for value in it:
        k = value if key is None else key(value)
        if k < top:
            _heapreplace_max(heap, (k, order, value))
            top = heap[0][0]
            order += 1
    heap.sort()
    return [entry[2] for entry in heap]


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n] would give them."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    # A min-heap of the n best so far, entries (key, -order, value): earlier items win ties.
    it = iter(iterable)
    if key is None:
        heap = [(value, -i, value) for i, value in zip(range(n), it)]
    else:
        heap = [(key(value), -i, value) for i, value in zip(range(n), it)]
    if not heap:
        return []
    heapify(heap)
    top = heap[0][0]
    order = -n
    for value in it:
        k = value if key is None else key(value)
        if top < k:
            heapreplace(heap, (k, order, value))
            top = heap[0][0]
            order -= 1
    heap.sort(reverse=True)
    return [entry[2] for entry in heap]
