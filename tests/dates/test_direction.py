"""Table tests for ``parse_date``'s ``direction``: the caller's tense, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.dates import DateError, parse_date

JAN17 = date(2024, 1, 17)  # a Wednesday
AUG31 = date(2024, 8, 31)  # a Saturday
NYD23 = date(2023, 1, 1)  # a Sunday
OCT = date(2022, 10, 20)  # autumn
MON = date(2025, 6, 16)

# (text, anchor, direction, start, end)
CASES: list[tuple[str, date, str | None, str, str]] = [
    # bare months
    ("the end of February", JAN17, "future", "2024-02-21", "2024-02-29"),
    ("the end of February", JAN17, None, "2023-02-21", "2023-02-28"),
    ("October", AUG31, "future", "2024-10-01", "2024-10-31"),
    ("October", AUG31, "past", "2023-10-01", "2023-10-31"),
    ("in August", AUG31, "future", "2024-08-01", "2024-08-31"),
    # day-months
    ("May 6", NYD23, "future", "2023-05-06", "2023-05-06"),
    ("May 6", NYD23, None, "2022-05-06", "2022-05-06"),
    ("14 July", MON, "past", "2024-07-14", "2024-07-14"),
    ("16 June", MON, "future", "2025-06-16", "2025-06-16"),
    ("1 December", MON, "future", "2025-12-01", "2025-12-01"),
    ("Thursday 9 April", MON, "future", "2026-04-09", "2026-04-09"),
    ("Saturday 25 April", date(1998, 4, 24), "past", "1998-04-25", "1998-04-25"),  # weekday wins
    ("Monday 9 June", MON, "future", "2025-06-09", "2025-06-09"),
    # weekdays
    ("Monday", MON, "future", "2025-06-16", "2025-06-16"),
    ("Friday", MON, "future", "2025-06-20", "2025-06-20"),
    ("Friday", MON, "past", "2025-06-13", "2025-06-13"),
    ("the 20th", MON, "future", "2025-06-20", "2025-06-20"),
    ("the 10th", MON, "future", "2025-07-10", "2025-07-10"),
    # seasons, quarters, holidays
    ("winter", MON, "future", "2025-12-01", "2026-02-28"),
    ("spring", MON, "future", "2026-03-01", "2026-05-31"),
    ("the summer", MON, "future", "2025-06-01", "2025-08-31"),
    ("the third quarter", MON, "future", "2025-07-01", "2025-09-30"),
    ("Christmas", MON, "future", "2025-12-25", "2025-12-25"),
    # "this winter and next winter" in the autumn: two winters
    ("this winter", OCT, None, "2022-12-01", "2023-02-28"),
    ("next winter", OCT, None, "2023-12-01", "2024-02-29"),
    ("next winter", NYD23, None, "2023-12-01", "2024-02-29"),
]


@pytest.mark.parametrize(("text", "anchor", "direction", "start", "end"), CASES)
def test_direction(text: str, anchor: date, direction: str | None, start: str, end: str) -> None:
    span = parse_date(text, anchor, direction=direction)  # type: ignore[arg-type]
    assert (span.start, span.end) == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize(
    "text", ["16 June 2025", "last week", "next March", "two years ago", "2023-24", "Q1 2025"]
)
def test_direction_leaves_stated_and_relative_forms_alone(text: str) -> None:
    base = parse_date(text, MON)
    for direction in ("past", "future"):
        span = parse_date(text, MON, direction=direction)  # type: ignore[arg-type]
        assert (span.start, span.end, span.label) == (base.start, base.end, base.label)


ANAPHORIC = [
    "the following year", "the previous year", "the year before", "the year after",
    "two days later", "three weeks earlier", "a year earlier", "that autumn", "that year",
    "later that month",
]  # fmt: skip


@pytest.mark.parametrize("text", ANAPHORIC)
def test_forms_relative_to_another_event_are_refused(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, MON)
    assert "relative_to" in caught.value.hint
