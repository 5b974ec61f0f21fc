"""Date expressions as sources write them, turned into honest intervals with UK labels.

``parse_date(text, anchor)`` never reads the clock: relative expressions ("at the weekend",
"earlier this year") are resolved against the ``anchor`` the caller passes in.

The grammar is briefgen's own (regular expressions over normalised text, see ``_RULES``);
``dateparser`` is only a checked fallback for absolute dates in other languages. The
conventions for vague English are listed in ``parse_date``'s docstring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from briefgen.datelabels import (
    MONTH_NAMES,
    ONE_DAY,
    add_months,
    day_label,
    days_label,
    easter,
    join_labels,
    lower_first,
    month_end,
    month_label,
    month_span,
    months_label,
    nth_weekday,
    ordinal,
    season_label,
    season_span,
    season_start_month,
    season_year,
    shift_months,
    shift_years,
    week_label,
    week_span,
    week_start,
    year_span,
    years_label,
)

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
    UK-style display form ("14–15 June 2025", "Early 2025", "c. 2011").
    """

    text: str
    start: date
    end: date
    precision: str
    approximate: bool
    label: str

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


# --- vocabulary ------------------------------------------------------------------------


def _month_words() -> dict[str, int]:
    words = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
    words.update({name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)})
    return words | {"sept": 9}


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_words() -> dict[str, int]:
    words = {name: number for number, name in enumerate(_WEEKDAY_NAMES)}
    words.update({name[:3]: number for number, name in enumerate(_WEEKDAY_NAMES)})
    return words | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}


def _number_words() -> tuple[dict[str, int], dict[str, int]]:
    """Return the cardinal words ("a", "three", "twenty-one") and the ordinal words
    ("third", "twenty-first"; "last" is -1) with their values."""
    units = "one two three four five six seven eight nine".split()
    teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    unit_ordinals = "first second third fourth fifth sixth seventh eighth ninth".split()
    teen_ordinals = (
        "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
        "eighteenth nineteenth"
    )
    cardinals = {"a": 1, "an": 1, "a couple of": 2, "a dozen": 12}
    cardinals.update({w: i for i, w in enumerate(units, start=1)})
    cardinals.update({w: i for i, w in enumerate(teens.split(), start=10)})
    ordinals = {w: i for i, w in enumerate(unit_ordinals, start=1)}
    ordinals.update({w: i for i, w in enumerate(teen_ordinals.split(), start=10)})
    ordinals.update({"twentieth": 20, "thirtieth": 30, "last": -1, "final": -1, "latter": -1})
    for ten, word in enumerate(tens, start=2):
        cardinals[word] = 10 * ten
        for unit, unit_word in enumerate(units, start=1):
            cardinals[f"{word}-{unit_word}"] = cardinals[f"{word} {unit_word}"] = 10 * ten + unit
            if ten <= 3:
                ordinal_word = unit_ordinals[unit - 1]
                value = 10 * ten + unit
                ordinals[f"{word}-{ordinal_word}"] = ordinals[f"{word} {ordinal_word}"] = value
    return cardinals, ordinals


_MONTHS = _month_words()
_WEEKDAYS = _weekday_words()
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NUMBER_WORDS, _ORDINAL_WORDS = _number_words()


def _alternation(words: object) -> str:
    """Return a regex alternation of ``words``, longest first so none shadows a longer one."""
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_MON = f"(?:{_alternation(_MONTHS)})"
_WD = f"(?:{_alternation(_WEEKDAYS)})"
_SEASON = f"(?:{_alternation(_SEASONS)})"
_DAY_WORDS = _alternation(w for w, n in _ORDINAL_WORDS.items() if 1 <= n <= 31)
_DAY = f"(?:[0-9]{{1,2}}(?:st|nd|rd|th)?|{_DAY_WORDS})"
_NUM = f"(?:[0-9]{{1,4}}|{_alternation(_NUMBER_WORDS)})"
_ORD = f"(?:[0-9]{{1,3}}(?:st|nd|rd|th)|{_alternation(_ORDINAL_WORDS)})"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|lunchtime|overnight|daytime)"
_UNIT = r"(?:day|week|fortnight|month|quarter|year|decade|century)"
_Y = r"[0-9]{4}"
_YR = rf"(?:{_Y}|'[0-9]{{2}})"  # a written year: 2025 or '25
_REL = r"(?:this past|this coming|this|last|next|past|coming|previous|following|current)"


