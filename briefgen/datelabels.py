"""Calendar arithmetic and UK display labels for the intervals ``briefgen.dates`` reads.

Every function is pure and never reads the clock. Dates outside years 1-9999 raise
``ValueError`` or ``OverflowError`` (from ``datetime``); ``parse_date`` turns those into
``DateError``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

SEASON_NAMES = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}

DASH = "–"  # en dash, U+2013: "2015–2022", "30 May – 2 June 2025"

ONE_DAY = timedelta(days=1)


# --- calendar units ---------------------------------------------------------------------


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """Return the (year, month) ``count`` months after ``year``-``month`` (``count`` may be < 0)."""
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    """Return the last day of ``year``-``month``."""
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - ONE_DAY


def month_span(year: int, month: int, months: int = 1) -> tuple[date, date]:
    """Return the first and last day of ``months`` months starting at ``year``-``month``."""
    last_year, last_month = add_months(year, month, months - 1)
    return date(year, month, 1), month_end(last_year, last_month)


def year_span(first: int, last: int | None = None) -> tuple[date, date]:
    """Return 1 January of ``first`` to 31 December of ``last`` (default ``first``)."""
    return date(first, 1, 1), date(first if last is None else last, 12, 31)


def shift_months(day: date, count: int) -> date:
    """Return ``day`` moved by ``count`` months, clamped to the end of a shorter month."""
    year, month = add_months(day.year, day.month, count)
    return min(date(year, month, 1) + timedelta(days=day.day - 1), month_end(year, month))


def shift_years(day: date, count: int) -> date:
    """Return ``day`` moved by ``count`` years (29 February becomes 28 February)."""
    return shift_months(day, 12 * count)


def week_start(day: date) -> date:
    """Return the Monday of the Monday-Sunday week that contains ``day``."""
    return day - timedelta(days=day.weekday())


def week_span(day: date) -> tuple[date, date]:
    """Return the Monday-Sunday week that contains ``day``."""
    monday = week_start(day)
    return monday, monday + timedelta(days=6)


def season_start_month(month: int) -> int:
    """Return the first month (3, 6, 9 or 12) of the meteorological season holding ``month``."""
    return 12 if month < 3 else (month // 3) * 3


def season_span(year: int, first_month: int) -> tuple[date, date]:
    """Return the meteorological season starting in ``year``-``first_month`` (3 months)."""
    return month_span(year, first_month, 3)


def season_year(day: date) -> int:
    """Return the year a season is named by: winter 2024 runs December 2024 - February 2025."""
    return day.year - 1 if day.month < 3 else day.year


def easter(year: int) -> date:
    """Return Western (Gregorian) Easter Sunday of ``year`` (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """Return the ``n``-th (1-based; -1 for the last) ``weekday`` (Monday 0) of a month."""
    if n < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# --- labels -----------------------------------------------------------------------------


def ordinal(number: int) -> str:
    """Return ``number`` with its English ordinal suffix: 1st, 2nd, 3rd, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def day_label(day: date) -> str:
    """Return the UK form of one day: "16 June 2025" (no leading zero)."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def month_label(year: int, month: int) -> str:
    """Return "June 2025"."""
    return f"{MONTH_NAMES[month - 1]} {year}"


def days_label(start: date, end: date) -> str:
    """Return a day range, sharing what the ends share.

    "16 June 2025", "14–15 June 2025", "30 May – 2 June 2025",
    "30 December 2024 – 2 January 2025".
    """
    if start == end:
        return day_label(start)
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.day}{DASH}{day_label(end)}"
        return f"{start.day} {MONTH_NAMES[start.month - 1]} {DASH} {day_label(end)}"
    return f"{day_label(start)} {DASH} {day_label(end)}"


def months_label(start: date, end: date) -> str:
    """Return a month range: "June 2025", "May–July 2025", "June 2024 – March 2025"."""
    if (start.year, start.month) == (end.year, end.month):
        return month_label(start.year, start.month)
    if start.year == end.year:
        return f"{MONTH_NAMES[start.month - 1]}{DASH}{month_label(end.year, end.month)}"
    return f"{month_label(start.year, start.month)} {DASH} {month_label(end.year, end.month)}"


def years_label(first: int, last: int) -> str:
    """Return "2025" or "2015–2022"."""
    return str(first) if first == last else f"{first}{DASH}{last}"


def week_label(start: date, end: date) -> str:
    """Return "Week of 9 June 2025" for a Monday-Sunday week, else the day range."""
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return f"Week of {day_label(start)}"
    return days_label(start, end)


def season_label(year: int, first_month: int) -> str:
    """Return "Spring 2025" or, for a winter that spans two years, "Winter 2024–25"."""
    name = SEASON_NAMES[first_month]
    if first_month != 12:
        return f"{name} {year}"
    following = year + 1
    if following // 100 == year // 100:
        return f"{name} {year}{DASH}{following % 100:02d}"
    return f"{name} {year}{DASH}{following}"


def join_labels(first: str, last: str) -> str:
    """Join two labels with an en dash, spaced when either label has spaces; labels that
    hold a dash or slash themselves ("2021–22", "2019/20") are joined with "to"."""
    if re.match(r"(?:Early|Mid|Late|Start|End)\b", last):
        last = last[0].lower() + last[1:]  # "June 2011 – late March 2015"
    if any(c in first + last for c in "–/"):
        return f"{first} to {last}"
    if " " in first or " " in last:
        return f"{first} {DASH} {last}"
    return f"{first}{DASH}{last}"


def lower_first(label: str) -> str:
    """Lower-case a label's first word unless it is a month or a code such as "Q1" ("Early
    2025" -> "early 2025").

    Used where a label continues a phrase: "c. early 2011", "Since early 2025".
    """
    first = label.split(" ", 1)[0]
    if (
        not first[:1].isupper() or first.split("–")[0] in MONTH_NAMES
        or first[1:2].isdigit() or first.isupper()
    ):  # fmt: skip
        return label  # "Q1 2009–10", "FY2024" keep their capital
    return label[0].lower() + label[1:]
