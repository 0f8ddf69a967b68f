"""asyncio.Task (a Future that drives a coroutine: each step sends into or throws into the
coroutine; a yielded Future suspends the task until that future is done) and the functions built
on tasks: create_task, ensure_future, sleep, gather, shield, wait, wait_for, as_completed,
current_task, all_tasks."""

import functools
import itertools
import types

from . import coroutines
from . import events
from . import exceptions
from . import futures

__all__ = (
    "Task", "create_task", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "wait",
    "wait_for", "as_completed", "sleep", "gather", "shield", "ensure_future",
    "run_coroutine_threadsafe", "current_task", "all_tasks", "_register_task",
    "_unregister_task", "_enter_task", "_leave_task", "to_thread",
)

_task_name_counter = itertools.count(1).__next__

# The tasks that are not done yet (CPython keeps a WeakSet; here a Task leaves when it finishes).
_all_tasks = set()
# loop → the task running on it now.
_current_tasks = {}


def current_task(loop=None):
    """The Task running now (None between tasks)."""
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    """The set of the loop's tasks that are not done."""
    if loop is None:
        loop = events.get_running_loop()
    return {task for task in list(_all_tasks) if futures._get_loop(task) is loop and not task.done()}


def _set_task_name(task, name):
    if name is not None:
        try:
            set_name = task.set_name
        except AttributeError:
            return
        set_name(name)


