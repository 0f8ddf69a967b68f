# logging: levels and names, the hierarchy and propagation, handlers (StreamHandler with
# streams, NullHandler, lastResort), Formatter (%, { and $ styles, defaults, validation errors,
# asctime with datefmt), Filter and filter callables, LogRecord attributes, extra, exc_info,
# exception(), stack_info, LoggerAdapter, disable, basicConfig, captureWarnings, handleError.
import io
import logging
import os
import sys
import warnings

out = io.StringIO()
real_stdout, real_stderr = sys.stdout, sys.stderr
sys.stdout = sys.stderr = out

print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(15),
      logging.WARN, logging.FATAL)
logging.addLevelName(15, "VERBOSE")
print(logging.getLevelName(15), logging.getLevelName("VERBOSE"), sorted(logging.getLevelNamesMapping())[:3])
for bad in ["NOPE", 1.5, None]:
    try:
        logging.getLogger("x").setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

root = logging.getLogger()
print(root, root is logging.root, logging.getLogger("root") is root, root.name)
a = logging.getLogger("a")
ab = logging.getLogger("a.b")
abc = logging.getLogger("a.b.c")
print(a, ab, abc.parent is ab, ab.parent is a, a.parent is root, abc.getChild("d").name)
x = logging.getLogger("x.y.z")
xy = logging.getLogger("x.y")
print(x.parent is xy, xy.parent.name)

# lastResort: no handlers anywhere.
logging.getLogger("nohandler").warning("last resort %s", "message")
logging.getLogger("nohandler").info("not shown")

stream = io.StringIO()
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(message)s|%(funcName)s|%(lineno)d|%(module)s"))
a.addHandler(h)
a.setLevel(logging.DEBUG)


def log_from_function():
    abc.debug("debug %d", 1)
    abc.info("info %s", "two")
    abc.warning("warn %r", [3])
    abc.error("error")
    abc.critical("critical %(k)s", {"k": "mapping"})
    abc.log(15, "custom level")
    ab.propagate = False
    abc.info("dropped: ab does not propagate and has no handler")
    ab.propagate = True


log_from_function()
print(stream.getvalue(), end="")
print(a.getEffectiveLevel(), abc.getEffectiveLevel(), abc.isEnabledFor(5), abc.isEnabledFor(10),
      root.getEffectiveLevel(), a.hasHandlers(), logging.getLogger("q").hasHandlers())
try:
    abc.log("INFO", "bad level")
except TypeError as e:
    print(e)

# Formatter styles.
record = logging.LogRecord("n", logging.INFO, "/p/file.py", 42, "hello %s", ("world",), None, "fn")
for fmt, style in [("%(name)s %(levelno)d %(message)s %(filename)s %(module)s", "%"),
                   ("{name} {levelname:>8} {message!r} {lineno:04d}", "{"),
                   ("$name - ${levelname}: $message $$", "$")]:
    print(logging.Formatter(fmt, style=style).format(record))
print(logging.Formatter("%(custom)s %(message)s", defaults={"custom": "dflt"}).format(record))
for fmt, style in [("no fields", "%"), ("{}", "{"), ("no fields", "$"), ("bare $ sign", "$"),
                   ("{name!x}", "{"), ("{name:zz}", "{"), ("{0name}", "{"), ("x", "#")]:
    try:
        logging.Formatter(fmt, style=style)
    except ValueError as e:
        print("ValueError", e)
try:
    logging.Formatter("%(missing)s").format(record)
except ValueError as e:
    print("ValueError", e)
print(logging.Formatter("%(missing)s", validate=False)._fmt, logging.Formatter()._fmt)
f = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y")
text = f.format(record)
print(text.split()[0].isdigit(), text.split()[1:], hasattr(record, "asctime"))
f2 = logging.Formatter("%(asctime)s")
stamp = f2.format(record)
print(len(stamp), stamp[4], stamp[10], stamp[19], stamp[20:].isdigit())
print(repr(record), record.getMessage(), record.levelname, record.pathname, record.args)
print(record.msecs == int(record.msecs), record.relativeCreated > 0, record.threadName, record.processName,
      record.process == os.getpid(), record.stack_info, record.exc_text)
mr = logging.makeLogRecord({"msg": "made", "levelno": 30, "extra_attr": 1})
print(mr.getMessage(), mr.levelno, mr.extra_attr, mr.name)
print(logging.LogRecord("n", 20, "p", 1, "%(a)s+%(b)s", ({"a": 1, "b": 2},), None).getMessage())

# Filters.
stream2 = io.StringIO()
h2 = logging.StreamHandler(stream2)
h2.setFormatter(logging.Formatter("%(name)s:%(message)s"))
f_logger = logging.getLogger("filt")
f_logger.propagate = False
f_logger.addHandler(h2)
f_logger.setLevel(logging.INFO)
h2.addFilter(logging.Filter("filt.keep"))
for name in ("filt", "filt.keep", "filt.keep.sub", "filt.keeper"):
    logging.getLogger(name).info("from %s", name)
