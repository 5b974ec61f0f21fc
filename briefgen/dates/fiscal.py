"""Financial, tax, academic and fiscal years, and years BC.

UK public-sector text counts money in financial years (1 April to 31 March: "2023-24",
"FY2023/24", "the financial year 2023-24"), personal tax in tax years (6 April to 5 April,
fixed by statute) and schooling in academic years (from 1 September unless the caller
says otherwise). A bare "2023-24" or "2019/20" (a year and the next one's last two digits)
is a financial year, never two calendar years; so are GOV.UK's "2024 to 2025", "2024/2025"
and "24/25", and several at once ("tax years 2026-27 to 2030-31") run from the first's
start to the last one's end. A "fiscal year" is an organisation's own
accounting year: it is read only when the caller gives ``financial_year_start`` (a US
federal fiscal year starts on 1 October, a company's wherever it says).
"""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import pairwise

from briefgen.datelabels import lower_first, shift_months
from briefgen.dates.core import (
    _CALENDAR_HINT,
    DateError,
    MonthDay,
    _check_year,
    _Ctx,
    _Groups,
    _make_date,
    _month_unit,
    _point,
    _Span,
    rule,
)
from briefgen.dates.vocab import _Y

UK_FINANCIAL_YEAR_START: MonthDay = (4, 1)
UK_ACADEMIC_YEAR_START: MonthDay = (9, 1)
TAX_YEAR_START: MonthDay = (4, 6)

_KINDS = {"financial": "financial", "fy": "financial", "fiscal": "fiscal", "tax": "tax",
          "academic": "academic", "school": "academic"}  # fmt: skip
_LABELS = {"financial": "Financial year", "fiscal": "Fiscal year", "tax": "Tax year",
           "academic": "Academic year"}  # fmt: skip
FISCAL_HINT = (
    "set financial_year_start: MM-DD in the brief (the day the organisation's year starts; "
    "fiscal years differ, e.g. 10-01 for the US federal year), or write 'financial year "
    "2024-25' for the UK's April to March year"
)
_NAMED_HINT = (
    "write the year it starts and the next, e.g. 'the financial year 2023-24', "
    "'FY2023/24', 'the tax year 2024 to 2025' or 'this financial year'"
)
_TAIL = rf"(?P<y2>[0-9]{{2}}|{_Y})"
_KIND = r"(?P<kind>financial|fiscal|tax|academic|school)"


def year_start(kind: str, ctx: _Ctx) -> MonthDay:
    """The month and day a ``kind`` of year starts on, from the caller's settings."""
    if kind == "financial":
        return ctx.financial_year_start or UK_FINANCIAL_YEAR_START
    if kind == "academic":
        return ctx.academic_year_start or UK_ACADEMIC_YEAR_START
    if kind == "tax":
        return TAX_YEAR_START
    if ctx.financial_year_start is None:
        raise DateError("", "a fiscal year starts on a day each organisation sets", FISCAL_HINT)
    return ctx.financial_year_start


def named_year(kind: str, first: int, ctx: _Ctx, label: str) -> _Span:
    """The ``kind`` of year that starts in calendar year ``first``, labelled ``label``."""
    _check_year(first)
    _check_year(first + 1)
    month, day = year_start(kind, ctx)
    start = _make_date(first, month, day)
    end = _make_date(first + 1, month, day) - timedelta(days=1)
    return _Span(start, end, "year", label, year=first)


def _written(first: int, sep: str = "–") -> str:
    """ "2023–24": the label of the year starting in ``first``, as UK text writes it."""
    return f"{first}{sep}{(first + 1) % 100:02d}"


def _is_next(first: int, written: str | None) -> bool:
    """Tell whether ``written`` ("24", "2024") is the year after ``first``."""
    if not written:
        return False
    if len(written) == 2:
        return int(written) == (first + 1) % 100
    return int(written) == first + 1


