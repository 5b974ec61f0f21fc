"""Table tests for ``parse_date``: periods counted back from the month or day they end
(the year to June 2024, the three months to August 2024), and numbered quarters."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date
from tests.dates.table import FIELDS, MON, Case, check, ids

SEP30 = date(2024, 9, 30)
MAY = date(2024, 5, 30)

CASES: list[Case] = [
    # 12 months ending at the end of the month, never the calendar year
    ("the year to June 2024", SEP30, "2023-07-01", "2024-06-30", "month", False,
     "Year to June 2024"),
    ("the year ending March 2024", SEP30, "2023-04-01", "2024-03-31", "month", False,
     "Year ending March 2024"),
    ("year ended December 2023", SEP30, "2023-01-01", "2023-12-31", "month", False,
     "Year ended December 2023"),
    ("the 12 months to September 2024", SEP30, "2023-10-01", "2024-09-30", "month", False,
     "12 months to September 2024"),
    ("the twelve months to January 2025", MON, "2024-02-01", "2025-01-31", "month", False,
     "Twelve months to January 2025"),
    # ending on a day: from the day after the same date a year before
    ("year ending 31 March 2024", SEP30, "2023-04-01", "2024-03-31", "day", False,
     "Year ending 31 March 2024"),
    ("the year to 30 June 2024", SEP30, "2023-07-01", "2024-06-30", "day", False,
     "Year to 30 June 2024"),
    ("the year to 15 May 2024", SEP30, "2023-05-16", "2024-05-15", "day", False,
     "Year to 15 May 2024"),
    # ONS's abbreviation
    ("YE March 2024", SEP30, "2023-04-01", "2024-03-31", "month", False,
     "Year ending March 2024"),
    ("the year ending (YE) June 2023", SEP30, "2022-07-01", "2023-06-30", "month", False,
     "Year ending June 2023"),
    # weeks count back seven days each from the day they end
    ("the 12 weeks to 5 May 2024", SEP30, "2024-02-12", "2024-05-05", "day", False,
     "12 weeks to 5 May 2024"),
    ("the week ending 3 March 2024", SEP30, "2024-02-26", "2024-03-03", "day", False,
     "Week ending 3 March 2024"),
    ("the fortnight to 1 June 2024", SEP30, "2024-05-19", "2024-06-01", "day", False,
     "Fortnight to 1 June 2024"),
    # a bare month: the latest on or before the anchor
    ("in the year to June", SEP30, "2023-07-01", "2024-06-30", "month", False,
     "Year to June 2024"),
    ("in the year to June", MAY, "2022-07-01", "2023-06-30", "month", False,
     "Year to June 2023"),
    # shorter periods
    # N years to a named year are N such years; to a month, N times 12 months
    ("the three years to 2024-25", SEP30, "2022-04-01", "2025-03-31", "year", False,
     "Three years to 2024–25"),
    ("the five years to the tax year 2023-24", SEP30, "2019-04-06", "2024-04-05", "year", False,
     "Five years to tax year 2023–24"),
    ("the two years to March 2024", SEP30, "2022-04-01", "2024-03-31", "month", False,
     "Two years to March 2024"),
    ("the three months to August 2024", SEP30, "2024-06-01", "2024-08-31", "month", False,
     "Three months to August 2024"),
    ("the 3 months to February 2024", SEP30, "2023-12-01", "2024-02-29", "month", False,
     "3 months to February 2024"),
    ("the quarter to June 2024", SEP30, "2024-04-01", "2024-06-30", "month", False,
     "Quarter to June 2024"),
    ("the six months ending November 2023", SEP30, "2023-06-01", "2023-11-30", "month", False,
     "Six months ending November 2023"),
    # named years by their last month or day
    ("the financial year ending March 2024", SEP30, "2023-04-01", "2024-03-31", "year", False,
     "Financial year ending March 2024"),
    ("the tax year ending 5 April 2025", SEP30, "2024-04-06", "2025-04-05", "year", False,
     "Tax year ending 5 April 2025"),
    ("the academic year ending August 2020", SEP30, "2019-09-01", "2020-08-31", "year", False,
     "Academic year ending August 2020"),
    # numbered quarters as statistics releases write them
    ("Quarter 1 2023", SEP30, "2023-01-01", "2023-03-31", "quarter", False, "Q1 2023"),
    ("quarter 1 of 2023", SEP30, "2023-01-01", "2023-03-31", "quarter", False, "Q1 2023"),
    ("Quarter 4 in 2022", SEP30, "2022-10-01", "2022-12-31", "quarter", False, "Q4 2022"),
    ("Quarter 1 (January to March) 2023", SEP30, "2023-01-01", "2023-03-31", "quarter", False,
     "Q1 2023"),
    ("Quarter 1 (Jan to Mar) 2023", SEP30, "2023-01-01", "2023-03-31", "quarter", False,
     "Q1 2023"),
    ("Quarter 3 (July–September) 2021", SEP30, "2021-07-01", "2021-09-30", "quarter", False,
     "Q3 2021"),
    ("the first quarter of 2023", SEP30, "2023-01-01", "2023-03-31", "quarter", False, "Q1 2023"),
    # a quarter named by its months, or with its months restated after its ordinal
    ("the April to June quarter of 2024", SEP30, "2024-04-01", "2024-06-30", "quarter", False,
     "Q2 2024"),
    ("the October to December quarter", SEP30, "2023-10-01", "2023-12-31", "quarter", False,
     "Q4 2023"),
    ("the first quarter of 2024 (January to March)", SEP30, "2024-01-01", "2024-03-31",
     "quarter", False, "Q1 2024"),
    ("the second quarter (April to June) of 2024", SEP30, "2024-04-01", "2024-06-30", "quarter",
     False, "Q2 2024"),
    ("the second half of 2024", SEP30, "2024-07-01", "2024-12-31", "half", False, "H2 2024"),
    # "the year to date" is still the year so far
    ("the year to date", SEP30, "2024-01-01", "2024-09-30", "year", False, "Since 2024"),
    # a period to a quarter, to "the end of" or "end-" a month
    ("the year to Q2 2024", MON, "2023-07-01", "2024-06-30", "month", False, "Year to Q2 2024"),
    ("the four quarters to Q1 2024", MON, "2023-04-01", "2024-03-31", "month", False,
     "Four quarters to Q1 2024"),
    ("the 12 months to the end of March 2024", MON, "2023-04-01", "2024-03-31", "month", False,
     "12 months to March 2024"),
]  # fmt: skip


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_periods_ending(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)


def test_a_bare_month_looks_ahead_with_future_direction() -> None:
    span = parse_date("the year to June", MAY, direction="future")
    assert (span.start, span.end) == (date(2023, 7, 1), date(2024, 6, 30))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Quarter 2 (January to March) 2023", "January to March is not quarter 2"),
        ("Quarter 1 (Apr to Jun) 2023", "April to June is not quarter 1"),
        ("the third quarter (April to June) of 2024", "April to June is not quarter 3"),
        ("the year to 2024", "not a month or a day"),
        ("the financial year ending June 2024", "no financial year ends in June 2024"),
        ("the 12 weeks to June 2024", "a run of weeks ends on a day"),
    ],
)
def test_refused(text: str, words: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, SEP30)
    assert words in caught.value.reason
