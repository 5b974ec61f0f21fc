"""What the per-family date tables share: the anchors and the check of one row."""

from __future__ import annotations

from datetime import date

from briefgen.dates import PRECISIONS, parse_date

MON = date(2025, 6, 16)  # a Monday: the default anchor
SAT = date(2025, 6, 14)
SUN = date(2025, 6, 15)
NYD = date(2025, 1, 1)  # a Wednesday
LEAP = date(2024, 2, 29)  # a Thursday

D = date.fromisoformat

# (text, anchor, start, end, precision, approximate, label)
Case = tuple[str, date, str, str, str, bool, str]
FIELDS = ("text", "anchor", "start", "end", "precision", "approximate", "label")


def ids(cases: list[Case]) -> list[str]:
    return [f"{c[0].strip()}@{c[1]}" for c in cases]


def check(
    text: str, anchor: date, start: str, end: str, precision: str, approximate: bool, label: str
) -> None:
    span = parse_date(text, anchor)
    assert (span.start, span.end) == (D(start), D(end))
    assert span.precision == precision
    assert span.approximate is approximate
    assert span.label == label
    assert span.text == text
    assert span.precision in PRECISIONS
