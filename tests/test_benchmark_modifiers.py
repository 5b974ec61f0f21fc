"""The end-to-end TempEval benchmark's reading of START / MID / END modifiers."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.tempeval_mentions import modified_interval

# (value, mod, interval)
MODIFIED = [
    ("2020", "", (date(2020, 1, 1), date(2020, 12, 31))),
    ("2020", "START", (date(2020, 1, 1), date(2020, 4, 30))),
    ("2020", "MID", (date(2020, 5, 1), date(2020, 8, 31))),
    ("2020", "END", (date(2020, 9, 1), date(2020, 12, 31))),
    ("2020", "APPROX", (date(2020, 1, 1), date(2020, 12, 31))),
    ("2020-02", "END", (date(2020, 2, 21), date(2020, 2, 29))),
    ("2020-06", "START", (date(2020, 6, 1), date(2020, 6, 10))),
    ("199", "START", (date(1990, 1, 1), date(1993, 12, 31))),
    ("199", "END", (date(1997, 1, 1), date(1999, 12, 31))),
    ("19", "MID", (date(1933, 1, 1), date(1966, 12, 31))),
    ("PRESENT_REF", "", None),
]


@pytest.mark.parametrize(("value", "mod", "interval"), MODIFIED)
def test_modifiers_take_the_matching_part(value, mod, interval):
    assert modified_interval(value, mod) == interval
