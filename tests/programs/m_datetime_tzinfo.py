# tzinfo subclasses (a US-style DST zone with folds and gaps), datetime subclasses, local time.
from datetime import date, time, datetime, timedelta, timezone, tzinfo
import time as _time

ZERO = timedelta(0)
HOUR = timedelta(hours=1)

def first_sunday_on_or_after(dt):
    days_to_go = 6 - dt.weekday()
    if days_to_go:
        dt += timedelta(days_to_go)
    return dt

class USTimeZone(tzinfo):
    def __init__(self, hours, reprname, stdname, dstname):
        self.stdoffset = timedelta(hours=hours)
        self.reprname = reprname
        self.stdname = stdname
        self.dstname = dstname
    def __repr__(self):
        return self.reprname
    def tzname(self, dt):
        return self.dstname if self.dst(dt) else self.stdname
    def utcoffset(self, dt):
        return self.stdoffset + self.dst(dt)
    def dst(self, dt):
        if dt is None or dt.tzinfo is None:
            return ZERO
        assert dt.tzinfo is self
        start = first_sunday_on_or_after(datetime(dt.year, 3, 8, 2))
        end = first_sunday_on_or_after(datetime(dt.year, 11, 1, 2))
        if start + HOUR <= dt.replace(tzinfo=None) < end - HOUR:
            return HOUR
        if end - HOUR <= dt.replace(tzinfo=None) < end:
            return ZERO if dt.fold else HOUR
        if start <= dt.replace(tzinfo=None) < start + HOUR:
            return HOUR if dt.fold else ZERO
        return ZERO
    def fromutc(self, dt):
        assert dt.tzinfo is self
        start = first_sunday_on_or_after(datetime(dt.year, 3, 8, 2)) - self.stdoffset
        end = first_sunday_on_or_after(datetime(dt.year, 11, 1, 2)) - self.stdoffset - HOUR
        dt = dt.replace(tzinfo=None)
        std_time = dt + self.stdoffset
        dst_time = std_time + HOUR
        if end <= dt < end + HOUR:
            return std_time.replace(tzinfo=self, fold=1)
        if dt < start or dt >= end + HOUR:
            return std_time.replace(tzinfo=self)
        return dst_time.replace(tzinfo=self)

Eastern = USTimeZone(-5, "Eastern", "EST", "EDT")
u0 = datetime(2016, 3, 13, 5, tzinfo=timezone.utc)
for i in range(4):
    u = u0 + i * HOUR
    t = u.astimezone(Eastern)
    print(u.time(), 'UTC =', t.time(), t.tzname(), t.utcoffset(), t.dst(), t.fold)
u0 = datetime(2016, 11, 6, 4, tzinfo=timezone.utc)
for i in range(4):
    u = u0 + i * HOUR
    t = u.astimezone(Eastern)
    print(u.time(), 'UTC =', t.time(), t.tzname(), t.fold, repr(t), t.isoformat(), t.astimezone(timezone.utc) == u)
amb0 = datetime(2016, 11, 6, 1, 30, tzinfo=Eastern)
amb1 = amb0.replace(fold=1)
print(amb0.utcoffset(), amb1.utcoffset(), amb0 == amb1, amb0 == amb0.astimezone(timezone.utc), amb1 == amb1.astimezone(timezone.utc), hash(amb0) == hash(amb1))
print(amb0 - amb1, amb0.astimezone(timezone.utc) - amb1.astimezone(timezone.utc), amb1 > amb0, amb0.timestamp(), amb1.timestamp())
print(amb0.strftime('%Y-%m-%d %H:%M %Z %z'), amb0.timetuple(), amb1.utctimetuple(), amb0.tzname(), time(1, tzinfo=Eastern).utcoffset())
print(datetime(2016, 7, 1, tzinfo=Eastern) - datetime(2016, 1, 1, tzinfo=Eastern), datetime(2016, 7, 1, 12, tzinfo=Eastern).timestamp())

