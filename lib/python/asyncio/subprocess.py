"""asyncio subprocesses over pyjit's subprocess.Popen, whose children run in the background:
create_subprocess_exec / create_subprocess_shell return a Process whose wait() and communicate()
poll the child with short asyncio.sleep()s, so other tasks run meanwhile. The stdout/stderr
streams deliver the child's output once it has ended (pyjit collects it in a file, not a pipe
the loop could watch); stdin is written when it is closed (or by communicate())."""

import subprocess

from . import exceptions
from . import tasks

__all__ = ("create_subprocess_exec", "create_subprocess_shell")

PIPE = subprocess.PIPE
STDOUT = subprocess.STDOUT
DEVNULL = subprocess.DEVNULL

# The polling interval grows to this many seconds while a child runs.
_MAX_POLL_INTERVAL = 0.05


class _OutputStream:
    """Process.stdout / Process.stderr: the output, readable once the child ended."""

    def __init__(self, process, pipe):
        self._process = process
        self._pipe = pipe
        self._buffer = None

    async def _data(self):
        if self._buffer is None:
            await self._process.wait()
            self._buffer = bytearray(self._pipe.read())
        return self._buffer

    def _take(self, n):
        chunk = bytes(self._buffer[:n])
        del self._buffer[:n]
        return chunk

    async def read(self, n=-1):
        data = await self._data()
        return self._take(len(data) if n < 0 else n)

    async def readline(self):
        data = await self._data()
        end = data.find(b"\n")
        return self._take(len(data) if end < 0 else end + 1)

    async def readuntil(self, separator=b"\n"):
        data = await self._data()
        end = data.find(separator)
        if end < 0:
            partial = self._take(len(data))
            raise exceptions.IncompleteReadError(partial, None)
        return self._take(end + len(separator))

    async def readexactly(self, n):
        data = await self._data()
        if len(data) < n:
            partial = self._take(len(data))
            raise exceptions.IncompleteReadError(partial, n)
        return self._take(n)

    def at_eof(self):
        return self._buffer is not None and not self._buffer

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line

    def __repr__(self):
        return "<StreamReader>"


class _InputStream:
    """Process.stdin: collects what is written; the child gets it when the stream is closed."""

    def __init__(self, pipe):
        self._pipe = pipe

    def write(self, data):
        self._pipe.write(data)

    def writelines(self, data):
        for chunk in data:
            self.write(chunk)

    async def drain(self):
        pass

    def write_eof(self):
        self.close()

    def can_write_eof(self):
        return True

    def close(self):
        self._pipe.close()

    def is_closing(self):
        return self._pipe.closed

    async def wait_closed(self):
        pass

    def __repr__(self):
        return "<StreamWriter>"


class Process:
    """A child process started by create_subprocess_exec/_shell."""

    def __init__(self, popen):
        self._popen = popen
        self.pid = popen.pid
        self.stdin = _InputStream(popen.stdin) if popen.stdin is not None else None
        self.stdout = _OutputStream(self, popen.stdout) if popen.stdout is not None else None
        self.stderr = _OutputStream(self, popen.stderr) if popen.stderr is not None else None

    def __repr__(self):
        return f"<{self.__class__.__name__} {self.pid}>"

    @property
    def returncode(self):
        return self._popen.poll()

    async def wait(self):
        """Waits (polling, so that other tasks run) until the child ends; its exit status."""
        delay = 0.0005
        while self._popen.poll() is None:
            await tasks.sleep(delay)
            delay = min(delay * 2, _MAX_POLL_INTERVAL)
        self.pid = self._popen.pid
        return self._popen.returncode

    async def communicate(self, input=None):
        """Sends input, waits for the child, returns (stdout, stderr)."""
        if self.stdin is not None:
            if input is not None:
                self.stdin.write(input)
            self.stdin.close()
        await self.wait()
        stdout = await self.stdout.read() if self.stdout is not None else None
        stderr = await self.stderr.read() if self.stderr is not None else None
        return stdout, stderr

    def send_signal(self, signal):
        self._popen.send_signal(signal)

    def terminate(self):
        self._popen.terminate()

    def kill(self):
        self._popen.kill()


def _check_popen_arguments(kwds):
    """The Popen options asyncio refuses (it speaks bytes and spawns itself)."""
    if kwds.get("universal_newlines"):
        raise ValueError("universal_newlines must be False")
    if kwds.get("text"):
        raise ValueError("text must be False")
    if kwds.get("encoding") is not None:
        raise ValueError("encoding must be None")
    if kwds.get("errors") is not None:
        raise ValueError("errors must be None")
    if kwds.pop("bufsize", 0) != 0:
        raise ValueError("bufsize must be 0")
    kwds.pop("limit", None)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=None, **kwds):
    """Starts `program args...`; returns its Process."""
    _check_popen_arguments(kwds)
    if kwds.get("shell"):
        raise ValueError("shell must be False")
    popen = subprocess.Popen([program, *args], stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(popen)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None, limit=None,
                                  **kwds):
    """Starts `cmd` with /bin/sh -c; returns its Process."""
    _check_popen_arguments(kwds)
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    if kwds.pop("shell", True) is not True:
        raise ValueError("shell must be True")
    popen = subprocess.Popen(cmd, shell=True, stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(popen)
