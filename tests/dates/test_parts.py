"""Table tests for ``parse_date``: parts and periods: early/mid/late, quarters, halves, seasons."""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates.table import FIELDS, MON, Case, check, ids

CASES: list[Case] = [
    # parts and periods
    ("early 2025", MON, "2025-01-01", "2025-04-30", "month", False, "Early 2025"),
    ("mid 2025", MON, "2025-05-01", "2025-08-31", "month", False, "Mid-2025"),
    ("late 2025", MON, "2025-09-01", "2025-12-31", "month", False, "Late 2025"),
    ("mid-2025", MON, "2025-05-01", "2025-08-31", "month", False, "Mid-2025"),
    ("mid-1998", MON, "1998-05-01", "1998-08-31", "month", False, "Mid-1998"),
    ("the middle of 2025", MON, "2025-05-01", "2025-08-31", "month", False, "Mid-2025"),
    ("the end of 2025", MON, "2025-11-01", "2025-12-31", "month", False, "End of 2025"),
    ("the start of 2025", MON, "2025-01-01", "2025-02-28", "month", False, "Start of 2025"),
    ("the beginning of 2024", MON, "2024-01-01", "2024-02-29", "month", False,
     "Start of 2024"),
    ("the start of this year", MON, "2025-01-01", "2025-02-28", "month", False,
     "Start of 2025"),
    ("the end of the year", MON, "2025-11-01", "2025-12-31", "month", False, "End of 2025"),
    ("early next year", MON, "2026-01-01", "2026-04-30", "month", False, "Early 2026"),
    ("late last year", MON, "2024-09-01", "2024-12-31", "month", False, "Late 2024"),
    ("early June 2025", MON, "2025-06-01", "2025-06-10", "day", False, "Early June 2025"),
    ("mid-June 2025", MON, "2025-06-11", "2025-06-20", "day", False, "Mid-June 2025"),
    ("late June 2025", MON, "2025-06-21", "2025-06-30", "day", False, "Late June 2025"),
    ("spring 2025", MON, "2025-03-01", "2025-05-31", "season", False, "Spring 2025"),
    ("summer 2025", MON, "2025-06-01", "2025-08-31", "season", False, "Summer 2025"),
    ("autumn 2024", MON, "2024-09-01", "2024-11-30", "season", False, "Autumn 2024"),
    ("fall 2024", MON, "2024-09-01", "2024-11-30", "season", False, "Autumn 2024"),
    ("winter 2024", MON, "2024-12-01", "2025-02-28", "season", False, "Winter 2024–25"),
    ("winter 2023", MON, "2023-12-01", "2024-02-29", "season", False, "Winter 2023–24"),
    ("winter 2024/25", MON, "2024-12-01", "2025-02-28", "season", False, "Winter 2024–25"),
    ("Q1 2025", MON, "2025-01-01", "2025-03-31", "quarter", False, "Q1 2025"),
    ("Q4 2024", MON, "2024-10-01", "2024-12-31", "quarter", False, "Q4 2024"),
    ("the third quarter of 2024", MON, "2024-07-01", "2024-09-30", "quarter", False,
     "Q3 2024"),
    ("H2 2024", MON, "2024-07-01", "2024-12-31", "half", False, "H2 2024"),
    ("the first half of 2025", MON, "2025-01-01", "2025-06-30", "half", False, "H1 2025"),
    ("the 2010s", MON, "2010-01-01", "2019-12-31", "decade", False, "2010s"),
    ("1990s", MON, "1990-01-01", "1999-12-31", "decade", False, "1990s"),
    ("the '90s", MON, "1990-01-01", "1999-12-31", "decade", False, "1990s"),
    ("the early 1990s", MON, "1990-01-01", "1993-12-31", "year", False, "Early 1990s"),
    ("the mid-1990s", MON, "1994-01-01", "1996-12-31", "year", False, "Mid-1990s"),
    ("the late 1990s", MON, "1997-01-01", "1999-12-31", "year", False, "Late 1990s"),
    ("the 1800s", MON, "1800-01-01", "1899-12-31", "century", False, "1800s"),
    ("the early 1900s", MON, "1900-01-01", "1932-12-31", "decade", False, "Early 1900s"),
    ("the first week of June", MON, "2025-06-01", "2025-06-07", "week", False,
     "First week of June 2025"),
    ("the 20th century", MON, "1901-01-01", "2000-12-31", "century", False, "20th century"),
    ("the twenty-first century", MON, "2001-01-01", "2100-12-31", "century", False,
     "21st century"),
    # quarters and seasons relative to the anchor (in Q2 and in summer)
    ("the third quarter", MON, "2024-07-01", "2024-09-30", "quarter", False, "Q3 2024"),
    ("third-quarter", MON, "2024-07-01", "2024-09-30", "quarter", False, "Q3 2024"),
    ("the second quarter", MON, "2025-04-01", "2025-06-30", "quarter", False, "Q2 2025"),
    ("this quarter", MON, "2025-04-01", "2025-06-30", "quarter", False, "Q2 2025"),
    ("last quarter", MON, "2025-01-01", "2025-03-31", "quarter", False, "Q1 2025"),
    ("the latest quarter", MON, "2025-01-01", "2025-03-31", "quarter", False, "Q1 2025"),
    ("last spring", MON, "2025-03-01", "2025-05-31", "season", False, "Spring 2025"),
    ("this summer", MON, "2025-06-01", "2025-08-31", "season", False, "Summer 2025"),
    ("the summer", MON, "2025-06-01", "2025-08-31", "season", False, "Summer 2025"),
    ("next winter", MON, "2025-12-01", "2026-02-28", "season", False, "Winter 2025–26"),
    # other words for the start, middle and end
    ("the tail end of 2023", MON, "2023-11-01", "2023-12-31", "month", False, "End of 2023"),
    ("the close of 2023", MON, "2023-11-01", "2023-12-31", "month", False, "End of 2023"),
    ("mid-way through 2024", MON, "2024-05-01", "2024-08-31", "month", False, "Mid-2024"),
]  # fmt: skip


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_parts(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)
