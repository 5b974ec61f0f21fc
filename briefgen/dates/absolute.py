"""Absolute forms: ISO and numeric dates, years, decades, centuries, day-months, month
names, holidays and clock times."""

from __future__ import annotations

from datetime import date, timedelta

from briefgen.datelabels import (
    add_months,
    day_label,
    easter,
    month_end,
    nth_weekday,
    shift_months,
    year_span,
)
from briefgen.dates.core import (
    _LOOKAHEAD_MONTHS,
    _REL_STEP,
    DateError,
    Direction,
    _century_number,
    _century_of,
    _century_unit,
    _check_year,
    _Ctx,
    _day_span,
    _decade_unit,
    _Groups,
    _make_date,
    _month_unit,
    _point,
    _recent_monthday,
    _relative_month_year,
    _Span,
    _week_unit,
    _year_unit,
    rule,
)
from briefgen.dates.vocab import (
    _DAY,
    _MON,
    _MONTHS,
    _ORD,
    _REL,
    _WD,
    _WEEKDAY_NAMES,
    _WEEKDAYS,
    _Y,
    _YR,
    _alternation,
    _ordinal_value,
)

_CLOCK = r"[t ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:z|[+-][0-9]{2}:?[0-9]{2})?"


@rule(rf"(?P<y>{_Y})(?P<sep>[-/.])(?P<m>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}})(?:{_CLOCK})?")
def _iso_date(g: _Groups, ctx: _Ctx) -> _Span:
    """2025-06-16, 2025/06/16, 2025-06-16T10:00:00Z."""
    return _day_span(_make_date(int(g["y"]), int(g["m"]), int(g["d"])))


@rule(rf"(?P<y>{_Y})-(?P<m>[0-9]{{2}})")
def _iso_month(g: _Groups, ctx: _Ctx) -> _Span | None:
    """2025-06 (a two-digit tail above 12 is left to the ranges: "2015-22")."""
    month = int(g["m"])
    if not 1 <= month <= 12:
        return None
    _check_year(int(g["y"]))
    return _month_unit(int(g["y"]), month)


@rule(
    rf"(?P<y>{_Y})-?w(?P<w>[0-9]{{1,2}})", rf"(?:the )?week (?P<w>[0-9]{{1,2}}) (?:of )?(?P<y>{_Y})"
)
def _iso_week(g: _Groups, ctx: _Ctx) -> _Span:
    """2025-W24, week 24 2025: ISO weeks."""
    year, week = int(g["y"]), int(g["w"])
    _check_year(year)
    try:
        return _week_unit(date.fromisocalendar(year, week, 1))
    except ValueError:
        raise DateError(
            "", f"{year} has no ISO week {week}", "ISO weeks run 1 to 52 or 53"
        ) from None


@rule(r"(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4}|[0-9]{2})")
def _numeric_date(g: _Groups, ctx: _Ctx) -> _Span:
    """14/06/2025 (day first unless month_first; the only valid reading wins), 14.06.25."""
    a, b = int(g["a"]), int(g["b"])
    year = _two_digit_year(g["y"], ctx)
    day, month = (b, a) if ctx.month_first else (a, b)
    if month > 12 and day <= 12:
        day, month = month, day
    return _day_span(_make_date(year, month, day))


def _year_value(text: str, ctx: _Ctx) -> int:
    """The year a written year names: "2025", or "'25" / "25" (see ``_two_digit_year``)."""
    return _two_digit_year(text.lstrip("'"), ctx)


def _two_digit_year(text: str, ctx: _Ctx) -> int:
    """A four-digit year as is; "25" is the year ending 25 within 89 years before and 10
    years after the anchor (``_century_of``)."""
    if len(text) == 4:
        return int(text)
    return _century_of(int(text), ctx)


@rule(rf"(?P<m>[0-9]{{1,2}})/(?P<y>{_Y})")
def _numeric_month(g: _Groups, ctx: _Ctx) -> _Span:
    """06/2025."""
    month = int(g["m"])
    _make_date(int(g["y"]), month, 1)
    return _month_unit(int(g["y"]), month)


