"""What every family of date forms shares: the public types, the grammar's spans and
context, calendar units, anchor arithmetic and the rule record."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from briefgen.datelabels import (
    MONTH_NAMES,
    ONE_DAY,
    add_months,
    day_label,
    days_label,
    month_end,
    month_label,
    month_span,
    ordinal,
    season_label,
    season_span,
    shift_months,
    shift_years,
    week_label,
    week_span,
    year_span,
)

Direction = Literal["past", "future"]
MonthDay = tuple[int, int]  # (month, day)

PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")


class DateError(ValueError):
    """The text is not a date expression briefgen understands; ``hint`` says what would be."""

    def __init__(self, text: str, reason: str, hint: str = "") -> None:
        self.text = text
        self.reason = reason
        self.hint = hint
        super().__init__(f"cannot read {text!r} as a date: {reason}")


@dataclass(frozen=True)
class DateSpan:
    """An inclusive interval ``start..end`` named by a date expression.

    ``precision`` is the unit the expression was stated in (one of ``PRECISIONS``);
    ``approximate`` is true for "c. 2011", "around 2011" and the like; ``label`` is the
    UK-style display form ("14–15 June 2025", "Early 2025", "c. 2011"); ``relative`` is
    true when the interval depends on the anchor ("last week", "in January", "since 2011"),
    so a reader should see the words the source wrote (it is not part of the JSON shape).
    """

    text: str
    start: date
    end: date
    precision: str
    approximate: bool
    label: str
    relative: bool = False

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape used by ``briefgen date`` and ``briefgen events``."""
        return {
            "text": self.text,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "approximate": self.approximate,
            "label": self.label,
        }


HINT = (
    "write a date such as '16 June 2025', 'June 2025', '2025', '14/06/2025', "
    "'14–15 June 2025', '2011 to 2015', 'early 2025', 'spring 2025', 'Q1 2025', "
    "'the 2010s', 'c. 2011', 'since January 2025', 'last week', 'at the weekend' "
    "or 'two years ago'"
)
_RANGE_HINT = "put the earlier end first, e.g. '2011 to 2015'"
_CALENDAR_HINT = "briefgen handles dates from the year 1 to 9999; check the numbers"
_MAX_LENGTH = 120
_LOOKAHEAD_MONTHS = 3  # a day-month without a year may be this far after the anchor

# --- spans -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    """An interval as the grammar builds it, with what range joining needs to know.

    ``unit`` names the calendar unit when the span is exactly one ("day", "month", "year",
    "season", "decade", "century", "week", "quarter", "half"); ``inferred`` says its year was
    not written but taken from the anchor or from the other end of a range.
    """

    start: date
    end: date
    precision: str
    label: str
    unit: str = ""
    inferred: bool = False
    approximate: bool = False
    year: int = field(default=0)

    @property
    def nominal_year(self) -> int:
        """The year the span is named by (winter 2024 -> 2024)."""
        return self.year or self.start.year


def _no_reader(s: str, ctx: _Ctx) -> _Span | None:
    """The reader of a context made without a rule table: it reads nothing."""
    return None


class _AnchorReads:
    """How often the rules of one reading used the anchor (``_Ctx.anchor``): a text whose
    interval the anchor decided is ``relative``. A rule that passes the text on has its
    reads taken back (``rules.point``), as does a range end that is read again."""

    __slots__ = ("count",)

    def __init__(self) -> None:
        self.count = 0


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What a rule may use besides its own text: the anchor, the caller's settings, the
    reader of a nested expression (``briefgen.dates.rules.point``, passed in so that the
    families need not import the table that lists them) and, inside a range, the year and
    month the other end supplies ("14" in "14–15 June 2025").

    Rules read the anchor as ``ctx.anchor``, which records the read in ``reads``; only
    ``_century_of`` reads ``anchor_date`` unrecorded (the anchor picks the century of
    "'25" or "the nineties", not the interval a reader would check)."""

    anchor_date: date
    month_first: bool = False
    year: int | None = None
    month: int | None = None
    reader: Callable[[str, _Ctx], _Span | None] = _no_reader
    direction: Direction | None = None
    financial_year_start: MonthDay | None = None
    academic_year_start: MonthDay | None = None
    reads: _AnchorReads = field(default_factory=_AnchorReads, compare=False, repr=False)

    @property
    def anchor(self) -> date:
        """The anchor, for a rule whose interval it decides: the read is recorded."""
        self.reads.count += 1
        return self.anchor_date


