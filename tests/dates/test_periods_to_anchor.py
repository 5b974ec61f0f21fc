"""Table tests for ``parse_date``: periods named from the anchor as UK prose writes them:
the new year, the year ahead, coming and recent weeks and months, the past year, recent
years, "back in" a year, "X to the present" and "by the end of the year"."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date
from tests.dates.table import FIELDS, LEAP, MON, NYD, Case, check, ids

DEC = date(2025, 12, 10)

CASES: list[Case] = [
    # the new year: January-February of the year after the anchor's
    ("in the new year", MON, "2026-01-01", "2026-02-28", "month", False, "In the new year (2026)"),
    ("in the New Year", DEC, "2026-01-01", "2026-02-28", "month", False, "In the new year (2026)"),
    ("the new year", LEAP, "2025-01-01", "2025-02-28", "month", False, "In the new year (2025)"),
    # the year ahead: the 12 months after the anchor
    ("the year ahead", MON, "2025-06-17", "2026-06-16", "year", False,
     "The year ahead (from 16 June 2025)"),
    ("in the coming year", MON, "2025-06-17", "2026-06-16", "year", False,
     "The coming year (from 16 June 2025)"),
    ("over the year ahead", DEC, "2025-12-11", "2026-12-10", "year", False,
     "The year ahead (from 10 December 2025)"),
    ("next year", MON, "2026-01-01", "2026-12-31", "year", False, "2026"),
    # coming and recent weeks and months: the longer unit's length
    ("in the coming weeks and months", MON, "2025-06-17", "2025-09-16", "month", False,
     "In the coming weeks and months (from 16 June 2025)"),
    ("in recent weeks and months", MON, "2025-03-17", "2025-06-16", "month", False,
     "In the weeks and months to 16 June 2025"),
    ("in the coming days and weeks", NYD, "2025-01-02", "2025-01-29", "week", False,
     "In the coming days and weeks (from 1 January 2025)"),
    # the past year: the 12 months up to the anchor
    ("over the past year", MON, "2024-06-17", "2025-06-16", "year", False,
     "17 June 2024 – 16 June 2025"),
    ("in the past year", MON, "2024-06-17", "2025-06-16", "year", False,
     "17 June 2024 – 16 June 2025"),
    ("in the last year", NYD, "2024-01-02", "2025-01-01", "year", False,
     "2 January 2024 – 1 January 2025"),
    # recent years: the 3 years up to the anchor, approximate
    ("in recent years", MON, "2022-06-17", "2025-06-16", "year", True,
     "In the years to 16 June 2025"),
    ("of recent years", MON, "2022-06-17", "2025-06-16", "year", True,
     "In the years to 16 June 2025"),
    ("in recent months", MON, "2025-03-17", "2025-06-16", "month", False,
     "In the months to 16 June 2025"),
    # back in a year or month
    ("back in 2013", MON, "2013-01-01", "2013-12-31", "year", False, "2013"),
    ("back in March 2020", MON, "2020-03-01", "2020-03-31", "month", False, "March 2020"),
    # to the present: the start of X to the anchor
    ("from 1983 to the present", MON, "1983-01-01", "2025-06-16", "year", False, "Since 1983"),
    ("from 2015 to the present day", MON, "2015-01-01", "2025-06-16", "year", False,
     "Since 2015"),
    ("1983 to date", MON, "1983-01-01", "2025-06-16", "year", False, "Since 1983"),
    ("March 2020 to date", MON, "2020-03-01", "2025-06-16", "month", False,
     "Since March 2020"),
    ("2010–present", MON, "2010-01-01", "2025-06-16", "year", False, "Since 2010"),
    ("from 2019 until now", MON, "2019-01-01", "2025-06-16", "year", False, "Since 2019"),
    # ranges in prose
    ("August 2020 to January 2021", MON, "2020-08-01", "2021-01-31", "month", False,
     "August 2020 – January 2021"),
    ("from 2015 to 2028", MON, "2015-01-01", "2028-12-31", "year", False, "2015–2028"),
    ("from August 2020 until January 2021", MON, "2020-08-01", "2021-01-31", "month", False,
     "August 2020 – January 2021"),
    # a deadline
    ("by the end of the year", MON, "2025-11-01", "2025-12-31", "month", False,
     "By the end of 2025"),
    ("by the end of next year", MON, "2026-11-01", "2026-12-31", "month", False,
     "By the end of 2026"),
    ("by the end of March 2026", MON, "2026-03-21", "2026-03-31", "day", False,
     "By the end of March 2026"),
]  # fmt: skip

REFUSED = ["to date", "to the present", "from the present", "a new year", "new year"]


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_periods_to_anchor(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, MON)