@rule(rf"(?:the )?(?:year )?(?P<y>{_Y})")
def _year(g: _Groups, ctx: _Ctx) -> _Span:
    """2025, the year 2025."""
    return _year_unit(int(g["y"]))


_DECADE_WORDS = (
    "noughties", "tens", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties",
)  # fmt: skip


@rule(
    r"(?:the )?(?P<d>[0-9]{3}0)'?s",
    r"(?:the )?'?(?P<short>[0-9]0)'?s",
    r"(?:the )?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
    r"|noughties)",
)
def _decade(g: _Groups, ctx: _Ctx) -> _Span:
    """The 2010s, the '90s, the nineties (a short decade is the latest that starts by the
    anchor's year); "the 1800s" and "the 1900s" are centuries, as English uses them."""
    if g["d"]:
        first = int(g["d"])
        if first % 100 == 0 and first < 2000:  # "the 1800s", "the early 1900s": centuries
            start, end = year_span(max(first, 1), first + 99)
            return _Span(start, end, "century", f"{first}s", "century", year=first)
        return _decade_unit(first)
    tail = int(g["short"]) if g["short"] else 10 * _DECADE_WORDS.index(g["word"] or "")
    return _decade_unit(_century_of(tail, ctx, ahead=0), inferred=True)


@rule(
    rf"(?:the )?(?P<n>{_ORD}) century",
    r"(?:the )?(?P<rel>this|last|next|current|previous) century",
)
def _century(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The 20th century (1901-2000, the formal convention), the twentieth century, this
    century (the one the anchor's year is in)."""
    if g["rel"]:
        return _century_unit(_century_number(ctx.anchor.year) + _REL_STEP[g["rel"]])
    number = _ordinal_value(g["n"])
    return None if number < 1 else _century_unit(number)


@rule(
    rf"(?:(?P<wd>{_WD}) )?(?:the )?(?P<d>{_DAY})(?: of)? (?P<m>{_MON})"
    rf"(?: (?P<y>[0-9]{{1,4}}|'[0-9]{{2}}))?",
    rf"(?:(?P<wd>{_WD}) )?(?P<m>{_MON}) (?:the )?(?P<d>{_DAY})(?P<us>)(?: (?P<y>[0-9]{{1,4}}))?",
    rf"(?P<d>[0-9]{{1,2}})(?P<sep>[-/.])(?P<m>{_MON})(?P=sep)(?P<y>[0-9]{{4}}|[0-9]{{2}})",
)
def _day_month(g: _Groups, ctx: _Ctx) -> _Span:
    """16 June 2025, Monday 16th June 2025, June 16 2025, 16-Jun-25, the 16th of June,
    Feb 14 (a two-digit year only after the month: "16 June 25")."""
    day, month = _ordinal_value(g["d"]), _MONTHS[g["m"]]
    weekday = _WEEKDAYS[g["wd"]] if g["wd"] else None
    if g["y"]:
        written = g["y"]
        if len(written.lstrip("'")) not in (2, 4) or (len(written) == 2 and g["us"] is not None):
            raise DateError("", "the year needs four digits", "write e.g. '16 June 2025'")
        found = _make_date(_year_value(written, ctx), month, day)
        inferred = False
    elif ctx.year is not None:
        found, inferred = _make_date(ctx.year, month, day), True
    else:
        candidates = _monthday_candidates(ctx.anchor, month, day, ctx.direction)
        found, inferred = candidates[0], True
        if weekday is not None:  # surer than the tense: "Saturday, April 25" is a Saturday
            candidates += _monthday_candidates(ctx.anchor, month, day)
            found = next((c for c in candidates if c.weekday() == weekday), found)
    if weekday is not None and found.weekday() != weekday:
        name = _WEEKDAY_NAMES[found.weekday()].capitalize()
        raise DateError(
            "", f"{day_label(found)} is a {name}, not a {_WEEKDAY_NAMES[weekday].capitalize()}",
            "check the weekday or the date",
        )  # fmt: skip
    return _day_span(found, inferred=inferred)


def _monthday_candidates(
    anchor: date, month: int, day: int, direction: Direction | None = None
) -> list[date]:
    """The dates a day-month without a year may mean, the preferred first: the next one if
    it is at most ``_LOOKAHEAD_MONTHS`` after the anchor (sources name coming dates: "the
    vote on 14 July"), else the most recent one on or before the anchor. With a
    ``direction`` only the one on or before ("past") or on or after ("future") is taken."""
    past = _recent_monthday(anchor, month, day)
    if direction == "past" or (direction == "future" and past == anchor):
        return [past]
    coming = None
    for year in range(past.year + 1, min(past.year + 9, 10_000)):
        try:
            coming = date(year, month, day)
            break
        except ValueError:
            continue
    if coming is None:
        return [past]
    if direction == "future":
        return [coming]
    if coming <= shift_months(anchor, _LOOKAHEAD_MONTHS):
        return [coming, past]
    return [past, coming]


@rule(rf"(?:(?P<wd>{_WD}) )?(?:the )?(?P<d>[0-9]{{1,2}})(?P<sfx>st|nd|rd|th)?(?: (?P<y>{_Y}))?")
def _bare_day(g: _Groups, ctx: _Ctx) -> _Span | None:
    """ "14" in "14–15 June 2025" and "Friday 12" in "Friday 12 and Saturday 13 July" (the
    month comes from the range or list; a weekday written must be that day's); "the 16th"
    alone is the most recent 16th on or before the anchor."""
    day = int(g["d"])
    if ctx.month is not None and ctx.year is not None:
        year = int(g["y"]) if g["y"] else ctx.year
        found = _make_date(year, ctx.month, day)
        if g["wd"] and found.weekday() != _WEEKDAYS[g["wd"]]:
            name = _WEEKDAY_NAMES[found.weekday()].capitalize()
            written = _WEEKDAY_NAMES[_WEEKDAYS[g["wd"]]].capitalize()
            raise DateError(
                "", f"{day_label(found)} is a {name}, not a {written}",
                "check the weekday or the date",
            )  # fmt: skip
        return _day_span(found, inferred=not g["y"])
    if g["wd"] or not g["sfx"] or g["y"] or not 1 <= day <= 31:
        return None
    year, month = ctx.anchor.year, ctx.anchor.month
    step = 1 if ctx.direction == "future" else -1
    if (day < ctx.anchor.day) if step > 0 else (day > ctx.anchor.day):
        year, month = add_months(year, month, step)
    while day > month_end(year, month).day:
        year, month = add_months(year, month, step)
    return _day_span(date(year, month, day), inferred=True)


@rule(rf"(?P<m>{_MON})(?:(?: of)? |-)(?P<y>{_YR})")
def _month_year(g: _Groups, ctx: _Ctx) -> _Span:
    """June 2025, Jun 2025, June of 2025, Jun-2025, June '25."""
    year = _year_value(g["y"], ctx)
    _check_year(year)
    return _month_unit(year, _MONTHS[g["m"]])


@rule(rf"(?:(?P<rel>{_REL}) )?(?P<m>{_MON})(?: (?:of )?(?P<yrel>this|last|next) year)?")
def _month_name(g: _Groups, ctx: _Ctx) -> _Span | None:
    """In January, last June, next March, June this year, June last year."""
    month = _MONTHS[g["m"]]
    if g["yrel"]:
        if g["rel"]:
            return None
        return _month_unit(ctx.anchor.year + _REL_STEP[g["yrel"]], month)
    if g["rel"] == "current":
        return None
    year, inferred = _relative_month_year(g["rel"], month, ctx)
    return _month_unit(year, month, inferred=inferred)


# holidays


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "new years day": (1, 1), "new years eve": (12, 31),
    "hogmanay": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
    "st valentine's day": (2, 14), "bonfire night": (11, 5), "guy fawkes night": (11, 5),
    "st patrick's day": (3, 17), "st george's day": (4, 23), "st andrew's day": (11, 30),
    "st david's day": (3, 1), "armistice day": (11, 11), "independence day": (7, 4),
    "burns night": (1, 25),
}  # fmt: skip
_MOVABLE_HOLIDAYS = (
    "easter", "easter sunday", "easter day", "good friday", "easter monday",
    "thanksgiving", "thanksgiving day", "remembrance sunday", "mother's day", "father's day",
    "mothering sunday", "palm sunday", "maundy thursday", "shrove tuesday", "pancake day",
    "ash wednesday", "whit sunday", "whitsunday", "whitsun", "pentecost", "whit monday",
    # England and Wales's bank holidays (moved only in jubilee years)
    "early may bank holiday", "may day bank holiday", "spring bank holiday",
    "late may bank holiday", "august bank holiday", "summer bank holiday",
)  # fmt: skip
# days from Easter Sunday
_EASTER_OFFSETS = {
    "good friday": -2, "easter monday": 1, "palm sunday": -7, "maundy thursday": -3,
    "shrove tuesday": -47, "pancake day": -47, "ash wednesday": -46, "whit sunday": 49,
    "whitsunday": 49, "whitsun": 49, "pentecost": 49, "whit monday": 50,
    "mothering sunday": -21, "mother's day": -21,
}  # fmt: skip


def _last_monday(year: int, month: int) -> date:
    last = month_end(year, month)
    return last - timedelta(days=last.weekday())


def _holiday_date(name: str, year: int) -> date:
    _check_year(year)
    if name in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[name])
    if name.startswith("easter") or name in _EASTER_OFFSETS:
        return easter(year) + timedelta(days=_EASTER_OFFSETS.get(name, 0))
    if name in ("early may bank holiday", "may day bank holiday"):
        return nth_weekday(year, 5, 0, 1)
    if name in ("spring bank holiday", "late may bank holiday"):
        return _last_monday(year, 5)
    if name in ("august bank holiday", "summer bank holiday"):
        return _last_monday(year, 8)
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if name == "remembrance sunday":
        return nth_weekday(year, 11, 6, 2)
    return nth_weekday(year, 6, 6, 3)  # father's day


