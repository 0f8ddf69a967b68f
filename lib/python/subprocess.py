"""subprocess for pyjit: programs run through Deno (`--allow-run`) with the native _subprocess
module.

What that means for a Python user:
- run, call, check_call, check_output, getoutput and getstatusoutput behave as in CPython
  (capture_output, PIPE / DEVNULL / STDOUT, input, text / universal_newlines / encoding / errors,
  cwd, env, timeout, check, shell=True via /bin/sh -c); they run the child to its end with
  Deno.Command.outputSync().
- Popen starts the child in the background (under a small /bin/sh that records its pid, its
  collected output and its exit status in a temporary directory): poll() returns None while it
  runs, wait(timeout) and communicate(timeout) poll it and raise TimeoutExpired leaving it
  running, terminate()/kill()/send_signal() signal it, several children run at once. With
  stdin=PIPE the child starts once the input is complete (stdin.close(), communicate(), wait(),
  or the first read of its stdout/stderr). stdout/stderr pipes are file objects (reading like
  io.BytesIO, or io.StringIO in text mode) whose first read waits for the child to end; stdin=PIPE
  is a writer that collects the input. Without --allow-write (no temporary directory), a Popen
  runs its child to the end when it starts, as run() does.
- A child's output that is not captured (stdout=None) goes to the process's own stdout/stderr, as
  in CPython (what the program printed before is flushed first). When pyjit's output is
  redirected by an embedder or a test, it is collected and written to sys.__stdout__ /
  sys.__stderr__ once the child is seen to end.
- A Popen child killed by a signal it sent reports -signal; one killed by another signal reports
  128 + signal (the shell's exit status), except under run()/call(), which report -signal.
- pass_fds, preexec_fn, user/group, start_new_session, process_group and startupinfo are not
  supported (NotImplementedError when given a non-default value).
"""

import io
import os
import sys
import time

import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput", "getoutput",
           "check_output", "run", "CalledProcessError", "DEVNULL", "SubprocessError",
           "TimeoutExpired", "CompletedProcess", "list2cmdline"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_USE_POSIX_SPAWN = False
