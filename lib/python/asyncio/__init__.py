"""asyncio for pyjit: an event loop written in Python over the interpreter's coroutines (send/throw,
await, __await__), with tasks, futures, timers that follow the real clock, and the synchronization
primitives, queues, timeouts and task groups of Python 3.11.

pyjit has one thread and its asyncio has no I/O selector: streams, sockets, transports and signal
handlers raise NotImplementedError naming themselves; run_in_executor and to_thread run the call
through concurrent.futures, whose executors finish it inside submit();
create_subprocess_exec/_shell run the child in the background and poll it (asyncio/subprocess.py). A
loop with nothing ready and no timer raises RuntimeError (a deadlock) instead of waiting forever.
pyjit does not finalize objects, so "Task exception was never retrieved" is reported when the loop
closes rather than when the task is collected, and "coroutine ... was never awaited" warnings are
not emitted; async generators left unfinished are closed by shutdown_asyncgens() when asyncio.run()
ends (not when they are collected). There is no contextvars module: the context= arguments are
accepted and callbacks run without a context."""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .protocols import *
from .runners import *
from .queues import *
from .streams import *
from .subprocess import *
from .tasks import *
from .taskgroups import *
from .timeouts import *
from .transports import *

from . import base_events, coroutines, events, exceptions, futures, locks, protocols, runners
from . import queues, streams, subprocess, tasks, taskgroups, timeouts, transports

from .base_events import SelectorEventLoop, DefaultEventLoopPolicy

__all__ = (base_events.__all__ + coroutines.__all__ + events.__all__ + exceptions.__all__
           + futures.__all__ + locks.__all__ + protocols.__all__ + runners.__all__
           + queues.__all__ + streams.__all__ + subprocess.__all__ + tasks.__all__
           + taskgroups.__all__ + timeouts.__all__ + transports.__all__
           + ("SelectorEventLoop", "DefaultEventLoopPolicy"))
