"""Forms relative to the anchor: today, weekdays, weekends, this/last/next units,
earlier/later, N units ago, recent and coming periods, rolling periods, weeks of a day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from briefgen.datelabels import (
    ONE_DAY,
    day_label,
    lower_first,
    month_end,
    week_label,
    week_start,
)
from briefgen.dates.core import (
    _CALENDAR_HINT,
    _REL_STEP,
    DateError,
    _Ctx,
    _day_span,
    _days_span,
    _Groups,
    _point,
    _recent_weekday,
    _rolling,
    _Span,
    _unit_shift,
    _week_unit,
    rule,
)
from briefgen.dates.vocab import _NUM, _PART_OF_DAY, _REL, _UNIT, _WD, _WEEKDAYS, _number

# relative days and weekdays


@rule(
    rf"(?:(?:early|late|earlier|later) )?(?P<w>today|to-day|tonight|to-night|yesterday|tomorrow"
    r"|to-morrow|now|right now|this day)"
    rf"(?: (?P<part>{_PART_OF_DAY}))?",
    r"(?P<w>this day|to-day|to-morrow) (?P<later>week|fortnight)",
    rf"this (?P<part>{_PART_OF_DAY})",
    r"(?P<w>last) night",
    r"(?:the )?(?P<w>day before yesterday|day after tomorrow)",
    r"(?P<w>currently|at present|at the moment|presently)",
)
def _day_word(g: _Groups, ctx: _Ctx) -> _Span:
    """Today, this morning, tonight, yesterday evening, last night, the day after tomorrow;
    older Hansard's "to-day", "to-morrow" and "this day" (the anchor day), and "this day
    week" or "to-morrow fortnight" (a week or two weeks after that day)."""
    offsets = {"yesterday": -1, "last": -1, "tomorrow": 1, "to-morrow": 1}
    offsets["day before yesterday"] = -2
    offsets["day after tomorrow"] = 2
    word = g["w"] or "today"
    later = {"week": 7, "fortnight": 14}.get(g["later"] or "", 0)
    return _day_span(ctx.anchor + timedelta(days=offsets.get(word, 0) + later))