class Broken(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=25)
    def dst(self, dt): return 5
    def tzname(self, dt): return 3
b = datetime(2020, 1, 1, tzinfo=Broken())
for f in (b.utcoffset, b.dst, b.tzname, b.isoformat, b.timetuple):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class NoneZone(tzinfo):
    def utcoffset(self, dt): return None
    def dst(self, dt): return None
    def tzname(self, dt): return None
n = datetime(2020, 1, 1, tzinfo=NoneZone())
print(n.utcoffset(), n.tzname(), n.isoformat(), n == datetime(2020, 1, 1), n - datetime(2019, 1, 1), n.strftime('[%z][%Z]'))
class Fixed(tzinfo):
    def __init__(self, minutes): self.offset = timedelta(minutes=minutes)
    def utcoffset(self, dt): return self.offset
    def dst(self, dt): return ZERO
    def tzname(self, dt): return 'F%+d' % (self.offset // timedelta(minutes=1))
f1, f2 = Fixed(90), Fixed(-60)
x = datetime(2020, 6, 1, 12, tzinfo=f1)
print(x, x.astimezone(f2), x.astimezone(f2) == x, x - x.astimezone(f2), x.tzname(), x.astimezone(f2).tzname(), f1.fromutc(datetime(2020, 1, 1, tzinfo=f1)))
try: f1.fromutc(datetime(2020, 1, 1))
except ValueError as e: print(e)

class MyDate(date):
    def __new__(cls, *args):
        return super().__new__(cls, *args)
    def describe(self):
        return 'MyDate ' + self.isoformat()
md = MyDate(2020, 1, 31)
print(repr(md), md.describe(), type(md + timedelta(1)).__name__, type(md - timedelta(1)).__name__, type(MyDate.today()).__name__, type(MyDate.fromordinal(3)).__name__, type(md.replace(day=1)).__name__, md - date(2020, 1, 1))
class MyDT(datetime):
    extra = 'x'
mdt = MyDT(2020, 1, 1, 12)
print(repr(mdt), type(mdt + timedelta(hours=1)).__name__, type(MyDT.fromtimestamp(0, timezone.utc)).__name__, type(MyDT.now()).__name__, type(mdt.astimezone(timezone.utc)).__name__, MyDT.strptime('2020', '%Y'), type(MyDT.combine(date(2020,1,1), time())).__name__, type(MyDT.fromisoformat('2020-01-01')).__name__)
print(mdt == datetime(2020, 1, 1, 12), mdt.extra, isinstance(mdt, date))
class MyTD(timedelta):
    pass
print(repr(MyTD(hours=1)), type(MyTD(1) + MyTD(2)).__name__, type(MyTD(1) * 2).__name__, type(-MyTD(1)).__name__)

now = datetime.now()
unow = datetime.utcnow()
t = _time.time()
print(abs(datetime.fromtimestamp(t) - now) < timedelta(seconds=5), now.tzinfo, abs(datetime.now(timezone.utc).replace(tzinfo=None) - unow) < timedelta(seconds=5))
print(datetime.fromtimestamp(t).astimezone(timezone.utc).replace(tzinfo=None) == datetime.utcfromtimestamp(t), date.today() == now.date() or date.today() == (now + timedelta(seconds=5)).date())
local = datetime(2021, 6, 15, 10, 30)
print(datetime.fromtimestamp(local.timestamp()) == local, local.astimezone().replace(tzinfo=None) == local, local.astimezone().utcoffset() == local.astimezone().tzinfo.utcoffset(None))
print(date.fromtimestamp(0) in (date(1969, 12, 31), date(1970, 1, 1)), datetime.now(timezone.utc).tzinfo, datetime.fromtimestamp(1e9, timezone(timedelta(hours=2))))
aware = datetime(2021, 6, 15, 10, 30, tzinfo=timezone.utc)
print(aware.astimezone().astimezone(timezone.utc) == aware, aware.astimezone().tzinfo.utcoffset(None) == aware.astimezone().utcoffset())
