"""Table tests for ``briefgen.dates.parse_date``: intervals, precision, approximation, labels."""

from __future__ import annotations

import inspect
import subprocess
import sys
from datetime import date, datetime

import pytest

import briefgen.datelabels
import briefgen.dates
from briefgen.dates import PRECISIONS, DateError, DateSpan, parse_date

MON = date(2025, 6, 16)  # a Monday: the default anchor
SAT = date(2025, 6, 14)
SUN = date(2025, 6, 15)
NYD = date(2025, 1, 1)  # a Wednesday
LEAP = date(2024, 2, 29)  # a Thursday

D = date.fromisoformat

# (text, anchor, start, end, precision, approximate, label)
CASES: list[tuple[str, date, str, str, str, bool, str]] = [
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
    # spans and ranges
    ("2011 to 2015", MON, "2011-01-01", "2015-12-31", "year", False, "2011–2015"),
    ("from 2011 to 2015", MON, "2011-01-01", "2015-12-31", "year", False, "2011–2015"),
    ("between 2000 and 2006", MON, "2000-01-01", "2006-12-31", "year", False, "2000–2006"),
    ("2015-2022", MON, "2015-01-01", "2022-12-31", "year", False, "2015–2022"),
    ("2015–2022", MON, "2015-01-01", "2022-12-31", "year", False, "2015–2022"),
    ("2015 — 2022", MON, "2015-01-01", "2022-12-31", "year", False, "2015–2022"),
    ("2011-15", MON, "2011-01-01", "2015-12-31", "year", False, "2011–2015"),
    ("2011–12", MON, "2011-01-01", "2012-12-31", "year", False, "2011–2012"),
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
    # parts and periods
    ("early 2025", MON, "2025-01-01", "2025-04-30", "month", False, "Early 2025"),
    ("mid 2025", MON, "2025-05-01", "2025-08-31", "month", False, "Mid 2025"),
    ("late 2025", MON, "2025-09-01", "2025-12-31", "month", False, "Late 2025"),
    ("mid-2025", MON, "2025-05-01", "2025-08-31", "month", False, "Mid 2025"),
    ("mid-1998", MON, "1998-05-01", "1998-08-31", "month", False, "Mid 1998"),
    ("the middle of 2025", MON, "2025-05-01", "2025-08-31", "month", False, "Mid 2025"),
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
    ("mid-June 2025", MON, "2025-06-11", "2025-06-20", "day", False, "Mid June 2025"),
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
    ("the mid-1990s", MON, "1994-01-01", "1996-12-31", "year", False, "Mid 1990s"),
    ("the late 1990s", MON, "1997-01-01", "1999-12-31", "year", False, "Late 1990s"),
    ("the 1800s", MON, "1800-01-01", "1899-12-31", "century", False, "1800s"),
    ("the early 1900s", MON, "1900-01-01", "1932-12-31", "decade", False, "Early 1900s"),
    ("the first week of June", MON, "2025-06-01", "2025-06-07", "week", False,
     "First week of June 2025"),
    ("the 20th century", MON, "1900-01-01", "1999-12-31", "century", False, "20th century"),
    ("the twenty-first century", MON, "2000-01-01", "2099-12-31", "century", False,
     "21st century"),
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
    ("earlier this month", MON, "2025-06-01", "2025-06-16", "month", False, "1–16 June 2025"),
    ("five months ago", MON, "2025-01-01", "2025-01-31", "month", False, "January 2025"),
    ("in January", MON, "2025-01-01", "2025-01-31", "month", False, "January 2025"),
    ("in December", MON, "2024-12-01", "2024-12-31", "month", False, "December 2024"),
    ("in June this year", MON, "2025-06-01", "2025-06-30", "month", False, "June 2025"),
    ("in June last year", MON, "2024-06-01", "2024-06-30", "month", False, "June 2024"),
    ("last year", MON, "2024-01-01", "2024-12-31", "year", False, "2024"),
    ("this year", MON, "2025-01-01", "2025-12-31", "year", False, "2025"),
    ("next year", MON, "2026-01-01", "2026-12-31", "year", False, "2026"),
    ("earlier this year", MON, "2025-01-01", "2025-06-16", "year", False,
     "1 January – 16 June 2025"),
    ("later this year", MON, "2025-06-16", "2025-12-31", "year", False,
     "16 June – 31 December 2025"),
    ("two years ago", MON, "2023-01-01", "2023-12-31", "year", False, "2023"),
    ("a year ago", MON, "2024-01-01", "2024-12-31", "year", False, "2024"),
    ("a year earlier", MON, "2024-01-01", "2024-12-31", "year", False, "2024"),
    ("the last three months", MON, "2025-03-17", "2025-06-16", "month", False,
     "17 March – 16 June 2025"),
    # recent and coming
    ("in recent days", MON, "2025-06-10", "2025-06-16", "day", False, "10–16 June 2025"),
    ("in recent weeks", MON, "2025-05-20", "2025-06-16", "week", False,
     "20 May – 16 June 2025"),
    ("in recent months", MON, "2025-03-17", "2025-06-16", "month", False,
     "17 March – 16 June 2025"),
    ("in the coming days", MON, "2025-06-17", "2025-06-23", "day", False, "17–23 June 2025"),
    ("in the coming weeks", MON, "2025-06-17", "2025-07-14", "week", False,
     "17 June – 14 July 2025"),
    ("in the coming months", MON, "2025-06-17", "2025-09-16", "month", False,
     "17 June – 16 September 2025"),
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
    ("earlier this year", NYD, "2025-01-01", "2025-01-01", "year", False, "1 January 2025"),
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
     "26 December 2024 – 1 January 2025"),
    ("since January", NYD, "2025-01-01", "2025-01-01", "month", False, "Since January 2025"),
    # 29 February 2024
    ("today", LEAP, "2024-02-29", "2024-02-29", "day", False, "29 February 2024"),
    ("29 February", LEAP, "2024-02-29", "2024-02-29", "day", False, "29 February 2024"),
    ("a year ago", LEAP, "2023-01-01", "2023-12-31", "year", False, "2023"),
    ("one month ago", LEAP, "2024-01-01", "2024-01-31", "month", False, "January 2024"),
    ("next year", LEAP, "2025-01-01", "2025-12-31", "year", False, "2025"),
    ("in recent months", LEAP, "2023-11-30", "2024-02-29", "month", False,
     "30 November 2023 – 29 February 2024"),
    ("the past year", LEAP, "2023-03-01", "2024-02-29", "year", False,
     "1 March 2023 – 29 February 2024"),
    ("earlier this month", LEAP, "2024-02-01", "2024-02-29", "month", False,
     "1–29 February 2024"),
    ("last week", LEAP, "2024-02-19", "2024-02-25", "week", False, "Week of 19 February 2024"),
    ("late February", LEAP, "2024-02-21", "2024-02-29", "day", False, "Late February 2024"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "anchor", "start", "end", "precision", "approximate", "label"),
    CASES,
    ids=[f"{c[0].strip()}@{c[1]}" for c in CASES],
)
def test_parse_date(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    span = parse_date(text, anchor)
    assert (span.start, span.end) == (D(start), D(end))
    assert span.precision == precision
    assert span.approximate is approximate
    assert span.label == label
    assert span.text == text
    assert span.precision in PRECISIONS


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 120
    assert {c[1] for c in CASES} >= {MON, SAT, SUN, NYD, LEAP}


INVALID = [
    "Inquiries Act 2005",
    "as young as 10",
    "19th report",
    "under-16s",
    "800 cases",
    "",
    "   ",
    "banana",
    "2025-13-01",
    "2025-02-30",
    "31 April 2025",
    "29 February 2025",
    "32 June 2025",
    "14/13/2025",
    "0000",
    "10000",
    "2015 to 2011",
    "June 2025 to May 2025",
    "Tuesday 16 June 2025",
    "fiscal 2025",
    "500 BC",
    "since next year",
    "from 2011",
    "until 2015",
    "Q5 2025",
    "week 54 2025",
    "the 101st century",
    "99999999999999999999 days ago",
    "10",
    "next",
    "ago",
    "\x00",
    "💥",
    "2025" * 40,
]


@pytest.mark.parametrize("text", INVALID)
def test_not_a_date(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, MON)
    assert caught.value.text == text
    assert caught.value.reason
    assert caught.value.hint


def test_hint_lists_forms_understood() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("banana", MON)
    assert "16 June 2025" in caught.value.hint
    assert "at the weekend" in caught.value.hint


def test_backwards_range_says_so() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("2015 to 2011", MON)
    assert "before it starts" in caught.value.reason
    assert "earlier end first" in caught.value.hint


def test_impossible_day_says_why() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("29 February 2025", MON)
    assert caught.value.reason == "February 2025 has no day 29"


def test_month_first_flips_numeric_dates() -> None:
    assert parse_date("03/04/2025", MON).start == date(2025, 4, 3)
    assert parse_date("03/04/2025", MON, month_first=True).start == date(2025, 3, 4)
    assert parse_date("03/04/2025", MON, month_first=True).label == "4 March 2025"


def test_month_first_keeps_the_only_valid_reading() -> None:
    assert parse_date("25/12/2025", MON, month_first=True).start == date(2025, 12, 25)
    assert parse_date("12/25/2025", MON).start == date(2025, 12, 25)


@pytest.mark.parametrize(
    "text",
    ["today", "yesterday", "last week", "at the weekend", "earlier this year", "in January",
     "two years ago", "in recent days", "in the coming months", "the third quarter"],
)  # fmt: skip
def test_relative_forms_follow_the_anchor(text: str) -> None:
    one = parse_date(text, MON)
    other = parse_date(text, date(2019, 10, 3))
    assert (one.start, one.end) != (other.start, other.end)
    assert one.label != other.label


@pytest.mark.parametrize("module", [briefgen.dates, briefgen.datelabels])
def test_never_reads_the_clock(module: object) -> None:
    source = inspect.getsource(module)  # type: ignore[arg-type]
    for call in ("today()", "now(", "time.time", "utcnow", "localtime"):
        assert call not in source


def test_common_forms_do_not_import_dateparser() -> None:
    """``briefgen --help`` must stay fast: dateparser is imported only for odd forms."""
    code = (
        "import sys; from datetime import date; from briefgen.dates import parse_date\n"
        "for t in ['16 June 2025', 'at the weekend', '2011 to 2015', 'c. 2011', 'Q1 2025']:\n"
        "    parse_date(t, date(2025, 6, 16))\n"
        "assert 'dateparser' not in sys.modules, 'dateparser was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_accepts_datetime_anchor_and_yaml_values() -> None:
    assert parse_date("yesterday", datetime(2025, 6, 16, 23, 59)).start == date(2025, 6, 15)
    assert parse_date(date(2025, 6, 16), MON).label == "16 June 2025"  # type: ignore[arg-type]
    assert parse_date(2025, MON).precision == "year"  # type: ignore[arg-type]
    with pytest.raises(DateError):
        parse_date(None, MON)  # type: ignore[arg-type]


def test_to_json_shape() -> None:
    span = parse_date("14–15 June 2025", MON)
    assert isinstance(span, DateSpan)
    assert span.to_json() == {
        "text": "14–15 June 2025",
        "start": "2025-06-14",
        "end": "2025-06-15",
        "precision": "day",
        "approximate": False,
        "label": "14–15 June 2025",
    }
