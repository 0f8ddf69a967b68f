"""Bisection algorithms on sorted sequences (from _bisect, written in TypeScript)."""

from _bisect import bisect_left, bisect_right, insort_left, insort_right

bisect = bisect_right
insort = insort_right
