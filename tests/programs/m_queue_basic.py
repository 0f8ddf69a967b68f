# queue: Queue, LifoQueue, PriorityQueue, SimpleQueue; nowait, block=False and timeout
# semantics; task_done/join; threads that produce before the consumer runs.
import queue
import threading

q = queue.Queue(maxsize=2)
print(q.qsize(), q.empty(), q.full(), q.maxsize, q.unfinished_tasks)
q.put("a")
q.put_nowait("b")
print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks, list(q.queue))
for put in (lambda: q.put("c", timeout=0.01), lambda: q.put("c", block=False), lambda: q.put_nowait("c")):
    try:
        put()
    except queue.Full as e:
        print(type(e).__name__, repr(e))
try:
    q.put("c", timeout=-1)
except ValueError as e:
    print(type(e).__name__, e)
print(q.get(), q.get_nowait())
for get in (lambda: q.get(timeout=0.01), lambda: q.get(False), q.get_nowait):
    try:
        get()
    except queue.Empty as e:
        print(type(e).__name__, repr(e))
try:
    q.get(timeout=-0.5)
except ValueError as e:
    print(type(e).__name__, e)
q.task_done()
q.task_done()
try:
    q.task_done()
except ValueError as e:
    print(type(e).__name__, e)
q.join()
print("joined")

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for item in (3, 1, 2):
    lq.put(item)
    pq.put((item, f"job{item}"))
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
print(lq.empty(), pq.qsize(), queue.Queue().full(), queue.Queue(0).maxsize)

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue empty")
try:
    sq.get(block=False)
except queue.Empty:
    print("SimpleQueue empty again")
print(type(sq).__module__, queue.Queue[int], queue.SimpleQueue[str])
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# Producers in threads fill the queue; the main thread consumes after joining them.
work = queue.Queue()


def producer(n):
    for i in range(n):
        work.put((threading.current_thread().name, i))


producers = [threading.Thread(target=producer, args=(2,), name=f"p{k}") for k in range(3)]
for p in producers:
    p.start()
for p in producers:
    p.join()
items = []
while not work.empty():
    items.append(work.get())
    work.task_done()
work.join()
print(items)


class Doubling(queue.Queue):
    def _put(self, item):
        self.queue.append(item * 2)


d = Doubling()
d.put(21)
print(d.get())
