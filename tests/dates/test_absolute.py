"""Table tests for ``parse_date``: absolute days, months and years, day-months without a
year."""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates.table import FIELDS, MON, Case, check, ids

CASES: list[Case] = [
    # absolute days, months and years
    ("2025-06-16", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("16 June 2025", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("Monday 16th June 2025", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("Monday, 16 June 2025", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("June 16, 2025", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("on 16 June 2025.", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("  16 JUNE 2025  ", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("the 1st of June 2025", MON, "2025-06-01", "2025-06-01", "day", False, "1 June 2025"),
    ("Sept. 30, 2024", MON, "2024-09-30", "2024-09-30", "day", False, "30 September 2024"),
    ("2025-06-16T10:30:00Z", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("14/06/2025", MON, "2025-06-14", "2025-06-14", "day", False, "14 June 2025"),
    ("03/04/2025", MON, "2025-04-03", "2025-04-03", "day", False, "3 April 2025"),
    ("3.4.2025", MON, "2025-04-03", "2025-04-03", "day", False, "3 April 2025"),
    ("14/06/25", MON, "2025-06-14", "2025-06-14", "day", False, "14 June 2025"),
    ("Jun 2025", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("June 2025", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("in June 2025", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("2025-06", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("06/2025", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("2025", MON, "2025-01-01", "2025-12-31", "year", False, "2025"),
    ("in 2025", MON, "2025-01-01", "2025-12-31", "year", False, "2025"),
    ("the year 2000", MON, "2000-01-01", "2000-12-31", "year", False, "2000"),
    ("AD 800", MON, "0800-01-01", "0800-12-31", "year", False, "800"),
    ("nineteen ninety-six", MON, "1996-01-01", "1996-12-31", "year", False, "1996"),
    ("16-Jun-2025", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("16 Jun 25", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("June '25", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("2025-W24", MON, "2025-06-09", "2025-06-15", "week", False, "Week of 9 June 2025"),
    ("16 juin 2025", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    # a day and month without a year: the next one within 3 months, else the latest
    ("16 June", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("Feb. 14", MON, "2025-02-14", "2025-02-14", "day", False, "14 February 2025"),
    ("14 July", MON, "2025-07-14", "2025-07-14", "day", False, "14 July 2025"),
    ("1 December", MON, "2024-12-01", "2024-12-01", "day", False, "1 December 2024"),
    ("Sept. 30", MON, "2024-09-30", "2024-09-30", "day", False, "30 September 2024"),
    ("Friday 13 June", MON, "2025-06-13", "2025-06-13", "day", False, "13 June 2025"),
    ("the 16th", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("29 February", MON, "2024-02-29", "2024-02-29", "day", False, "29 February 2024"),
    # holidays: England and Wales's bank holidays and Easter's movable days
    ("Good Friday 2024", MON, "2024-03-29", "2024-03-29", "day", False, "29 March 2024"),
    ("the early May bank holiday 2024", MON, "2024-05-06", "2024-05-06", "day", False,
     "6 May 2024"),
    ("the spring bank holiday 2024", MON, "2024-05-27", "2024-05-27", "day", False,
     "27 May 2024"),
    ("the August bank holiday 2024", MON, "2024-08-26", "2024-08-26", "day", False,
     "26 August 2024"),
    ("Mothering Sunday 2024", MON, "2024-03-10", "2024-03-10", "day", False, "10 March 2024"),
    ("Shrove Tuesday 2024", MON, "2024-02-13", "2024-02-13", "day", False, "13 February 2024"),
    ("Whitsun 2024", MON, "2024-05-19", "2024-05-19", "day", False, "19 May 2024"),
    ("the late May bank holiday", MON, "2025-05-26", "2025-05-26", "day", False,
     "26 May 2025"),
]  # fmt: skip


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_absolute(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)
