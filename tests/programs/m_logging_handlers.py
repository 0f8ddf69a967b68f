# logging.handlers and files: FileHandler (modes, delay, close), RotatingFileHandler (rollover,
# backups, namer), QueueHandler with a simple queue, QueueListener.handle, MemoryHandler,
# BufferingHandler; basicConfig(filename=...).
import builtins
import logging
import logging.handlers
import os
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def print(*values):
    """print, without this file's directory (tracebacks name files absolutely)."""
    builtins.print(*(str(v).replace(HERE, "") for v in values))


tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "app.log")
fmt = logging.Formatter("%(levelname)s %(message)s")

fh = logging.FileHandler(path, mode="w")
fh.setFormatter(fmt)
log = logging.getLogger("files")
log.propagate = False
log.setLevel(logging.DEBUG)
log.addHandler(fh)
log.info("first line")
log.debug("second line")
fh.close()
log.removeHandler(fh)
with open(path) as f:
    print(repr(f.read()))
print(repr(fh).replace(tmp, "TMP"), fh.mode, fh.encoding, fh.stream)

delayed = logging.FileHandler(os.path.join(tmp, "delayed.log"), delay=True)
print(delayed.stream, os.path.exists(os.path.join(tmp, "delayed.log")))
log.addHandler(delayed)
log.warning("now it exists")
print(os.path.exists(os.path.join(tmp, "delayed.log")))
log.removeHandler(delayed)
delayed.close()

rpath = os.path.join(tmp, "rot.log")
rh = logging.handlers.RotatingFileHandler(rpath, maxBytes=40, backupCount=2)
rh.setFormatter(fmt)
log.addHandler(rh)
for i in range(8):
    log.info("message number %d", i)
rh.close()
log.removeHandler(rh)
for name in sorted(os.listdir(tmp)):
    if name.startswith("rot"):
        with open(os.path.join(tmp, name)) as f:
            print(name, repr(f.read()))

named = logging.handlers.RotatingFileHandler(os.path.join(tmp, "n.log"), maxBytes=10, backupCount=1)
named.namer = lambda default: default + ".bak"
log.addHandler(named)
log.info("long enough to roll")
log.info("again")
named.close()
log.removeHandler(named)
print(sorted(n for n in os.listdir(tmp) if n.startswith("n.log")))


class ListQueue:
    def __init__(self):
        self.items = []

    def put_nowait(self, item):
        self.items.append(item)

    def get(self, block):
        return self.items.pop(0)


q = ListQueue()
qh = logging.handlers.QueueHandler(q)
log.addHandler(qh)
log.warning("queued %s", "record")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("queued exception")
log.removeHandler(qh)
for rec in q.items:
    print(rec.msg, rec.args, rec.exc_info, rec.exc_text, rec.message.splitlines()[0])


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.seen = []

    def emit(self, record):
        self.seen.append(record.getMessage())


target = Collect()
target.setLevel(logging.ERROR)
listener = logging.handlers.QueueListener(q, target, respect_handler_level=True)
for rec in list(q.items):
    listener.handle(rec)
print(target.seen)

collected = Collect()
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=collected)
log.addHandler(mh)
log.info("m1")
log.info("m2")
print(collected.seen, len(mh.buffer))
log.info("m3")
print(collected.seen, len(mh.buffer))
log.info("m4")
log.error("m5 flushes")
print(collected.seen)
log.info("m6")
mh.close()
print(collected.seen, mh.target)
log.removeHandler(mh)
bh = logging.handlers.BufferingHandler(2)
bh.emit(logging.makeLogRecord({"msg": "a"}))
print(len(bh.buffer), bh.shouldFlush(None))
bh.emit(logging.makeLogRecord({"msg": "b"}))
print(len(bh.buffer))

for cls in (logging.handlers.SocketHandler, logging.handlers.SMTPHandler):
    print(cls.__name__, issubclass(cls, logging.Handler))
print(logging.handlers.DEFAULT_TCP_LOGGING_PORT, logging.handlers.SYSLOG_UDP_PORT)

bpath = os.path.join(tmp, "basic.log")
logging.basicConfig(filename=bpath, filemode="w", level=logging.INFO, format="%(name)s:%(message)s")
logging.getLogger("app").info("to the file")
logging.root.handlers[0].close()
with open(bpath) as f:
    print(repr(f.read()))
logging.root.handlers.clear()
