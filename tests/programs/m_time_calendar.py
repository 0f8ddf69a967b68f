# The time module's calendar functions, independent of the local time zone.
import time

print(time.gmtime(0))
print(time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff, time.gmtime(1e9), time.gmtime(-1), time.gmtime(1.9))
for bad in ["x", 1e20, float("nan"), None]:
    try:
        print(time.gmtime(bad) == time.gmtime(bad))
    except Exception as e:
        print(type(e).__name__, e)
t = (2024, 3, 5, 13, 7, 9, 1, 65, 0)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %u %C %y %G %g %V %e %I %p", t))
print(time.strftime("%c | %x | %X | %D | %F | %T | %R | %r | %h | %k | %l | %P | %% | %n|%t|", t))
print(time.strftime("%Ey %Od %Q", t), repr(time.strftime("")))
# 2021-01-01, 2020-12-31, 2024-12-30, 2027-01-01 (UTC midnight)
for seconds in [1609459200, 1609372800, 1735516800, 1798761600]:
    print(time.strftime("%Y-%m-%d %a %G-W%V-%u %U %W %j", time.gmtime(seconds)))
for tt in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0),
           (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, -1, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0),
           (2020, 0, 0, 0, 0, 0, 0, 0, 0), (1, 2), (2020, 1, 1, 0, 0, 0, -2, 1, 0), [2020, 1, 1, 0, 0, 0, 0, 1, 0],
           (2020, 1, 32, 0, 0, 0, 0, 1, 0)]:
    try:
        print(time.strftime("%Y %m %d %j %a", tt))
    except Exception as e:
        print(type(e).__name__, e)
print(time.asctime(t), time.asctime(time.gmtime(0)))
print(time.strftime("%z %Z", time.gmtime(0)))

# strptime
print(time.strptime("2023-04-05 06:07:08", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("Tue Mar  5 10:11:12 2024"))
st = time.strptime("2023-04-05 +0130", "%Y-%m-%d %z")
print(st, st.tm_zone, st.tm_gmtoff)
for args in [("2020-13-01", "%Y-%m-%d"), ("2020-01-01x", "%Y-%m-%d"), ("x", "%Y"), ("2020", "%Q"), (5, "%Y"),
             ("2020", 5), ("2024 5", "%G %V"), ("2024 5 1", "%Y %V %u"), ("2024 1", "%G %u"),
             ("2024-02-30", "%Y-%m-%d"), ("  2024", "%Y"), ("2024", "%"), ("2024", "%Y%"), ("", "%Y"),
             ("+01:3015", "%z")]:
    try:
        print(time.strptime(*args))
    except Exception as e:
        print(type(e).__name__, e)
for args in [("2024  05", "%Y %m"), ("2024 5 1", "%G %V %u"), ("5", "%d"), ("05:06 PM", "%I:%M %p"),
             ("Z", "%z"), ("+01:30:15", "%z"), ("-0545", "%z"), ("x(y", "x(y"), ("12 am", "%I %p"), ("12", "%I"),
             ("366 2023", "%j %Y"), ("2023 53 0", "%Y %U %w"), ("2024 10 1", "%Y %W %w"), ("a", "A"),
             ("29 feb", "%d %b"), ("Monday March 2024", "%A %B %Y"), ("1.5", "%S.%f"), ("99", "%y"),
             ("68", "%y"), ("69", "%y"), ("UTC", "%Z"), ("gmt 2020", "%Z %Y"), ("MARCH 3", "%B %d"),
             ("03/05/24", "%x"), ("13:14:15", "%X"), ("Tue Mar 05 13:14:15 2024", "%c")]:
    st = time.strptime(*args)
    print(args, tuple(st), st.tm_zone, st.tm_gmtoff)

# struct_time
st = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0, "ABC", 3600))
print(st, st.tm_zone, st.tm_gmtoff, len(st), st[-1], st[:3], st.tm_year)
st = time.struct_time(range(9))
print(st.tm_zone, st.tm_gmtoff)
for bad in [(1, 2), tuple(range(12))]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print(e)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0), isinstance(time.gmtime(0), tuple))

# Clocks and the local zone, by their relations.
print(type(time.time()), type(time.time_ns()), type(time.monotonic_ns()), type(time.perf_counter_ns()))
a, b = time.monotonic(), time.monotonic()
print(b >= a, time.process_time() >= 0, time.thread_time() >= 0, type(time.process_time_ns()))
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, type(time.clock_gettime(time.CLOCK_MONOTONIC)))
print(type(time.clock_gettime_ns(time.CLOCK_REALTIME)), type(time.clock_getres(time.CLOCK_REALTIME)))
try:
    time.clock_gettime(12345)
except OSError as e:
    print(type(e).__name__, e)
info = time.get_clock_info("monotonic")
print(info.monotonic, info.adjustable, type(info.implementation), type(info.resolution))
print(time.get_clock_info("time").adjustable)
try:
    time.get_clock_info("sundial")
except ValueError as e:
    print(e)
now = int(time.time())
print(time.mktime(time.localtime(now)) == now, time.localtime(now).tm_gmtoff == -time.timezone or True)
print(time.ctime(now) == time.asctime(time.localtime(now)))
print(len(time.tzname), type(time.timezone), type(time.altzone), time.daylight in (0, 1))
print(time.localtime(now).tm_zone in time.tzname)
time.tzset()
for bad in [-1, "a", float("nan")]:
    try:
        time.sleep(bad)
    except Exception as e:
        print(type(e).__name__, e)
time.sleep(0)
time.sleep(0.001)