@rule(
    rf"(?:the )?(?:year )?(?P<y>{_Y}) ?(?P<sep>[-–/]) ?(?P<yy>[0-9]{{2}})",
    rf"(?:the )?(?P<y>{_Y}) ?(?P<sep>/|to) ?(?P<yyyy>{_Y})",
    rf"(?:the )?(?P<y>{_Y}) (?P<sep>to) (?P<yy>[0-9]{{2}})",
    r"(?P<y2>1[3-9]|[2-9][0-9]) ?(?P<sep>/) ?(?P<yy>[0-9]{2})",
)
def _financial_short(g: _Groups, ctx: _Ctx) -> _Span | None:
    """2023-24, 2019/20, 2024/2025, 24/25 and GOV.UK's "2024 to 2025" (or "2024 to 25"):
    the financial year, labelled as written ("2023–24", "2019/20"); "2014/10" (a year and
    a month number) is October 2014; other pairs ("2011-15", "2011 to 2015", and "2025-06",
    an ISO month) are left to the other rules. "from 2024 to 2025" stays a range of years."""
    first = _two_digit_year(int(g["y2"]), ctx) if g["y2"] else int(g["y"])
    if _is_next(first, g["yy"] or g["yyyy"]):
        return named_year("financial", first, ctx, _written(first, "/" if g["sep"] == "/" else "–"))
    if g["y2"] or g["yyyy"] or g["sep"] == "to" or "year" in g["_all"]:
        return None
    month = int(g["yy"])
    if g["sep"] == "/" and 1 <= month <= 12:
        _check_year(first)
        return _month_unit(first, month)
    return None


def _two_digit_year(yy: int, ctx: _Ctx) -> int:
    """The year "24" names: the one from 89 years before to 10 years after the anchor."""
    year = ctx.anchor.year - ctx.anchor.year % 100 + yy
    if year > ctx.anchor.year + 10:
        year -= 100
    elif year < ctx.anchor.year - 89:
        year += 100
    return year


_PAIR = re.compile(rf"(?P<y>{_Y}) ?[-–/] ?(?P<yy>[0-9]{{2}}|{_Y})")
_BETWEEN_PAIRS = re.compile(r"(?: |and|to|&|–|-)*")


