"""Ordinal and counted weekdays: the first Monday of a month, the last day of a month,
the 20th of next month, a weekday of a given week, three Fridays from now, the Friday after
next."""

from __future__ import annotations

from datetime import date, timedelta

from briefgen.datelabels import add_months
from briefgen.dates.core import (
    _CALENDAR_HINT,
    DateError,
    _Ctx,
    _day_span,
    _Groups,
    _make_date,
    _point,
    _Span,
    rule,
)
from briefgen.dates.vocab import _DAY_WORDS, _NUM, _WD, _WEEKDAYS, _number, _ordinal_value

_NTH = r"first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th"
_PERIODS = ("month", "quarter", "half", "season", "year", "week")


@rule(rf"(?:the )?(?P<n>{_NTH}) (?P<wd>{_WD}|day|weekday|working day) (?:of|in) (?P<rest>.+)")
def _nth_of(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The first Monday of this month, the last Sunday of March 2014, the last day of
    October 2015, the second weekday (Monday to Friday) of 2025, the first day of the
    2025/26 tax year; "working day" is read as a weekday (bank holidays are not counted)."""
    inner = _point(g["rest"] or "", ctx)
    # a financial, tax or academic year is a period too ("the first day of the 2025/26 tax
    # year"), though its span is no calendar unit
    if inner is None or (inner.unit not in _PERIODS and inner.precision != "year"):
        return None
    kind = g["wd"] or ""
    days = [inner.start + timedelta(days=k) for k in range((inner.end - inner.start).days + 1)]
    if kind in ("weekday", "working day"):
        days = [d for d in days if d.weekday() < 5]
    elif kind != "day":
        days = [d for d in days if d.weekday() == _WEEKDAYS[kind]]
    number = _ordinal_value(g["n"] or "")
    if number > len(days):
        raise DateError("", f"{inner.label} has no {g['n']} {kind}", "check the number")
    return _day_span(days[number - 1] if number > 0 else days[-1], inferred=inner.inferred)


@rule(rf"(?:the )?(?P<d>[0-9]{{1,2}}(?:st|nd|rd|th)|{_DAY_WORDS}) (?:day )?(?:of|in) (?P<rest>.+)")
def _day_of(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The 20th of next month, the 1st of this month: that day of the month named."""
    inner = _point(g["rest"] or "", ctx)
    if inner is None or inner.unit != "month":
        return None
    day = _ordinal_value(g["d"] or "")
    if day < 1:
        return None
    made = _make_date(inner.start.year, inner.start.month, day)
    return _day_span(made, inferred=inner.inferred)


@rule(rf"(?:the )?(?P<wd>{_WD}) (?:of|in) (?P<rest>.+)")
def _weekday_of(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Monday of this week, Wednesday of next week, Friday of the week of 9 June 2025."""
    inner = _point(g["rest"] or "", ctx)
    if inner is None or inner.unit != "week":
        return None
    return _day_span(inner.start + timedelta(days=(_WEEKDAYS[g["wd"]] - inner.start.weekday()) % 7))


_OLD_MONTHS = {"instant": 0, "inst": 0, "ultimo": -1, "ult": -1, "proximo": 1, "prox": 1}


@rule(r"(?:the )?(?P<d>[0-9]{1,2}(?:st|nd|rd|th)?) (?P<m>instant|inst|ultimo|ult|proximo|prox)\.?")
def _day_of_old_month(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Older letters' and Hansard's "the 14th instant" (of this month), "the 3rd ultimo"
    (of last month), "the 1st proximo" (of next month)."""
    year, month = add_months(ctx.anchor.year, ctx.anchor.month, _OLD_MONTHS[g["m"] or ""])
    return _day_span(_make_date(year, month, _ordinal_value(g["d"] or "")))


@rule(rf"(?P<n>{_NUM}) (?P<wd>{_WD})s? (?P<dir>ago|back|from now|from today|hence|on)")
def _weekdays_count(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Two Thursdays ago: the second Thursday strictly before the anchor; 3 Fridays from
    now: the third strictly after it (so "one Friday ago" is "last Friday")."""
    count = _number(g["n"] or "1")
    if not 1 <= count <= 10_000:
        raise DateError("", f"{count} weeks is too far from the anchor", _CALENDAR_HINT)
    return _day_span(
        _nth_weekday_from(ctx.anchor, _WEEKDAYS[g["wd"]], count, g["dir"] in ("ago", "back"))
    )


@rule(rf"(?:the )?(?P<wd>{_WD}) (?:week )?(?P<rel>after next|before last)")
def _after_next(g: _Groups, ctx: _Ctx) -> _Span:
    """The Friday after next: a week after next Friday (the first strictly after the
    anchor); the Friday before last: a week before last Friday."""
    back = g["rel"] == "before last"
    return _day_span(_nth_weekday_from(ctx.anchor, _WEEKDAYS[g["wd"]], 2, back))


def _nth_weekday_from(anchor: date, weekday: int, count: int, back: bool) -> date:
    """The ``count``th ``weekday`` strictly before (``back``) or after ``anchor``."""
    if back:
        first = anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
        return first - timedelta(weeks=count - 1)
    first = anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return first + timedelta(weeks=count - 1)
