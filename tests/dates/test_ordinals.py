"""Table tests for ``parse_date``: ordinal and counted weekdays (the first Monday of a
month, the last day of a month, the 20th of next month, a weekday of a week, two
Thursdays ago, the Friday after next)."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date
from tests.dates.table import FIELDS, LEAP, MON, NYD, SAT, Case, check, ids

FRI = date(2025, 6, 20)

CASES: list[Case] = [
    # the nth weekday or day of a period
    ("the first Monday of this month", MON, "2025-06-02", "2025-06-02", "day", False,
     "2 June 2025"),
    ("the last Sunday of March 2014", MON, "2014-03-30", "2014-03-30", "day", False,
     "30 March 2014"),
    ("the last day of October 2015", MON, "2015-10-31", "2015-10-31", "day", False,
     "31 October 2015"),
    ("the last day of February", LEAP, "2024-02-29", "2024-02-29", "day", False,
     "29 February 2024"),
    ("the first day of next month", MON, "2025-07-01", "2025-07-01", "day", False,
     "1 July 2025"),
    ("the second Tuesday in July 2025", MON, "2025-07-08", "2025-07-08", "day", False,
     "8 July 2025"),
    ("the fifth Monday of June 2025", MON, "2025-06-30", "2025-06-30", "day", False,
     "30 June 2025"),
    ("the first Monday of 2025", MON, "2025-01-06", "2025-01-06", "day", False,
     "6 January 2025"),
    ("the last working day of May 2025", MON, "2025-05-30", "2025-05-30", "day", False,
     "30 May 2025"),
    ("on the last Friday of next month", NYD, "2025-02-28", "2025-02-28", "day", False,
     "28 February 2025"),
    # a day of a month named relative to the anchor
    ("the 20th of next month", MON, "2025-07-20", "2025-07-20", "day", False, "20 July 2025"),
    ("the 1st of this month", MON, "2025-06-01", "2025-06-01", "day", False, "1 June 2025"),
    ("the twentieth of last month", MON, "2025-05-20", "2025-05-20", "day", False,
     "20 May 2025"),
    ("the 20th of June 2025", MON, "2025-06-20", "2025-06-20", "day", False, "20 June 2025"),
    # counted weekdays: strictly before / after the anchor
    ("two Thursdays ago", MON, "2025-06-05", "2025-06-05", "day", False, "5 June 2025"),
    ("3 Fridays from now", MON, "2025-07-04", "2025-07-04", "day", False, "4 July 2025"),
    ("3 Fridays from now", FRI, "2025-07-11", "2025-07-11", "day", False, "11 July 2025"),
    ("one Monday ago", MON, "2025-06-09", "2025-06-09", "day", False, "9 June 2025"),
    ("two Saturdays ago", SAT, "2025-05-31", "2025-05-31", "day", False, "31 May 2025"),
    # a weekday of a week
    ("monday of this week", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("wednesday of next week", MON, "2025-06-25", "2025-06-25", "day", False, "25 June 2025"),
    ("Sunday of last week", MON, "2025-06-15", "2025-06-15", "day", False, "15 June 2025"),
    ("Friday of the week of 9 June 2025", MON, "2025-06-13", "2025-06-13", "day", False,
     "13 June 2025"),
    # after next / before last
    ("friday after next", MON, "2025-06-27", "2025-06-27", "day", False, "27 June 2025"),
    ("friday after next", FRI, "2025-07-04", "2025-07-04", "day", False, "4 July 2025"),
    ("the Friday before last", MON, "2025-06-06", "2025-06-06", "day", False, "6 June 2025"),
]  # fmt: skip

REFUSED = [
    "the fifth Monday of February 2025",  # February 2025 has four
    "the 31st of next month",  # at the anchor below next month is June, which has 30
    "the first Monday of the council",
    "Monday of March",
]


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_ordinals(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, date(2025, 5, 16))  # next month is June: no 31st
