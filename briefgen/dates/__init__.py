"""Date expressions as sources write them, turned into honest intervals with UK labels.

``parse_date(text, anchor)`` never reads the clock: relative expressions ("at the weekend",
"earlier this year") are resolved against the ``anchor`` the caller passes in.

The grammar is briefgen's own: regular expressions over normalised text, one module per
family of forms (``absolute``, ``relative``, ``parts``, ``fiscal``; ranges and "since X" in
``spans``), tried in the order of the one table ``briefgen.dates.rules.RULES``.
``dateparser`` is only a checked fallback for absolute dates in other languages
(``fallback``). The conventions for vague English are listed in ``parse_date``'s docstring.
"""

from __future__ import annotations

from datetime import date, datetime

from briefgen.anaphora import is_anaphoric
from briefgen.datelabels import day_label, lower_first
from briefgen.dates.core import (
    _CALENDAR_HINT,
    _MAX_LENGTH,
    HINT,
    PRECISIONS,
    DateError,
    DateSpan,
    Direction,
    MonthDay,
    _Ctx,
)
from briefgen.dates.fallback import _ENGLISH_WORDS, _fallback, clear_caches
from briefgen.dates.normalise import _normalise
from briefgen.dates.rules import point
from briefgen.dates.spans import _expression

__all__ = [
    "HINT",
    "PRECISIONS",
    "_ENGLISH_WORDS",
    "DateError",
    "DateSpan",
    "Direction",
    "MonthDay",
    "clear_caches",
    "parse_date",
]


def parse_date(
    text: str,
    anchor: date,
    *,
    month_first: bool = False,
    direction: Direction | None = None,
    financial_year_start: MonthDay | str | None = None,
    academic_year_start: MonthDay | str | None = None,
) -> DateSpan:
    """Return the interval ``text`` names, resolving relative forms against ``anchor``.

    Raises ``DateError`` for text that is not a date expression (never another exception).
    ``month_first`` reads "03/04/2025" as 4 March. ``direction`` is the caller's knowledge
    of tense (``parse_date`` never guesses it from words): ``"past"`` resolves bare months,
    weekdays, day-months, seasons, quarters, halves and holidays on or before the anchor,
    ``"future"`` on or after it (a bare month equal to the anchor's is this month, a
    weekday equal to the anchor's is the anchor day); ``None`` keeps the conventions below.
    ``financial_year_start`` and ``academic_year_start`` are (month, day) pairs (or the
    brief's "MM-DD" text; a bad one is a ``DateError``); unset,
    financial years start on 1 April and academic years on 1 September (UK); tax years
    always run 6 April to 5 April; a "fiscal year" is read only when
    ``financial_year_start`` is given. A ``date`` passed as ``text`` (as YAML
    gives for ``2025-06-16``) is that day; an ``int`` is read as its digits.

    Conventions, where English is vague:

    - a bare weekday, month, season, quarter or half ("Monday", "in January", "the third
      quarter") is the latest one on or before the anchor; "last X" the latest one strictly
      before it, "next X" the first strictly after; "this Monday" / "this weekend" are those
      of the anchor's Monday-Sunday week;
    - a day and month without a year ("14 July") is the next one if it is at most three
      months after the anchor (sources name coming dates), else the latest one before it;
      with a weekday ("Thursday 9 April") it is whichever of the two falls on that day
      (whatever the ``direction``: the weekday is surer than the tense);
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
    is ten days; "early 2025" is "month"). Years BC, open-ended ranges
    ("from 2011", "until 2015") and forms relative to another event ("the following year",
    "two days later": see ``briefgen.anaphora``) are refused with a hint. "2023-24" and
    "2019/20" are financial years (labelled as written), never two calendar years; "2014/10"
    (a year and a month number, month last) is October 2014.
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
    if is_anaphoric(text):
        raise DateError(
            text, "it names a time relative to another event, not to the anchor",
            "name the event it follows with 'relative_to: EVENT_ID' in the brief",
        )  # fmt: skip
    if len(text) > _MAX_LENGTH:
        raise DateError(text, "it is too long to be a date expression", HINT)
    s = _normalise(text)
    if not s:
        raise DateError(text, "it is empty", HINT)
    try:
        ctx = _Ctx(
            anchor, month_first, reader=point, direction=direction,
            financial_year_start=_month_day(financial_year_start),
            academic_year_start=_month_day(academic_year_start),
        )  # fmt: skip
        span = _expression(s, ctx)
        from_fallback = span is None
        span = span or _fallback(s, anchor, month_first)
    except DateError as exc:
        raise DateError(text, exc.reason, exc.hint or HINT) from None
    except (ValueError, OverflowError):
        raise DateError(text, "it falls outside years 1 to 9999", _CALENDAR_HINT) from None
    if span is None:
        raise DateError(text, "it is not a date expression briefgen understands", HINT)
    if span.start > span.end:  # pragma: no cover - every rule builds ordered spans
        raise DateError(text, "it names an empty interval", HINT)
    label = _deadline_label(span.label) if s.startswith("by ") else span.label
    relative = not from_fallback and ctx.reads.count > 0
    return DateSpan(text, span.start, span.end, span.precision, span.approximate, label, relative)


def _month_day(value: MonthDay | str | None) -> MonthDay | None:
    """A year-start setting as (month, day); the brief's "MM-DD" text is accepted too."""
    if isinstance(value, str):
        month, _, day = value.partition("-")
        return int(month), int(day)
    return value


def _deadline_label(label: str) -> str:
    """ "by 2030" is a deadline: "By 2030", "By the end of 2025", not "2030"."""
    if label.startswith(("End of", "Start of")):
        return f"By the {lower_first(label)}"
    return f"By {lower_first(label)}"
