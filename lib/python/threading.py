"""threading for pyjit, which runs Python on one host thread.

The choice: Thread.start() runs the thread's target to completion, right there, as that thread
(current_thread(), get_ident() and threading.local see it). Programs that use threads to run
independent work and then join() them behave as in CPython, only sequentially. A thread that waits
for something only another running thread could do (a held Lock, an unset Event, a Condition, an
empty queue.Queue...) can never be woken: without a timeout that wait raises RuntimeError naming
the deadlock instead of hanging; with a timeout it sleeps for the timeout and reports failure, as
a timed-out wait does in CPython. An exception in a target goes to threading.excepthook
("Exception in thread NAME:" and the traceback on stderr), as in CPython.

Timer.start() sleeps for the interval, then calls the function unless cancel() came first (which
can only happen before start()). Barrier works for one party; more parties can never meet.
"""

import _thread
import sys
import time
from collections import deque as _deque

__all__ = ["get_ident", "active_count", "Condition", "current_thread", "enumerate", "main_thread",
           "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Thread",
           "Barrier", "BrokenBarrierError", "Timer", "ThreadError", "ExceptHookArgs", "setprofile",
           "settrace", "local", "stack_size", "excepthook", "get_native_id", "getprofile",
           "gettrace"]

_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _thread.allocate_lock
_CRLock = _thread.RLock
stack_size = _thread.stack_size

_profile_hook = None
_trace_hook = None

_DEADLOCK = ("would block forever: pyjit runs threads one after another on one host thread, so "
             "no other thread can {}")


def _wait_in_vain(what, timeout):
    """A wait nothing can end: RuntimeError without a timeout, else sleep it and fail."""
    if timeout is None or timeout < 0:
        raise RuntimeError(f"{what} {_DEADLOCK.format('wake it (pass a timeout)')}")
    if timeout > 0:
        time.sleep(timeout)
    return False


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def settrace(func):
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def RLock(*args, **kwargs):
    """A re-entrant lock (the native _thread.RLock)."""
    return _CRLock(*args, **kwargs)


class Condition:
    """A lock (an RLock by default) with wait()/notify()."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        for name in ("_release_save", "_acquire_restore", "_is_owned"):
            method = getattr(lock, name, None)
            if method is not None:
                setattr(self, name, method)
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Waits for a notify(): only another thread could send it, so this times out."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        state = self._release_save()
        try:
            return _wait_in_vain("Condition.wait()", timeout)
        finally:
            self._acquire_restore(state)

    def wait_for(self, predicate, timeout=None):
        """Returns predicate() once true; only another thread could make it true meanwhile."""
        result = predicate()
        if result:
            return result
        self.wait(timeout)
        return predicate()

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        # No thread can be waiting: they all run to completion before another one runs.

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        _deprecated("notifyAll", "notify_all")
        self.notify_all()


def _deprecated(old, new):
    try:
        import warnings
    except ImportError:
        return
    warnings.warn(f"{old}() is deprecated, use {new}() instead", DeprecationWarning, stacklevel=3)


class Semaphore:
    """A counter: acquire() decrements it, waiting while it is zero; release() increments it."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: value={self._value}>"

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking:
            return False
        return _wait_in_vain("Semaphore.acquire() with the value at zero", timeout)

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        self._value += n

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose value may not go above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: "
                f"value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n


