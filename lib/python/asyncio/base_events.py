"""pyjit's event loop, written in Python: a deque of ready Handles and a heap of TimerHandles.
Each iteration runs the callbacks that were ready when it began; when nothing is ready it sleeps
with time.sleep until the earliest timer. There is no I/O selector (no sockets, pipes or
signals), so a loop with nothing ready and no timer could never wake up: instead of hanging
forever it raises RuntimeError naming the deadlock."""

import collections
import heapq
import sys
import time

from . import events
from . import futures
from . import tasks

__all__ = ("BaseEventLoop", "Server")

# Cancelled timers are purged from the heap when they are this many and this share of it.
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # The loop stops by the exception propagating out of run_forever.
            return
    futures._get_loop(fut).stop()


def _not_supported(name):
    raise NotImplementedError(f"{name}() is not supported by pyjit's asyncio event loop "
                              f"(it has no threads, sockets or subprocess transports)")


class Server(events.AbstractServer):
    def __init__(self, *args, **kwargs):
        _not_supported("asyncio.Server")


class BaseEventLoop(events.AbstractEventLoop):
    """The event loop: call_soon / call_later / call_at, futures and tasks, run_forever /
    run_until_complete / stop / close, and the exception handler."""

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = collections.deque()
        self._scheduled = []
        self._default_executor = None
        self._running = False
        self._exception_handler = None
        self._debug = False
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._task_factory = None
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        # Futures that finished with an exception (see Future.set_exception).
        self._unretrieved_exceptions = []
        # Async generators iterated on this loop (sys.set_asyncgen_hooks' firstiter), closed by
        # shutdown_asyncgens(); CPython keeps a WeakSet, here finished ones are pruned.
        self._asyncgens = []

    def __repr__(self):
        return (f"<{self.__class__.__name__} running={self.is_running()} "
                f"closed={self.is_closed()} debug={self.get_debug()}>")

    # -- futures and tasks --

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # -- running --

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if events._get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        """Runs iterations until stop() is called."""
        self._check_closed()
        self._check_running()
        old_running = events._get_running_loop()
        old_hooks = sys.get_asyncgen_hooks()
        self._running = True
        events._set_running_loop(self)
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                               finalizer=self._asyncgen_finalizer_hook)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            events._set_running_loop(old_running)
            sys.set_asyncgen_hooks(*old_hooks)

    def run_until_complete(self, future):
        """Runs until the future (or coroutine, wrapped in a Task) is done; returns its result."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                # The exception is the caller's now; do not also report it as never retrieved.
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        """Stops after the callbacks of the current iteration (or the next one, when idle)."""
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True
        self._report_unretrieved_exceptions()

    def _report_unretrieved_exceptions(self):
        """'Task exception was never retrieved' for each failed future nobody asked about."""
        futures_with_errors, self._unretrieved_exceptions = self._unretrieved_exceptions, []
        for future in futures_with_errors:
            if future._log_traceback:
                future._log_traceback = False
                self.call_exception_handler({
                    "message": f"{future.__class__.__name__} exception was never retrieved",
                    "exception": future._exception,
                    "future": future,
                })

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._running

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            print(f"asynchronous generator {agen!r} was scheduled after "
                  f"loop.shutdown_asyncgens() call", file=sys.stderr)
        if len(self._asyncgens) >= 1000:
            self._asyncgens = [g for g in self._asyncgens if g.ag_frame is not None]
        self._asyncgens.append(agen)

    def _asyncgen_finalizer_hook(self, agen):
        # pyjit never finalizes objects, so this is never called; kept for the hooks' shape.
        self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        """Closes (aclose) the async generators iterated on this loop that did not finish."""
        self._asyncgens_shutdown_called = True
        closing = [g for g in self._asyncgens if g.ag_frame is not None]
        self._asyncgens = []
        if not closing:
            return
        results = await tasks.gather(*[g.aclose() for g in closing], return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    "message": f"an error occurred during closing of asynchronous generator "
                               f"{agen!r}",
                    "exception": result,
                    "asyncgen": agen,
                })

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True

    def time(self):
        """The loop's clock: time.monotonic()."""
        return time.monotonic()

    # -- scheduling --

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = events.TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args, context=context)

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def _run_once(self):
        """One iteration: wait for the earliest timer if nothing is ready, move due timers to the
        ready queue, then run the callbacks that are ready now."""
        scheduled = self._scheduled
        if (len(scheduled) > _MIN_SCHEDULED_TIMER_HANDLES and self._timer_cancelled_count
                / len(scheduled) > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            kept = []
            for handle in scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    kept.append(handle)
            heapq.heapify(kept)
            self._scheduled = scheduled = kept
            self._timer_cancelled_count = 0
        else:
            while scheduled and scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(scheduled)
                handle._scheduled = False

        if not self._ready and not self._stopping:
            if not scheduled:
                self._idle_forever()
            delay = scheduled[0]._when - self.time()
            if delay > 0:
                time.sleep(delay)

        if scheduled:
            self._move_due_timers(scheduled)

        ready = self._ready
        for _ in range(len(ready)):
            handle = ready.popleft()
            if handle._cancelled:
                continue
            self._current_handle = handle
            try:
                handle._run()
            finally:
                self._current_handle = None
        handle = None

    def _move_due_timers(self, scheduled):
        """Moves the timers that are due to the ready queue."""
        end_time = self.time()
        while scheduled:
            handle = scheduled[0]
            if handle._when > end_time:
                break
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
            self._ready.append(handle)

    def _idle_forever(self):
        """Nothing is ready and no timer is due: CPython would wait on its selector forever."""
        raise RuntimeError("pyjit's event loop has no ready callbacks and no timers, so it would "
                           "wait forever (a deadlock: every task awaits something that nothing "
                           "will finish; pyjit's asyncio has no I/O to wait for)")

    # -- errors --

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f"A callable object or None is expected, got {handler!r}")
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Writes the message, the context's other entries and the exception's traceback to
        stderr (CPython logs them with the logging module)."""
        message = context.get("message") or "Unhandled exception in event loop"
        exception = context.get("exception")
        lines = [message]
        for key in sorted(context):
            if key in ("message", "exception"):
                continue
            lines.append(f"{key}: {context[key]!r}")
        text = "\n".join(lines)
        print(text, file=sys.stderr)
        if exception is not None:
            sys.stderr.flush()
            sys.__excepthook__(type(exception), exception, exception.__traceback__)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                print("Exception in default exception handler", file=sys.stderr)
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        "message": "Unhandled error in exception handler",
                        "exception": exc,
                        "context": context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    print("Exception in default exception handler", file=sys.stderr)

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    # -- what needs threads, sockets, pipes or signals --

    def run_in_executor(self, executor, func, *args):
        """func(*args) in `executor` (the loop's default ThreadPoolExecutor for None), as a future.

        pyjit's executors run the call inside submit(), so it has finished when this returns."""
        if self.is_closed():
            raise RuntimeError("Event loop is closed")
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        from .futures import wrap_future
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError("executor must be ThreadPoolExecutor instance")
        self._default_executor = executor

    async def getaddrinfo(self, *args, **kwargs):
        _not_supported("loop.getaddrinfo")

    async def getnameinfo(self, *args, **kwargs):
        _not_supported("loop.getnameinfo")

    async def create_connection(self, *args, **kwargs):
        _not_supported("loop.create_connection")

    async def create_server(self, *args, **kwargs):
        _not_supported("loop.create_server")

    async def create_unix_connection(self, *args, **kwargs):
        _not_supported("loop.create_unix_connection")

    async def create_unix_server(self, *args, **kwargs):
        _not_supported("loop.create_unix_server")

    async def create_datagram_endpoint(self, *args, **kwargs):
        _not_supported("loop.create_datagram_endpoint")

    async def connect_read_pipe(self, *args, **kwargs):
        _not_supported("loop.connect_read_pipe")

    async def connect_write_pipe(self, *args, **kwargs):
        _not_supported("loop.connect_write_pipe")

    async def subprocess_exec(self, *args, **kwargs):
        _not_supported("loop.subprocess_exec")

    async def subprocess_shell(self, *args, **kwargs):
        _not_supported("loop.subprocess_shell")

    async def sock_recv(self, *args, **kwargs):
        _not_supported("loop.sock_recv")

    async def sock_sendall(self, *args, **kwargs):
        _not_supported("loop.sock_sendall")

    async def sock_connect(self, *args, **kwargs):
        _not_supported("loop.sock_connect")

    async def sock_accept(self, *args, **kwargs):
        _not_supported("loop.sock_accept")

    async def sendfile(self, *args, **kwargs):
        _not_supported("loop.sendfile")

    async def start_tls(self, *args, **kwargs):
        _not_supported("loop.start_tls")

    def add_reader(self, *args, **kwargs):
        _not_supported("loop.add_reader")

    def remove_reader(self, *args, **kwargs):
        _not_supported("loop.remove_reader")

    def add_writer(self, *args, **kwargs):
        _not_supported("loop.add_writer")

    def remove_writer(self, *args, **kwargs):
        _not_supported("loop.remove_writer")

    def add_signal_handler(self, *args, **kwargs):
        _not_supported("loop.add_signal_handler")

    def remove_signal_handler(self, *args, **kwargs):
        _not_supported("loop.remove_signal_handler")


class _PyjitEventLoop(BaseEventLoop):
    """The loop asyncio.new_event_loop() makes."""


SelectorEventLoop = _PyjitEventLoop


class DefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = _PyjitEventLoop
