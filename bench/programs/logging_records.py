# logging: many records through a logger hierarchy with levels, filters, formatters with arguments,
# an adapter and several handlers writing to memory, as services log.
import io
import logging
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 38000


class EvenFilter(logging.Filter):
    def filter(self, record):
        return record.args is None or not isinstance(record.args, tuple) or record.args[0] % 2 == 0


def main(n):
    stream_all = io.StringIO()
    stream_errors = io.StringIO()
    root = logging.getLogger("app")
    root.setLevel(logging.DEBUG)
    root.propagate = False
    everything = logging.StreamHandler(stream_all)
    everything.setFormatter(logging.Formatter("%(levelname)-8s %(name)s:%(lineno)d %(message)s"))
    errors = logging.StreamHandler(stream_errors)
    errors.setLevel(logging.ERROR)
    errors.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
    root.addHandler(everything)
    root.addHandler(errors)
    db = logging.getLogger("app.db")
    web = logging.getLogger("app.web")
    web.addFilter(EvenFilter())
    quiet = logging.getLogger("app.quiet")
    quiet.setLevel(logging.WARNING)
    adapter = logging.LoggerAdapter(logging.getLogger("app.jobs"), {"job": "nightly"})
    for i in range(n):
        db.debug("query %d took %.3f ms", i, (i % 97) / 7)
        web.info("request %d path=%s status=%d", i, "/item/%d" % (i % 13), 200 if i % 9 else 500)
        quiet.info("never shown %d", i)
        if i % 10 == 0:
            quiet.warning("slow %s", i)
        if i % 25 == 0:
            adapter.error("job step %d failed: %r", i, {"attempt": i % 4})
        if i % 1000 == 0:
            db.critical("connection lost after %d queries", i)
    lines = stream_all.getvalue().splitlines()
    err_lines = stream_errors.getvalue().splitlines()
    print("lines", len(lines), "error lines", len(err_lines), "chars", len(stream_all.getvalue()))
    print(lines[0])
    print(lines[-1])
    print(err_lines[0])
    print("levels", sorted((level, sum(1 for l in lines if l.startswith(level))) for level in
                           ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")))


main(N)