def _century_of(two_digits: int, ctx: _Ctx, ahead: int = 10) -> int:
    """The latest year ending ``two_digits`` up to ``ahead`` years after the anchor's:
    "'25", "16 June 25", "the nineties" name their year or decade; the anchor only picks
    the century, so the read is not recorded."""
    base = ctx.anchor_date.year + ahead
    return base - (base - two_digits) % 100


def _day_span(day: date, *, inferred: bool = False) -> _Span:
    return _Span(day, day, "day", day_label(day), "day", inferred)


def _days_span(start: date, end: date, precision: str = "day") -> _Span:
    return _Span(start, end, precision, days_label(start, end))


def _month_unit(year: int, month: int, *, inferred: bool = False) -> _Span:
    start, end = month_span(year, month)
    return _Span(start, end, "month", month_label(year, month), "month", inferred)


def _year_unit(year: int, *, inferred: bool = False) -> _Span:
    _check_year(year)
    start, end = year_span(year)
    return _Span(start, end, "year", str(year), "year", inferred)


def _week_unit(day: date) -> _Span:
    start, end = week_span(day)
    return _Span(start, end, "week", week_label(start, end), "week")


def _quarter_unit(year: int, quarter: int, *, inferred: bool = False) -> _Span:
    start, end = month_span(year, 3 * quarter - 2, 3)
    return _Span(start, end, "quarter", f"Q{quarter} {year}", "quarter", inferred)


def _half_unit(year: int, half: int, *, inferred: bool = False) -> _Span:
    start, end = month_span(year, 6 * half - 5, 6)
    return _Span(start, end, "half", f"H{half} {year}", "half", inferred)


def _season_unit(year: int, first_month: int, *, inferred: bool = False) -> _Span:
    start, end = season_span(year, first_month)
    label = season_label(year, first_month)
    return _Span(start, end, "season", label, "season", inferred, year=year)


def _decade_unit(first_year: int, *, inferred: bool = False) -> _Span:
    """The decade from ``first_year`` (the 0s run from year 1, there being no year 0)."""
    _check_year(max(first_year, 1))
    _check_year(first_year + 9)
    start, end = year_span(max(first_year, 1), first_year + 9)
    return _Span(start, end, "decade", f"{first_year}s", "decade", inferred, year=first_year)


def _century_unit(number: int) -> _Span:
    """The ``number``th century by the formal convention: the 19th is 1801-1900."""
    if not 1 <= number <= 99:
        raise DateError("", f"there is no {ordinal(number)} century in years 1 to 9999")
    first = (number - 1) * 100 + 1
    start, end = year_span(first, first + 99)
    return _Span(start, end, "century", f"{ordinal(number)} century", "century", year=first)


def _century_number(year: int) -> int:
    """The (formal) century ``year`` is in: 1900 is in the 19th, 1901 in the 20th."""
    return (year - 1) // 100 + 1


def _check_year(year: int) -> None:
    if not 1 <= year <= 9999:
        raise DateError("", f"the year {year} is outside years 1 to 9999", _CALENDAR_HINT)


def _make_date(year: int, month: int, day: int) -> date:
    """Return the date, or raise ``DateError`` saying why it does not exist."""
    _check_year(year)
    if not 1 <= month <= 12:
        raise DateError("", f"there is no month {month}", "months run from 1 to 12")
    last = month_end(year, month).day
    if not 1 <= day <= last:
        where = f"{MONTH_NAMES[month - 1]} {year}"
        raise DateError("", f"{where} has no day {day}", f"{where} has days 1 to {last}")
    return date(year, month, day)


# --- resolving against the anchor ------------------------------------------------------


def _recent_weekday(anchor: date, weekday: int) -> date:
    """The most recent ``weekday`` on or before ``anchor``."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _recent_month(anchor: date, month: int) -> int:
    """The year of the most recent ``month`` on or before the anchor's month."""
    return anchor.year if month <= anchor.month else anchor.year - 1


