"""Table tests for lists of three or more dates, rolling periods named "ahead" or "the
next decade", weekdays that outweigh a sentence's tense, and names that only contain a
year."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date
from tests.dates.table import FIELDS, MON, Case, check, ids

CASES: list[Case] = [
    # a list is the first to the last; items before "and" share the last one's month/year
    ("2, 9 and 16 June 2025", MON, "2025-06-02", "2025-06-16", "day", False, "2–16 June 2025"),
    # a day before a month is the next item's, never a two-digit year ("18 May, 25 May")
    ("18 May, 25 May and 1 June", MON, "2025-05-18", "2025-06-01", "day", False,
     "18 May – 1 June 2025"),
    ("4 March, 11 March and 18 March 2024", MON, "2024-03-04", "2024-03-18", "day", False,
     "4–18 March 2024"),
    ("1, 2 and 3 July", MON, "2025-07-01", "2025-07-03", "day", False, "1–3 July 2025"),
    ("Monday 1st September 2025, Thursday 23rd October 2025 and Friday 24th October 2025", MON,
     "2025-09-01", "2025-10-24", "day", False, "1 September – 24 October 2025"),
    # each day with its weekday: the month (and year) come from the last item, and each
    # weekday must be its day's
    ("Friday 11 and Saturday 12 July", MON, "2025-07-11", "2025-07-12", "day", False,
     "11–12 July 2025"),
    ("Monday 2, Tuesday 3 and Wednesday 4 June 2025", MON, "2025-06-02", "2025-06-04", "day",
     False, "2–4 June 2025"),
    # the weekdays before the days they name: the days, each weekday its day's
    ("Thursday and Friday, June 2 and 3 2022", MON, "2022-06-02", "2022-06-03", "day", False,
     "2–3 June 2022"),
    ("the Thursday and Friday, 2 and 3 June 2022", MON, "2022-06-02", "2022-06-03", "day",
     False, "2–3 June 2022"),
    ("Monday to Friday, 6 to 10 June 2022", MON, "2022-06-06", "2022-06-10", "day", False,
     "6–10 June 2022"),
    # either of two: the interval that holds both
    ("Thursday or Friday", MON, "2025-06-12", "2025-06-13", "day", False, "12–13 June 2025"),
    ("either 2019 or 2020", MON, "2019-01-01", "2020-12-31", "year", False, "2019–2020"),
    ("1 or 2 June 2024", MON, "2024-06-01", "2024-06-02", "day", False, "1–2 June 2024"),
    # a bare day after a month takes that month; "&" is "and"; a list over a new year
    ("June 2nd and 3rd", MON, "2025-06-02", "2025-06-03", "day", False, "2–3 June 2025"),
    # groups of days joined by "and", each a day, a range or a list
    ("18 and 25 May and 1 June 2024", MON, "2024-05-18", "2024-06-01", "day", False,
     "18 May – 1 June 2024"),
    ("1-3 and 7-9 June 2024", MON, "2024-06-01", "2024-06-09", "day", False, "1–9 June 2024"),
    ("3 and 10 March and 7 April 2024", MON, "2024-03-03", "2024-04-07", "day", False,
     "3 March – 7 April 2024"),
    ("14–15 June and 21–22 June 2025", MON, "2025-06-14", "2025-06-22", "day", False,
     "14–22 June 2025"),
    ("25, 26 December and 1 January 2025", MON, "2024-12-25", "2025-01-01", "day", False,
     "25 December 2024 – 1 January 2025"),
    # bare days listed without "and"
    ("27th, 28th, 29th December 2024", MON, "2024-12-27", "2024-12-29", "day", False,
     "27–29 December 2024"),
    # the month first, US style, then bare days
    ("December 27, 28, 29 and 30", MON, "2024-12-27", "2024-12-30", "day", False,
     "27–30 December 2024"),
    ("June 2nd, 3rd and 9th", MON, "2025-06-02", "2025-06-09", "day", False,
     "2–9 June 2025"),
    ("3rd, 10th & 17th March", MON, "2025-03-03", "2025-03-17", "day", False, "3–17 March 2025"),
    ("2 & 3 June 2025", MON, "2025-06-02", "2025-06-03", "day", False, "2–3 June 2025"),
    ("Tuesday 30 December and Friday 2 January", MON, "2025-12-30", "2026-01-02", "day", False,
     "30 December 2025 – 2 January 2026"),
    ("June, July and August 2018", MON, "2018-06-01", "2018-08-31", "month", False,
     "June–August 2018"),
    # an arrow between two dates, as consultation key-date pages write a range
    ("22 November 2021 → 31 January 2022", MON, "2021-11-22", "2022-01-31", "day", False,
     "22 November 2021 – 31 January 2022"),
    ("04 July → 09 September 2022", MON, "2022-07-04", "2022-09-09", "day", False,
     "4 July – 9 September 2022"),
    ("June 12, 13 and 14, 2024", MON, "2024-06-12", "2024-06-14", "day", False,
     "12–14 June 2024"),
    # rolling periods after the anchor
    ("the next decade", MON, "2025-06-17", "2035-06-16", "decade", False,
     "17 June 2025 – 16 June 2035"),
    ("the coming decade", MON, "2025-06-17", "2035-06-16", "decade", False,
     "17 June 2025 – 16 June 2035"),
    ("next decade", MON, "2030-01-01", "2039-12-31", "decade", False, "2030s"),
    ("the years ahead", MON, "2025-06-17", "2028-06-16", "year", True,
     "The years ahead (from 16 June 2025)"),
    ("the months ahead", MON, "2025-06-17", "2025-09-16", "month", False,
     "The months ahead (from 16 June 2025)"),
    ("the weeks ahead", MON, "2025-06-17", "2025-07-14", "week", False,
     "The weeks ahead (from 16 June 2025)"),
]  # fmt: skip


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_lists_and_ahead(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)


@pytest.mark.parametrize(
    ("text", "anchor", "direction", "day"),
    [
        # the weekday decides which 1 September, whatever the sentence's tense says
        ("Thursday 1 September", date(2022, 9, 8), "future", "2022-09-01"),
        ("Monday 5 September", date(2022, 9, 8), "future", "2022-09-05"),
        ("Friday 1 September", date(2022, 9, 8), "past", "2023-09-01"),
        # without a clash the tense still decides
        ("1 September", date(2022, 9, 8), "future", "2023-09-01"),
    ],
)
def test_a_weekday_outweighs_tense(text: str, anchor: date, direction: str, day: str) -> None:
    span = parse_date(text, anchor, direction=direction)  # type: ignore[arg-type]
    assert span.start == span.end == date.fromisoformat(day)


@pytest.mark.parametrize("text", ["NI Act 1998", "Regulations 2019", "Report 2024"])
def test_names_with_a_year_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, MON)


@pytest.mark.parametrize(
    "text",
    [
        "Thursday 11 and Saturday 12 July 2025", "Friday 11 and Sunday 12 July 2025",
        "Thursday and Friday, 3 and 4 June 2022",
    ],
)
def test_a_weekday_that_is_not_its_day_in_a_list_is_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, MON)
