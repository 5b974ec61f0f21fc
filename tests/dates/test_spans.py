"""Table tests for ``parse_date``: spans and ranges, and approximate forms."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date
from tests.dates.table import FIELDS, MON, Case, check, ids

CASES: list[Case] = [
    # spans and ranges
    ("2011 to 2015", MON, "2011-01-01", "2015-12-31", "year", False, "2011–2015"),
    # the second end's "early/mid/late" continues the label in lower case
    ("June 2011 to late March 2015", MON, "2011-06-01", "2015-03-31", "day", False,
     "June 2011 – late March 2015"),
    ("from 2011 to 2015", MON, "2011-01-01", "2015-12-31", "year", False, "2011–2015"),
    ("between 2000 and 2006", MON, "2000-01-01", "2006-12-31", "year", False, "2000–2006"),
    ("2015-2022", MON, "2015-01-01", "2022-12-31", "year", False, "2015–2022"),
    ("2015–2022", MON, "2015-01-01", "2022-12-31", "year", False, "2015–2022"),
    ("2015 — 2022", MON, "2015-01-01", "2022-12-31", "year", False, "2015–2022"),
    ("2011-15", MON, "2011-01-01", "2015-12-31", "year", False, "2011–2015"),
    ("the 1939–45", MON, "1939-01-01", "1945-12-31", "year", False, "1939–1945"),
    ("2011–12", MON, "2011-04-01", "2012-03-31", "year", False, "2011–12"),  # a financial year
    ("in 2012 and 2013", MON, "2012-01-01", "2013-12-31", "year", False, "2012–2013"),
    ("14-15 June 2025", MON, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("14–15 June 2025", MON, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("June 14-15, 2025", MON, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("14 to 15 June", MON, "2025-06-14", "2025-06-15", "day", False, "14–15 June 2025"),
    ("14 June to 2 July 2025", MON, "2025-06-14", "2025-07-02", "day", False,
     "14 June – 2 July 2025"),
    ("30 May – 2 June 2025", MON, "2025-05-30", "2025-06-02", "day", False,
     "30 May – 2 June 2025"),
    ("30 December 2024 to 2 January 2025", MON, "2024-12-30", "2025-01-02", "day", False,
     "30 December 2024 – 2 January 2025"),
    ("May to July 2025", MON, "2025-05-01", "2025-07-31", "month", False, "May–July 2025"),
    ("June 2024 to March 2025", MON, "2024-06-01", "2025-03-31", "month", False,
     "June 2024 – March 2025"),
    ("December to February 2025", MON, "2024-12-01", "2025-02-28", "month", False,
     "December 2024 – February 2025"),
    ("Q1 to Q3 2025", MON, "2025-01-01", "2025-09-30", "quarter", False, "Q1–Q3 2025"),
    ("the 1990s to the 2000s", MON, "1990-01-01", "2009-12-31", "decade", False,
     "1990s–2000s"),
    ("since January 2025", MON, "2025-01-01", "2025-06-16", "month", False,
     "Since January 2025"),
    ("since 2011", MON, "2011-01-01", "2025-06-16", "year", False, "Since 2011"),
    ("2011 onwards", MON, "2011-01-01", "2025-06-16", "year", False, "Since 2011"),
    ("since early 2025", MON, "2025-01-01", "2025-06-16", "month", False,
     "Since early 2025"),
    ("since last week", MON, "2025-06-09", "2025-06-16", "week", False,
     "Since week of 9 June 2025"),
    # approximate
    ("c. 2011", MON, "2011-01-01", "2011-12-31", "year", True, "c. 2011"),
    ("c.2011", MON, "2011-01-01", "2011-12-31", "year", True, "c. 2011"),
    ("circa 2011", MON, "2011-01-01", "2011-12-31", "year", True, "c. 2011"),
    ("around 2011", MON, "2011-01-01", "2011-12-31", "year", True, "c. 2011"),
    ("about 2011", MON, "2011-01-01", "2011-12-31", "year", True, "c. 2011"),
    ("approximately 2011", MON, "2011-01-01", "2011-12-31", "year", True, "c. 2011"),
    ("2011 or so", MON, "2011-01-01", "2011-12-31", "year", True, "c. 2011"),
    ("c. early 2011", MON, "2011-01-01", "2011-04-30", "month", True, "c. early 2011"),
    ("around June 2025", MON, "2025-06-01", "2025-06-30", "month", True, "c. June 2025"),
    # two ordinal parts of one period
    ("the first and second quarters of 2024", MON, "2024-01-01", "2024-06-30", "quarter",
     False, "Q1–Q2 2024"),
    # two weekdays in week order: the second after the first, even from the anchor day
    ("Monday and Tuesday", MON, "2025-06-16", "2025-06-17", "day", False, "16–17 June 2025"),
    # a date restated in brackets: the more precise, once the two agree
    ("Tuesday (10 June)", MON, "2025-06-10", "2025-06-10", "day", False, "10 June 2025"),
    ("today (Monday)", MON, "2025-06-16", "2025-06-16", "day", False, "16 June 2025"),
    ("Quarter 4 (Oct to Dec)", MON, "2024-10-01", "2024-12-31", "quarter", False, "Q4 2024"),
    ("Monday 25 December 2023 (Christmas Day)", MON, "2023-12-25", "2023-12-25", "day", False,
     "25 December 2023"),
    # a period or deadline named by its dates; "since" a range
    ("the March to May period", MON, "2025-03-01", "2025-05-31", "month", False,
     "March–May 2025"),
    ("the 31 January deadline", MON, "2025-01-31", "2025-01-31", "day", False,
     "31 January 2025"),
    ("since April-June 2009", MON, "2009-04-01", "2025-06-16", "month", False,
     "Since April–June 2009"),
]  # fmt: skip


@pytest.mark.parametrize("text", ["Friday (12 June 2025)", "2023 (2022)"])
def test_a_restatement_that_disagrees_is_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, MON)


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_spans(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)