class Task(futures._PyFuture):
    """A coroutine scheduled on the loop, run step by step by the loop's callbacks."""

    _log_destroy_pending = True
    __module__ = "_asyncio"

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not coroutines.iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            self._name = f"Task-{_task_name_counter()}"
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._context = context
        self._loop.call_soon(self.__step)
        _register_task(self)

    def __repr__(self):
        info = _future_state_words(self)
        info.insert(1, f"name={self.get_name()!r}")
        info.insert(2, f"coro=<{coroutines._format_coroutine(self._coro, self.done())}>")
        if self._fut_waiter is not None:
            info.insert(3, f"wait_for={self._fut_waiter!r}")
        return f"<{self.__class__.__name__} {' '.join(info)}>"

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def get_stack(self, *, limit=None):
        """The suspended coroutine's frame, or the frames of the exception's traceback."""
        frames = []
        frame = getattr(self._coro, "cr_frame", None)
        if frame is not None:
            frames.append(frame)
        elif self._exception is not None:
            tb = self._exception.__traceback__
            while tb is not None:
                if tb.tb_frame is not None:
                    frames.append(tb.tb_frame)
                tb = tb.tb_next
        if limit is not None:
            frames = frames[-limit:] if limit >= 0 else frames[:-limit]
        return frames

    def print_stack(self, *, limit=None, file=None):
        """Writes get_stack()'s frames (and the exception) to file (stderr by default)."""
        import sys
        if file is None:
            file = sys.stderr
        frames = self.get_stack(limit=limit)
        exc = self._exception
        if not frames:
            print(f"No stack for {self!r}", file=file)
            return
        heading = "Traceback" if exc is not None else "Stack"
        print(f"{heading} for {self!r} (most recent call last):", file=file)
        for frame in frames:
            code = frame.f_code
            print(f'  File "{code.co_filename}", line {frame.f_lineno}, in {code.co_name}', file=file)
            line = _source_line(code.co_filename, frame.f_lineno)
            if line:
                print(f"    {line}", file=file)
        if exc is not None:
            text = str(exc)
            print(f"{type(exc).__name__}: {text}" if text else type(exc).__name__, file=file)

    def cancel(self, msg=None):
        """Asks the task to stop: CancelledError is thrown into the coroutine at its next step.
        False when the task is already done."""
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                # The waiter's callback (__wakeup) will throw CancelledError into the coroutine.
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """How many cancellation requests are pending (uncancel() takes one back)."""
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def __step(self, exc=None):
        if self._state != futures._PENDING:
            raise exceptions.InvalidStateError(f"_step(): already done: {self!r}, {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None

        loop = self._loop
        if loop in _current_tasks:
            _enter_task(loop, self)  # raises: another task is running
        _current_tasks[loop] = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # cancel() came while the coroutine was finishing.
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(stop.value)
            _unregister_task(self)
        except exceptions.CancelledError as cancelled:
            self._cancelled_exc = cancelled
            super().cancel()
            _unregister_task(self)
        except (KeyboardInterrupt, SystemExit) as fatal:
            super().set_exception(fatal)
            _unregister_task(self)
            raise
        except BaseException as error:
            super().set_exception(error)
            _unregister_task(self)
        else:
            self.__suspend_on(result)
        finally:
            if _current_tasks.get(loop) is self:
                del _current_tasks[loop]
            else:
                _leave_task(loop, self)  # raises: the bookkeeping was broken meanwhile
            self = None

    def __suspend_on(self, result):
        """The coroutine yielded `result`: wait for it if it is a future of this loop."""
        blocking = getattr(result, "_asyncio_future_blocking", None)
        if blocking is not None:
            if futures._get_loop(result) is not self._loop:
                error = RuntimeError(f"Task {self!r} got Future {result!r} attached to a different loop")
                self._loop.call_soon(self.__step, error)
            elif blocking:
                if result is self:
                    error = RuntimeError(f"Task cannot await on itself: {self!r}")
                    self._loop.call_soon(self.__step, error)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.__wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                error = RuntimeError(f"yield was used instead of yield from in task {self!r} "
                                     f"with {result!r}")
                self._loop.call_soon(self.__step, error)
        elif result is None:
            # A bare yield (asyncio.sleep(0)): run again on the next iteration.
            self._loop.call_soon(self.__step)
        elif isinstance(result, types.GeneratorType):
            error = RuntimeError(f"yield was used instead of yield from for generator in task "
                                 f"{self!r} with {result!r}")
            self._loop.call_soon(self.__step, error)
        else:
            error = RuntimeError(f"Task got bad yield: {result!r}")
            self._loop.call_soon(self.__step, error)

    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()
        self = None


def _source_line(filename, lineno):
    """The stripped source line, or '' when the file cannot be read."""
    try:
        with open(filename, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if number == lineno:
                    return line.strip()
    except (OSError, UnicodeDecodeError):
        pass
    return ""


# The wakeup callback shows in the reprs of the futures a task waits for under CPython's name.
Task._Task__wakeup.__qualname__ = "Task.task_wakeup"
_PyTask = Task


def _future_state_words(future):
    """Future's repr words with Task's 'cancelling' state for a task asked to cancel."""
    info = futures._future_repr_info(future)
    if future.cancelling() and not future.done():
        info[0] = "cancelling"
    return info


def create_task(coro, *, name=None, context=None):
    """Schedules the coroutine on the running loop; returns its Task."""
    loop = events.get_running_loop()
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    _set_task_name(task, name)
    return task


FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures/tasks of the iterable fs; returns (done, pending) sets."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    loop = events.get_running_loop()
    fs = set(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        events._warn("The explicit passing of coroutine objects to asyncio.wait() is "
                      "deprecated since Python 3.8, and scheduled for removal in Python 3.11.",
                      DeprecationWarning, stacklevel=2)
    fs = {ensure_future(f, loop=loop) for f in fs}
    return await _wait(fs, timeout, return_when, loop)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    """Waits for fut with a timeout: cancels it and raises TimeoutError when time runs out."""
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    on_done = functools.partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(on_done)
    try:
        try:
            await waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(on_done)
            await _cancel_and_wait(fut, loop=loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(on_done)
        # Time is up: cancel fut and wait until it is done (it may still finish normally).
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when, loop):
    """Waits until return_when is met or the timeout passes; returns (done, pending)."""
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED
                or (return_when == FIRST_EXCEPTION and not f.cancelled()
                    and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    """Cancels fut and waits until it is done (it may ignore the cancellation)."""
    waiter = loop.create_future()
    on_done = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(on_done)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(on_done)


def as_completed(fs, *, timeout=None):
    """An iterator of awaitables, one per future of fs, giving their results in the order they
    finish; TimeoutError from the next awaitable once the timeout has passed."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    from .queues import Queue
    done = Queue()
    loop = events._get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            done.put_nowait(None)
        todo.clear()

    def on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def wait_for_one():
        f = await done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield wait_for_one()


class _Sleep0:
    """`await _SLEEP0` yields once to the loop (a bare yield: the task runs again next
    iteration); cheaper than a types.coroutine generator."""

    __slots__ = ()

    def __await__(self):
        yield


_SLEEP0 = _Sleep0()


async def sleep(delay, result=None):
    """Suspends the task for delay seconds; returns result."""
    if delay <= 0:
        await _SLEEP0
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


def ensure_future(coro_or_future, *, loop=None):
    """A future as is; a coroutine or awaitable wrapped in a Task."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError("The future belongs to a different loop than the one specified as "
                             "the loop argument")
        return coro_or_future
    called_wrap_awaitable = False
    if not coroutines.iscoroutine(coro_or_future):
        if hasattr(coro_or_future, "__await__"):
            coro_or_future = _wrap_awaitable(coro_or_future)
            called_wrap_awaitable = True
        else:
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    if loop is None:
        loop = events._get_event_loop(stacklevel=4)
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not called_wrap_awaitable:
            coro_or_future.close()
        raise


@types.coroutine
def _wrap_awaitable(awaitable):
    return (yield from awaitable.__await__())


class _GatheringFuture(futures.Future):
    """gather()'s outer future: cancelling it cancels its children."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        any_cancelled = False
        for child in self._children:
            if child.cancel(msg=msg):
                any_cancelled = True
        if any_cancelled:
            # The children's callbacks finish the outer future with CancelledError.
            self._cancel_requested = True
        return any_cancelled


def gather(*coros_or_futures, return_exceptions=False):
    """A future of the list of results of the awaitables, in their order. The first exception
    finishes it, unless return_exceptions puts exceptions in the list instead."""
    if not coros_or_futures:
        loop = events._get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def on_child_done(fut):
        nonlocal finished_count
        finished_count += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                # Marks the exception retrieved.
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            error = fut.exception()
            if error is not None:
                outer.set_exception(error)
                return
        if finished_count == child_count:
            results = []
            for child in children:
                if child.cancelled():
                    message = "" if child._cancel_message is None else child._cancel_message
                    results.append(exceptions.CancelledError(message))
                else:
                    error = child.exception()
                    results.append(child.result() if error is None else error)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    future_of_arg = {}
    children = []
    child_count = 0
    finished_count = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in future_of_arg:
            fut = _ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                # A Task made here: its exception is reported through outer.
                fut._log_destroy_pending = False
            child_count += 1
            future_of_arg[arg] = fut
            fut.add_done_callback(on_child_done)
        else:
            fut = future_of_arg[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """Awaits arg without letting a cancellation of the awaiting task cancel arg itself."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def on_inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            error = inner.exception()
            if error is not None:
                outer.set_exception(error)
            else:
                outer.set_result(inner.result())

    def on_outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(on_inner_done)

    inner.add_done_callback(on_inner_done)
    outer.add_done_callback(on_outer_done)
    return outer


def run_coroutine_threadsafe(coro, loop):
    raise NotImplementedError("asyncio.run_coroutine_threadsafe() is not supported by pyjit "
                              "(it has one thread)")


async def to_thread(func, /, *args, **kwargs):
    """Runs func(*args, **kwargs) through the loop's default executor and returns its result."""
    from .events import get_running_loop
    import functools
    loop = get_running_loop()
    return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))


def _register_task(task):
    _all_tasks.add(task)


def _unregister_task(task):
    _all_tasks.discard(task)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another task {current!r} "
                           f"is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match the current task {current!r}.")
    del _current_tasks[loop]