def _relative_month_year(rel: str | None, month: int, ctx: _Ctx) -> tuple[int, bool]:
    """Resolve the year of a month name with an optional this/last/next; return (year, inferred)."""
    if rel is None and ctx.year is not None:
        return ctx.year, True
    anchor = ctx.anchor
    if rel in ("this",):
        return anchor.year, False
    if rel in ("last", "past", "this past", "previous"):
        return (anchor.year if month < anchor.month else anchor.year - 1), False
    if rel in ("next", "coming", "this coming", "following"):
        return (anchor.year if month > anchor.month else anchor.year + 1), False
    if ctx.direction == "future":
        return (anchor.year if month >= anchor.month else anchor.year + 1), True
    return _recent_month(anchor, month), True


def _recent_monthday(anchor: date, month: int, day: int) -> date:
    """The most recent ``month``-``day`` on or before ``anchor`` (29 February: a leap year's)."""
    _make_date(2000, month, day)  # raises for 31 April, 30 February ...
    year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    for candidate in range(year, max(year - 8, 0), -1):
        try:
            return date(candidate, month, day)
        except ValueError:
            continue
    raise DateError("", "there is no such date before the anchor", _CALENDAR_HINT)


def _unit_shift(unit: str, anchor: date, count: int) -> _Span:
    """The calendar ``unit`` containing ``anchor`` moved by ``count`` units."""
    if unit == "day":
        return _day_span(anchor + timedelta(days=count))
    if unit in ("week", "fortnight"):
        return _week_unit(anchor + timedelta(weeks=count * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return _month_unit(*add_months(anchor.year, anchor.month, count))
    if unit == "quarter":
        year, month = add_months(anchor.year, anchor.month, 3 * count)
        return _quarter_unit(year, (month - 1) // 3 + 1)
    if unit == "year":
        return _year_unit(anchor.year + count)
    if unit == "decade":
        return _decade_unit(anchor.year // 10 * 10 + 10 * count)
    return _century_unit(_century_number(anchor.year) + count)


def _rolling(unit: str, anchor: date, count: int) -> tuple[date, date]:
    """The ``count`` units up to ``anchor`` (count > 0) or after it (count < 0)."""
    if count > 0:
        return _shift(unit, anchor, -count) + ONE_DAY, anchor
    return anchor + ONE_DAY, _shift(unit, anchor, -count)


def _shift(unit: str, day: date, count: int) -> date:
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * count)
    if unit == "month":
        return shift_months(day, count)
    if unit == "quarter":
        return shift_months(day, 3 * count)
    if unit == "year":
        return shift_years(day, count)
    if unit == "decade":
        return shift_years(day, 10 * count)
    return shift_years(day, 100 * count)


_REL_STEP = {
    "this": 0, "current": 0, "the current": 0,
    "last": -1, "previous": -1, "past": -1, "this past": -1,
    "next": 1, "coming": 1, "following": 1, "this coming": 1,
}  # fmt: skip


# --- rules ---------------------------------------------------------------------------


class _Groups(dict[str, Any]):
    """A match's named groups (each a ``str``, or ``None`` when it did not take part); a
    group the matching pattern lacks reads as ``None``. Typed ``Any`` because a handler
    reads only the groups its own patterns define, which the type system cannot see."""

    def __missing__(self, key: str) -> None:
        return None


_Handler = Callable[[_Groups, _Ctx], "_Span | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A family's rule: the patterns a normalised text must match in full, and the handler
    that turns the match into a span (or returns ``None`` to pass the text on). Rules are
    ordered in one table, ``briefgen.dates.rules.RULES``."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    handler: _Handler


def rule(*patterns: str) -> Callable[[_Handler], Rule]:
    """Make a ``Rule`` of a handler for text that fully matches any of ``patterns``."""

    def make(handler: _Handler) -> Rule:
        compiled = tuple(re.compile(pattern, re.ASCII) for pattern in patterns)
        return Rule(handler.__name__.lstrip("_"), compiled, handler)

    return make


def _point(s: str, ctx: _Ctx) -> _Span | None:
    """Read a single expression (no range) with the rule table the context carries."""
    return ctx.reader(s, ctx)


def _point_apart(s: str, ctx: _Ctx) -> tuple[_Span | None, int]:
    """Read a single expression keeping its anchor reads apart: (span, reads). For a caller
    that may throw the reading away (a range end read again with the other end's year);
    it adds the reads of the readings it keeps to ``ctx.reads``."""
    own = replace(ctx, reads=_AnchorReads())
    return own.reader(s, own), own.reads.count
