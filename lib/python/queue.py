"""queue for pyjit: Queue (FIFO), LifoQueue, PriorityQueue and SimpleQueue, with Empty and Full.

pyjit runs threads one after another (see threading), so no other thread can fill or drain a
queue while a get() or put() waits: a blocking get() on an empty queue (or put() on a full one)
without a timeout raises RuntimeError naming the deadlock instead of hanging; with a timeout it
sleeps that long and raises Empty (Full), as a timed-out wait does in CPython. join() with
unfinished tasks raises the same RuntimeError.
"""

import threading
import time
import types
from collections import deque
from heapq import heappop, heappush

__all__ = ["Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


class Empty(Exception):
    """Raised by get(block=False) / get_nowait() on an empty queue, or when get() times out."""


class Full(Exception):
    """Raised by put(block=False) / put_nowait() on a full queue, or when put() times out."""


def _wait_in_vain(what, timeout, exception):
    """A wait no other thread can end: RuntimeError without a timeout, else sleep and raise."""
    if timeout is None:
        raise RuntimeError(f"{what} would block forever: pyjit runs threads one after another, so "
                           f"no other thread can change the queue (pass block=False or a timeout)")
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    if timeout > 0:
        time.sleep(timeout)
    raise exception


class Queue:
    """A FIFO queue of at most maxsize items (no limit when maxsize <= 0)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Marks one item taken with get() as processed (join() waits for all of them)."""
        unfinished = self.unfinished_tasks - 1
        if unfinished < 0:
            raise ValueError("task_done() called too many times")
        self.unfinished_tasks = unfinished

    def join(self):
        """Returns once every item put has been marked done with task_done()."""
        if self.unfinished_tasks:
            raise RuntimeError(f"Queue.join() with {self.unfinished_tasks} unfinished tasks would "
                               f"block forever: pyjit runs threads one after another, so no "
                               f"other thread can call task_done()")

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Adds item; when the queue is full, waits (see the module docstring) or raises Full."""
        if self.maxsize > 0 and self._qsize() >= self.maxsize:
            if not block:
                raise Full
            _wait_in_vain("Queue.put() on a full queue", timeout, Full)
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        """Removes and returns an item; when empty, waits (see the module docstring) or raises
        Empty."""
        if not self._qsize():
            if not block:
                raise Empty
            _wait_in_vain("Queue.get() on an empty queue", timeout, Empty)
        return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The storage: what the subclasses change.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(types.GenericAlias)


class PriorityQueue(Queue):
    """Gets the smallest item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """Gets the most recently put item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._queue = deque()

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)

    def get(self, block=True, timeout=None):
        if not self._queue:
            if not block:
                raise Empty
            _wait_in_vain("SimpleQueue.get() on an empty queue", timeout, Empty)
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    __class_getitem__ = classmethod(types.GenericAlias)


SimpleQueue.__module__ = "_queue"
