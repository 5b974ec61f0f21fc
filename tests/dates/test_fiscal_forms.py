"""Table tests for the ways UK text writes financial, tax and academic years beyond the
basic "2023-24": GOV.UK's "2024 to 2025", two-digit and four-digit pairs, several named
years at once, parts of such a year, and the new financial year."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date
from tests.dates.table import FIELDS, MON, Case, check, ids

APR = date(2024, 4, 4)  # just after the financial year starts
MAR = date(2024, 3, 25)  # just before it starts
OCT = date(2024, 10, 15)  # half-way through

CASES: list[Case] = [
    # a quarter of a financial, tax or academic year counts from that year's start
    ("Q1 2011/12", MON, "2011-04-01", "2011-06-30", "quarter", False, "Q1 2011/12"),
    # the quarter after the year, as quarterly statistics tables write it
    ("2024-25 Q2", MON, "2024-07-01", "2024-09-30", "quarter", False, "Q2 2024–25"),
    ("2023-24 Quarter 3", MON, "2023-10-01", "2023-12-31", "quarter", False, "Q3 2023–24"),
    ("since 2009-10 Q1", MON, "2009-04-01", "2025-06-16", "quarter", False, "Since Q1 2009–10"),
    ("Q3 2023-24", MON, "2023-10-01", "2023-12-31", "quarter", False, "Q3 2023–24"),
    ("the first quarter of 2024-25", MON, "2024-04-01", "2024-06-30", "quarter", False,
     "Q1 2024–25"),
    ("quarter four of 2022 to 2023", MON, "2023-01-01", "2023-03-31", "quarter", False,
     "Q4 2022–23"),
    ("the second quarter of the financial year 2023-24", MON, "2023-07-01", "2023-09-30",
     "quarter", False, "Q2 of financial year 2023–24"),
    ("the final quarter of this financial year", OCT, "2025-01-01", "2025-03-31", "quarter",
     False, "Q4 of financial year 2024–25"),
    ("Q4 of the tax year 2024 to 2025", MON, "2025-01-06", "2025-04-05", "quarter", False,
     "Q4 of tax year 2024–25"),
    ("the first quarter of FY2024/25", MON, "2024-04-01", "2024-06-30", "quarter", False,
     "Q1 of financial year 2024–25"),
    # a range or list of such years is labelled with "to", never two dashes in a row
    ("2021-22 to 2024-25", MON, "2021-04-01", "2025-03-31", "year", False, "2021–22 to 2024–25"),
    ("between 2019/20 and 2022/23", MON, "2019-04-01", "2023-03-31", "year", False,
     "2019/20 to 2022/23"),
    ("Q1 2011/12 to Q3 2011/12", MON, "2011-04-01", "2011-12-31", "quarter", False,
     "Q1 2011/12 to Q3 2011/12"),
    # a day of such a year
    ("the first day of the 2025/26 tax year", MON, "2025-04-06", "2025-04-06", "day", False,
     "6 April 2025"),
    ("the last day of the financial year 2023-24", MON, "2024-03-31", "2024-03-31", "day",
     False, "31 March 2024"),
    # ... and a quarter of a calendar year stays the calendar quarter
    ("the first quarter of 2024", MON, "2024-01-01", "2024-03-31", "quarter", False, "Q1 2024"),
    # GOV.UK style and its shortenings: one financial year, not two calendar years
    ("2024 to 2025", MON, "2024-04-01", "2025-03-31", "year", False, "2024–25"),
    ("the 2022 to 2023", MON, "2022-04-01", "2023-03-31", "year", False, "2022–23"),
    ("2022 to 23", MON, "2022-04-01", "2023-03-31", "year", False, "2022–23"),
    ("2021/2022", MON, "2021-04-01", "2022-03-31", "year", False, "2021/22"),
    ("18/19", MON, "2018-04-01", "2019-03-31", "year", False, "2018/19"),
    ("the year 2023-24", MON, "2023-04-01", "2024-03-31", "year", False, "2023–24"),
    ("the 2019/20", MON, "2019-04-01", "2020-03-31", "year", False, "2019/20"),
    # several named years: the first's start to the last's end
    ("tax years 2026-27 to 2030-31", MON, "2026-04-06", "2031-04-05", "year", False,
     "Tax years 2026–27 to 2030–31"),
    ("the financial years 2023-24 and 2024-25", MON, "2023-04-01", "2025-03-31", "year", False,
     "Financial years 2023–24 to 2024–25"),
    ("tax years 2028-29, 2029-30 and 2030-31", MON, "2028-04-06", "2031-04-05", "year", False,
     "Tax years 2028–29 to 2030–31"),
    ("the 2024/25 and 2025/26 academic years", MON, "2024-09-01", "2026-08-31", "year", False,
     "Academic years 2024–25 to 2025–26"),
    # parts of a named year count from its first month, not January
    ("the first eight months of 2024-25", MON, "2024-04-01", "2024-11-30", "month", False,
     "The first eight months of 2024–25"),
    ("the last three months of 2024", MON, "2024-10-01", "2024-12-31", "month", False,
     "The last three months of 2024"),
    ("the first two weeks of July 2025", MON, "2025-07-01", "2025-07-14", "day", False,
     "The first two weeks of July 2025"),
    ("the start of the 2022/23 academic year", MON, "2022-09-01", "2022-10-31", "month", False,
     "Start of academic year 2022–23"),
    ("early 2024-25", MON, "2024-04-01", "2024-07-31", "month", False, "Early 2024–25"),
    ("the end of the tax year 2024-25", MON, "2025-02-01", "2025-04-05", "month", False,
     "End of tax year 2024–25"),
    ("late 2023", MON, "2023-09-01", "2023-12-31", "month", False, "Late 2023"),
    # spans of named years, and the winter a pair of years names
    ("since the academic year 2021/22", date(2024, 2, 7), "2021-09-01", "2024-02-07", "year",
     False, "Since academic year 2021–22"),
    ("from the tax year 2023-24 onwards", date(2024, 2, 7), "2023-04-06", "2024-02-07", "year",
     False, "Since tax year 2023–24"),
    ("the 2023/24 winter period", MON, "2023-12-01", "2024-02-29", "season", False,
     "Winter 2023–24"),
    ("2023-24 winter", MON, "2023-12-01", "2024-02-29", "season", False, "Winter 2023–24"),
    # the year ending with a day (older statute and accounts wording)
    ("the year ending with 31 March 2024", MON, "2023-04-01", "2024-03-31", "day", False,
     "Year ending with 31 March 2024"),
    ("the three months ending with June 2024", MON, "2024-04-01", "2024-06-30", "month", False,
     "Three months ending with June 2024"),
    # the new financial year: the one whose start is nearest the anchor
    ("the new financial year", APR, "2024-04-01", "2025-03-31", "year", False,
     "Financial year 2024–25"),
    ("the new financial year", MAR, "2024-04-01", "2025-03-31", "year", False,
     "Financial year 2024–25"),
    ("the new financial year", OCT, "2025-04-01", "2026-03-31", "year", False,
     "Financial year 2025–26"),
]  # fmt: skip


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_fiscal_forms(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("from 2024 to 2025", "2024-01-01", "2025-12-31"),  # "from" keeps a range of years
        ("between 2024 and 2025", "2024-01-01", "2025-12-31"),
        ("2011 to 2015", "2011-01-01", "2015-12-31"),  # not consecutive: calendar years
        ("2014/10", "2014-10-01", "2014-10-31"),  # a year and a month number
    ],
)
def test_pairs_that_stay_calendar(text: str, start: str, end: str) -> None:
    span = parse_date(text, MON)
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "03/04",  # a day and a month, not the financial year 2003-04
        "24/26",  # not consecutive
        "tax years 2026-27 to 2025-26",  # backwards
        "tax years 2026-28 and 2029-30",  # 2026-28 is not one year
    ],
)
def test_pairs_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, MON)


@pytest.mark.parametrize("text", ["from 2025-26", "From 2019/20", "until 2025-26"])
def test_an_open_end_on_a_financial_year_is_refused_never_two_calendar_years(text):
    with pytest.raises(DateError, match="leaves one end of the interval open"):
        parse_date(text, MON)
