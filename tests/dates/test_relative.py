"""Table tests for ``parse_date``: forms relative to the anchor, at several anchors."""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates.table import FIELDS, LEAP, MON, NYD, SAT, SUN, Case, check, ids

CASES: list[Case] = [
    # relative to the anchor: days
    ("today", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("now", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("this morning", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("this afternoon", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("this evening", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("tonight", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("yesterday", MON, "2025-06-15", "2025-06-15", "day", False, "15 June 2025"),
    ("yesterday morning", MON, "2025-06-15", "2025-06-15", "day", False, "15 June 2025"),
    ("last night", MON, "2025-06-15", "2025-06-15", "day", False, "15 June 2025"),
    ("tomorrow", MON, "2025-06-17", "2025-06-17", "day", False, "17 June 2025"),
    # older Hansard: to-day, to-morrow, this day; a possessive; a spelled-out count
    ("To-day", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("to-morrow", MON, "2025-06-17", "2025-06-17", "day", False, "17 June 2025"),
    ("this day", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("This morning's", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("Eighty years ago", MON, "1945-01-01", "1945-12-31", "year", False, "1945"),
    ("80 years ago", MON, "1945-01-01", "1945-12-31", "year", False, "1945"),
    ("the day before yesterday", MON, "2025-06-14", "2025-06-14", "day", False,
     "14 June 2025"),
    ("on Monday", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("on Sunday", MON, "2025-06-15", "2025-06-15", "day", False, "15 June 2025"),
    ("on Thursday afternoon", MON, "2025-06-12", "2025-06-12", "day", False, "12 June 2025"),
    ("9am on Tuesday", MON, "2025-06-10", "2025-06-10", "day", False, "10 June 2025"),
    ("next Monday", MON, "2025-06-23", "2025-06-23", "day", False, "23 June 2025"),
    ("last Monday", MON, "2025-06-09", "2025-06-09", "day", False, "9 June 2025"),
    ("3 days ago", MON, "2025-06-13", "2025-06-13", "day", False, "13 June 2025"),
    ("last Christmas", MON, "2024-12-25", "2024-12-25", "day", False, "25 December 2024"),
    ("Easter 2025", MON, "2025-04-20", "2025-04-20", "day", False, "20 April 2025"),
    # weekends and weeks
    ("at the weekend", MON, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("over the weekend", MON, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("last weekend", MON, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("this past weekend", MON, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("next weekend", MON, "2025-06-21", "2025-06-22", "day", False, "21–22 June 2025"),
    ("last week", MON, "2025-06-09", "2025-06-15", "week", False, "Week of 9 June 2025"),
    ("this week", MON, "2025-06-16", "2025-06-22", "week", False, "Week of 16 June 2025"),
    ("next week", MON, "2025-06-23", "2025-06-29", "week", False, "Week of 23 June 2025"),
    ("two weeks ago", MON, "2025-06-02", "2025-06-08", "week", False, "Week of 2 June 2025"),
    ("in two weeks", MON, "2025-06-30", "2025-07-06", "week", False, "Week of 30 June 2025"),
    ("the week of 9 June 2025", MON, "2025-06-09", "2025-06-15", "week", False,
     "Week of 9 June 2025"),
    ("the past week", MON, "2025-06-10", "2025-06-16", "week", False, "10–16 June 2025"),
    # months and years
    ("last month", MON, "2025-05-01", "2025-05-31", "month", False, "May 2025"),
    ("this month", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("next month", MON, "2025-07-01", "2025-07-31", "month", False, "July 2025"),
    ("earlier this month", MON, "2025-06-01", "2025-06-16", "month", False, "Earlier in June 2025"),
    ("five months ago", MON, "2025-01-01", "2025-01-31", "month", False, "January 2025"),
    ("in January", MON, "2025-01-01", "2025-01-31", "month", False, "January 2025"),
    ("in December", MON, "2024-12-01", "2024-12-31", "month", False, "December 2024"),
    ("in June this year", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("in June last year", MON, "2024-06-01", "2024-06-30", "month", False, "June 2024"),
    ("last year", MON, "2024-01-01", "2024-12-31", "year", False, "2024"),
    ("this year", MON, "2025-01-01", "2025-12-31", "year", False, "2025"),
    ("next year", MON, "2026-01-01", "2026-12-31", "year", False, "2026"),
    ("earlier this year", MON, "2025-01-01", "2025-06-16", "year", False,
     "Earlier in 2025"),
    ("later this year", MON, "2025-06-16", "2025-12-31", "year", False,
     "Later in 2025"),
    ("two years ago", MON, "2023-01-01", "2023-12-31", "year", False, "2023"),
    ("a year ago", MON, "2024-01-01", "2024-12-31", "year", False, "2024"),
    ("the last three months", MON, "2025-03-17", "2025-06-16", "month", False,
     "17 March – 16 June 2025"),
    # recent and coming
    ("in recent days", MON, "2025-06-10", "2025-06-16", "day", False,
     "In the days to 16 June 2025"),
    ("in recent weeks", MON, "2025-05-20", "2025-06-16", "week", False,
     "In the weeks to 16 June 2025"),
    ("in recent months", MON, "2025-03-17", "2025-06-16", "month", False,
     "In the months to 16 June 2025"),
    ("in the coming days", MON, "2025-06-17", "2025-06-23", "day", False,
     "In the coming days (from 16 June 2025)"),
    ("in the coming weeks", MON, "2025-06-17", "2025-07-14", "week", False,
     "In the coming weeks (from 16 June 2025)"),
    ("in the coming months", MON, "2025-06-17", "2025-09-16", "month", False,
     "In the coming months (from 16 June 2025)"),
    # a Saturday anchor
    ("at the weekend", SAT, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("next weekend", SAT, "2025-06-21", "2025-06-22", "day", False, "21–22 June 2025"),
    ("on Saturday", SAT, "2025-06-14", "2025-06-14", "day", False, "14 June 2025"),
    ("on Sunday", SAT, "2025-06-08", "2025-06-08", "day", False, "8 June 2025"),
    ("last week", SAT, "2025-06-02", "2025-06-08", "week", False, "Week of 2 June 2025"),
    ("this week", SAT, "2025-06-09", "2025-06-15", "week", False, "Week of 9 June 2025"),
    # a Sunday anchor
    ("at the weekend", SUN, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("last weekend", SUN, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("on Monday", SUN, "2025-06-09", "2025-06-09", "day", False, "9 June 2025"),
    ("this week", SUN, "2025-06-09", "2025-06-15", "week", False, "Week of 9 June 2025"),
    # 1 January
    ("earlier this year", NYD, "2025-01-01", "2025-01-01", "year", False, "Earlier in 2025"),
    ("in January", NYD, "2025-01-01", "2025-01-31", "month", False, "January 2025"),
    ("in December", NYD, "2024-12-01", "2024-12-31", "month", False, "December 2024"),
    ("last month", NYD, "2024-12-01", "2024-12-31", "month", False, "December 2024"),
    ("yesterday", NYD, "2024-12-31", "2024-12-31", "day", False, "31 December 2024"),
    ("last year", NYD, "2024-01-01", "2024-12-31", "year", False, "2024"),
    ("this winter", NYD, "2024-12-01", "2025-02-28", "season", False, "Winter 2024–25"),
    ("the fourth quarter", NYD, "2024-10-01", "2024-12-31", "quarter", False, "Q4 2024"),
    ("the start of this year", NYD, "2025-01-01", "2025-02-28", "month", False,
     "Start of 2025"),
    ("in recent days", NYD, "2024-12-26", "2025-01-01", "day", False,
     "In the days to 1 January 2025"),
    ("since January", NYD, "2025-01-01", "2025-01-01", "month", False, "Since January 2025"),
    # 29 February 2024
    ("today", LEAP, "2024-02-29", "2024-02-29", "day", False, "29 February 2024"),
    ("29 February", LEAP, "2024-02-29", "2024-02-29", "day", False, "29 February 2024"),
    ("a year ago", LEAP, "2023-01-01", "2023-12-31", "year", False, "2023"),
    ("one month ago", LEAP, "2024-01-01", "2024-01-31", "month", False, "January 2024"),
    ("next year", LEAP, "2025-01-01", "2025-12-31", "year", False, "2025"),
    ("in recent months", LEAP, "2023-11-30", "2024-02-29", "month", False,
     "In the months to 29 February 2024"),
    ("the past year", LEAP, "2023-03-01", "2024-02-29", "year", False,
     "1 March 2023 – 29 February 2024"),
    ("earlier this month", LEAP, "2024-02-01", "2024-02-29", "month", False,
     "Earlier in February 2024"),
    ("last week", LEAP, "2024-02-19", "2024-02-25", "week", False, "Week of 19 February 2024"),
    ("late February", LEAP, "2024-02-21", "2024-02-29", "day", False, "Late February 2024"),
]  # fmt: skip


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_relative(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)
