"""Specific date/time and related types: date, time, datetime, timedelta, tzinfo and timezone
(written in TypeScript as _datetime; this module gives them their public home)."""

from _datetime import (date, datetime, time, timedelta, timezone, tzinfo, IsoCalendarDate,
                       MINYEAR, MAXYEAR, UTC)

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR",
           "UTC")