def _number(word: str) -> int:
    """Return the value of a number token ("3", "three", "twenty-one", "a")."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _ordinal_value(word: str) -> int:
    """Return the value of an ordinal token ("3rd", "third", "twenty-first"); last is -1."""
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() else _ORDINAL_WORDS[word]


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


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What a rule may use besides its own text: the anchor and, inside a range, the year
    and month the other end supplies ("14" in "14–15 June 2025")."""

    anchor: date
    month_first: bool = False
    year: int | None = None
    month: int | None = None


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
    if not 1 <= number <= 100:
        raise DateError("", f"there is no {ordinal(number)} century in years 1 to 9999")
    first = (number - 1) * 100
    start, end = year_span(max(first, 1), first + 99)
    return _Span(start, end, "century", f"{ordinal(number)} century", "century", year=first)


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
    anchor = ctx.anchor
    if rel in ("this",):
        return anchor.year, False
    if rel in ("last", "past", "this past", "previous"):
        return (anchor.year if month < anchor.month else anchor.year - 1), False
    if rel in ("next", "coming", "this coming", "following"):
        return (anchor.year if month > anchor.month else anchor.year + 1), False
    if ctx.year is not None:
        return ctx.year, True
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
    return _century_unit(anchor.year // 100 + 1 + count)


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


# --- the rules -------------------------------------------------------------------------


class _Groups(dict[str, str | None]):
    """A match's named groups; a group the matching pattern lacks reads as ``None``."""

    def __missing__(self, key: str) -> None:
        return None


_Handler = Callable[[_Groups, _Ctx], "_Span | None"]
_RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(*patterns: str) -> Callable[[_Handler], _Handler]:
    """Register a handler for text that fully matches any of ``patterns``."""

    def register(handler: _Handler) -> _Handler:
        for pattern in patterns:
            _RULES.append((re.compile(pattern, re.ASCII), handler))
        return handler

    return register


_CLOCK = r"[t ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:z|[+-][0-9]{2}:?[0-9]{2})?"


@_rule(rf"(?P<y>{_Y})(?P<sep>[-/.])(?P<m>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}})(?:{_CLOCK})?")
def _iso_date(g: _Groups, ctx: _Ctx) -> _Span:
    """2025-06-16, 2025/06/16, 2025-06-16T10:00:00Z."""
    return _day_span(_make_date(int(g["y"]), int(g["m"]), int(g["d"])))


@_rule(rf"(?P<y>{_Y})-(?P<m>[0-9]{{2}})")
def _iso_month(g: _Groups, ctx: _Ctx) -> _Span | None:
    """2025-06 (a two-digit tail above 12 is left to the ranges: "2015-22")."""
    month = int(g["m"])
    if not 1 <= month <= 12:
        return None
    _check_year(int(g["y"]))
    return _month_unit(int(g["y"]), month)


@_rule(
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


@_rule(r"(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4}|[0-9]{2})")
def _numeric_date(g: _Groups, ctx: _Ctx) -> _Span:
    """14/06/2025 (day first unless month_first; the only valid reading wins), 14.06.25."""
    a, b = int(g["a"]), int(g["b"])
    year = _two_digit_year(g["y"], ctx.anchor)
    day, month = (b, a) if ctx.month_first else (a, b)
    if month > 12 and day <= 12:
        day, month = month, day
    return _day_span(_make_date(year, month, day))


def _year_value(text: str, anchor: date) -> int:
    """The year a written year names: "2025", or "'25" / "25" (see ``_two_digit_year``)."""
    return _two_digit_year(text.lstrip("'"), anchor)


def _two_digit_year(text: str, anchor: date) -> int:
    """A four-digit year as is; "25" is the year ending 25 within 89 years before and 10
    years after the anchor."""
    if len(text) == 4:
        return int(text)
    base = anchor.year + 10
    return base - (base - int(text)) % 100


@_rule(rf"(?P<m>[0-9]{{1,2}})/(?P<y>{_Y})")
def _numeric_month(g: _Groups, ctx: _Ctx) -> _Span:
    """06/2025."""
    month = int(g["m"])
    _make_date(int(g["y"]), month, 1)
    return _month_unit(int(g["y"]), month)


@_rule(rf"(?:the )?(?:year )?(?P<y>{_Y})")
def _year(g: _Groups, ctx: _Ctx) -> _Span:
    """2025, the year 2025."""
    return _year_unit(int(g["y"]))


_DECADE_WORDS = (
    "noughties", "tens", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties",
)  # fmt: skip


@_rule(
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
    first = ctx.anchor.year - (ctx.anchor.year - tail) % 100
    return _decade_unit(first, inferred=True)


@_rule(
    rf"(?:the )?(?P<n>{_ORD}) century",
    r"(?:the )?(?P<rel>this|last|next|current|previous) century",
)
def _century(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The 20th century, the twentieth century, this century."""
    if g["rel"]:
        return _century_unit(ctx.anchor.year // 100 + 1 + _REL_STEP[g["rel"]])
    number = _ordinal_value(g["n"])
    return None if number < 1 else _century_unit(number)


@_rule(
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
        found = _make_date(_year_value(written, ctx.anchor), month, day)
        inferred = False
    elif ctx.year is not None:
        found, inferred = _make_date(ctx.year, month, day), True
    else:
        candidates = _monthday_candidates(ctx.anchor, month, day)
        found, inferred = candidates[0], True
        if weekday is not None:
            found = next((c for c in candidates if c.weekday() == weekday), found)
    if weekday is not None and found.weekday() != weekday:
        name = _WEEKDAY_NAMES[found.weekday()].capitalize()
        raise DateError(
            "", f"{day_label(found)} is a {name}, not a {_WEEKDAY_NAMES[weekday].capitalize()}",
            "check the weekday or the date",
        )  # fmt: skip
    return _day_span(found, inferred=inferred)


def _monthday_candidates(anchor: date, month: int, day: int) -> list[date]:
    """The dates a day-month without a year may mean, the preferred first: the next one if
    it is at most ``_LOOKAHEAD_MONTHS`` after the anchor (sources name coming dates: "the
    vote on 14 July"), else the most recent one on or before the anchor."""
    past = _recent_monthday(anchor, month, day)
    coming = None
    for year in range(past.year + 1, min(past.year + 9, 10_000)):
        try:
            coming = date(year, month, day)
            break
        except ValueError:
            continue
    if coming is None:
        return [past]
    if coming <= shift_months(anchor, _LOOKAHEAD_MONTHS):
        return [coming, past]
    return [past, coming]


@_rule(rf"(?:the )?(?P<d>[0-9]{{1,2}})(?P<sfx>st|nd|rd|th)?(?: (?P<y>{_Y}))?")
def _bare_day(g: _Groups, ctx: _Ctx) -> _Span | None:
    """ "14" in "14–15 June 2025" (the month comes from the range); "the 16th" alone is the
    most recent 16th on or before the anchor."""
    day = int(g["d"])
    if ctx.month is not None and ctx.year is not None:
        year = int(g["y"]) if g["y"] else ctx.year
        return _day_span(_make_date(year, ctx.month, day), inferred=not g["y"])
    if not g["sfx"] or g["y"] or not 1 <= day <= 31:
        return None
    year, month = ctx.anchor.year, ctx.anchor.month
    if day > ctx.anchor.day:
        year, month = add_months(year, month, -1)
    while day > month_end(year, month).day:
        year, month = add_months(year, month, -1)
    return _day_span(date(year, month, day), inferred=True)


@_rule(rf"(?P<m>{_MON})(?:(?: of)? |-)(?P<y>{_YR})")
def _month_year(g: _Groups, ctx: _Ctx) -> _Span:
    """June 2025, Jun 2025, June of 2025, Jun-2025, June '25."""
    year = _year_value(g["y"], ctx.anchor)
    _check_year(year)
    return _month_unit(year, _MONTHS[g["m"]])


@_rule(rf"(?:(?P<rel>{_REL}) )?(?P<m>{_MON})(?: (?:of )?(?P<yrel>this|last|next) year)?")
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


# relative days and weekdays


@_rule(
    rf"(?:(?:early|late|earlier|later) )?(?P<w>today|tonight|yesterday|tomorrow|now|right now)"
    rf"(?: (?P<part>{_PART_OF_DAY}))?",
    rf"this (?P<part>{_PART_OF_DAY})",
    r"(?P<w>last) night",
    r"(?:the )?(?P<w>day before yesterday|day after tomorrow)",
    r"(?P<w>currently|at present|at the moment|presently)",
)
def _day_word(g: _Groups, ctx: _Ctx) -> _Span:
    """Today, this morning, tonight, yesterday evening, last night, the day after tomorrow."""
    offsets = {"yesterday": -1, "last": -1, "tomorrow": 1, "day before yesterday": -2}
    offsets["day after tomorrow"] = 2
    word = g["w"] or "today"
    return _day_span(ctx.anchor + timedelta(days=offsets.get(word, 0)))


@_rule(
    rf"(?:(?:early|late|earlier|later) )?(?:(?:the )?(?P<rel>{_REL}) )?(?P<wd>{_WD})"
    rf"(?: (?P<part>{_PART_OF_DAY}))?(?: (?P<wk>last|this|next) week)?"
)
def _weekday(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Monday (on or before the anchor), last/next Monday (strictly before/after), this
    Monday (of the anchor's week), Thursday afternoon, Monday last week."""
    weekday, anchor, rel = _WEEKDAYS[g["wd"]], ctx.anchor, g["rel"]
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
    return _day_span(_recent_weekday(anchor, weekday))


@_rule(
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


@_rule(
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


@_rule(
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
    return _days_span(start, end, unit)


@_rule(
    r"(?:the )?(?:year|year's)[- ]end",
    r"(?:the )?end[- ]of[- ]year",
)
def _year_end(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Year-end, end-of-year: the end of the anchor's year (November-December)."""
    return _apply_part("end", _year_unit(ctx.anchor.year))


@_rule(
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


@_rule(
    r"(?:the )?(?:recent|(?:past|last) (?:few|couple of|several)) (?P<unit>day|week|month|year)s",
    r"(?:the )?(?P<dir>coming|upcoming|next few|following few|next couple of|next several)"
    r" (?P<unit>day|week|month|year)s",
)
def _recent_coming(g: _Groups, ctx: _Ctx) -> _Span:
    """In recent days/weeks/months/years: the 7 days, 4 weeks, 3 months or 3 years up to the
    anchor; in the coming ...: the same lengths after it."""
    unit = g["unit"] or ""
    count = {"day": 7, "week": 4, "month": 3, "year": 3}[unit]
    start, end = _rolling(unit, ctx.anchor, -count if g["dir"] else count)
    return _days_span(start, end, unit)


@_rule(
    rf"(?:the )?(?:past|last) (?:(?P<n>{_NUM}) )?(?P<unit>{_UNIT})s?",
    rf"(?:the )?(?P<dir>next|following|coming) (?P<n>{_NUM}) (?P<unit>{_UNIT})s?",
)
def _rolling_period(g: _Groups, ctx: _Ctx) -> _Span | None:
    """The past week, the last three months, the next 10 days: rolling periods that end on
    (or start after) the anchor."""
    if not g["_all"].startswith(("the ", "past ")) and not g["n"] and not g["dir"]:
        return None  # "last week" is the calendar week, handled by _relative_unit
    count = _number(g["n"] or "1")
    if not 1 <= count <= 100_000:
        return None
    start, end = _rolling(g["unit"], ctx.anchor, -count if g["dir"] else count)
    return _days_span(start, end, {"fortnight": "week"}.get(g["unit"], g["unit"]))


@_rule(
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


@_rule(r"(?:the )?(?P<n>first|second|third|fourth|last|final|1st|2nd|3rd|4th) week (?:of|in) "
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


@_rule(
    rf"(?:the )?q(?P<q>[1-4])(?:[ -]?(?P<y>{_Y}))?",
    rf"(?P<y>{_Y})[ -]?q(?P<q>[1-4])",
    rf"(?P<q>[1-4])q(?:[ -]?(?P<y>{_Y}))?",
    rf"(?:the )?(?:(?P<yrel>this|last|next) year's |(?P<yy>{_Y})(?:'s)? )?(?P<n>{_ORD})[- ]quarter"
    r"(?: (?:of |in )?(?P<rest>.+))?",
)
def _quarter(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Q1 2025, 2025 Q1, the third quarter (of 2025 / of last year), third-quarter."""
    quarter = int(g["q"]) if g["q"] else _ordinal_value(g["n"])
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


@_rule(
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
        return _half_unit(year, half, inferred=True)
    return _half_unit(year, half, inferred=year == ctx.year and not _stated(g))


@_rule(
    rf"(?:(?P<rel>{_REL}) )?(?:the )?(?P<s>{_SEASON})(?: of)?(?: (?P<y>{_YR})"
    rf"(?:[-–/](?P<y2>[0-9]{{2}}|{_Y}))?)?(?: (?P<yrel>this|last|next) year)?"
)
def _season(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Spring 2025, winter 2024-25 (December 2024 to February 2025), last autumn, the summer
    (the latest on or before the anchor's season), this summer, summer last year."""
    first = _SEASONS[g["s"]]
    anchor = ctx.anchor
    if g["y"]:
        year = _year_value(g["y"], anchor)
        _check_year(year)
        if g["y2"] and (first != 12 or int(g["y2"]) not in (year + 1, (year + 1) % 100)):
            return None
        return _season_unit(year, first)
    if g["yrel"]:
        return None if g["rel"] else _season_unit(anchor.year + _REL_STEP[g["yrel"]], first)
    rel = g["rel"]
    if rel is None and ctx.year is not None:
        return _season_unit(ctx.year, first, inferred=True)
    # number seasons in time order (spring 0 .. winter 3) so before/after are comparisons
    index, current_index = first // 3 - 1, season_start_month(anchor.month) // 3 - 1
    current_year = season_year(anchor)
    if rel in ("this", "current"):
        return _season_unit(current_year if index == current_index else anchor.year, first)
    step = _REL_STEP.get(rel or "", 0)
    if step > 0:
        year = current_year if index > current_index else current_year + 1
    elif step < 0:
        year = current_year if index < current_index else current_year - 1
    else:
        year = current_year if index <= current_index else current_year - 1
    return _season_unit(year, first, inferred=rel is None)


# parts of a period: early/mid/late, the start/middle/end of


_PART_WORDS = {
    "early": "early", "mid": "mid", "late": "late", "start": "start", "beginning": "start",
    "middle": "mid", "end": "end", "the start": "start", "the beginning": "start",
    "the middle": "mid", "the end": "end", "the early": "early", "the late": "late",
    "the mid": "mid",
}  # fmt: skip
_PART_LABELS = {
    "early": "Early",
    "mid": "Mid",
    "late": "Late",
    "start": "Start of",
    "end": "End of",
}


@_rule(
    r"(?P<part>(?:the )?(?:early|mid|late))(?:-| |- | in (?:the )?)(?P<rest>.+)",
    r"(?P<part>(?:the )?(?:start|beginning|middle|end)) of (?:the )?(?P<rest>.+)",
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
    label = f"{_PART_LABELS[part]} {lower_first(inner.label)}"
    if unit == "year":
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "start": (1, 2), "end": (11, 12)}
        first, last = months[part]
        year = start.year
        return _Span(date(year, first, 1), month_end(year, last), "month", label,
                     inferred=inner.inferred, year=year)  # fmt: skip
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
        label = f"{_PART_LABELS[part]} {inner.label}"
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


# holidays


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "hogmanay": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
    "st valentine's day": (2, 14), "bonfire night": (11, 5), "guy fawkes night": (11, 5),
    "st patrick's day": (3, 17), "st george's day": (4, 23), "st andrew's day": (11, 30),
    "st david's day": (3, 1), "armistice day": (11, 11), "independence day": (7, 4),
    "burns night": (1, 25),
}  # fmt: skip
_MOVABLE_HOLIDAYS = (
    "easter", "easter sunday", "easter day", "good friday", "easter monday",
    "thanksgiving", "thanksgiving day", "remembrance sunday", "mother's day", "father's day",
)  # fmt: skip


def _holiday_date(name: str, year: int) -> date:
    _check_year(year)
    if name in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[name])
    if name.startswith("easter") or name == "good friday":
        offsets = {"good friday": -2, "easter monday": 1}
        return easter(year) + timedelta(days=offsets.get(name, 0))
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if name == "remembrance sunday":
        return nth_weekday(year, 11, 6, 2)
    if name == "father's day":
        return nth_weekday(year, 6, 6, 3)
    return easter(year) - timedelta(weeks=3)  # Mothering Sunday (UK)


@_rule(
    rf"(?:(?P<rel>this|last|next|this past|this coming) )?(?P<h>"
    rf"{_alternation([*_FIXED_HOLIDAYS, *_MOVABLE_HOLIDAYS])})(?: (?P<y>{_Y}))?"
)
def _holiday(g: _Groups, ctx: _Ctx) -> _Span:
    """Christmas Day 2024, Easter Monday, last Christmas, Thanksgiving (US): the named day of
    the year given, else the most recent one on or before the anchor (last: before; next:
    after; this: in the anchor's year)."""
    name, rel, anchor = g["h"], g["rel"], ctx.anchor
    if g["y"]:
        return _day_span(_holiday_date(name, int(g["y"])))
    if ctx.year is not None and not rel:
        return _day_span(_holiday_date(name, ctx.year), inferred=True)
    if rel == "this":
        return _day_span(_holiday_date(name, anchor.year))
    found = _holiday_date(name, anchor.year)
    step = _REL_STEP[rel or "this"]
    if step <= 0 and (found > anchor or (step < 0 and found == anchor)):
        found = _holiday_date(name, anchor.year - 1)
    elif step > 0 and found <= anchor:
        found = _holiday_date(name, anchor.year + 1)
    return _day_span(found, inferred=rel is None)


_TIME = (
    r"(?:[0-9]{1,2}(?:[:.][0-9]{2})? ?(?:am|pm)|[0-9]{1,2}:[0-9]{2}|noon|midday|midnight)"
    r"(?: (?:[a-z]{1,3}t|gmt|utc))?"
)


@_rule(rf"(?:at )?{_TIME}(?: on)? (?P<rest>.+)", rf"(?P<rest>.+?)(?: at| by)? {_TIME}")
def _with_time(g: _Groups, ctx: _Ctx) -> _Span | None:
    """A day with a clock time: "9am on Tuesday", "16 June 2025 at 3.30pm" (the day)."""
    inner = _point(g["rest"] or "", ctx)
    return inner if inner is not None and inner.unit == "day" else None


@_rule(r".*\bfiscal\b.*", r".*\b(?:fy|financial year)\b.*")
def _fiscal(g: _Groups, ctx: _Ctx) -> _Span:
    """Fiscal and financial years: refused, since each organisation's starts differently."""
    raise DateError(
        "", "fiscal and financial years start on different dates for different organisations",
        "give the calendar dates, e.g. 'April 2024 to March 2025'",
    )  # fmt: skip


@_rule(r".*\b(?:bc|bce)\b.*")
def _before_christ(g: _Groups, ctx: _Ctx) -> _Span:
    """Years BC: outside the calendar briefgen handles."""
    raise DateError("", "years before AD 1 are not supported", _CALENDAR_HINT)


# --- normalising and the top level -----------------------------------------------------

_DASHES = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u2012": "–", "\u2013": "–", "\u2014": "–", "\u2015": "–",
     "\u2212": "–", "\u2043": "-", "\ufe58": "–", "\ufe63": "-",
     "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
     ",": " ", "\u00a0": " "}
)  # fmt: skip
_LETTER_DOT = re.compile(r"(?<=[a-z])\.")
_AD_YEAR = re.compile(r"\b(?:ad ?([0-9]{1,4})|([0-9]{1,4}) ?(?:ad|ce))\b")
_PREPOSITION = re.compile(
    rf"(?:(?:some ?time|at some point) )?(?:(?:on|in|at|during|by|over|throughout|within"
    rf"|as of|as at) )?(?!{_NUM} {_UNIT}s?\b|or )"
)
_APPROX = re.compile(
    r"(?:c(?: |(?=[0-9]))|ca(?: |(?=[0-9]))|circa |around |about |approximately |approx "
    r"|roughly |on or about |on or around |some ?time around |almost |nearly |some )(?P<rest>.+)"
    r"|(?P<rest2>.+) or so"
)
_SINCE = re.compile(r"(?:ever )?since (?P<rest>.+)|(?:from )?(?P<rest2>.+) onwards?")
_OPEN_ENDED = re.compile(r"(?P<word>from|until|till|up to|before|after) .+")
_BETWEEN = re.compile(r"(?:between|from) (?P<rest>.+)")
_SEPARATOR = re.compile(r" (?:to|until|till|til|through|thru|and|–|-) |–|-")
_SHORT_RANGE = re.compile(rf"(?P<y>{_Y}) ?[-–/] ?(?P<yy>[0-9]{{2}})")
_SPELLED_YEAR = re.compile(
    r"\b(?P<c>(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty)) (?:(?P<hundred>hundred)(?: and (?P<x>[a-z]+(?:[- ][a-z]+)?))?"
    r"|(?:oh|o) (?P<u>one|two|three|four|five|six|seven|eight|nine)"
    r"|(?P<yy>[a-z]+(?:-[a-z]+| (?:one|two|three|four|five|six|seven|eight|nine)\b)?))"
    r"|\btwo thousand(?:(?: and)? (?P<tx>[a-z]+(?:[- ][a-z]+)?))?\b"
)


def _spell_years(text: str) -> str:
    """Replace spelled-out years with digits: "nineteen ninety-six" -> "1996",
    "two thousand and five" -> "2005", "twenty twenty-five" -> "2025"."""

    def small(word: str | None) -> int | None:
        value = _NUMBER_WORDS.get(word or "")
        return value if value is not None and value < 100 else None

    def convert(m: re.Match[str]) -> str:
        if m["c"]:
            century = _NUMBER_WORDS[m["c"]]
            if m["hundred"]:
                tail = small(m["x"]) if m["x"] else 0
            elif m["u"]:
                tail = _NUMBER_WORDS[m["u"]]
            else:
                tail = small(m["yy"])
                if tail is not None and tail < 10:
                    tail = None
            if tail is None:
                return m.group(0)
            return str(century * 100 + tail)
        tail = small(m["tx"]) if m["tx"] else 0
        if tail is None:
            return m.group(0)
        return str(2000 + tail)

    return _SPELLED_YEAR.sub(convert, text)


def _normalise(text: str) -> str:
    """Lower-case, fold look-alike characters, drop abbreviation dots, commas and
    surrounding punctuation, and collapse spaces."""
    s = unicodedata.normalize("NFKC", text).lower().translate(_DASHES)
    s = _LETTER_DOT.sub("", s)
    s = " ".join(s.split())
    s = s.strip(' .;:!?"()[]{}*')
    while s.endswith("'") and not s.endswith("s'"):
        s = s[:-1].rstrip()
    if s.startswith("'") and not s[1:2].isdigit():
        s = s[1:].lstrip()
    if s.endswith("'s") and s[-3:-2].isalpha():
        s = s[:-2]  # "Friday's", "last year's" (not "1990's")
    if s.startswith(("its ", "their ", "our ")):
        s = "the " + s.split(" ", 1)[1]
    s = s.replace(" – ", "–").replace(" - ", "–") if " - " in s or " – " in s else s
    if "ad" in s or "ce" in s:
        s = _AD_YEAR.sub(lambda m: f"{int(m[1] or m[2]):04d}", s)
    if "thousand" in s or "teen " in s or "twenty " in s:
        s = _spell_years(s)
    return s


def _point(s: str, ctx: _Ctx) -> _Span | None:
    """Parse a single expression (no range), or return None if no rule takes it."""
    stripped = _PREPOSITION.match(s)
    if stripped and stripped.end():
        s = s[stripped.end() :]
    approx = _APPROX.fullmatch(s)
    if approx:
        inner = _point(approx["rest"] or approx["rest2"], ctx)
        if inner is None:
            return None
        return replace(inner, approximate=True, label=f"c. {lower_first(inner.label)}")
    for pattern, handler in _RULES:
        m = pattern.fullmatch(s)
        if m is not None:
            groups = _Groups(m.groupdict())
            groups["_all"] = s
            span = handler(groups, ctx)
            if span is not None:
                return span
    return None


def _expression(s: str, ctx: _Ctx) -> _Span | None:
    """Parse a point, "since X", or a range "X to Y" / "between X and Y" / "X–Y"."""
    span = _point(s, ctx)
    if span is not None:
        return span
    stripped = _PREPOSITION.match(s)
    body = s[stripped.end() :] if stripped else s
    since = _SINCE.fullmatch(body)
    if since:
        return _since(since["rest"] or since["rest2"], ctx)
    between = _BETWEEN.fullmatch(body)
    span = _range(between["rest"] if between else body, ctx)
    if span is None and (open_ended := _OPEN_ENDED.fullmatch(body)):
        raise DateError(
            "", f"'{open_ended['word']} ...' leaves one end of the interval open",
            "give both ends ('2011 to 2015') or use 'since 2011' for up to the anchor",
        )  # fmt: skip
    return span


def _since(rest: str, ctx: _Ctx) -> _Span | None:
    """Since X: from the start of X to the anchor."""
    inner = _point(rest, ctx)
    if inner is None:
        return None
    if inner.start > ctx.anchor:
        raise DateError(
            "", f"{inner.label} starts after the anchor date {day_label(ctx.anchor)}",
            "'since' needs a date on or before the anchor",
        )  # fmt: skip
    label = f"Since {lower_first(inner.label)}"
    if inner.approximate:
        label = f"Since c. {lower_first(inner.label.removeprefix('c. '))}"
    return _Span(inner.start, ctx.anchor, inner.precision, label, approximate=inner.approximate)


def _range(body: str, ctx: _Ctx) -> _Span | None:
    """X to Y, X–Y, X and Y: try each separator; the ends may share a year or month."""
    short = _SHORT_RANGE.fullmatch(body)
    if short:
        first = int(short["y"])
        last = first - first % 100 + int(short["yy"])
        if last < first:
            last += 100
        return _join(_year_unit(first), _year_unit(last), ctx)
    backwards: DateError | None = None
    for sep in _SEPARATOR.finditer(body):
        left_text, right_text = body[: sep.start()].strip(), body[sep.end() :].strip()
        if not left_text or not right_text:
            continue
        try:
            ends = _range_ends(left_text, right_text, ctx)
            if ends is not None:
                return _join(*ends, ctx)
        except DateError as exc:
            if backwards is None:
                backwards = exc
    if backwards is not None:
        raise backwards
    return None


def _context_of(span: _Span, ctx: _Ctx, shift: int = 0) -> _Ctx:
    month = span.start.month if span.unit == "day" else None
    return replace(ctx, year=span.nominal_year + shift, month=month)


def _range_ends(left_text: str, right_text: str, ctx: _Ctx) -> tuple[_Span, _Span] | None:
    """Parse both ends, filling a missing year or month of one end from the other."""
    left, right = _point(left_text, ctx), _point(right_text, ctx)
    if left is None and right is None:
        return None
    if right is None:
        assert left is not None
        right = _point(right_text, _context_of(left, ctx))
        if right is None:
            return None
    if left is None or left.inferred:
        filled = _point(left_text, _context_of(right, ctx))
        # "December to February 2025" wraps into the year before; "15-14 June 2025" does
        # not: a bare day that takes the other end's month is simply backwards
        if (
            filled is not None
            and filled.inferred
            and filled.start > right.start
            and not _same_month(filled, right)
        ):
            filled = _point(left_text, _context_of(right, ctx, -1))
        if filled is None:
            return None
        left = filled
    elif right.inferred:
        filled = _point(right_text, _context_of(left, ctx))
        if (
            filled is not None
            and filled.inferred
            and filled.end < left.start
            and not _same_month(filled, left)
        ):
            filled = _point(right_text, _context_of(left, ctx, 1))
        if filled is not None:
            right = filled
    return left, right


def _same_month(a: _Span, b: _Span) -> bool:
    """Tell whether two day-or-finer spans lie in one calendar month."""
    return a.unit == b.unit == "day" and (a.start.year, a.start.month) == (
        b.start.year,
        b.start.month,
    )


def _join(left: _Span, right: _Span, ctx: _Ctx) -> _Span:
    """The range from the start of ``left`` to the end of ``right``, labelled UK style."""
    if left.start > right.end:
        raise DateError("", f"the range ends ({right.label}) before it starts ({left.label})",
                        _RANGE_HINT)  # fmt: skip
    start, end = left.start, max(left.end, right.end)
    if left.unit == right.unit == "day":
        label = days_label(start, end)
    elif left.unit == right.unit == "month":
        label = months_label(start, end)
    elif left.unit == right.unit == "year":
        label = years_label(start.year, end.year)
    else:
        label = _shared_year_label(left.label, right.label)
    precision = min(left.precision, right.precision, key=PRECISIONS.index)
    approximate = left.approximate or right.approximate
    return _Span(start, end, precision, label, approximate=approximate,
                 inferred=left.inferred and right.inferred, year=left.nominal_year)  # fmt: skip


def _shared_year_label(first: str, last: str) -> str:
    """ "Q1 2025" + "Q3 2025" -> "Q1–Q3 2025"; otherwise the two labels joined."""
    head, _, year = first.rpartition(" ")
    if head and year.isdigit() and last.endswith(" " + year) and " " not in head:
        return f"{head}–{last}"
    return join_labels(first, last)


# --- dateparser fallback ---------------------------------------------------------------

_ENGLISH_WORDS = frozenset(
    [*_MONTHS, *_WEEKDAYS, *_SEASONS, *_NUMBER_WORDS, *_ORDINAL_WORDS, *_DECADE_WORDS]
).union(
    """the a an this that these those its their our his her last next past coming early late
    mid middle start beginning end since from to until and or between in on at by during of
    for ago earlier later before after around about circa period periods quarter quarters half
    halves year years month months week weeks weekend day days decade decades century
    centuries fiscal financial today yesterday tomorrow now pre post""".split()
)
# languages dateparser may try: enough for common sources, few enough that a miss is cheap
_FALLBACK_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ru", "uk",
    "tr", "el", "ga", "cy",
)  # fmt: skip
_FALLBACK_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+")
_HYPHENATED = re.compile(r"[^\W\d_]-[0-9]|[0-9]-[^\W\d_]")  # "post-1959", "under-16s"


def _fallback(s: str, anchor: date, month_first: bool) -> _Span | None:
    """Read an absolute date in another language ("16 juin 2025", "junio de 2025") with
    dateparser, accepting its answer only if it agrees with the numbers written."""
    tokens = _FALLBACK_TOKEN.findall(s)
    numbers = [t for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit() and t not in ("de", "del", "di", "du", "of")]
    years = [n for n in numbers if len(n) == 4]
    if (
        len(years) != 1
        or len(numbers) > 2
        or not 1 <= len(words) <= 2
        or any(w in _ENGLISH_WORDS for w in words)
        or len(tokens) > 6
        or _HYPHENATED.search(s)
    ):
        return None
    found = _dateparser(s, anchor, month_first)
    if found is None:
        return None
    (year, month, day), period = found
    # dateparser fills in what the text leaves out from its base date ("H3 2025" came back
    # as the 3rd of the anchor's month): ask again from six months away, and trust only a
    # month that does not move
    other = date(anchor.year, (anchor.month + 5) % 12 + 1, min(anchor.day, 28))
    again = _dateparser(s, other, month_first)
    if again is None or again[0][:2] != (year, month) or again[1] != period:
        return None
    if str(year) != years[0].lstrip("0") and f"{year:04d}" != years[0]:
        return None
    days = [int(n) for n in numbers if len(n) <= 2]
    if period == "day" and days == [day]:
        return _day_span(date(year, month, day))
    if period == "month" and not days:
        return _month_unit(year, month)
    return None


@lru_cache(maxsize=512)
def _dateparser(s: str, anchor: date, month_first: bool) -> tuple[tuple[int, int, int], str] | None:
    """Call dateparser (imported here: it is slow to import) with the anchor as its base."""
    try:
        from dateparser.date import DateDataParser

        settings = {
            "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "MDY" if month_first else "DMY",
        }
        parser = DateDataParser(languages=list(_FALLBACK_LANGUAGES), settings=settings)
        data = parser.get_date_data(s)
    except Exception:  # third-party code: any failure just means "not read"
        return None
    if data.date_obj is None:
        return None
    found = data.date_obj
    return (found.year, found.month, found.day), str(data.period)


def clear_caches() -> None:
    """Forget cached dateparser answers (the benchmark times runs from cold)."""
    _dateparser.cache_clear()


def parse_date(
    text: str,
    anchor: date,
    *,
    month_first: bool = False,
    # temporary shim: issue-10a implements these (accepted and ignored until then)
    direction: Literal["past", "future"] | None = None,
    financial_year_start: tuple[int, int] | None = None,
    academic_year_start: tuple[int, int] | None = None,
) -> DateSpan:
    """Return the interval ``text`` names, resolving relative forms against ``anchor``.

    Raises ``DateError`` for text that is not a date expression (never another exception).
    ``month_first`` reads "03/04/2025" as 4 March. A ``date`` passed as ``text`` (as YAML
    gives for ``2025-06-16``) is that day; an ``int`` is read as its digits.

    Conventions, where English is vague:

    - a bare weekday, month, season, quarter or half ("Monday", "in January", "the third
      quarter") is the latest one on or before the anchor; "last X" the latest one strictly
      before it, "next X" the first strictly after; "this Monday" / "this weekend" are those
      of the anchor's Monday-Sunday week;
    - a day and month without a year ("14 July") is the next one if it is at most three
      months after the anchor (sources name coming dates), else the latest one before it;
      with a weekday ("Thursday 9 April") it is whichever of the two falls on that day;
    - "at/over the weekend", "last weekend": the latest Saturday-Sunday on or before the
      anchor (the one containing it on a Saturday or Sunday);
    - "last week", "this month", "next year": whole calendar units (weeks run Monday to
      Sunday); "the past week", "the last three months": the rolling period to the anchor;
    - "N days/weeks/months/years ago" (also "a year earlier"): the calendar unit that
      contains the anchor minus N units;
    - "earlier this year/month/week": the unit's start to the anchor; "later this ...": the
      anchor to the unit's end; "since X" and "X onwards": the start of X to the anchor;
    - "in recent days/weeks/months/years": the 7 days / 4 weeks / 3 months / 3 years up to
      the anchor; "in the coming ...": the same lengths after it;
    - early / mid / late: of a year Jan-Apr / May-Aug / Sep-Dec; of a month days 1-10 /
      11-20 / 21-end; of a decade years 0-3 / 4-6 / 7-9; of a century years 0-32 / 33-66 /
      67-99; of a season its first / second / third month; of a week Mon-Tue / Wed-Thu /
      Fri-Sun;
    - "the start/beginning of" a year is January-February, "the end of" it (and
      "year-end") November-December; of a month, decade or century they mean early / late;
    - seasons are meteorological: Mar-May, Jun-Aug, Sep-Nov, Dec-Feb (winter 2024 is
      December 2024 to February 2025); "the quarter" / "the latest quarter" is the last
      complete quarter;
    - "03/04/2025" is day first unless ``month_first`` (a date valid only the other way
      round is read that way); a two-digit year is the one from 89 years before to 10
      years after the anchor.

    Precision is the unit the text is stated in ("early June 2025" is "day": its interval
    is ten days; "early 2025" is "month"). Fiscal years, years BC and open-ended ranges
    ("from 2011", "until 2015") are refused with a hint.
    """
    if isinstance(text, date):
        day = text.date() if isinstance(text, datetime) else text
        return DateSpan(day.isoformat(), day, day, "day", False, day_label(day))
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        raise DateError(repr(text), "it is not text", HINT)
    if not isinstance(anchor, date):
        raise TypeError(f"anchor must be a date, not {type(anchor).__name__}")
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    if len(text) > _MAX_LENGTH:
        raise DateError(text, "it is too long to be a date expression", HINT)
    s = _normalise(text)
    if not s:
        raise DateError(text, "it is empty", HINT)
    try:
        span = _expression(s, _Ctx(anchor, month_first)) or _fallback(s, anchor, month_first)
    except DateError as exc:
        raise DateError(text, exc.reason, exc.hint or HINT) from None
    except (ValueError, OverflowError):
        raise DateError(text, "it falls outside years 1 to 9999", _CALENDAR_HINT) from None
    if span is None:
        raise DateError(text, "it is not a date expression briefgen understands", HINT)
    if span.start > span.end:  # pragma: no cover - every rule builds ordered spans
        raise DateError(text, "it names an empty interval", HINT)
    return DateSpan(text, span.start, span.end, span.precision, span.approximate, span.label)
