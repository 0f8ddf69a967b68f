# logging.config.dictConfig: formatters, filters, handlers (a MemoryHandler targeting another),
# loggers, root, incremental updates, disable_existing_loggers, and the errors it raises
import logging, logging.config, logging.handlers, sys, io
logging.getLogger("old.one").info("x")
logging.getLogger("app.child")
cfg = {
    "version": 1,
    "formatters": {
        "brief": {"format": "%(levelname)s %(name)s: %(message)s"},
        "curly": {"format": "[{levelname}] {message}", "style": "{"},
        "custom": {"()": "logging.Formatter", "fmt": "custom %(message)s"},
    },
    "filters": {"onlyapp": {"name": "app"}},
    "handlers": {
        "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "brief", "level": "DEBUG"},
        "curly": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "curly", "filters": ["onlyapp"]},
        "mem": {"class": "logging.handlers.MemoryHandler", "capacity": 2, "target": "out", "formatter": "custom"},
    },
    "loggers": {
        "app": {"level": "INFO", "handlers": ["out", "curly"], "propagate": False},
        "lib": {"level": "WARNING", "handlers": ["mem"]},
    },
    "root": {"level": "ERROR", "handlers": ["out"]},
}
logging.config.dictConfig(cfg)
print(type(cfg["formatters"]["brief"]).__name__)
logging.getLogger("app").info("hello")
logging.getLogger("app").debug("hidden")
logging.getLogger("app.child").warning("child")
logging.getLogger("old.one").error("disabled?")
print(logging.getLogger("old.one").disabled, logging.getLogger("app.child").disabled)
logging.getLogger("lib").warning("one")
logging.getLogger("lib").warning("two")
logging.getLogger("other").error("to root")
logging.getLogger("other").warning("filtered by root level")
h = logging.getLogger("app").handlers[0]
print(h.name, h.level, logging.getLevelName(logging.getLogger("app").level))
logging.config.dictConfig({"version": 1, "incremental": True, "handlers": {"out": {"level": "ERROR"}}, "loggers": {"app": {"level": "DEBUG"}}})
logging.getLogger("app").info("after incremental")
logging.getLogger("app").error("after incremental error")
for bad in [{}, {"version": 2}, {"version": 1, "handlers": {"h": {"class": "logging.NoSuchHandler"}}},
            {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "level": "BAD"}}},
            {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "formatter": "nofmt"}}},
            {"version": 1, "loggers": {"a": {"handlers": ["zz"]}}},
            {"version": 1, "formatters": {"f": {"format": "%(bad"}}},
            {"version": 1, "root": {"level": "NOPE"}},
            {"version": 1, "filters": {"f": {"()": "no.such.thing"}}},
            {"version": 1, "incremental": True, "handlers": {"q": {"level": "INFO"}}}]:
    try:
        logging.config.dictConfig(bad)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)
logging.config.dictConfig({"version": 1, "disable_existing_loggers": False, "formatters": {"f": {"format": "%(message)s!"}}, "handlers": {"o": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "f"}}, "root": {"handlers": ["o"], "level": "INFO"}})
logging.getLogger("zzz").info("root again")
print(logging.getLogger("app").handlers)
