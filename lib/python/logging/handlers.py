"""More logging handlers: files that rotate by size (RotatingFileHandler) or by time
(TimedRotatingFileHandler) or are reopened when moved (WatchedFileHandler), queues (QueueHandler,
QueueListener), buffers (BufferingHandler, MemoryHandler).

Not provided by pyjit (their constructors raise NotImplementedError): SocketHandler, DatagramHandler, SysLogHandler, SMTPHandler, NTEventLogHandler, HTTPHandler;
QueueListener.start() needs threads, which pyjit does not have (handle() works)."""

import copy
import io
import logging
import os
import time
from stat import ST_DEV, ST_INO, ST_MTIME

DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514

_MIDNIGHT = 24 * 60 * 60


class BaseRotatingHandler(logging.FileHandler):
    """A file handler that may roll the file over before a record is written: subclasses say
    when (shouldRollover) and how (doRollover); `namer` and `rotator` customise the names and
    the move."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding, delay=delay,
                                     errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        """The name of a rotated file (namer(default_name) when a namer is set)."""
        if not callable(self.namer):
            return default_name
        return self.namer(default_name)

    def rotate(self, source, dest):
        """Moves the current file to its rotated name (rotator(source, dest) when set)."""
        if not callable(self.rotator):
            if os.path.exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    """Rolls the file over when the next record would make it maxBytes long: file -> file.1
    -> file.2 ... up to backupCount files."""

    def __init__(self, filename, mode='a', maxBytes=0, backupCount=0, encoding=None,
                 delay=False, errors=None):
        if maxBytes > 0:
            mode = 'a'
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding, delay=delay,
                                     errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            for i in range(self.backupCount - 1, 0, -1):
                sfn = self.rotation_filename("%s.%d" % (self.baseFilename, i))
                dfn = self.rotation_filename("%s.%d" % (self.baseFilename, i + 1))
                if os.path.exists(sfn):
                    if os.path.exists(dfn):
                        os.remove(dfn)
                    os.rename(sfn, dfn)
            dfn = self.rotation_filename(self.baseFilename + ".1")
            if os.path.exists(dfn):
                os.remove(dfn)
            self.rotate(self.baseFilename, dfn)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            msg = "%s\n" % self.format(record)
            self.stream.seek(0, 2)
            if self.stream.tell() + len(msg) >= self.maxBytes:
                return True
        return False


# when= of TimedRotatingFileHandler: (seconds per interval, strftime suffix of rotated files,
# the digits of each field of that suffix, for recognising rotated files)
_TIMED_ROTATIONS = {
    'S': (1, "%Y-%m-%d_%H-%M-%S", "4-2-2_2-2-2"),
    'M': (60, "%Y-%m-%d_%H-%M", "4-2-2_2-2"),
    'H': (60 * 60, "%Y-%m-%d_%H", "4-2-2_2"),
    'D': (_MIDNIGHT, "%Y-%m-%d", "4-2-2"),
    'MIDNIGHT': (_MIDNIGHT, "%Y-%m-%d", "4-2-2"),
    'W': (_MIDNIGHT * 7, "%Y-%m-%d", "4-2-2"),
}


def _matches_digit_shape(text, shape):
    """Whether text has the shape '4-2-2_2' (runs of that many digits, the same separators)."""
    if len(text) != sum(4 if c == '4' else 2 if c == '2' else 1 for c in shape):
        return False
    i = 0
    for c in shape:
        count = 4 if c == '4' else 2 if c == '2' else 0
        if count:
            if not text[i:i + count].isdigit() or not text[i:i + count].isascii():
                return False
            i += count
        else:
            if text[i] != c:
                return False
            i += 1
    return True


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Rolls the file over at times: every `interval` seconds ('S'), minutes ('M'), hours
    ('H') or days ('D'), at midnight ('midnight') or on a weekday ('W0' Monday .. 'W6'), at
    `atTime` of the day for the last two. The old file is renamed with its date as suffix
    (file.2024-01-31); with backupCount > 0 the oldest beyond that many are deleted."""

    def __init__(self, filename, when='h', interval=1, backupCount=0, encoding=None,
                 delay=False, utc=False, atTime=None, errors=None):
        encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, 'a', encoding=encoding, delay=delay,
                                     errors=errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        key = self.when
        if key.startswith('W'):
            if len(key) != 2:
                raise ValueError("You must specify a day for weekly rollover from 0 to 6 "
                                 "(0 is Monday): %s" % self.when)
            if key[1] < '0' or key[1] > '6':
                raise ValueError("Invalid day specified for weekly rollover: %s" % self.when)
            self.dayOfWeek = int(key[1])
            key = 'W'
        if key not in _TIMED_ROTATIONS:
            raise ValueError("Invalid rollover interval specified: %s" % self.when)
        seconds, self.suffix, self._suffix_shape = _TIMED_ROTATIONS[key]
        self.interval = seconds * interval
        filename = self.baseFilename
        if os.path.exists(filename):
            start = os.stat(filename)[ST_MTIME]
        else:
            start = int(time.time())
        self.rolloverAt = self.computeRollover(start)

    def _time_tuple(self, t):
        return time.gmtime(t) if self.utc else time.localtime(t)

    def computeRollover(self, currentTime):
        """The time of the next rollover after currentTime."""
        result = currentTime + self.interval
        if self.when == 'MIDNIGHT' or self.when.startswith('W'):
            t = self._time_tuple(currentTime)
            hour, minute, second, weekday = t[3], t[4], t[5], t[6]
            if self.atTime is None:
                rotate_at = _MIDNIGHT
            else:
                rotate_at = (self.atTime.hour * 60 + self.atTime.minute) * 60 + self.atTime.second
            left = rotate_at - ((hour * 60 + minute) * 60 + second)
            if left < 0:
                # the time of day has passed: tomorrow's
                left += _MIDNIGHT
                weekday = (weekday + 1) % 7
            result = currentTime + left
            if self.when.startswith('W') and weekday != self.dayOfWeek:
                days = (self.dayOfWeek - weekday) % 7
                later = result + days * _MIDNIGHT
                result = later + self._dst_shift(result, later)
        return result

    def _dst_shift(self, before, after):
        """An hour more or less when local time changes between the two times."""
        if self.utc:
            return 0
        dst_before = time.localtime(before)[-1]
        dst_after = time.localtime(after)[-1]
        if dst_before == dst_after:
            return 0
        return 3600 if dst_before else -3600

    def shouldRollover(self, record):
        now = int(time.time())
        if now >= self.rolloverAt:
            if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
                # not a regular file (a device...): never rolled over
                self.rolloverAt = self.computeRollover(now)
                return False
            return True
        return False

    def getFilesToDelete(self):
        """The rotated files beyond the backupCount newest."""
        directory, base = os.path.split(self.baseFilename)
        stem, extension = os.path.splitext(base)
        found = []
        for name in os.listdir(directory):
            if self.namer is None:
                if not name.startswith(base + '.'):
                    continue
                parts = name[len(base) + 1:].split('.')
            else:
                # a namer may move the date before the extension: stem.DATE.ext
                if not name.startswith(stem + '.'):
                    continue
                parts = name[len(stem) + 1:].split('.')
            if any(_matches_digit_shape(part, self._suffix_shape) for part in parts):
                found.append(os.path.join(directory, name))
        if len(found) < self.backupCount:
            return []
        found.sort()
        return found[:len(found) - self.backupCount]

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        now = int(time.time())
        start = self.rolloverAt - self.interval
        stamp = self._time_tuple(start)
        if not self.utc:
            dst_now = time.localtime(now)[-1]
            if dst_now != stamp[-1]:
                stamp = time.localtime(start + (3600 if dst_now else -3600))
        rotated = self.rotation_filename(self.baseFilename + "." + time.strftime(self.suffix, stamp))
        if os.path.exists(rotated):
            os.remove(rotated)
        self.rotate(self.baseFilename, rotated)
        if self.backupCount > 0:
            for old in self.getFilesToDelete():
                os.remove(old)
        if not self.delay:
            self.stream = self._open()
        following = self.computeRollover(now)
        while following <= now:
            following += self.interval
        if (self.when == 'MIDNIGHT' or self.when.startswith('W')) and not self.utc:
            following += self._dst_shift(now, following)
        self.rolloverAt = following