@rule(
    rf"(?:the )?{_KIND} years (?P<rest>{_Y}.+)",
    rf"(?:the )?(?P<rest>{_Y}.+) {_KIND} years",
)
def _named_years(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Several named years: "tax years 2026-27 to 2030-31", "tax years 2028-29, 2029-30 and
    2030-31", "the 2024/25 and 2025/26 academic years": the first one's start to the last
    one's end."""
    kind = _KINDS[g["kind"]]
    pairs = list(_PAIR.finditer(g["rest"]))
    gaps = [g["rest"][a.end() : b.start()] for a, b in pairwise(pairs)]
    if (
        len(pairs) < 2 or pairs[0].start() or pairs[-1].end() != len(g["rest"])
        or not all(_BETWEEN_PAIRS.fullmatch(gap) for gap in gaps)
        or not all(_is_next(int(p["y"]), p["yy"]) for p in pairs)
    ):  # fmt: skip
        return None
    firsts = [int(p["y"]) for p in pairs]
    if firsts != sorted(firsts):
        return None
    head, tail = named_year(kind, firsts[0], ctx, ""), named_year(kind, firsts[-1], ctx, "")
    label = f"{_LABELS[kind]}s {_written(firsts[0])} to {_written(firsts[-1])}"
    return _Span(head.start, tail.end, "year", label, year=firsts[0])


@rule(
    rf"(?:the )?{_KIND} year (?:of )?(?P<y>{_Y})(?: ?(?:[-–/]|to) ?{_TAIL})?",
    rf"(?:the )?(?P<y>{_Y})(?: ?(?:[-–/]|to) ?{_TAIL})? {_KIND} year",
    rf"(?P<kind>fy) ?(?P<y>{_Y})(?: ?[-–/] ?{_TAIL})?",
)
def _named_year(g: _Groups, ctx: _Ctx) -> _Span:
    """The financial year 2023-24, FY2023/24, the tax year 2024 to 2025, the 2019/20
    academic year, the fiscal year 2023-24 (with ``financial_year_start``)."""
    kind = _KINDS[g["kind"]]
    first = int(g["y"])
    year_start(kind, ctx)  # a fiscal year without its setting is refused first
    if not _is_next(first, g["y2"]):
        what = "one year" if g["y2"] is None else f"{first} and {g['y2']}"
        raise DateError("", f"{what} does not name one {kind} year", _NAMED_HINT)
    return named_year(kind, first, ctx, f"{_LABELS[kind]} {_written(first)}")


@rule(
    rf"(?:the )?(?P<rel>this|current|present|last|previous|past|next|coming|following|new)"
    rf" {_KIND}"
    r" year",
    rf"(?:the )?(?P<rel>latest|last|most recent|previous) (?:full|complete|completed)"
    rf" {_KIND} year",
    rf"(?:the )?{_KIND} year",
    rf"(?:the )?(?:(?P<now>this|current|present) )?{_KIND} year[- ]to[- ](?P<to_date>date)",
)
def _relative_named_year(g: _Groups, ctx: _Ctx) -> _Span:
    """This financial year (the one containing the anchor), last / next tax year, the
    academic year (the anchor's), the new financial year (the one whose start is nearest
    the anchor: just begun, or about to); "the financial year to date" runs from its start
    to the anchor; "the latest full financial year" is the last one ended."""
    kind = _KINDS[g["kind"]]
    month, day = year_start(kind, ctx)
    anchor = ctx.anchor
    first = anchor.year if (anchor.month, anchor.day) >= (month, day) else anchor.year - 1
    step = {"last": -1, "previous": -1, "past": -1, "latest": -1, "most recent": -1,
            "next": 1, "coming": 1, "following": 1}
    first += step.get(g["rel"] or "this", 0)
    if g["rel"] == "new" and anchor - _make_date(first, month, day) > timedelta(days=182):
        first += 1  # "the new financial year": the one that starts nearest the anchor
    year = named_year(kind, first, ctx, f"{_LABELS[kind]} {_written(first)}")
    if g["to_date"]:
        return _Span(year.start, anchor, "day", f"{year.label} to date")
    return year


_QUARTER_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "1st": 1,
                   "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                   "final": 4, "last": 4}  # fmt: skip
# what makes the year a quarter is counted in a financial, tax or academic one
_NAMED_YEAR_PART = re.compile(rf"{_Y} ?(?:[-–/]|to) ?(?:[0-9]{{2}}|{_Y})$|\b{_KIND} year\b|\bfy\b")


@rule(
    r"(?:the )?(?:q(?P<q>[1-4])|quarter (?P<qw>[1-4]|one|two|three|four)"
    r"|(?P<n>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter)"
    r"(?: of| in)? (?P<rest>.+)",
    r"(?P<rest>.+?),? (?:q(?P<q>[1-4])|quarter (?P<qw>[1-4]|one|two|three|four))",
)
def _year_quarter(g: _Groups, ctx: _Ctx) -> _Span | None:
    """A quarter of a financial, tax or academic year: "Q1 2011/12" (April to June 2011),
    "2024-25 Q2" (July to September 2024), "the first quarter of 2024-25", "quarter one of
    the financial year 2023-24", "the third quarter of this financial year"; a quarter of a
    calendar year is ``parts``'s."""
    rest = g["rest"] or ""
    if not _NAMED_YEAR_PART.search(rest):
        return None
    year = _point(rest, ctx)
    if year is None or year.precision != "year" or year.start.month == 1 == year.start.day:
        return None
    word = g["q"] or g["qw"] or g["n"] or ""
    quarter = int(word) if word.isdigit() else _QUARTER_NUMBER[word]
    start = shift_months(year.start, 3 * (quarter - 1))
    end = shift_months(year.start, 3 * quarter) - timedelta(days=1)
    named = year.label[:1].isalpha()
    label = f"Q{quarter} of {lower_first(year.label)}" if named else f"Q{quarter} {year.label}"
    return _Span(start, end, "quarter", label, "quarter", year.inferred, year=year.nominal_year)


@rule(r".*\bfiscal\b.*", r".*\b(?:fy|financial year|tax year|academic year|school year)\b.*")
def _fiscal(g: _Groups, ctx: _Ctx) -> _Span | None:
    """Any other text naming a fiscal, financial, tax or academic year: refused, saying
    which forms are read (ranges and "since ..." are passed on to be read around it)."""
    text = g["_all"]
    if re.match(r"(?:ever )?since |from |between ", text) or text.endswith(("onwards", "onward")):
        return None  # "since the academic year 2021/22": a span of such years
    if "fiscal" in g["_all"] and ctx.financial_year_start is None:
        raise DateError("", "a fiscal year starts on a day each organisation sets", FISCAL_HINT)
    raise DateError("", "briefgen reads such a year as one year and the next", _NAMED_HINT)


@rule(r".*\b(?:bc|bce)\b.*")
def _before_christ(g: _Groups, ctx: _Ctx) -> _Span:
    """Years BC: outside the calendar briefgen handles."""
    raise DateError("", "years before AD 1 are not supported", _CALENDAR_HINT)
