"""Table tests for ``parse_date``: centuries by the formal convention (the 19th century is
1801-1900), their parts, "since" a century, and "the 1800s" (1800-1899) beside them."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date
from tests.dates.table import FIELDS, MON, Case, check, ids

Y2000 = date(2000, 6, 1)  # the last year of the 20th century
Y2001 = date(2001, 6, 1)  # the first of the 21st

CASES: list[Case] = [
    ("the 19th century", MON, "1801-01-01", "1900-12-31", "century", False, "19th century"),
    ("the nineteenth century", MON, "1801-01-01", "1900-12-31", "century", False,
     "19th century"),
    ("the 1st century", MON, "0001-01-01", "0100-12-31", "century", False, "1st century"),
    ("the 99th century", MON, "9801-01-01", "9900-12-31", "century", False, "99th century"),
    ("since the 19th century", MON, "1801-01-01", "2025-06-16", "century", False,
     "Since the 19th century"),
    ("ever since the 18th century", MON, "1701-01-01", "2025-06-16", "century", False,
     "Since the 18th century"),
    ("the early 20th century", MON, "1901-01-01", "1933-12-31", "decade", False,
     "Early 20th century"),
    ("the mid-20th century", MON, "1934-01-01", "1967-12-31", "decade", False,
     "Mid-20th century"),
    ("the late 19th century", MON, "1868-01-01", "1900-12-31", "decade", False,
     "Late 19th century"),
    # this / last / next century: the formal century the anchor's year is in
    ("this century", MON, "2001-01-01", "2100-12-31", "century", False, "21st century"),
    ("last century", MON, "1901-01-01", "2000-12-31", "century", False, "20th century"),
    ("this century", Y2000, "1901-01-01", "2000-12-31", "century", False, "20th century"),
    ("this century", Y2001, "2001-01-01", "2100-12-31", "century", False, "21st century"),
    ("next century", Y2000, "2001-01-01", "2100-12-31", "century", False, "21st century"),
    # "the 1800s" is the hundred years that start 1800, as English uses it
    ("the 1800s", MON, "1800-01-01", "1899-12-31", "century", False, "1800s"),
    ("the early 1900s", MON, "1900-01-01", "1932-12-31", "decade", False, "Early 1900s"),
]  # fmt: skip

REFUSED = ["the 100th century", "the 0th century", "since the 22nd century"]


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_centuries(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, MON)
