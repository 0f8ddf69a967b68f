# re: a log file parsed with compiled patterns (groups, named groups, findall, finditer, sub with a
# function, split, fullmatch validation), as log and text processing scripts do.
import re
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 75000

LEVELS = ["INFO", "WARNING", "ERROR", "DEBUG"]
PATHS = ["/api/users", "/api/orders/17", "/static/app.js", "/login", "/api/items?page=3"]

LINE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{2}:\d{2}:\d{2}),(?P<ms>\d{3}) "
    r"\[(?P<level>[A-Z]+)\] (?P<ip>\d{1,3}(?:\.\d{1,3}){3}) \"(?P<method>GET|POST|PUT) (?P<path>\S+)\" "
    r"(?P<status>\d{3}) (?P<size>\d+)(?: user=(?P<user>[\w.+-]+@[\w-]+\.\w+))?$"
)
NUMBER = re.compile(r"\d+")
EMAIL = re.compile(r"[\w.+-]+@([\w-]+)\.(\w+)")
IP = re.compile(r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})")


def make_lines(n):
    seed = 11
    lines = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        user = " user=%s.%d@example%d.com" % (LEVELS[seed % 4].lower(), seed % 97, seed % 5) if seed % 3 else ""
        lines.append(
            "2026-%02d-%02d %02d:%02d:%02d,%03d [%s] 10.%d.%d.%d \"%s %s\" %d %d%s" % (
                1 + seed % 12, 1 + seed % 28, seed % 24, seed % 60, (seed >> 3) % 60, seed % 1000,
                LEVELS[(seed >> 4) % 4], seed % 256, (seed >> 8) % 256, (seed >> 16) % 256,
                ["GET", "POST", "PUT"][seed % 3], PATHS[(seed >> 2) % 5], [200, 404, 500, 302][seed % 4],
                seed % 50000, user,
            )
        )
    return lines


def main(n):
    lines = make_lines(n)
    levels = {}
    statuses = {}
    bytes_total = 0
    users = 0
    for line in lines:
        m = LINE.match(line)
        if m is None:
            continue
        levels[m.group("level")] = levels.get(m.group("level"), 0) + 1
        statuses[m["status"]] = statuses.get(m["status"], 0) + 1
        bytes_total += int(m.group("size"))
        if m.group("user"):
            users += 1
    print("levels", sorted(levels.items()), "statuses", sorted(statuses.items()))
    print("bytes", bytes_total, "users", users)
    text = "\n".join(lines[: n // 4])
    numbers = NUMBER.findall(text)
    domains = {}
    for m in EMAIL.finditer(text):
        domains[m.group(1)] = domains.get(m.group(1), 0) + 1
    print("numbers", len(numbers), "domains", sorted(domains.items()))
    masked = IP.sub(lambda m: "%s.%s.x.x" % (m.group(1), m.group(2)), text)
    redacted = re.sub(r"user=\S+", "user=<hidden>", masked)
    print("masked", len(masked), "redacted", redacted.count("<hidden>"), len(re.split(r"[\s,\[\]]+", redacted)))
    valid = sum(1 for line in lines if re.fullmatch(r"[ -~]+", line))
    words = re.findall(r"\b[a-z]{4,}\b", text, re.IGNORECASE)
    print("valid", valid, "words", len(words), "first", words[:3])


main(N)
