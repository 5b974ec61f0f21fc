"""Periods named by the month or day they end: the statistics family.

UK official statistics count rolling periods back from their last month: "the year to
June 2024" and "the year ending March 2024" are the 12 months ending at the end of that
month (July 2023 to June 2024), never the calendar year; "the 12 months to September
2024", "the three months to August 2024" and "the quarter to June 2024" likewise count
back whole months; "the 12 weeks to 5 May 2024" and "the week ending 3 March 2024" count
back seven days a week from that day. When the end is a day ("the year ending 31 March
2024") the period starts the day after the same date a year (or N months) before. A bare
month ("the year to June") is the latest such month on or before the anchor, or the next
with ``direction="future"``, as a bare month always is. "The financial year ending March
2024" is the financial (tax, academic) year whose last day falls in that month.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from briefgen.datelabels import ONE_DAY, add_months, lower_first, month_end
from briefgen.dates.core import DateError, _Ctx, _Groups, _point, _Span, rule
from briefgen.dates.fiscal import _KINDS, _LABELS, named_year, year_start
from briefgen.dates.vocab import _NUM, _number

_END_HINT = (
    "name the month or day the period ends, e.g. 'the year to June 2024', 'the year ending "
    "31 March 2024' or 'the three months to August 2024'"
)
_WORDS = {"year": 12, "twelve months": 12, "quarter": 3, "four quarters": 12}


def _ending(text: str, ctx: _Ctx) -> _Span | None:
    """The month or day a period ends in; ``None`` if ``text`` is no date ("the year to
    date" is another rule's); a refusal for a longer period ("the year to 2024")."""
    text = re.sub(r"^(?:the end of |end-|the close of )", "", text)  # "to end-June": June
    inner = _point(text, replace(ctx, year=None, month=None))
    if inner is None:
        return None
    if inner.unit == "quarter":  # "the year to Q2 2024": to the end of its last month
        last = inner.end.replace(day=1)
        return _Span(last, inner.end, "month", inner.label, "month", year=inner.end.year)
    if inner.unit not in ("month", "day"):
        raise DateError("", f"'{text}' is not a month or a day a period can end in", _END_HINT)
    return inner


def _months_back(end: date, months: int, whole_months: bool) -> date:
    """The first day of the ``months`` months that end on ``end``."""
    after = end + ONE_DAY
    year, month = add_months(after.year, after.month, -months)
    if whole_months:
        return date(year, month, 1)
    return date(year, month, min(after.day, month_end(year, month).day))


@rule(
    r"(?:the )?(?:(?P<kind>financial|tax|academic|school) )?"
    r"(?P<unit>year|twelve months|four quarters|quarter)"
    r" (?P<word>ending with|ended with|ending on|ended on|to|ending|ended|up to) (?P<rest>.+)",
    rf"(?:the )?(?P<n>{_NUM}) months (?P<word>ending with|ended with|to|ending|ended|up to)"
    r" (?P<rest>.+)",
    rf"(?:the )?(?P<ny>{_NUM}) years (?P<word>to|ending|ended|up to) (?P<rest>.+)",
    rf"(?:the )?(?:(?P<nw>{_NUM}) weeks|(?P<week>week|fortnight))"
    r" (?P<word>ending on|ended on|to|ending|ended|up to) (?P<rest>.+)",
)
def _period_to(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The year to June 2024, the year ending 31 March 2024, the 12 months to September
    2024, the three months to August 2024, the quarter to June 2024, the financial year
    ending March 2024; the three years to 2024-25 (three financial years, the last
    2024-25) or to March 2025 (36 months)."""
    if g["ny"]:
        return _years_to(g, ctx)
    if g["nw"] or g["week"]:
        return _weeks_to(g, ctx)
    inner = _ending(g["rest"] or "", ctx)
    if inner is None:
        return None
    if g["kind"]:
        kind = _KINDS[g["kind"]]
        month, day = year_start(kind, ctx)
        last = date(inner.end.year, month, day) - timedelta(days=1)
        if not inner.start <= last <= inner.end:
            raise DateError("", f"no {kind} year ends in {inner.label}", _END_HINT)
        span = named_year(kind, last.year - 1, ctx, "")
        label = f"{_LABELS[kind]} {g['word']} {lower_first(inner.label)}"
        return replace(span, label=label, unit="")
    months = _WORDS[g["unit"]] if g["unit"] else _number(g["n"] or "")
    if not 1 <= months <= 120:
        return None
    whole = inner.unit == "month"
    start = _months_back(inner.end, months, whole)
    head = (g["unit"] or f"{g['n']} months").capitalize()
    label = f"{head} {g['word']} {lower_first(inner.label)}"
    return _Span(start, inner.end, "month" if whole else "day", label, year=inner.end.year)


def _weeks_to(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The N weeks to a day ("the 12 weeks to 5 May 2024", "the week ending 3 March"):
    the N times seven days that end on it; a week can end only on a day."""
    weeks = {"week": 1, "fortnight": 2}.get(g["week"] or "") or _number(g["nw"] or "")
    inner = _ending(g["rest"] or "", ctx)
    if inner is None or not 1 <= weeks <= 104:
        return None
    if inner.unit != "day":
        raise DateError("", f"a run of weeks ends on a day, not in {inner.label}", _END_HINT)
    start = inner.end - timedelta(days=7 * weeks - 1)
    head = (g["week"] or f"{g['nw']} weeks").capitalize()
    label = f"{head} {g['word']} {lower_first(inner.label)}"
    return _Span(start, inner.end, "day", label, year=inner.end.year)


def _years_to(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The N years to a year (N such years, the last that one: "the three years to
    2024-25") or to a month or day (N times 12 months back from it)."""
    years = _number(g["ny"] or "")
    inner = _point(g["rest"] or "", replace(ctx, year=None, month=None))
    if inner is None or not 1 <= years <= 50:
        return None
    label = f"{(g['ny'] or '').capitalize()} years {g['word']} {lower_first(inner.label)}"
    if inner.precision == "year":
        start = inner.start.replace(year=inner.start.year - (years - 1))
        return _Span(start, inner.end, "year", label, year=start.year)
    if inner.unit not in ("month", "day"):
        return None
    start = _months_back(inner.end, 12 * years, inner.unit == "month")
    return _Span(start, inner.end, "month" if inner.unit == "month" else "day", label,
                 year=inner.end.year)  # fmt: skip