@rule(
    rf"(?:(?:early|late|earlier|later) )?(?:(?:the )?(?P<rel>{_REL}) )?(?P<wd>{_WD})"
    rf"(?: (?P<part>{_PART_OF_DAY}))?(?: (?P<wk>last|this|next) week| (?P<post>next|last))?"
)
def _weekday(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Monday (on or before the anchor), last/next Monday (strictly before/after), this
    Monday (of the anchor's week), Thursday afternoon, Monday last week; older Hansard's
    "Thursday next" and "Monday last" are "next Thursday" and "last Monday"."""
    weekday, anchor, rel = _WEEKDAYS[g["wd"]], ctx.anchor, g["rel"]
    if g["post"]:
        if rel:
            return None
        rel = g["post"]
    if g["wk"]:
        if rel:
            return None
        monday = week_start(anchor) + timedelta(weeks=_REL_STEP[g["wk"]])
        return _day_span(monday + timedelta(days=weekday))
    if rel in ("this", "current"):
        return _day_span(week_start(anchor) + timedelta(days=weekday))
    step = _REL_STEP.get(rel or "", 0)
    if step < 0:
        return _day_span(anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1))
    if step > 0:
        return _day_span(anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1))
    if ctx.direction == "future":
        return _day_span(anchor + timedelta(days=(weekday - anchor.weekday()) % 7))
    return _day_span(_recent_weekday(anchor, weekday))


@rule(
    r"(?:(?P<rel>the|this|last|this past|past|next|this coming|coming|the coming|the following"
    r"|the next) )?week-?end",
    r"(?:the )?week-?end (?P<rel>before last|after next)",
)
def _weekend(g: _Groups, ctx: _Ctx) -> _Span:
    """The weekend / last weekend: the latest Saturday-Sunday on or before the anchor (the
    one containing it at a weekend); this weekend: the anchor week's; next weekend: after."""
    rel = g["rel"] or "the"
    saturday = _recent_weekday(ctx.anchor, 5)
    if rel == "this":
        saturday = week_start(ctx.anchor) + timedelta(days=5)
    elif rel == "before last":
        saturday -= timedelta(weeks=1)
    elif rel not in ("the", "last", "this past", "past"):
        saturday += timedelta(weeks=2 if rel == "after next" else 1)
    return _days_span(saturday, saturday + ONE_DAY)


# weeks, months, quarters, years relative to the anchor


@rule(
    rf"(?:the )?(?P<rel>{_REL}) (?P<unit>week|month|quarter|year|decade)",
    r"(?:the )?(?P<unit>week|month|quarter|year|decade) (?P<rel>before last|after next)",
    r"(?P<rel>the) (?P<unit>year|current year|quarter|latest quarter|most recent quarter)",
    r"(?:the )?(?P<rel>latest|most recent|last complete|last full) (?P<unit>quarter)",
)
def _relative_unit(g: _Groups, ctx: _Ctx) -> _Span | None:
    """This/last/next week, month, quarter, year; the week before last; the latest quarter
    (the last complete one); the year (the anchor's)."""
    rel, unit = g["rel"] or "", g["unit"] or ""
    if not unit.endswith("quarter") and (rel == "past" or g["_all"].startswith("the last ")):
        return None  # "the past week", "the last year": rolling periods (_rolling_period)
    if unit == "decade" and g["_all"].startswith(("the next ", "the coming ")):
        return None  # "over the next decade": the ten years after the anchor (_rolling_period)
    if rel == "the" and unit == "current year":
        unit, rel = "year", "this"
    if unit.endswith("quarter") and (rel in ("the", "latest", "most recent") or " " in rel):
        return _unit_shift("quarter", ctx.anchor, -1)
    if rel == "the":
        return _unit_shift(unit, ctx.anchor, 0)
    step = {"before last": -2, "after next": 2}.get(rel, _REL_STEP.get(rel))
    if step is None:
        return None
    return _unit_shift(unit, ctx.anchor, step)


@rule(
    r"(?P<mod>earlier|later) (?:this|in the) (?P<unit>week|month|year)",
    r"(?P<mod>earlier|later) (?P<unit>today)",
)
def _earlier_later(g: _Groups, ctx: _Ctx) -> _Span:
    """Earlier this year: 1 January to the anchor; later this year: the anchor to 31
    December (the same for weeks and months)."""
    unit, anchor = g["unit"], ctx.anchor
    if unit == "today":
        return _day_span(anchor)
    whole = _unit_shift(unit, anchor, 0)
    start, end = (whole.start, anchor) if g["mod"] == "earlier" else (anchor, whole.end)
    # the label says what the source said, not a span it did not give ("1–2 December")
    label = f"{g['mod'].capitalize()} in {lower_first(whole.label)}"
    return _Span(start, end, unit, label)


@rule(
    rf"(?P<n>{_NUM}) (?P<unit>{_UNIT})s?(?P<orso> or so)? (?P<dir>ago|earlier|before|previously"
    r"|back|later|from now|from today|hence|on)",
    r"(?:a |the )?(?P<unit>day|week|month|year)[- ](?P<dir>ago|earlier)",
    rf"in (?P<n>{_NUM}) (?P<unit>{_UNIT})s?(?:'s?)?(?P<dir> time)?",
)
def _ago(g: _Groups, ctx: _Ctx) -> _Span:
    """Two years ago, 3 days ago, a year earlier, in two weeks('s time): the calendar unit
    containing the anchor moved by N units."""
    count = _number(g["n"] or "1")
    direction = g["dir"] or " time"
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back") else 1
    unit = g["unit"]
    if count > 100_000:
        raise DateError("", f"{count} {unit}s is too far from the anchor", _CALENDAR_HINT)
    span = _unit_shift(unit, ctx.anchor, sign * count)
    if g["orso"]:  # "a week or so ago"
        return replace(span, approximate=True, label=f"c. {lower_first(span.label)}")
    return span


_RECENT_LENGTHS = {"day": 7, "week": 4, "month": 3, "year": 3}


@rule(
    r"(?:of )?(?:the )?(?:recent|(?:past|last) (?:few|couple of|several)) (?P<unit>day|week|month"
    r"|year)s(?: and (?P<unit2>week|month|year)s)?",
    r"(?:the )?(?P<dir>coming|upcoming|next few|following few|next couple of|next several)"
    r" (?P<unit>day|week|month|year)s(?: and (?P<unit2>week|month|year)s)?",
    r"(?:the |the (?:difficult|challenging|tough|busy|critical) )?(?P<unit>day|week|month|year)s"
    r"(?: and (?P<unit2>week|month|year)s)? (?P<dir>ahead)",
)
def _recent_coming(g: _Groups, ctx: _Ctx) -> _Span | None:
    """In recent days/weeks/months/years (also "of recent years"): the 7 days, 4 weeks, 3
    months or 3 years up to the anchor (years: marked approximate); in the coming ... (or
    "the months ahead"): the same lengths after it; "weeks and months": the longer unit's
    length."""
    unit, unit2 = g["unit"] or "", g["unit2"]
    words = f"{unit}s and {unit2}s" if unit2 else f"{unit}s"
    if unit2:
        if list(_RECENT_LENGTHS).index(unit2) <= list(_RECENT_LENGTHS).index(unit):
            return None  # "months and weeks": not a form sources write
        unit = unit2
    count = _RECENT_LENGTHS[unit]
    start, end = _rolling(unit, ctx.anchor, -count if g["dir"] else count)
    # the length is a convention, not what the source said: the label keeps the words
    if g["dir"] == "ahead":
        label = f"The {words} ahead (from {day_label(ctx.anchor)})"
    elif g["dir"]:
        label = f"In the {g['dir']} {words} (from {day_label(ctx.anchor)})"
    else:
        label = f"In the {words} to {day_label(ctx.anchor)}"
    return _Span(start, end, unit, label, approximate=unit == "year")


@rule(r"the new year")
def _new_year(g: _Groups, ctx: _Ctx) -> _Span:
    """In the new year: January-February of the year after the anchor's (the start of the
    next year, whatever the anchor's month)."""
    year = ctx.anchor.year + 1
    start, end = date(year, 1, 1), month_end(year, 2)
    return _Span(start, end, "month", f"In the new year ({year})", year=year)


@rule(r"(?:the )?(?P<w>year ahead|coming year|year to come|next year ahead)")
def _year_ahead(g: _Groups, ctx: _Ctx) -> _Span:
    """The year ahead, the coming year: the 12 months after the anchor (not the next
    calendar year, which is "next year")."""
    start, end = _rolling("year", ctx.anchor, -1)
    return _Span(start, end, "year", f"The {g['w']} (from {day_label(ctx.anchor)})")


@rule(
    rf"(?:the )?(?:past|last) (?:(?P<n>{_NUM}) )?(?P<unit>{_UNIT})s?",
    rf"(?:the )?(?P<dir>next|following|coming) (?P<n>{_NUM}) (?P<unit>{_UNIT})s?",
    r"the (?P<dir>next|coming) (?P<unit>decade)",
)
def _rolling_period(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The past week, the last three months, the next 10 days, the next decade: rolling
    periods that end on (or start after) the anchor ("next decade" alone is the 2030s)."""
    if not g["_all"].startswith(("the ", "past ")) and not g["n"] and not g["dir"]:
        return None  # "last week" is the calendar week, handled by _relative_unit
    count = _number(g["n"] or "1")
    if not 1 <= count <= 100_000:
        return None
    start, end = _rolling(g["unit"], ctx.anchor, -count if g["dir"] else count)
    return _days_span(start, end, {"fortnight": "week"}.get(g["unit"], g["unit"]))


@rule(
    r"(?:the )?(?P<kind>week) (?P<how>of|commencing|beginning|starting|ending) (?P<rest>.+)",
    r"(?P<how>w/c) (?P<rest>.+)",
)
def _week_of(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The week of 9 June 2025 (its Monday-Sunday week), week commencing / ending a day."""
    inner = _point(g["rest"], ctx)
    if inner is None or inner.unit != "day":
        return None
    if g["how"] == "of":
        return _week_unit(inner.start)
    if g["how"] == "ending":
        return _Span(inner.start - timedelta(days=6), inner.start, "week",
                     week_label(inner.start - timedelta(days=6), inner.start), "week")  # fmt: skip
    end = inner.start + timedelta(days=6)
    return _Span(inner.start, end, "week", week_label(inner.start, end), "week")
