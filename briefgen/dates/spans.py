"""Ranges ("X to Y", "between X and Y", "X–Y", "X or Y": the interval that holds
either) and "since X" around the rule table."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from briefgen.datelabels import (
    day_label,
    days_label,
    join_labels,
    lower_first,
    months_label,
    years_label,
)
from briefgen.dates.core import (
    _RANGE_HINT,
    PRECISIONS,
    DateError,
    _Ctx,
    _day_span,
    _point,
    _point_apart,
    _Span,
    _year_unit,
)
from briefgen.dates.normalise import _PREPOSITION, _SHORT_RANGE
from briefgen.dates.vocab import _MONTHS, _WD, _WEEKDAY_NAMES, _WEEKDAYS

_SINCE = re.compile(r"(?:ever )?since (?P<rest>.+)|(?:from )?(?P<rest2>.+) onwards?")
_OPEN_ENDED = re.compile(r"(?P<word>from|until|till|up to|before|after) .+")
_TO_PRESENT = re.compile(
    r"(?:from )?(?P<rest>.+?)(?: (?:to|until|till|up to|through) | ?– ?)"
    r"(?:the present(?: day| time| date)?|present|date|now|today)"
)
_BETWEEN = re.compile(r"(?:between|from|either) (?P<rest>.+)")
_SEPARATOR = re.compile(r" (?:to|until|till|til|through|thru|and|&|or|–|-) |–|-")
_BARE_DAY = re.compile(r"(?:the )?[0-9]{1,2}(?:st|nd|rd|th)?")
_WEEKDAY_PAIR = re.compile(
    rf"(?:the )?(?P<a>{_WD}) (?:and|&|or|to|until|till|through) (?:on )?(?P<b>{_WD})"
)
_ORDINAL = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
_TWO_PARTS = re.compile(
    rf"(?:the )?(?P<a>{_ORDINAL}) (?:and|&|to) (?:the )?(?P<b>{_ORDINAL}) "
    r"(?P<unit>quarters|halves) (?:of|in) (?P<rest>.+)"
)
_RESTATED = re.compile(r"(?P<a>[^()]+?) ?\((?P<b>[^()]+)\)")
_NAMED_PERIOD = re.compile(r"(?:the )?(?P<a>.+?) (?:period|deadline)")
_WEEKDAYS_FIRST = re.compile(rf"(?:the )?(?P<a>{_WD}) (?:and|&|to) (?P<b>{_WD}) (?P<rest>.+)")


def _expression(s: str, ctx: _Ctx) -> _Span | None:
    """Parse a point, "since X", or a range "X to Y" / "between X and Y" / "X–Y"."""
    span = _point(s, ctx)
    if span is not None:
        return span
    stripped = _PREPOSITION.match(s)
    body = s[stripped.end() :] if stripped else s
    restated = _RESTATED.fullmatch(body)
    if restated:  # "Tuesday (18 February)", "today (Tuesday)", "Quarter 4 (Oct to Dec)"
        return _restated(restated["a"], restated["b"], ctx)
    named = _NAMED_PERIOD.fullmatch(body)
    if named:  # "the June to August period", "the 31 January deadline"
        inner = _expression(named["a"], ctx)
        return inner if inner is not None and inner.precision in ("day", "month") else None
    since = _SINCE.fullmatch(body)
    if since:
        return _since(since["rest"] or since["rest2"], ctx)
    to_present = _TO_PRESENT.fullmatch(body)
    if to_present:  # "from 1983 to the present", "2015 to date": "since X"
        return _since(to_present["rest"], ctx)
    between = _BETWEEN.fullmatch(body)
    span = _range(between["rest"] if between else body, ctx)
    if span is None and (open_ended := _OPEN_ENDED.fullmatch(body)):
        raise DateError(
            "", f"'{open_ended['word']} ...' leaves one end of the interval open",
            "give both ends ('2011 to 2015') or use 'since 2011' for up to the anchor",
        )  # fmt: skip
    return span


def _restated(first: str, restated: str, ctx: _Ctx) -> _Span | None:
    """A date restated in brackets: the two must agree, and the more precise is the date
    ("Tuesday (18 February)" is 18 February if it is a Tuesday; "Quarter 4 (Oct to Dec)")."""
    weekday = re.fullmatch(rf"(?:on )?(?P<wd>{_WD})", first)
    outer = None if weekday else _expression(first, ctx)
    inner = _expression(restated, ctx if outer is None else _context_of(outer, ctx))
    if inner is None:
        return None
    if weekday and inner.start == inner.end:
        if inner.start.weekday() != _WEEKDAYS[weekday["wd"]]:
            raise DateError(
                "", f"{day_label(inner.start)} is a "
                f"{_WEEKDAY_NAMES[inner.start.weekday()].capitalize()}, not a "
                f"{_WEEKDAY_NAMES[_WEEKDAYS[weekday['wd']]].capitalize()}",
                "check the weekday or the date",
            )  # fmt: skip
        return inner
    if outer is None:
        return None
    if inner.start <= outer.start and outer.end <= inner.end:
        return outer
    if outer.start <= inner.start and inner.end <= outer.end:
        return inner
    raise DateError(
        "", f"{outer.label} and {inner.label} in brackets name different times",
        "keep one of them, or check which is right",
    )  # fmt: skip


def _since(rest: str, ctx: _Ctx) -> _Span | None:
    """Since X: from the start of X to the anchor."""
    inner = _point(rest, ctx) or _range(rest, ctx)
    if inner is None:
        return None
    if inner.start > ctx.anchor:
        raise DateError(
            "", f"{inner.label} starts after the anchor date {day_label(ctx.anchor)}",
            "'since' needs a date on or before the anchor",
        )  # fmt: skip
    label = f"Since {lower_first(inner.label)}"
    if inner.unit == "century":
        label = f"Since the {inner.label}"  # "Since the 19th century"
    if inner.approximate:
        label = f"Since c. {lower_first(inner.label.removeprefix('c. '))}"
    return _Span(inner.start, ctx.anchor, inner.precision, label, approximate=inner.approximate)


def _range(body: str, ctx: _Ctx) -> _Span | None:
    """X to Y, X–Y, X and Y: try each separator; the ends may share a year or month."""
    short = _SHORT_RANGE.fullmatch(body.removeprefix("the "))  # "the 1939–45 war"
    if short:
        first = int(short["y"])
        last = first - first % 100 + int(short["yy"])
        if last < first:
            last += 100
        if last == first + 1:
            return None  # "from 2025-26": one financial year, never two calendar years
        return _join(_year_unit(first), _year_unit(last), ctx)
    parts = _TWO_PARTS.fullmatch(body)
    if parts:  # "the first and second quarters of 2024": Q1 to Q2
        unit = "quarter" if parts["unit"] == "quarters" else "half"
        opening = _point(f"the {parts['a']} {unit} of {parts['rest']}", ctx)
        closing = _point(f"the {parts['b']} {unit} of {parts['rest']}", ctx)
        return None if opening is None or closing is None else _join(opening, closing, ctx)
    pair = _WEEKDAY_PAIR.fullmatch(body)
    gap = _WEEKDAYS[pair["b"]] - _WEEKDAYS[pair["a"]] if pair else 0
    if pair and gap > 0:  # "Thursday and Friday": the Friday after the Thursday, even said
        left = _point(pair["a"], ctx)  # on a Thursday (whose last Friday is before it)
        if left is not None:
            return _join(left, _day_span(left.start + timedelta(days=gap)), ctx)
    weekdays = _WEEKDAYS_FIRST.fullmatch(body)
    if weekdays:  # "Thursday and Friday, June 2 and 3": the days, named twice
        return _named_days(weekdays["a"], weekdays["b"], weekdays["rest"], ctx)
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
    try:
        listed = _list(body, ctx)
    except DateError as exc:  # "25, 26 December and 1 January" reads only in groups
        listed, backwards = None, backwards or exc
    listed = listed or _groups(body, ctx)
    if listed is not None:
        return listed
    if backwards is not None:
        raise backwards
    return None


def _named_days(first: str, last: str, days: str, ctx: _Ctx) -> _Span | None:
    """Two weekdays before the days they name ("Thursday and Friday, June 2 and 3"): the
    days, whose first and last must fall on those weekdays."""
    span = _range(days, ctx)
    if span is None or span.precision != "day" or span.start == span.end:
        return None
    for day, written in ((span.start, first), (span.end, last)):
        if day.weekday() != _WEEKDAYS[written]:
            raise DateError(
                "", f"{day_label(day)} is a {_WEEKDAY_NAMES[day.weekday()].capitalize()}, "
                f"not a {_WEEKDAY_NAMES[_WEEKDAYS[written]].capitalize()}",
                "check the weekday or the date",
            )  # fmt: skip
    return span


def _list(body: str, ctx: _Ctx) -> _Span | None:
    """A list of three or more dates ("2, 9 and 16 June 2025", "Monday 1st September 2025,
    Thursday 23rd October 2025 and Friday 24th October 2025"; commas are gone by now): the
    first to the last, the items before "and" read with the last one's year and month."""
    left_text, sep, right_text = body.replace(" & ", " and ").rpartition(" and ")
    days = _DAYS_THEN_MONTH.fullmatch(body)
    if not sep and days:  # "27th, 28th, 29th December": a list without its "and"
        ends = _range_ends(days["days"].split()[0], days["last"], ctx)
        return None if ends is None else _join(*ends, ctx)
    words = left_text.split()
    if not sep or not 2 <= len(words) <= 12:
        return None
    right = _point(right_text, ctx)
    if right is None:
        return _month_first_list(words, right_text, ctx)
    items = _items(words, ctx, _context_of(right, ctx))
    if items is None or len(items) < 2:
        return None
    ends = _range_ends(items[0], right_text, ctx)
    return None if ends is None else _join(*ends, ctx)


_GROUP_AND = re.compile(r" (?:and|&) ")
_DAY_WORD = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_DAYS_THEN_MONTH = re.compile(rf"(?P<days>{_DAY_WORD}(?: {_DAY_WORD})*) (?P<last>{_DAY_WORD} .+)")


def _groups(body: str, ctx: _Ctx) -> _Span | None:
    """Groups of days joined by "and", each a day, a range or a list ("18 and 25 May and
    1 June", "1-3 and 7-9 June 2024", "3 and 10 March and 7 April 2024"): the first to the
    last, the earlier groups read with the later one's year (and month, when they lack
    one). Longer periods so joined are separate ("2035-38 and 2037-39, respectively")."""
    joins = list(_GROUP_AND.finditer(body))
    if not 1 <= len(joins) <= 6:
        return None
    for join in reversed(joins):
        left_text, right_text = body[: join.start()].strip(), body[join.end() :].strip()
        try:
            right = _point(right_text, ctx) or _range(right_text, ctx)
            if right is None or right.precision != "day":
                continue  # "from 2035-38 and 2037-39, respectively": two periods
            month = right.start.month if right.precision == "day" else None
            filled = replace(ctx, year=right.nominal_year, month=month)
            left = _point(left_text, filled) or _range(left_text, filled)
            if left is not None and left.start > right.start and left.inferred:
                # "25, 26 December and 1 January": a list running into the new year
                filled = replace(filled, year=right.nominal_year - 1)
                left = _point(left_text, filled) or _range(left_text, filled)
        except DateError:
            continue
        if left is not None and left.start <= right.start and left.end <= right.end:
            return _relabel(_join(left, right, ctx))
    return None


def _relabel(span: _Span) -> _Span:
    """The label of a joined list by its precision: "18 May – 1 June 2024", not its
    groups' labels joined."""
    if span.precision == "day":
        return replace(span, label=days_label(span.start, span.end))
    if span.precision == "month":
        return replace(span, label=months_label(span.start, span.end))
    if span.precision == "year":
        return replace(span, label=years_label(span.start.year, span.end.year))
    return span


def _month_first_list(words: list[str], right_text: str, ctx: _Ctx) -> _Span | None:
    """ "December 27, 28, 29 and 30" (", 2023"): bare days after a first day read with its
    month and year, as "June 2nd and 3rd" does."""
    dated = re.fullmatch(r"(?P<day>[0-9]{1,2}(?:st|nd|rd|th)?) (?P<year>[0-9]{4})", right_text)
    if dated and len(words) >= 2 and words[0] in _MONTHS:  # "June 12, 13 and 14, 2024"
        head = f"{words[0]} {words[1]} {dated['year']}"
        right_text = f"{words[0]} {dated['day']} {dated['year']}"
        if not all(_BARE_DAY.fullmatch(w) for w in words[1:]):
            return None
        ends = _range_ends(head, right_text, ctx)
        return None if ends is None else _join(*ends, ctx)
    if not _BARE_DAY.fullmatch(right_text) or not all(_BARE_DAY.fullmatch(w) for w in words[2:]):
        return None
    head = " ".join(words[:2])
    first = _point(head, ctx)
    if first is None or first.unit != "day" or len(words) < 3:
        return None
    ends = _range_ends(head, right_text, ctx)
    return None if ends is None else _join(*ends, ctx)


def _items(words: list[str], ctx: _Ctx, filled: _Ctx) -> list[str] | None:
    """Split ``words`` into dates, the longest first item first, or ``None``."""
    if not words:
        return []
    for i in range(len(words), 0, -1):
        if i < len(words) and words[i].strip(",") in _MONTHS and _BARE_DAY.fullmatch(
            words[i - 1].strip(",")
        ):
            continue  # "18 May, 25 May": the 25 is the next item's day, not the year '25
        head = " ".join(words[:i])
        if _point(head, ctx) is None and _point(head, filled) is None:
            continue
        rest = _items(words[i:], ctx, filled)
        if rest is not None:
            return [head, *rest]
    return None


def _context_of(span: _Span, ctx: _Ctx, shift: int = 0) -> _Ctx:
    month = span.start.month if span.unit == "day" else None
    return replace(ctx, year=span.nominal_year + shift, month=month)


def _range_ends(left_text: str, right_text: str, ctx: _Ctx) -> tuple[_Span, _Span] | None:
    """Parse both ends, filling a missing year or month of one end from the other. Each
    reading keeps its anchor reads apart; only those of the two readings kept count."""
    (left, left_reads), (right, right_reads) = (
        _point_apart(left_text, ctx), _point_apart(right_text, ctx)
    )  # fmt: skip
    if left is None and right is None:
        return None
    if left is not None and right is not None and _BARE_DAY.fullmatch(right_text):
        # "June 2nd and 3rd": a bare day after a month takes that month, not the anchor's
        filled, reads = _point_apart(right_text, _context_of(left, ctx))
        if filled is not None:
            right, right_reads = filled, reads
    if right is None:
        assert left is not None
        right, right_reads = _point_apart(right_text, _context_of(left, ctx))
        if right is None:
            return None
    if left is None or left.inferred:
        try:
            filled, reads = _point_apart(left_text, _context_of(right, ctx))
        except DateError:  # "Saturday 30 December and Tuesday 2 January": the year before's
            filled, reads = _point_apart(left_text, _context_of(right, ctx, -1))
            if filled is None or filled.start.month <= right.start.month:
                raise  # not a list running into a new year: the weekday is wrong
        # "December to February 2025" wraps into the year before; "15-14 June 2025" does
        # not: a bare day that takes the other end's month is simply backwards
        if (
            filled is not None
            and filled.inferred
            and filled.start > right.start
            and not _same_month(filled, right)
        ):
            filled, reads = _point_apart(left_text, _context_of(right, ctx, -1))
        if filled is None:
            return None
        left, left_reads = filled, reads
    elif right.inferred:
        filled, reads = _point_apart(right_text, _context_of(left, ctx))
        if (
            filled is not None
            and filled.inferred
            and filled.end < left.start
            and not _same_month(filled, left)
        ):
            filled, reads = _point_apart(right_text, _context_of(left, ctx, 1))
        if filled is not None:
            right, right_reads = filled, reads
    ctx.reads.count += left_reads + right_reads
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
