"""Table tests for ``parse_date``: financial, tax, academic and fiscal years."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date
from tests.dates.table import FIELDS, MON, NYD, Case, check, ids

CASES: list[Case] = [
    # a bare year and the next one's last two digits: a UK financial year, as written
    ("2023-24", MON, "2023-04-01", "2024-03-31", "year", False, "2023–24"),
    ("2023–24", MON, "2023-04-01", "2024-03-31", "year", False, "2023–24"),
    ("2019/20", MON, "2019-04-01", "2020-03-31", "year", False, "2019/20"),
    ("in 2017/18", MON, "2017-04-01", "2018-03-31", "year", False, "2017/18"),
    ("1999-00", MON, "1999-04-01", "2000-03-31", "year", False, "1999–00"),
    # a year and a month number, month last
    ("2014/10", MON, "2014-10-01", "2014-10-31", "month", False, "October 2014"),
    # named years
    ("the financial year 2023-24", MON, "2023-04-01", "2024-03-31", "year", False,
     "Financial year 2023–24"),
    ("FY2023/24", MON, "2023-04-01", "2024-03-31", "year", False, "Financial year 2023–24"),
    ("FY 2023-2024", MON, "2023-04-01", "2024-03-31", "year", False, "Financial year 2023–24"),
    ("the 2024-25 financial year", MON, "2024-04-01", "2025-03-31", "year", False,
     "Financial year 2024–25"),
    ("the tax year 2024-25", MON, "2024-04-06", "2025-04-05", "year", False, "Tax year 2024–25"),
    # a year to date runs from its start to the anchor
    ("the financial year to date", MON, "2025-04-01", "2025-06-16", "day", False,
     "Financial year 2025–26 to date"),
    ("the current financial year-to-date", MON, "2025-04-01", "2025-06-16", "day", False,
     "Financial year 2025–26 to date"),
    ("the tax year to date", MON, "2025-04-06", "2025-06-16", "day", False,
     "Tax year 2025–26 to date"),
    ("the tax year 2024 to 2025", MON, "2024-04-06", "2025-04-05", "year", False,
     "Tax year 2024–25"),
    ("the academic year 2019/20", MON, "2019-09-01", "2020-08-31", "year", False,
     "Academic year 2019–20"),
    ("the school year 2024-25", MON, "2024-09-01", "2025-08-31", "year", False,
     "Academic year 2024–25"),
    # relative to the anchor (16 June 2025; 1 January 2025)
    ("this financial year", MON, "2025-04-01", "2026-03-31", "year", False,
     "Financial year 2025–26"),
    ("this financial year", NYD, "2024-04-01", "2025-03-31", "year", False,
     "Financial year 2024–25"),
    ("the next financial year", MON, "2026-04-01", "2027-03-31", "year", False,
     "Financial year 2026–27"),
    ("last tax year", MON, "2024-04-06", "2025-04-05", "year", False, "Tax year 2024–25"),
    ("the latest full financial year", MON, "2024-04-01", "2025-03-31", "year", False,
     "Financial year 2024–25"),
    ("the last complete tax year", NYD, "2023-04-06", "2024-04-05", "year", False,
     "Tax year 2023–24"),
    ("this academic year", MON, "2024-09-01", "2025-08-31", "year", False,
     "Academic year 2024–25"),
    ("next academic year", MON, "2025-09-01", "2026-08-31", "year", False,
     "Academic year 2025–26"),
]  # fmt: skip


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_fiscal(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    check(text, anchor, start, end, precision, approximate, label)


@pytest.mark.parametrize("text", ["2023-24", "2019/20", "2010-11", "2025/26", "in 2017/18"])
def test_a_bare_year_pair_is_never_two_calendar_years(text: str) -> None:
    span = parse_date(text, MON)
    assert (span.start.month, span.start.day) == (4, 1)
    assert span.end.year == span.start.year + 1
    assert (span.end.month, span.end.day) == (3, 31)


# (text, settings, start, end)
SETTINGS: list[tuple[str, dict[str, tuple[int, int]], str, str]] = [
    ("2023-24", {"financial_year_start": (1, 1)}, "2023-01-01", "2023-12-31"),
    ("2023-24", {"financial_year_start": (7, 1)}, "2023-07-01", "2024-06-30"),
    ("the fiscal year 2023-24", {"financial_year_start": (10, 1)}, "2023-10-01", "2024-09-30"),
    ("this fiscal year", {"financial_year_start": (10, 1)}, "2024-10-01", "2025-09-30"),
    ("the academic year 2019/20", {"academic_year_start": (8, 1)}, "2019-08-01", "2020-07-31"),
    ("the tax year 2024-25", {"financial_year_start": (1, 1)}, "2024-04-06", "2025-04-05"),
]


@pytest.mark.parametrize(("text", "settings", "start", "end"), SETTINGS)
def test_year_settings(
    text: str, settings: dict[str, tuple[int, int]], start: str, end: str
) -> None:
    span = parse_date(text, MON, **settings)  # type: ignore[arg-type]
    assert (span.start, span.end) == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize("text", ["this fiscal year", "fiscal 2025", "the fiscal year 2023-24"])
def test_a_fiscal_year_without_its_setting_is_refused_naming_it(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, MON)
    assert "financial_year_start" in caught.value.hint


@pytest.mark.parametrize(
    "text", ["the financial year 2023", "FY2023/25", "financial year 2023 to 2026"]
)
def test_a_named_year_that_is_not_one_year_is_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, MON)
