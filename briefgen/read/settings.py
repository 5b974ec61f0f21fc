"""The brief's date settings: ``tense`` (top level, per event, per next item) and the
``financial_year_start`` / ``academic_year_start`` month-days, read with line and hint."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Literal

from briefgen.read.yamlnodes import LineDict

if TYPE_CHECKING:
    from briefgen.read.brief import _Reader

Tense = Literal["past", "future"]
MonthDay = tuple[int, int]

TENSE_HINT = (
    "write 'tense: past' (bare months and weekdays are the latest on or before the anchor) "
    "or 'tense: future' (the next on or after it), or leave it out"
)
UK_DEFAULTS = {"financial_year_start": "04-01", "academic_year_start": "09-01"}
_MONTH_DAY = re.compile(r"([0-9]{1,2})-([0-9]{1,2})")


def read_tense(r: _Reader, mapping: LineDict, where: str) -> Tense | None:
    """Return ``mapping["tense"]`` ("past" or "future"), ``None`` when absent or bad."""
    if "tense" not in mapping:
        return None
    value = mapping.get("tense")
    line = mapping.key_lines.get("tense", mapping.line)
    if isinstance(value, str) and value.strip().lower() in ("past", "future"):
        return "past" if value.strip().lower() == "past" else "future"
    shown = repr(value) if isinstance(value, str) else "nothing" if value is None else "a value"
    r.error(line, f"{where}tense", f"tense must be past or future, found {shown}", TENSE_HINT)
    return None


def read_month_day(r: _Reader, mapping: LineDict, key: str) -> MonthDay | None:
    """Return the (month, day) a setting such as ``financial_year_start: "04-01"`` names.

    ``None`` when it is absent (the UK default then applies) or not a real month-day (an
    error with the line is recorded). 29 February is refused: a year must start every year.
    """
    if key not in mapping:
        return None
    value = mapping.get(key)
    line = mapping.key_lines.get(key, mapping.line)
    text = value.strip() if isinstance(value, str) else ""
    m = _MONTH_DAY.fullmatch(text)
    if m is not None:
        month, day = int(m[1]), int(m[2])
        try:
            date(2001, month, day)  # not a leap year: 02-29 is refused
        except ValueError:
            pass
        else:
            return month, day
    default = UK_DEFAULTS[key]
    shown = repr(value) if isinstance(value, str) else "a value that is not text"
    r.error(
        line,
        key,
        f"expected a month and day written MM-DD, found {shown}",
        f'write "MM-DD" in quotes, for example "{default}"; left out, the UK defaults '
        "apply: financial years from 04-01, academic years from 09-01",
    )
    return None
