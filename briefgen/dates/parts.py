"""Parts and periods: year-end, weeks of a month, quarters, halves, seasons, and
early/mid/late or the start/middle/end of a period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from briefgen.datelabels import (
    MONTH_NAMES,
    add_months,
    lower_first,
    month_end,
    season_start_month,
    season_year,
)
from briefgen.dates.absolute import _year_value
from briefgen.dates.core import (
    _REL_STEP,
    DateError,
    _check_year,
    _Ctx,
    _days_span,
    _Groups,
    _half_unit,
    _point,
    _quarter_unit,
    _season_unit,
    _Span,
    _year_unit,
    rule,
)
from briefgen.dates.vocab import (
    _MON,
    _MONTHS,
    _NUM,
    _ORD,
    _REL,
    _SEASON,
    _SEASONS,
    _Y,
    _YR,
    _number,
    _ordinal_value,
)


@rule(
    r"(?:the )?(?:year|year's)[- ]end",
    r"(?:the )?end[- ]of[- ]year",
)
def _year_end(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Year-end, end-of-year: the end of the anchor's year (November-December)."""
    return _apply_part("end", _year_unit(ctx.anchor.year))


@rule(r"(?:the )?(?P<n>first|second|third|fourth|last|final|1st|2nd|3rd|4th) week (?:of|in) "
       r"(?P<rest>.+)")  # fmt: skip