@rule(
    rf"(?:the )?(?:(?P<rel>this|last|next|this past|this coming) )?(?P<h>"
    rf"{_alternation([*_FIXED_HOLIDAYS, *_MOVABLE_HOLIDAYS])})(?: (?P<y>{_Y}))?"
)
def _holiday(g: _Groups, ctx: _Ctx) -> _Span:
    """Christmas Day 2024, Easter Monday, last Christmas, Thanksgiving (US): the named day of
    the year given, else the most recent one on or before the anchor (last: before; next:
    after; this: in the anchor's year)."""
    name, rel = g["h"], g["rel"]
    if g["y"]:
        return _day_span(_holiday_date(name, int(g["y"])))
    if ctx.year is not None and not rel:
        return _day_span(_holiday_date(name, ctx.year), inferred=True)
    anchor = ctx.anchor
    if rel == "this":
        return _day_span(_holiday_date(name, anchor.year))
    found = _holiday_date(name, anchor.year)
    step = _REL_STEP[rel or "this"]
    if rel is None and ctx.direction == "future":
        if found < anchor:
            found = _holiday_date(name, anchor.year + 1)
        return _day_span(found, inferred=True)
    if step <= 0 and (found > anchor or (step < 0 and found == anchor)):
        found = _holiday_date(name, anchor.year - 1)
    elif step > 0 and found <= anchor:
        found = _holiday_date(name, anchor.year + 1)
    return _day_span(found, inferred=rel is None)


_TIME = (
    r"(?:[0-9]{1,2}(?:[:.][0-9]{2})? ?(?:am|pm)|[0-9]{1,2}:[0-9]{2}|noon|midday|midnight)"
    r"(?: (?:[a-z]{1,3}t|gmt|utc))?"
)


@rule(rf"(?:at )?{_TIME}(?: on)? (?P<rest>.+)", rf"(?P<rest>.+?)(?: at| by)? {_TIME}")
def _with_time(g: _Groups, ctx: _Ctx) -> _Span | None:
    """A day with a clock time: "9am on Tuesday", "16 June 2025 at 3.30pm" (the day)."""
    inner = _point(g["rest"] or "", ctx)
    return inner if inner is not None and inner.unit == "day" else None
