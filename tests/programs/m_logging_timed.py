# logging.handlers.TimedRotatingFileHandler: intervals, rollover times (UTC), rotated names, backups
import datetime, logging, logging.handlers, os, tempfile, time
d = tempfile.mkdtemp()
path = os.path.join(d, "app.log")
for bad in ["X", "W", "W7", "W12"]:
    try:
        logging.handlers.TimedRotatingFileHandler(path, when=bad)
    except ValueError as e:
        print("ValueError", e)
h = logging.handlers.TimedRotatingFileHandler(path, when="s", interval=5, backupCount=2, utc=True)
print(h.when, h.interval, h.suffix, h.backupCount)
base = 1700000000
print(h.computeRollover(base) - base)
for when, at in [("midnight", None), ("midnight", datetime.time(6, 30)), ("W0", None), ("W3", datetime.time(23, 0)), ("h", None), ("D", None), ("m", None)]:
    h2 = logging.handlers.TimedRotatingFileHandler(os.path.join(d, "x.log"), when=when, utc=True, atTime=at, delay=True)
    r = h2.computeRollover(base)
    print(when, at, r - base, time.strftime("%Y-%m-%d %H:%M:%S %a", time.gmtime(r)))
    h2.close()
h.setFormatter(logging.Formatter("%(message)s"))
log = logging.getLogger("timed")
log.addHandler(h)
log.propagate = False
for i in range(4):
    h.rolloverAt = base + 10 * i + 5  # due: the next record rolls the file over
    log.warning("record %d", i)
h.close()
print(sorted(os.listdir(d)))
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name)) as f:
        print(name, repr(f.read()))
h3 = logging.handlers.TimedRotatingFileHandler(path, when="S", backupCount=1, utc=True, delay=True)
h3.namer = lambda name: name.replace("app.log.", "app.") + ".log"
h3.rolloverAt = base + 100
h3.emit(logging.makeLogRecord({"msg": "named"}))
h3.close()
print(sorted(os.listdir(d)))