class Event:
    """A flag: wait() returns at once when it is set."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = "set" if self._flag else "unset"
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        return self._flag

    def isSet(self):
        _deprecated("isSet", "is_set")
        return self.is_set()

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        """True when the flag is set; only another thread could set it meanwhile."""
        if self._flag:
            return True
        return _wait_in_vain("Event.wait() on an unset Event", timeout)


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Lets `parties` threads meet; with one thread at a time, only a one-party barrier can."""

    def __init__(self, parties, action=None, timeout=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._broken = False
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: "
                f"waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if self._broken:
            raise BrokenBarrierError
        if self._parties == 1:
            if self._action is not None:
                try:
                    self._action()
                except:
                    self._broken = True
                    raise
            return 0
        if timeout is None:
            timeout = self._timeout
        try:
            _wait_in_vain("Barrier.wait() with other parties missing", timeout)
        finally:
            self._broken = True
        raise BrokenBarrierError

    def reset(self):
        self._broken = False
        self._count = 0

    def abort(self):
        self._broken = True

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0

    @property
    def broken(self):
        return self._broken


# Threads by identity while they run (the main thread always).
_active = {}
_counter = 0
_next_ident = _thread._pyjit_main_ident()


def _new_thread_name(template="Thread-{}"):
    global _counter
    _counter += 1
    return template.format(_counter)


def _new_ident():
    global _next_ident
    _next_ident += 0x1000
    return _next_ident


class Thread:
    """A thread of control; start() runs its target to completion (see the module docstring)."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _new_thread_name()
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._stderr = sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{self.__class__.__name__}({self._name}, {status})>"

    def start(self):
        """Runs the thread: its run() method, to completion, before start() returns."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        self._ident = _new_ident()
        previous = _thread._pyjit_set_ident(self._ident)
        self._native_id = get_native_id()
        _active[self._ident] = self
        self._started.set()
        try:
            self._bootstrap()
        finally:
            self._is_stopped = True
            del _active[self._ident]
            _thread._pyjit_set_ident(previous)

    def _bootstrap(self):
        try:
            if _trace_hook is not None:
                sys.settrace(_trace_hook)
            if _profile_hook is not None:
                sys.setprofile(_profile_hook)
            self.run()
        except BaseException:
            excepthook(ExceptHookArgs(sys.exc_info() + (self,)))

    def run(self):
        """Calls the target (subclasses override this)."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        # A started thread has finished (or is one of the threads running this one).

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._started.is_set() and not self._is_stopped

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _deprecated("isDaemon", "the daemon attribute")
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated("setDaemon", "the daemon attribute")
        self.daemon = daemonic

    def getName(self):
        _deprecated("getName", "the name attribute")
        return self.name

    def setName(self, name):
        _deprecated("setName", "the name attribute")
        self.name = name


class ExceptHookArgs(tuple):
    """(exc_type, exc_value, exc_traceback, thread): what excepthook receives."""

    n_fields = 4
    n_sequence_fields = 4
    n_unnamed_fields = 0

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError(f"_thread._ExceptHookArgs() takes a 4-sequence ({len(args)}-sequence "
                            f"given)")
        return super().__new__(cls, args)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        return (f"_thread._ExceptHookArgs(exc_type={self[0]!r}, exc_value={self[1]!r}, "
                f"exc_traceback={self[2]!r}, thread={self[3]!r})")


def excepthook(args, /):
    """Writes "Exception in thread NAME:" and the traceback to stderr (SystemExit is silent)."""
    if args.exc_type == SystemExit:
        return
    stderr = sys.stderr
    if stderr is None and args.thread is not None:
        stderr = args.thread._stderr
    if stderr is None:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)
    stderr.flush()


__excepthook__ = excepthook


class Timer(Thread):
    """Calls function(*args, **kwargs) after interval seconds, unless cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stops the timer if it has not run yet."""
        self.finished.set()

    def run(self):
        if not self.finished.is_set():
            time.sleep(self.interval)
            if not self.finished.is_set():
                self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        _active[self._ident] = self


class _DummyThread(Thread):
    """A thread threading did not start (cannot happen in pyjit; kept for isinstance checks)."""

    def __init__(self):
        Thread.__init__(self, name=_new_thread_name("Dummy-{}"), daemon=True)
        self._started.set()
        self._ident = get_ident()

    def is_alive(self):
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    """The Thread running now."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    _deprecated("currentThread", "current_thread")
    return current_thread()


def active_count():
    """How many threads are running (the main thread and those whose start() is running)."""
    return len(_active)


def activeCount():
    _deprecated("activeCount", "active_count")
    return active_count()


def enumerate():
    """The running threads, the main thread first."""
    return list(_active.values())


def main_thread():
    return _main_thread


_main_thread = _MainThread()


class local:
    """Attributes private to each thread."""

    __slots__ = ("_local__per_thread", "__weakref__")

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__per_thread", {})
        per_thread = object.__getattribute__(self, "_local__per_thread")
        per_thread[get_ident()] = {}
        per_thread["args"] = (args, kw)
        return self

    def _local__dict(self):
        per_thread = object.__getattribute__(self, "_local__per_thread")
        ident = get_ident()
        namespace = per_thread.get(ident)
        if namespace is None:
            namespace = per_thread[ident] = {}
            args, kw = per_thread["args"]
            init = type(self).__init__
            if init is not object.__init__:
                init(self, *args, **kw)
        return namespace

    def __getattribute__(self, name):
        if name == "__dict__":
            return local._local__dict(self)
        if name in ("_local__per_thread", "_local__dict", "__class__"):
            return object.__getattribute__(self, name)
        namespace = local._local__dict(self)
        if name in namespace:
            return namespace[name]
        attr = getattr(type(self), name, _MISSING)
        if attr is _MISSING:
            cls_name = "_thread._local" if type(self) is local else type(self).__name__
            raise AttributeError(f"'{cls_name}' object has no attribute '{name}'")
        if hasattr(attr, "__get__"):
            return attr.__get__(self, type(self))
        return attr

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError(f"'{type(self).__name__}' object attribute '__dict__' is read-only")
        descriptor = getattr(type(self), name, None)
        if descriptor is not None and hasattr(descriptor, "__set__"):
            descriptor.__set__(self, value)
            return
        local._local__dict(self)[name] = value

    def __delattr__(self, name):
        if name == "__dict__":
            raise AttributeError(f"'{type(self).__name__}' object attribute '__dict__' is read-only")
        namespace = local._local__dict(self)
        if name not in namespace:
            raise AttributeError(name)
        del namespace[name]


_MISSING = object()


def _shutdown():
    pass


def _register_atexit(func, *arg, **kwargs):
    raise NotImplementedError("threading._register_atexit() is not supported by pyjit")
