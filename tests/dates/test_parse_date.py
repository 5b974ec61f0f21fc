"""``parse_date`` as a whole: refusals, hints, settings, purity and the JSON shape (the
per-family tables are in this folder)."""

from __future__ import annotations

import inspect
import subprocess
import sys
from datetime import date, datetime

import pytest

import briefgen.datelabels
import briefgen.dates
from briefgen.dates import DateError, DateSpan, parse_date
from tests.dates.table import LEAP, MON, NYD, SAT, SUN


def test_the_tables_are_big_enough() -> None:
    from tests.dates import test_absolute, test_parts, test_relative, test_spans

    tables = [test_absolute.CASES, test_parts.CASES, test_relative.CASES, test_spans.CASES]
    assert sum(len(t) for t in tables) >= 120
    assert {c[1] for t in tables for c in t} >= {MON, SAT, SUN, NYD, LEAP}


INVALID = [
    "Inquiries Act 2005",
    "as young as 10",
    "19th report",
    "under-16s",
    "800 cases",
    "",
    "   ",
    "banana",
    "2025-13-01",
    "2025-02-30",
    "31 April 2025",
    "29 February 2025",
    "32 June 2025",
    "14/13/2025",
    "0000",
    "10000",
    "2015 to 2011",
    "June 2025 to May 2025",
    "Tuesday 16 June 2025",
    "fiscal 2025",
    "500 BC",
    "since next year",
    "from 2011",
    "until 2015",
    "Q5 2025",
    "week 54 2025",
    "the 101st century",
    "99999999999999999999 days ago",
    "10",
    "next",
    "ago",
    "\x00",
    "💥",
    "2025" * 40,
]


@pytest.mark.parametrize("text", INVALID)
def test_not_a_date(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, MON)
    assert caught.value.text == text
    assert caught.value.reason
    assert caught.value.hint


def test_hint_lists_forms_understood() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("banana", MON)
    assert "16 June 2025" in caught.value.hint
    assert "at the weekend" in caught.value.hint


def test_backwards_range_says_so() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("2015 to 2011", MON)
    assert "before it starts" in caught.value.reason
    assert "earlier end first" in caught.value.hint


def test_impossible_day_says_why() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("29 February 2025", MON)
    assert caught.value.reason == "February 2025 has no day 29"


def test_month_first_flips_numeric_dates() -> None:
    assert parse_date("03/04/2025", MON).start == date(2025, 4, 3)
    assert parse_date("03/04/2025", MON, month_first=True).start == date(2025, 3, 4)
    assert parse_date("03/04/2025", MON, month_first=True).label == "4 March 2025"


def test_month_first_keeps_the_only_valid_reading() -> None:
    assert parse_date("25/12/2025", MON, month_first=True).start == date(2025, 12, 25)
    assert parse_date("12/25/2025", MON).start == date(2025, 12, 25)


@pytest.mark.parametrize(
    "text",
    ["today", "yesterday", "last week", "at the weekend", "earlier this year", "in January",
     "two years ago", "in recent days", "in the coming months", "the third quarter"],
)  # fmt: skip
def test_relative_forms_follow_the_anchor(text: str) -> None:
    one = parse_date(text, MON)
    other = parse_date(text, date(2019, 10, 3))
    assert (one.start, one.end) != (other.start, other.end)
    assert one.label != other.label


@pytest.mark.parametrize("module", [briefgen.dates, briefgen.datelabels])
def test_never_reads_the_clock(module: object) -> None:
    source = inspect.getsource(module)  # type: ignore[arg-type]
    for call in ("today()", "now(", "time.time", "utcnow", "localtime"):
        assert call not in source


def test_common_forms_do_not_import_dateparser() -> None:
    """``briefgen --help`` must stay fast: dateparser is imported only for odd forms."""
    code = (
        "import sys; from datetime import date; from briefgen.dates import parse_date\n"
        "for t in ['16 June 2025', 'at the weekend', '2011 to 2015', 'c. 2011', 'Q1 2025']:\n"
        "    parse_date(t, date(2025, 6, 16))\n"
        "assert 'dateparser' not in sys.modules, 'dateparser was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_accepts_datetime_anchor_and_yaml_values() -> None:
    assert parse_date("yesterday", datetime(2025, 6, 16, 23, 59)).start == date(2025, 6, 15)
    assert parse_date(date(2025, 6, 16), MON).label == "16 June 2025"  # type: ignore[arg-type]
    assert parse_date(2025, MON).precision == "year"  # type: ignore[arg-type]
    with pytest.raises(DateError):
        parse_date(None, MON)  # type: ignore[arg-type]


def test_to_json_shape() -> None:
    span = parse_date("14–15 June 2025", MON)
    assert isinstance(span, DateSpan)
    assert span.to_json() == {
        "text": "14–15 June 2025",
        "start": "2025-06-14",
        "end": "2025-06-15",
        "precision": "day",
        "approximate": False,
        "label": "14–15 June 2025",
    }


@pytest.mark.parametrize(
    ("text", "label"),
    [("by 2030", "By 2030"), ("by June 2026", "By June 2026"),
     ("by the end of the year", "By the end of 2025"),
     ("since January 2025", "Since January 2025")],
)  # fmt: skip
def test_deadlines_and_since_say_so(text: str, label: str) -> None:
    assert parse_date(text, MON).label == label


@pytest.mark.parametrize(
    ("text", "relative"),
    [("16 June 2025", False), ("June 16, 2025", False), ("2011 to 2015", False),
     ("Q1 2025", False), ("2023-24", False), ("last week", True), ("in January", True),
     ("since 2011", True), ("16 June", True), ("earlier this year", True), ("today", True)],
)  # fmt: skip
def test_relative_says_whether_the_anchor_was_used(text: str, relative: bool) -> None:
    assert parse_date(text, MON).relative is relative
