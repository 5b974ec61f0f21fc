"""Awkward dates: impossible days, year 0 and 9999, bad months, ambiguous day/month order,
and ranges that end before they start. Each is read correctly or refused with file:line.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.cli import cli
from briefgen.dates import DateError, parse_date
from tests.outputs import check_pack

ANCHOR = date(2025, 6, 16)
HEAD = """\
title: Dates
as_of: {as_of}
sources:
  - {{id: a, publisher: P, title: A, url: "https://example.org/a", published: {as_of}}}
events:
"""


def brief(dates: list[str], as_of: str = "2025-06-16", extra: str = "") -> str:
    events = "".join(
        f"  - date: {d}\n    title: Event {i}\n    sources: [a]\n" for i, d in enumerate(dates)
    )
    return HEAD.format(as_of=as_of) + events + extra


def check(runner, path):
    result = runner.invoke(cli, ["check", str(path)])
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("29 February 2025", "February 2025 has no day 29"),
        ("'29/02/2025'", "February 2025 has no day 29"),
        ("31 April 2025", "April 2025 has no day 31"),
        ("'31/04/2025'", "April 2025 has no day 31"),
        ("'0000'", "the year 0 is outside years 1 to 9999"),
        ("year 0", "not a date expression"),
        ("'10000'", "not a date expression"),
        ("2025-13-01", "month must be in 1..12"),  # YAML reads it as a timestamp
        ("'2025-13-01'", "cannot read the date '2025-13-01'"),
        ("'00/00/2025'", "there is no month 0"),
        ("2022 to 2015", "the range ends (2015) before it starts (2022)"),
        ("between 2006 and 2000", "the range ends (2000) before it starts (2006)"),
        # bug found: a day range within one month that runs backwards was read as a year
        # long range ("15 June 2024 – 14 June 2025")
        ("15-14 June 2025", "the range ends (14 June 2025) before it starts (15 June 2025)"),
        ("15 June - 14 June 2025", "before it starts"),
        ("14 June 2025 - 13", "before it starts"),
        # bug found: dateparser's fallback took the month from the anchor ("3 June 2025")
        ("H3 2025", "not a date expression"),
        ("m 3 2025", "not a date expression"),
    ],
)
def test_impossible_dates_are_errors_with_a_place(runner, write_brief, written, expected):
    path = write_brief(brief(["16 June 2025", written]))
    result = check(runner, path)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"{path}:9: ")
    assert expected in result.output


@pytest.mark.parametrize(
    ("as_of", "written", "expected"),
    [
        ("0000-01-01", "2025", ":2: cannot read the value '0000-01-01': year 0 is out of range"),
        ("2025-02-29", "2025", ":2: cannot read the value '2025-02-29'"),
        ("9999-12-31", "next month", ":6: date: cannot read the date 'next month': it falls "),
        ("9999-12-31", "next year", "the year 10000 is outside years 1 to 9999"),
        ("0001-01-01", "last week", ":6: date: cannot read the date 'last week': it falls"),
        ("0001-01-01", "two years ago", "the year -1 is outside years 1 to 9999"),
    ],
)
def test_the_ends_of_the_calendar(runner, write_brief, as_of, written, expected):
    result = check(runner, write_brief(brief([written], as_of=as_of)))
    assert result.exit_code == 1, result.output
    assert expected in result.output


def test_years_1_to_9999_build(runner, write_brief, tmp_path):
    dates = ["'1 January 0001'", "the 1st century", "'0001'", "the 9990s", "31 December 9999"]
    path = write_brief(brief(dates, as_of="9999-12-31"))
    result = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    texts = check_pack(tmp_path / "out")
    for label in ("1 January 1", "31 December 9999", "9990s"):
        assert label in texts["brief-chronology.docx"], label


@pytest.mark.parametrize(
    ("month_first", "label"),
    [(None, "3 April 2025"), (False, "3 April 2025"), (True, "4 March 2025")],
)
def test_ambiguous_day_month_is_day_first_unless_configured(
    runner, write_brief, month_first, label
):
    extra = "" if month_first is None else f"month_first: {str(month_first).lower()}\n"
    path = write_brief(brief(["03/04/2025"], extra=extra))
    result = runner.invoke(cli, ["events", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert f'"label": "{label}"' in result.output


def test_only_one_reading_is_valid_whichever_order_is_configured():
    for month_first in (False, True):
        assert parse_date("13/04/2025", ANCHOR, month_first=month_first).label == "13 April 2025"
        assert parse_date("04/13/2025", ANCHOR, month_first=month_first).label == "13 April 2025"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("29 February 2024", "29 February 2024"),
        ("28 December - 3 January 2025", "28 December 2024 – 3 January 2025"),
        ("June to May 2025", "June 2024 – May 2025"),
        ("December 2024 to February", "December 2024 – February 2025"),
        ("30 May - 2 June 2025", "30 May – 2 June 2025"),
        ("14-15 June 2025", "14–15 June 2025"),
        ("16 juin 2025", "16 June 2025"),
        ("juin 2025", "June 2025"),
    ],
)
def test_ranges_that_wrap_a_year_and_foreign_dates_still_read(text, label):
    assert parse_date(text, ANCHOR).label == label


def test_the_fallback_does_not_depend_on_the_anchor_month():
    for anchor in (date(2025, 1, 31), ANCHOR, date(2025, 12, 31), date(9999, 12, 31)):
        assert parse_date("16 juin 2025", anchor).label == "16 June 2025"
        with pytest.raises(DateError):
            parse_date("H3 2025", anchor)
