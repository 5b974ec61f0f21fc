"""Dates that follow another event: "the following year", "two days later", "that autumn".

These forms name a time relative to something the text told before, not to the day the
source was published, so reading them against the publication date is a guess. The brief
names the event they follow (``relative_to: EVENT_ID``) and ``resolve_anaphoric`` reads
them against that event's interval; ``parse_date`` refuses them (it calls ``is_anaphoric``).

Conventions (``reference`` is the interval of the event followed; a unit is a calendar day,
Monday-Sunday week, month, meteorological season or year):

- "the following / next / subsequent UNIT", "the UNIT after": the unit after the one that
  holds the reference's last day; "the previous / preceding / prior UNIT", "the UNIT
  before": the unit before the one that holds its first day;
- "N UNITs later / after / on": the units holding the reference's first and last days
  moved N units later (so "two years later" than 14 June 2015 is 2017, and than 2015-2022
  is 2017-2024); "N UNITs earlier / before": moved N units earlier;
- "that UNIT", "the same UNIT": the unit that holds the reference (refused when the
  reference spans more than one: "that year" after "2015-2022" is not one year);
- "that spring / summer / autumn / winter": that season of the reference's year (the year
  it starts in); "the following / previous SEASON": the next one after / latest before;
- "later that UNIT": the reference's last day to the unit's end; "earlier that UNIT": the
  unit's start to the reference's first day.

The label is the interval's own ("2016", "July 2015"); the chronology's "as reported"
line shows the words the source used, so the reader can see that the date was derived.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from briefgen.datelabels import (
    add_months,
    days_label,
    month_end,
    months_label,
    season_label,
    shift_months,
    week_label,
    week_span,
    years_label,
)

if TYPE_CHECKING:
    from briefgen.dates import DateSpan

RELATIVE_TO_HINT = "name the event it follows with 'relative_to: EVENT_ID' in the brief"

_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
          "fortnights": "fortnight", "month": "month", "months": "month", "year": "year",
          "years": "year", "decade": "decade", "decades": "decade", "quarter": "quarter",
          "quarters": "quarter", "financial year": "financial year"}  # fmt: skip
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_UNIT = r"(?P<unit>days?|weeks?|fortnights?|months?|quarters?|years?|decades?)"
_ONE_UNIT = r"(?P<unit>day|week|month|quarter|year|decade)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = rf"(?P<weekday>{'|'.join(_WEEKDAY_NAMES)})"
_COUNT = (
    r"(?P<count>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
_PERIOD = r"(?:period|months|weeks)"
_AFTER = r"(?:following|subsequent|succeeding)"
_BEFORE = r"(?:previous|preceding|prior)"

_FORMS: list[tuple[str, tuple[str, ...]]] = [
    # "the next day" follows an event; "the next week/month/year" usually counts from the
    # page ("over the next year"), so parse_date keeps those
    (
        "after",
        (rf"(?:the )?{_AFTER} {_ONE_UNIT}", rf"the {_ONE_UNIT} after", r"the next (?P<unit>day)"),
    ),
    ("before", (rf"(?:the )?{_BEFORE} {_ONE_UNIT}", rf"the {_ONE_UNIT} before")),
    ("season_after", (rf"(?:the )?{_AFTER} {_SEASON}", rf"the {_SEASON} after")),
    ("season_before", (rf"(?:the )?{_BEFORE} {_SEASON}", rf"the {_SEASON} before")),
    # "the previous two quarters" (a statistics release's); "the previous two years" is
    # left to parse_date's rolling periods
    ("before_n", (rf"(?:the )?{_BEFORE} {_COUNT} (?P<unit>quarters)",)),
    # "the previous three months", "the previous three-month period": the months before
    # the period told ("the three months to April 2018")
    ("months_before", (rf"(?:the )?{_BEFORE} {_COUNT}(?: |-)months?(?: period)?",)),
    ("same_year_before", (
        rf"(?:the )?same {_ONE_UNIT} (?:a|one) year (?:ago|earlier|before)",
        rf"(?:the )?same {_ONE_UNIT} (?:of )?(?:the )?(?:previous|last|prior) year",
    )),
    # "the same period in 2016", "the same period a year earlier": the months told, in
    # another year (a statistics release's "April to September 2017 ... the same period
    # in 2016")
    ("same_period_in", (rf"(?:the )?same {_PERIOD} (?:in|of|during) (?P<year>[0-9]{{4}})",)),
    ("same_period_before", (
        rf"(?:the )?same {_PERIOD} (?:a|one) year (?:ago|earlier|before)",
        rf"(?:the )?same {_PERIOD} (?:in |of )?(?:the )?(?:previous|last|prior|preceding)"
        r" (?:financial |calendar |tax )?year",
        rf"(?:the )?same {_PERIOD} last year",
    )),
    ("later", (rf"{_COUNT} {_UNIT} (?:later|after|afterwards|on)",)),
    ("earlier", (rf"{_COUNT} {_UNIT} (?:earlier|before|previously)",)),
    ("same", (rf"(?:that|the same) {_ONE_UNIT}",)),
    ("same_season", (rf"(?:that|the same) {_SEASON}",)),
    ("same_weekday", (rf"(?:that|the same) {_WEEKDAY}",)),
    ("later_that", (rf"later (?:that|the same|in the same) {_ONE_UNIT}",)),
    ("earlier_that", (rf"earlier (?:that|the same|in the same) {_ONE_UNIT}",)),
]
# Forms that parse_date reads against the page ("the previous financial year" is the one
# before the page's, "a year ago" the year before it), but that a text telling a period
# means against that one: ``extract`` reads them against a date told (not itself relative)
# in the same sentence, and otherwise as parse_date does.
_TOLD_FORMS: list[tuple[str, tuple[str, ...]]] = [
    ("after", (rf"(?:the )?(?:{_AFTER}|next) (?P<unit>financial year)",
               r"the (?P<unit>financial year) after")),
    ("before", (rf"(?:the )?{_BEFORE} (?P<unit>financial year)",
                r"the (?P<unit>financial year) before")),
    # "was 74.8% in May to July 2024, below estimates of a year ago": those months in 2023
    ("same_period_before", (r"(?:a|one) year ago",)),
    # "in May to July 2024 ... increased in the latest quarter": the three months told
    ("latest_told", (
        r"(?:the )?(?:latest|most recent) (?:quarter|three months|three-month period)",
    )),
]
_COMPILED = [(name, re.compile(p)) for name, patterns in _FORMS for p in patterns]
_TOLD_COMPILED = [(name, re.compile(p)) for name, patterns in _TOLD_FORMS for p in patterns]
_LEADING = re.compile(r"^(?:in|on|at|during|by|over|from|within|of)\s+")


class AnaphoraError(ValueError):
    """The form cannot be read against this reference; ``hint`` says what would work."""

    def __init__(self, reason: str, hint: str) -> None:
        self.reason = reason
        self.hint = hint
        super().__init__(reason)


def _normal(text: str) -> str:
    s = " ".join(text.replace("’", "'").lower().split()).strip(" .,;:!?")
    return _LEADING.sub("", s)


def _match(text: str, told: bool = True) -> tuple[str, re.Match[str]] | None:
    s = _normal(text)
    for name, pattern in _COMPILED + (_TOLD_COMPILED if told else []):
        m = pattern.fullmatch(s)
        if m is not None:
            return name, m
    return None


def is_anaphoric(text: str) -> bool:
    """Is ``text`` a date that only means something after another event ("the following
    year", "two days later", "that autumn")? Such text must name that event."""
    return isinstance(text, str) and _match(text, told=False) is not None


def reads_against_told(text: str) -> bool:
    """Is ``text`` a time that parse_date reads against the page but a sentence that has
    just told a date means against that one ("the previous financial year")?"""
    return isinstance(text, str) and _match(text, told=False) is None and _match(text) is not None


# --- calendar units ---------------------------------------------------------------------


def _unit_of(unit: str, day: date) -> tuple[date, date]:
    if unit == "day":
        return day, day
    if unit == "week":
        return week_span(day)
    if unit == "month":
        return day.replace(day=1), month_end(day.year, day.month)
    if unit == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        return date(day.year, first, 1), month_end(day.year, first + 2)
    if unit == "decade":
        first = day.year // 10 * 10
        return date(max(first, 1), 1, 1), date(first + 9, 12, 31)
    if unit == "financial year":  # the UK's, 1 April to 31 March
        first = day.year if day.month >= 4 else day.year - 1
        return date(first, 4, 1), date(first + 1, 3, 31)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _shift(unit: str, day: date, count: int) -> date:
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "month":
        return shift_months(day, count)
    if unit == "quarter":
        return shift_months(day, 3 * count)
    if unit == "decade":
        return shift_months(day, 120 * count)
    return shift_months(day, 12 * count)


def _label(unit: str, start: date, end: date) -> str:
    if unit == "day":
        return days_label(start, end)
    if unit == "week":
        return week_label(start, end)
    if unit == "month":
        return months_label(start, end)
    if unit == "quarter":
        if _unit_of("quarter", start) == (start, end):
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        return months_label(start, end)
    if unit == "financial year":
        return f"Financial year {start.year}–{(start.year + 1) % 100:02d}"
    if unit == "decade" and start.year % 10 == 0 and end.year == start.year + 9:
        return f"The {start.year}s"
    return years_label(start.year, end.year)


def _season(year: int, first_month: int) -> tuple[date, date]:
    last_year, last_month = add_months(year, first_month, 2)
    return date(year, first_month, 1), month_end(last_year, last_month)


def _season_year(day: date, first_month: int) -> int:
    """The year whose ``first_month`` season is the latest to start on or before ``day``."""
    return day.year if day >= date(day.year, first_month, 1) else day.year - 1


# --- resolving --------------------------------------------------------------------------


def resolve_anaphoric(text: str, reference: DateSpan) -> DateSpan:
    """Return the interval ``text`` names after (or before) the event whose interval is
    ``reference``. Raises ``AnaphoraError`` when ``text`` is not such a form or cannot be
    read against this reference (see the module's conventions)."""
    from briefgen.dates import DateSpan

    found = _match(text)
    if found is None:
        raise AnaphoraError(
            "it is not a date that follows another event",
            "write 'the following year', 'two days later', 'that autumn' or an absolute date",
        )
    kind, m = found
    groups = m.groupdict()
    start, end, precision, label = _resolve(kind, groups, reference, text)
    return DateSpan(text, start, end, precision, reference.approximate, label, relative=True)


def _one_unit(unit: str, ref: DateSpan, text: str) -> tuple[date, date]:
    """The unit that holds ``ref``; refused when ``ref`` spans more than one (a day
    "later" than an event known only to the year would be a guess)."""
    span = _unit_of(unit, ref.start)
    if _unit_of(unit, ref.end) != span:
        raise AnaphoraError(
            f"{text!r} needs an event known to one {unit}, and the event it follows is {ref.label}",
            f"point relative_to at an event dated to one {unit}, or write the date itself",
        )
    return span


def _three_months(ref: DateSpan) -> bool:
    """Is ``ref`` three whole months that are not one calendar quarter ("June to August")?"""
    after = ref.end + timedelta(days=1)
    whole = ref.start.day == 1 and after.day == 1 and shift_months(ref.start, 3) == after
    return whole and (ref.start.month - 1) % 3 != 0


def _same_period(ref: DateSpan, years: int, text: str) -> tuple[date, date, str, str]:
    """The days or months of ``ref`` moved ``years`` years: "the same period in 2016"
    after "April 2017 to September 2017" is April to September 2016."""
    if ref.end > shift_months(ref.start, 12) or years == 0:
        raise AnaphoraError(
            f"{text!r} needs a period of a year or less told before it, in another year",
            "write the period itself, e.g. 'April to September 2016'",
        )
    start = shift_months(ref.start, 12 * years)
    whole_months = ref.start.day == 1 and ref.end == month_end(ref.end.year, ref.end.month)
    if whole_months:
        moved = shift_months(ref.end.replace(day=1), 12 * years)
        end = month_end(moved.year, moved.month)
        return start, end, "month", months_label(start, end)
    end = shift_months(ref.end, 12 * years)
    return start, end, "day", days_label(start, end)


def _resolve(
    kind: str, g: dict[str, str | None], ref: DateSpan, text: str
) -> tuple[date, date, str, str]:
    unit = _UNITS.get(g.get("unit") or "", "year")
    season = _SEASONS.get(g.get("season") or "", 0)
    rolling = kind in ("after", "before", "same_year_before") and unit == "quarter"
    if rolling and _three_months(ref):
        # ONS's rolling quarters: "the previous quarter" after "June to August 2020" is
        # March to May; "the same quarter a year ago" is June to August 2019
        months = {"after": 3, "before": -3}.get(kind, -12)
        start = shift_months(ref.start, months)
        last = shift_months(ref.start, months + 2)
        end = month_end(last.year, last.month)
        return start, end, "month", months_label(start, end)
    if kind in ("after", "before"):
        first, _ = _one_unit(unit, ref, text)
        start, end = _unit_of(unit, _shift(unit, first, 1 if kind == "after" else -1))
        return start, end, unit, _label(unit, start, end)
    if kind in ("later", "earlier"):
        count_word = g.get("count") or "1"
        count = int(count_word) if count_word.isdigit() else _COUNTS[count_word]
        if unit == "fortnight":
            unit, count = "week", 2 * count
        if unit == "year" and _unit_of("year", ref.start) != _unit_of("year", ref.end):
            # "a year earlier" than "the YE June 2022": the same twelve months a year before
            return _same_period(ref, count if kind == "later" else -count, text)
        first, _ = _one_unit(unit, ref, text)
        start, end = _unit_of(unit, _shift(unit, first, count if kind == "later" else -count))
        return start, end, unit, _label(unit, start, end)
    if kind == "same_weekday":  # "that Saturday": the Saturday of the week or days told
        name = g["weekday"] or ""
        days = [ref.start + timedelta(days=n) for n in range((ref.end - ref.start).days + 1)]
        on = [d for d in days if d.weekday() == _WEEKDAY_NAMES.index(name)]
        if not on or len(days) > 7:
            raise AnaphoraError(
                f"{text!r} needs a day or week told before it that has a "
                f"{name.capitalize()}, and it follows {ref.label}",
                "write the date itself, e.g. 'Saturday 30 April'",
            )
        return on[0], on[0], "day", days_label(on[0], on[0])
    if kind == "same":
        start, end = _one_unit(unit, ref, text)
        return start, end, unit, _label(unit, start, end)
    if kind == "before_n":  # "the previous two quarters": the N units before the one held
        count_word = g.get("count") or "1"
        count = int(count_word) if count_word.isdigit() else _COUNTS[count_word]
        first, _ = _one_unit(unit, ref, text)
        start = _unit_of(unit, _shift(unit, first, -count))[0]
        end = first - timedelta(days=1)
        return start, end, unit, _label(unit, start, end)
    if kind == "latest_told":
        after = ref.end + timedelta(days=1)
        if ref.start.day != 1 or after.day != 1 or shift_months(ref.start, 3) != after:
            raise AnaphoraError(
                f"{text!r} needs three whole months told before it, and it follows {ref.label}",
                "write the months, e.g. 'May to July 2024'",
            )
        return ref.start, ref.end, "month", _label("quarter", ref.start, ref.end)
    if kind == "months_before":
        count_word = g.get("count") or "1"
        count = int(count_word) if count_word.isdigit() else _COUNTS[count_word]
        start = shift_months(ref.start.replace(day=1), -count)
        end = ref.start.replace(day=1) - timedelta(days=1)
        return start, end, "month", months_label(start, end)
    if kind == "same_year_before":  # "the same quarter a year ago"
        first, _ = _one_unit(unit, ref, text)
        start, end = _unit_of(unit, shift_months(first, -12))
        return start, end, unit, _label(unit, start, end)
    if kind in ("same_period_in", "same_period_before"):
        years = int(g["year"] or 0) - ref.start.year if kind == "same_period_in" else -1
        return _same_period(ref, years, text)
    if kind in ("later_that", "earlier_that"):
        start, end = _one_unit(unit, ref, text)
        if (start, end) == (ref.start, ref.end):
            raise AnaphoraError(
                f"{text!r} needs an event known more precisely than the {unit} it names, "
                f"and the event it follows is {ref.label}",
                f"write the {unit} itself, or point relative_to at a more precise event",
            )
        if kind == "later_that":
            start = ref.end
        else:
            end = ref.start
        return start, end, "day", days_label(start, end)
    if kind == "same_season":
        # the season of the reference's year, or the one that holds the reference
        year = ref.start.year
        held = _season(_season_year(ref.start, season), season)
        if held[0] <= ref.start and ref.end <= held[1]:
            year = held[0].year
        start, end = _season(year, season)
        return start, end, "season", season_label(year, season)
    if kind == "season_after":
        year = _season_year(ref.end, season) + 1
    else:
        year = _season_year(ref.start, season)
        if _season(year, season)[1] >= ref.start:
            year -= 1
    start, end = _season(year, season)
    return start, end, "season", season_label(year, season)


__all__ = ["RELATIVE_TO_HINT", "AnaphoraError", "is_anaphoric", "resolve_anaphoric"]