h2.filters.clear()
f_logger.addFilter(lambda r: "secret" not in r.getMessage())
f_logger.info("public")
f_logger.info("secret")
print(stream2.getvalue(), end="")
print(logging.Filter().filter(record), logging.Filter("n").filter(record), logging.Filter("m").filter(record))

# extra, exc_info, exception(), stack_info.
stream3 = io.StringIO()
h3 = logging.StreamHandler(stream3)
h3.setFormatter(logging.Formatter("%(levelname)s %(message)s %(user)s"))
e_logger = logging.getLogger("exc")
e_logger.propagate = False
e_logger.addHandler(h3)
e_logger.warning("with extra", extra={"user": "bob"})
try:
    e_logger.info("x", extra={"message": 1})
except KeyError as e:
    print("KeyError", e)
h3.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
try:
    {}["key"]
except KeyError:
    e_logger.exception("caught it")
    e_logger.error("with exc_info", exc_info=True)
e_logger.error("from an instance", exc_info=ValueError("v"))


def stacked():
    e_logger.warning("with stack", stack_info=True)


stacked()
print(stream3.getvalue().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ""), end="")

# LoggerAdapter.
stream4 = io.StringIO()
h4 = logging.StreamHandler(stream4)
h4.setFormatter(logging.Formatter("%(message)s [%(ip)s] %(funcName)s"))
ad_logger = logging.getLogger("adapted")
ad_logger.propagate = False
ad_logger.addHandler(h4)
adapter = logging.LoggerAdapter(ad_logger, {"ip": "1.2.3.4"})


class Prefixed(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return "[%s] %s" % (self.extra["ip"], msg), kwargs


def use_adapter():
    adapter.warning("adapted %d", 1)
    Prefixed(ad_logger, {"ip": "5.6.7.8"}).error("prefixed")


use_adapter()
print(stream4.getvalue(), end="")
print(adapter, adapter.name, adapter.isEnabledFor(10), adapter.getEffectiveLevel(), adapter.manager is logging.Logger.manager)

# disable
logging.disable(logging.WARNING)
abc.warning("disabled")
abc.error("still shown")
logging.disable(logging.NOTSET)
print(stream.getvalue().splitlines()[-1])

# Handlers' reprs and levels.
print(h, logging.NullHandler(), logging.StreamHandler(sys.stdout).__class__.__name__, logging.Handler(),
      repr(logging.getLogger("a.b")))
hl = logging.StreamHandler(io.StringIO())
hl.setLevel("ERROR")
print(hl.level, hl.name)
hl.set_name("named")
print(hl.name, hl.get_name())
try:
    logging.Handler().emit(record)
except NotImplementedError as e:
    print(e)
print(logging.getLoggerClass() is logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as e:
    print(e)

# handleError: a bad format argument.
bad_stream = io.StringIO()
bad_logger = logging.getLogger("bad")
bad_logger.propagate = False
bad_logger.addHandler(logging.StreamHandler(bad_stream))


def log_badly():
    bad_logger.warning("%d needs a number", "text")


log_badly()
report = bad_stream.getvalue()
print("bad stream:", repr(report))
errors = out.getvalue()
print("--- Logging error ---" in errors, "Message: '%d needs a number'" in errors, "Arguments: ('text',)" in errors)

# captureWarnings
stream5 = io.StringIO()
wl = logging.getLogger("py.warnings")
wl.addHandler(logging.StreamHandler(stream5))
wl.propagate = False
logging.captureWarnings(True)
warnings.warn("captured warning")
logging.captureWarnings(False)
print(stream5.getvalue().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, "").splitlines()[0])

# basicConfig
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="BASIC %(levelname)s %(message)s")
logging.info("module-level info")
logging.debug("module-level debug: hidden")
logging.basicConfig(format="ignored: root already has a handler")
logging.warning("still %s", "BASIC")
for kwargs in [{"stream": sys.stdout, "filename": "x.log", "force": True},
               {"handlers": [], "stream": sys.stdout, "force": True},
               {"bogus": 1, "force": True},
               {"style": "?", "force": True}]:
    try:
        logging.basicConfig(**kwargs)
    except ValueError as e:
        print("ValueError", e)
logging.basicConfig(force=True, stream=sys.stdout, style="{", format="{levelname}/{message}")
logging.error("after force")
logging.root.handlers.clear()
logging.basicConfig(stream=sys.stdout)
logging.warning("default format")
logging.root.setLevel(logging.WARNING)

sys.stdout, sys.stderr = real_stdout, real_stderr
print(out.getvalue().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, "").split("--- Logging error")[0], end="")