def _week_of_month(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The first week of June: days 1-7 (second 8-14, third 15-21, fourth 22-28, last: the
    month's last seven days)."""
    inner = _point(g["rest"] or "", ctx)
    if inner is None or inner.unit != "month":
        return None
    number = _ordinal_value(g["n"] or "")
    start = (
        inner.start + timedelta(days=7 * (number - 1))
        if number > 0
        else inner.end - timedelta(days=6)
    )
    end = start + timedelta(days=6)
    label = f"{_ORDINAL_LABELS[number]} week of {inner.label}"
    return _Span(start, end, "week", label, inferred=inner.inferred, year=inner.nominal_year)


_ORDINAL_LABELS = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", -1: "Last"}


# quarters, halves, seasons


@rule(
    rf"(?:the )?q(?P<q>[1-4])(?:[ -]?(?P<y>{_Y}))?",
    rf"(?P<y>{_Y})[ -]?q(?P<q>[1-4])",
    rf"(?P<q>[1-4])q(?:[ -]?(?P<y>{_Y}))?",
    rf"(?:the )?quarter (?P<q>[1-4])(?: \((?P<m1>{_MON})(?: to |–|-)(?P<m2>{_MON})\))?"
    rf"(?:(?: of| in)? (?P<y>{_Y}))?",
    rf"(?:the )?(?:(?P<yrel>this|last|next) year's |(?P<yy>{_Y})(?:'s)? )?(?P<n>{_ORD})[- ]quarter"
    rf"(?: \((?P<m1>{_MON})(?: to |–|-)(?P<m2>{_MON})\))?(?: (?:of |in )?(?P<rest>.+?))?"
    rf"(?: \((?P<m3>{_MON})(?: to |–|-)(?P<m4>{_MON})\)?)?",  # a closing ")" may be trimmed
    rf"(?:the )?(?P<m1>{_MON})(?: to |–|-)(?P<m2>{_MON}) quarter(?:(?: of| in)? (?P<y>{_Y}))?",
)
def _quarter(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Q1 2025, 2025 Q1, the third quarter (of 2025 / of last year), third-quarter;
    Quarter 1 2023, quarter 1 of 2023, Quarter 1 (January to March) 2023, the second quarter
    (April to June) of 2024 (the months restated in brackets must be the quarter's); the
    April to June quarter of 2024."""
    if g["q"] or g["n"]:
        quarter = int(g["q"]) if g["q"] else _ordinal_value(g["n"])
    else:  # "the April to June quarter": a calendar quarter named by its months
        first = _MONTHS[g["m1"] or ""]
        if first % 3 != 1:
            return None  # "the February to April quarter": some other three months
        quarter = (first + 2) // 3
    if g["m3"]:  # "the first quarter of 2024 (January to March)": months after the year
        g["m1"], g["m2"] = g["m3"], g["m4"]
    if g["m1"] and (_MONTHS[g["m1"]], _MONTHS[g["m2"] or ""]) != (3 * quarter - 2, 3 * quarter):
        raise DateError(
            "", f"{MONTH_NAMES[_MONTHS[g['m1']] - 1]} to {MONTH_NAMES[_MONTHS[g['m2'] or ''] - 1]} "
            f"is not quarter {quarter}",
            f"quarter {quarter} runs from {MONTH_NAMES[3 * quarter - 3]} to "
            f"{MONTH_NAMES[3 * quarter - 1]}; check the quarter or the months",
        )  # fmt: skip
    if quarter == -1:
        quarter = 4
    if not 1 <= quarter <= 4:
        return None
    year = _year_of(g, ctx)
    if year == 0:
        return None
    if year is None:
        anchor_quarter = (ctx.anchor.month - 1) // 3 + 1
        year = ctx.anchor.year if quarter <= anchor_quarter else ctx.anchor.year - 1
        if ctx.direction == "future":
            year = ctx.anchor.year if quarter >= anchor_quarter else ctx.anchor.year + 1
        return _quarter_unit(year, quarter, inferred=True)
    return _quarter_unit(year, quarter, inferred=year == ctx.year and not _stated(g))


def _stated(groups: _Groups) -> bool:
    return any(groups.get(k) for k in ("y", "yy", "yrel", "rest"))


def _year_of(groups: _Groups, ctx: _Ctx) -> int | None:
    """The year a quarter/half/season names: written (y, yy), relative (yrel), a trailing
    year expression (rest), the range's (ctx.year) or None; 0 if ``rest`` is not a year."""
    if groups.get("y"):
        year = int(groups["y"] or 0)
        _check_year(year)
        return year
    if groups.get("yy"):
        return int(groups["yy"] or 0)
    if groups.get("yrel"):
        return ctx.anchor.year + _REL_STEP[groups["yrel"] or "this"]
    if groups.get("rest"):
        inner = _point(groups["rest"] or "", replace(ctx, year=None, month=None))
        return inner.start.year if inner is not None and inner.unit == "year" else 0
    return ctx.year


@rule(
    rf"h(?P<h>[12])(?:[ -]?(?P<y>{_Y}))?",
    rf"(?P<y>{_Y})[ -]?h(?P<h>[12])",
    rf"(?:the )?(?:(?P<yrel>this|last|next) year's |(?P<yy>{_Y})(?:'s)? )?"
    r"(?P<n>first|second|1st|2nd|latter|last)[- ]half(?: (?:of |in )?(?P<rest>.+))?",
)
def _half(g: _Groups, ctx: _Ctx) -> _Span | None:
    """H1 2025, 2024 H2, the first half of 2025, the second half (the latest such half)."""
    half = int(g["h"]) if g["h"] else (1 if g["n"] in ("first", "1st") else 2)
    year = _year_of(g, ctx)
    if year == 0:
        return None
    if year is None:
        year = ctx.anchor.year if half == 1 or ctx.anchor.month > 6 else ctx.anchor.year - 1
        if ctx.direction == "future":
            year = ctx.anchor.year if half == 2 or ctx.anchor.month <= 6 else ctx.anchor.year + 1
        return _half_unit(year, half, inferred=True)
    return _half_unit(year, half, inferred=year == ctx.year and not _stated(g))


@rule(
    rf"(?:(?P<rel>{_REL}) )?(?:the )?(?P<s>{_SEASON})(?: of)?(?: (?P<y>{_YR})"
    rf"(?:[-–/](?P<y2>[0-9]{{2}}|{_Y}))?)?(?: (?P<yrel>this|last|next) year)?"
)
def _season(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Spring 2025, winter 2024-25 (December 2024 to February 2025), last autumn, the summer
    (the latest on or before the anchor's season), this summer, summer last year."""
    first = _SEASONS[g["s"]]
    if g["y"]:
        year = _year_value(g["y"], ctx)
        _check_year(year)
        if g["y2"] and (first != 12 or int(g["y2"]) not in (year + 1, (year + 1) % 100)):
            return None
        return _season_unit(year, first)
    if g["yrel"]:
        return None if g["rel"] else _season_unit(ctx.anchor.year + _REL_STEP[g["yrel"]], first)
    rel = g["rel"]
    if rel is None and ctx.year is not None:
        return _season_unit(ctx.year, first, inferred=True)
    anchor = ctx.anchor
    # number seasons in time order (spring 0 .. winter 3) so before/after are comparisons
    index, current_index = first // 3 - 1, season_start_month(anchor.month) // 3 - 1
    current_year = season_year(anchor)
    this_year = current_year if index == current_index else anchor.year
    if rel in ("this", "current"):
        return _season_unit(this_year, first)
    step = _REL_STEP.get(rel or "", 0)
    if step > 0:
        year = current_year if index > current_index else current_year + 1
        if index == (current_index + 1) % 4:  # the coming season is "this winter" (in the
            year = max(year, this_year + 1)  # autumn): "next winter" is the one after it
    elif step < 0:
        year = current_year if index < current_index else current_year - 1
    elif ctx.direction == "future":
        year = current_year if index >= current_index else current_year + 1
    else:
        year = current_year if index <= current_index else current_year - 1
    return _season_unit(year, first, inferred=rel is None)


# parts of a period: early/mid/late, the start/middle/end of


_PART_WORDS = {
    "early": "early", "mid": "mid", "late": "late", "start": "start", "beginning": "start",
    "middle": "mid", "end": "end", "the start": "start", "the beginning": "start",
    "the middle": "mid", "the end": "end", "the early": "early", "the late": "late",
    "the mid": "mid", "the tail end": "end", "the back end": "end", "the close": "end",
    "the dawn": "start", "mid-way through": "mid", "midway through": "mid",
    "halfway through": "mid", "half-way through": "mid",
}  # fmt: skip
_PART_LABELS = {
    "early": "Early",
    "mid": "Mid",
    "late": "Late",
    "start": "Start of",
    "end": "End of",
}


@rule(
    r"(?P<part>(?:the )?(?:early|mid|late))(?:-| |- | in (?:the )?)(?P<rest>.+)",
    r"(?P<part>(?:the )?(?:start|beginning|middle|end)) of (?:the )?(?P<rest>.+)",
    r"(?P<part>the (?:tail end|back end|close|dawn)) of (?:the )?(?P<rest>.+)",
    r"(?P<part>(?:mid-?way|half-?way) through) (?:the )?(?P<rest>.+)",
)
def _part_of(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Early/mid/late or the start/middle/end of a year, month, decade, century, season or
    week (see the module docstring for the conventions)."""
    part = _PART_WORDS[g["part"]]
    rest = g["rest"]
    if rest == "year":
        rest = "this year"
    elif rest in ("month", "week", "decade", "century"):
        rest = f"this {rest}"
    inner = _point(rest, ctx)
    if inner is None:
        return None
    return _apply_part(part, inner)


def _apply_part(part: str, inner: _Span) -> _Span | None:
    start, end, unit = inner.start, inner.end, inner.unit
    joiner = "-" if part == "mid" else " "
    label = f"{_PART_LABELS[part]}{joiner}{lower_first(inner.label)}"
    y12, m12 = add_months(start.year, start.month, 12)
    if unit == "year" or (  # a named year counts from its first month (a financial one's April)
        inner.precision == "year" and end == date(y12, m12, start.day) - timedelta(days=1)
    ):
        months = {"early": (0, 3), "mid": (4, 7), "late": (8, 11), "start": (0, 1), "end": (10, 11)}
        first, last = months[part]
        y1, m1 = add_months(start.year, start.month, first)
        y2, m2 = add_months(start.year, start.month, last)
        begin = start if first == 0 else date(y1, m1, 1)
        finish = end if last == 11 else month_end(y2, m2)
        return _Span(begin, finish, "month", label, inferred=inner.inferred,
                     year=inner.nominal_year)  # fmt: skip
    if unit == "month":
        bounds = {"early": (1, 10), "start": (1, 10), "mid": (11, 20), "late": (21, end.day)}
        first, last = bounds.get(part, (21, end.day))
        return _Span(start.replace(day=first), start.replace(day=last), "day", label,
                     inferred=inner.inferred, year=start.year)  # fmt: skip
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        cuts = {"early": (0, 3), "start": (0, 3), "mid": (4, 6), "late": (7, 9), "end": (7, 9)}
        if unit == "century":
            cuts = {"early": (0, 32), "start": (0, 32), "mid": (33, 66), "late": (67, 99)}
            cuts["end"] = cuts["late"]
        first, last = cuts[part]
        base = inner.nominal_year
        label = f"{_PART_LABELS[part]}{joiner}{inner.label}"
        precision = "year" if size == 10 else "decade"
        return _Span(date(max(base + first, 1), 1, 1), date(base + last, 12, 31), precision,
                     label, inferred=inner.inferred, year=base)  # fmt: skip
    if unit == "season":
        index = {"early": 0, "start": 0, "mid": 1, "late": 2, "end": 2}[part]
        year, month = add_months(start.year, start.month, index)
        return _Span(date(year, month, 1), month_end(year, month), "month", label,
                     inferred=inner.inferred, year=inner.nominal_year)  # fmt: skip
    if unit == "week":
        offsets = {"early": (0, 1), "start": (0, 1), "mid": (2, 3), "late": (4, 6), "end": (4, 6)}
        first, last = offsets[part]
        a, b = start + timedelta(days=first), start + timedelta(days=last)
        return _days_span(a, b)
    if unit == "day":
        return inner
    return None


@rule(
    rf"(?:the )?(?P<which>first|last|final) (?P<n>{_NUM}) (?P<unit>months|weeks|days)"
    r" of (?P<rest>.+)"
)
def _first_months(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The first eight months of 2024-25 (April to November 2024), the last three weeks of
    June: the first or last N whole units of a period that holds more than N of them."""
    inner = _point(g["rest"], ctx)
    count = _number(g["n"])
    if inner is None or count < 1:
        return None
    unit = g["unit"][:-1]
    if unit == "month":
        if inner.start.day != 1 or count > 12 * (inner.end.year - inner.start.year + 1):
            return None
        if g["which"] == "first":
            y, m = add_months(inner.start.year, inner.start.month, count - 1)
            start, end = inner.start, month_end(y, m)
        else:
            y, m = add_months(inner.end.year, inner.end.month, 1 - count)
            start, end = date(y, m, 1), inner.end
    else:
        days = count * (7 if unit == "week" else 1)
        if g["which"] == "first":
            start, end = inner.start, inner.start + timedelta(days=days - 1)
        else:
            start, end = inner.end - timedelta(days=days - 1), inner.end
    if start < inner.start or end > inner.end or (start, end) == (inner.start, inner.end):
        return None
    label = f"The {g['which']} {g['n']} {g['unit']} of {lower_first(inner.label)}"
    return _Span(start, end, "month" if unit == "month" else "day", label, year=inner.nominal_year)


@rule(rf"(?:the )?(?P<y>{_Y}) ?[-–/] ?(?P<yy>[0-9]{{2}}|{_Y}) winter(?: period| season)?")
def _pair_winter(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The 2023/24 winter (period): the winter that starts in December of the first year."""
    first = int(g["y"])
    if int(g["yy"]) not in ((first + 1) % 100, first + 1):
        return None
    return _point(f"winter {first}", ctx)