_USE_VFORK = False
_mswindows = False


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run(check=True), check_call or check_output sees a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                import signal
                return f"Command '{self.cmd}' died with {signal.Signals(-self.returncode)!r}."
            except (ImportError, ValueError):
                return f"Command '{self.cmd}' died with unknown signal {-self.returncode}."
        return f"Command '{self.cmd}' returned non-zero exit status {self.returncode}."

    @property
    def stdout(self):
        """Alias for output, mirroring stderr."""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return f"Command '{self.cmd}' timed out after {self.timeout} seconds"

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What run() returns: args, returncode, stdout and stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        fields = [f"args={self.args!r}", f"returncode={self.returncode!r}"]
        if self.stdout is not None:
            fields.append(f"stdout={self.stdout!r}")
        if self.stderr is not None:
            fields.append(f"stderr={self.stderr!r}")
        return f"{type(self).__name__}({', '.join(fields)})"

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def check_returncode(self):
        """Raises CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Runs the command and returns its exit status."""
    with _PopenStartedByWait(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Runs the command; CalledProcessError for a non-zero exit status, else 0."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs the command and returns its output; CalledProcessError for a non-zero status."""
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError(f"{kw} argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        text_mode = (kwargs.get("universal_newlines") or kwargs.get("text")
                     or kwargs.get("encoding") or kwargs.get("errors"))
        kwargs["input"] = "" if text_mode else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Runs the command, waits for it, and returns a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with _PopenStartedByWait(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def list2cmdline(seq):
    """A command line as Windows' C runtime parses it (quoting spaces, tabs and quotes)."""
    result = []
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(" ")
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == "\\":
                bs_buf.append(c)
            elif c == '"':
                result.append("\\" * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return "".join(result)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exitcode, output) of a shell command, with stderr merged and the last newline dropped."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding,
                            errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output (stdout and stderr) of a shell command, without its last newline."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


class _InputPipe:
    """Popen.stdin for stdin=PIPE: collects what is written; the child runs once it is closed."""

    def __init__(self, popen, text_mode):
        self._popen = popen
        self._text_mode = text_mode
        self._chunks = []
        self.closed = False

    def write(self, data):
        if self.closed:
            raise ValueError("write to closed file")
        if self._text_mode:
            if not isinstance(data, str):
                raise TypeError(f"write() argument must be str, not {type(data).__name__}")
            self._chunks.append(self._popen._encode(data))
        else:
            self._chunks.append(bytes(data))
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.closed:
            raise ValueError("flush of closed file")

    def writable(self):
        return True

    def readable(self):
        return False

    def fileno(self):
        raise OSError("pyjit's subprocess stdin pipe has no file descriptor")

    def close(self):
        if not self.closed:
            self.closed = True
            self._popen._start()

    def _data(self):
        return b"".join(self._chunks)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _closed_pipe_error(text_mode):
    """What reading a closed pipe raises: TextIOWrapper's or BufferedReader's message."""
    return ValueError("I/O operation on closed file." if text_mode else "read of closed file")


class _OutputPipe:
    """Popen.stdout / Popen.stderr for PIPE: a file object over the child's collected output
    (io.BytesIO, or io.StringIO in text mode); the first read starts a child still waiting for
    its stdin=PIPE input."""

    def __init__(self, popen):
        self._popen = popen
        self._file = None
        self._closed = False

    def _opened(self):
        if self._closed:
            raise _closed_pipe_error(self._popen.text_mode)
        if self._file is None:
            self._popen._start()
            self._popen._wait_until_finished(None)
        return self._file

    def _fill(self, data):
        self._file = self._popen._reader(data)

    @property
    def closed(self):
        return self._closed

    def read(self, size=-1):
        return self._opened().read(size)

    def readline(self, size=-1):
        return self._opened().readline(size)

    def readlines(self, hint=-1):
        return self._opened().readlines(hint)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        return True

    def writable(self):
        return False

    def fileno(self):
        raise OSError("pyjit's subprocess output pipe has no file descriptor")

    def close(self):
        self._closed = True
        if self._file is not None:
            self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _stdio_target(value, which):
    """(mode for _subprocess, where to send collected output or None) for stdout/stderr."""
    if value is None:
        # As in CPython the child writes to the process's own stream, whatever sys.stdout is;
        # when pyjit's output is redirected (embedding, tests), it is collected and written there.
        if _subprocess.inherits_std_streams():
            return "inherit", None
        return "pipe", getattr(sys, "__" + which + "__")
    if value == PIPE:
        return "pipe", None
    if value == DEVNULL:
        return "null", None
    if value == STDOUT:
        if which == "stdout":
            # CPython hands -2 to the child as a file descriptor.
            raise OSError(9, "Bad file descriptor")
        return "stdout", None
    if isinstance(value, int):
        return "pipe", value
    # As CPython, a file object is used through its file descriptor.
    value.fileno()
    return "pipe", value


def _flush_std_streams():
    """Flushes what the program wrote before the child writes to the same streams."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError, AttributeError):
                pass


def _forward(data, target):
    """Writes a child's collected output where its stdout/stderr should have gone."""
    if not data:
        return
    if isinstance(target, int):
        os.write(target, data)
        return
    if target is sys.__stdout__ or target is sys.__stderr__:
        target.flush()
        buffer = getattr(target, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            target.write(data.decode("utf-8", "replace"))
        return
    try:
        fd = target.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        fd = None
    if fd is not None:
        target.flush()
        os.write(fd, data)
    elif isinstance(target, io.TextIOBase):
        target.write(data.decode("utf-8", "replace"))
    else:
        target.write(data)


def _stdin_source(value):
    """The child's stdin for _subprocess: 'inherit', 'null', bytes, or PIPE (collected later)."""
    if value is None:
        return "inherit"
    if value == PIPE:
        return PIPE
    if value == DEVNULL:
        return "null"
    if isinstance(value, int):
        chunks = []
        while True:
            chunk = os.read(value, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    # As CPython, a file object is used through its file descriptor; its content from the
    # current position is what the child reads.
    value.fileno()
    data = value.read()
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _unsupported(name):
    raise NotImplementedError(f"subprocess.Popen({name}=...) is not supported by pyjit")


class Popen:
    """A child process (see the module docstring for how pyjit runs it)."""

    _starts_at_creation = True
    # Started with _subprocess.spawn and polled (run() and call() use _subprocess.run).
    _background = True

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None,
                 umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        self._result = None
        self._communicated = False
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pipesize is None:
            pipesize = -1
        for name, value, default in (("preexec_fn", preexec_fn, None), ("pass_fds", pass_fds, ()),
                                     ("user", user, None), ("group", group, None),
                                     ("extra_groups", extra_groups, None),
                                     ("start_new_session", start_new_session, False),
                                     ("process_group", process_group, None),
                                     ("startupinfo", startupinfo, None)):
            if value is not default and value != default:
                _unsupported(name)
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError("Cannot disambiguate when both text and universal_newlines "
                                  "are supplied but different. Pass one or the other.")
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.encoding = encoding
        self.errors = errors
        self.universal_newlines = universal_newlines

        self._argv = self._command_line(args, executable, shell)
        self._cwd = None if cwd is None else os.fsdecode(cwd)
        if env is None:
            self._env = None
        else:
            self._env = [(os.fsdecode(k), os.fsdecode(v)) for k, v in env.items()]
        self._stdout_mode, self._stdout_target = _stdio_target(stdout, "stdout")
        self._stderr_mode, self._stderr_target = _stdio_target(stderr, "stderr")
        source = _stdin_source(stdin)
        if source is PIPE:
            self.stdin = _InputPipe(self, self.text_mode)
            self._stdin_source = None
        else:
            self._stdin_source = source
        self._wants_stdout = stdout == PIPE
        self._wants_stderr = stderr == PIPE
        if self._wants_stdout:
            self.stdout = _OutputPipe(self)
        if self._wants_stderr:
            self.stderr = _OutputPipe(self)
        self._killed = 0
        self._signaled = 0
        self._dir = None
        self._timeout_pending = False
        if self.stdin is None and self._starts_at_creation:
            self._start()

    @staticmethod
    def _command_line(args, executable, shell):
        if isinstance(args, (str, bytes)) or hasattr(args, "__fspath__"):
            argv = [os.fsdecode(args)]
        else:
            argv = [os.fsdecode(a) for a in args]
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable is not None:
                argv[0] = os.fsdecode(executable)
        elif executable is not None:
            # The program run is `executable`; argv[0] is only what the child sees, which Deno
            # cannot set, so the executable takes its place.
            argv[0] = os.fsdecode(executable)
        return argv

    def __repr__(self):
        text = f"<{self.__class__.__name__}: returncode: {self.returncode} args: {self.args!r}>"
        if len(text) > 80:
            text = text[:76] + "...>"
        return text

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for stream in (self.stdout, self.stderr):
            if stream is not None:
                stream.close()
        if self.stdin is not None:
            self.stdin.close()
        self.wait()

    # -- running --

    def _encode(self, text):
        return text.encode(self.encoding or "utf-8", self.errors or "strict")

    def _decode(self, data):
        text = data.decode(self.encoding or "utf-8", self.errors or "strict")
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _start(self, timeout=None):
        """Starts the child (once): in the background for a Popen (spawn), else to its end."""
        if self._result is not None or self._dir is not None:
            return
        if self._killed:
            self._result = (-self._killed, b"" if self._stdout_mode == "pipe" else None,
                            b"" if self._stderr_mode == "pipe" else None, False, None)
            self._deliver()
            return
        if timeout is not None:
            time.monotonic() + timeout  # CPython's TypeError for a timeout that is no number
        source = self._stdin_source if self.stdin is None else self.stdin._data()
        if self.stdin is not None:
            self.stdin.closed = True
        _flush_std_streams()
        if self._background:
            try:
                self._dir, self.pid = _subprocess.spawn(self._argv, self._cwd, self._env, source,
                                                        self._stdout_mode, self._stderr_mode)
                _uncollected[id(self)] = self._dir
                return
            except PermissionError:
                if source is not None and not isinstance(source, str):
                    raise
                # No temporary directory (no --allow-write): run to the end instead.
        self._result = _subprocess.run(self._argv, self._cwd, self._env, source,
                                       self._stdout_mode, self._stderr_mode, timeout)
        self.pid = self._result[4]
        self._deliver()
        # A timeout is raised once, by the call that gave it; the child was killed (SIGKILL).
        self._timeout_pending = self._result[3]

    def _deliver(self):
        """The child finished: its output goes where it should, and into the pipes."""
        out, err = self._result[1], self._result[2]
        if self._stdout_target is not None and out is not None:
            _forward(out, self._stdout_target)
        if self._stderr_target is not None and err is not None:
            _forward(err, self._stderr_target)
        if self._wants_stdout:
            self.stdout._fill(out if out is not None else b"")
        if self._wants_stderr:
            self.stderr._fill(err if err is not None else b"")

    def _finished(self):
        """Whether the child has ended (collecting a background child's output once it has)."""
        if self._result is not None:
            return True
        if self._dir is None:
            return False
        status = _subprocess.status(self._dir)
        if status is None:
            return False
        out, err = _subprocess.collect(self._dir)
        _uncollected.pop(id(self), None)
        self._dir = None
        # The shell reports a child killed by signal N as 128 + N; a signal this Popen sent is
        # reported as -N, as CPython does (other signals cannot be told from exit statuses).
        if self._signaled and status == 128 + self._signaled:
            status = -self._signaled
        self._result = (status, out, err, False, self.pid)
        self._deliver()
        return True

    def _wait_until_finished(self, timeout):
        """Polls a background child until it ends; TimeoutExpired after timeout seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.0005
        while not self._finished():
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutExpired(self.args, timeout)
                delay = min(delay, left)
            time.sleep(delay)
            delay = min(delay * 2, 0.05)

    def _reader(self, data):
        if self.text_mode:
            return io.StringIO(self._decode(data))
        return io.BytesIO(data)

    def _check_timeout(self, timeout):
        if self._timeout_pending:
            self._timeout_pending = False
            out = self._result[1] if self._wants_stdout else None
            err = self._result[2] if self._wants_stderr else None
            raise TimeoutExpired(self.args, timeout, output=out, stderr=err)

    def _exit_status(self):
        return -9 if self._result[3] else self._result[0]

    def poll(self):
        """The exit status, or None while the child runs (or waits for its stdin=PIPE input)."""
        if self.returncode is None and self._finished():
            self.returncode = self._exit_status()
        return self.returncode

    def wait(self, timeout=None):
        """Waits for the child; returns its exit status."""
        self._start(timeout)
        self._check_timeout(timeout)
        self._wait_until_finished(timeout)
        if self.returncode is None:
            self.returncode = self._exit_status()
        return self.returncode

    def communicate(self, input=None, timeout=None):
        """Sends input, waits for the child, and returns (stdout, stderr)."""
        if self._communicated and input:
            raise ValueError("Cannot send input after starting communication")
        if input and self.stdin is not None and not self.stdin.closed:
            self.stdin.write(input)
        self._communicated = True
        for stream in (self.stdout, self.stderr):
            if stream is not None and stream.closed:
                raise _closed_pipe_error(self.text_mode)
        self._start(timeout)
        self._check_timeout(timeout)
        self._wait_until_finished(timeout)
        out = self.stdout.read() if self.stdout is not None else None
        err = self.stderr.read() if self.stderr is not None else None
        for stream in (self.stdout, self.stderr):
            if stream is not None:
                stream.close()
        if self.returncode is None:
            self.returncode = self._exit_status()
        return out, err

    def send_signal(self, sig):
        """Signals a running child; a finished one is left alone, one waiting for its input never
        starts (and reports -sig)."""
        if self._result is not None or self._finished():
            return
        if self._dir is not None:
            self._signaled = int(sig)
            _subprocess.kill(self.pid, int(sig))
        else:
            self._killed = int(sig)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)


# Background children not collected yet (id(Popen) → directory): at exit their directories are
# removed, now or by the shell once the child ends (pyjit has no finalizers to do it earlier).
_uncollected = {}


def _abandon_uncollected():
    for directory in list(_uncollected.values()):
        _subprocess.abandon(directory)
    _uncollected.clear()


try:
    import atexit as _atexit
except ImportError:
    pass
else:
    _atexit.register(_abandon_uncollected)


class _PopenStartedByWait(Popen):
    """The Popen of run() and call(): the child runs to its end inside communicate()/wait(), so
    that their timeout applies to it."""

    _starts_at_creation = False
    _background = False