class WatchedFileHandler(logging.FileHandler):
    """A file handler that reopens its file when it was moved or removed (log rotation done
    by another program)."""

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding, delay=delay,
                                     errors=errors)
        self.dev, self.ino = -1, -1
        self._statstream()

    def _statstream(self):
        if self.stream:
            sres = os.fstat(self.stream.fileno())
            self.dev, self.ino = sres[ST_DEV], sres[ST_INO]

    def reopenIfNeeded(self):
        try:
            sres = os.stat(self.baseFilename)
        except FileNotFoundError:
            sres = None
        if not sres or sres[ST_DEV] != self.dev or sres[ST_INO] != self.ino:
            if self.stream is not None:
                self.stream.flush()
                self.stream.close()
                self.stream = None
                self.stream = self._open()
                self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class QueueHandler(logging.Handler):
    """Puts records (formatted, with the message merged in and the exception info dropped)
    on a queue (anything with put_nowait)."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of the record that can be pickled: message formatted, args and exception
        info cleared."""
        msg = self.format(record)
        record = copy.copy(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener(object):
    """Takes records off a queue and passes them to handlers (on its own thread once
    started)."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        raise NotImplementedError("QueueListener.start() needs threads, which pyjit does not have")

    def prepare(self, record):
        return record

    def handle(self, record):
        """Passes one record to every handler (above their level, if respect_handler_level)."""
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level:
                process = True
            else:
                process = record.levelno >= handler.level
            if process:
                handler.handle(record)

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        if self._thread:
            self.enqueue_sentinel()
            self._thread.join()
            self._thread = None


class BufferingHandler(logging.Handler):
    """Keeps records in `buffer` and flushes (here: forgets) them when shouldFlush says so
    (capacity reached)."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        self.acquire()
        try:
            self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and sends them to a target handler when the buffer is full or a record
    of flushLevel (default ERROR) or above arrives."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return (len(self.buffer) >= self.capacity) or (record.levelno >= self.flushLevel)

    def setTarget(self, target):
        self.acquire()
        try:
            self.target = target
        finally:
            self.release()

    def flush(self):
        self.acquire()
        try:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            self.acquire()
            try:
                self.target = None
                BufferingHandler.close(self)
            finally:
                self.release()


def _not_supported(name):
    class Handler(logging.Handler):
        def __init__(self, *args, **kwargs):
            raise NotImplementedError("logging.handlers.%s is not supported by pyjit" % name)
    Handler.__name__ = Handler.__qualname__ = name
    return Handler


SocketHandler = _not_supported("SocketHandler")
DatagramHandler = _not_supported("DatagramHandler")
SysLogHandler = _not_supported("SysLogHandler")
SMTPHandler = _not_supported("SMTPHandler")
NTEventLogHandler = _not_supported("NTEventLogHandler")
HTTPHandler = _not_supported("HTTPHandler")
