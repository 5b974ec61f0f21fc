"""The first half of the pipeline in one call: read, resolve dates, order, check."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from briefgen.check import check_brief
from briefgen.errors import BriefgenError, Problem
from briefgen.model import Brief
from briefgen.order import order_events
from briefgen.read.brief import read_brief_partly
from briefgen.resolve import resolve_dates_partly


@dataclass(frozen=True)
class Loaded:
    """A brief that is read, dated and ordered, with the warnings found on the way."""

    brief: Brief
    warnings: tuple[Problem, ...]


def load_brief(path: str | Path) -> Loaded:
    """Read, date, order and check the brief at ``path``.

    Raises ``BriefgenError`` with every error of every stage at once, in file and line
    order (an unknown key does not hide a bad date or an unknown source id); returns the
    warnings alongside the brief.
    """
    read, errors = read_brief_partly(path)
    if read is None:
        raise BriefgenError(errors)
    if errors:  # a missing date is reported once, by the reader, not again as unreadable
        read = replace(
            read,
            events=tuple(e for e in read.events if e.date.strip()),
            next=tuple(n for n in read.next if n.date.strip()),
        )
    dated, date_errors = resolve_dates_partly(read)
    brief = order_events(dated)
    problems = check_brief(brief)
    errors += date_errors + [p for p in problems if p.severity == "error"]
    if errors:
        shown = brief.path
        # stable: a CSV's errors after the brief's, each file's in line order
        raise BriefgenError(sorted(errors, key=lambda p: (p.file != shown, p.line or 0)))
    warnings = [*brief.warnings, *(p for p in problems if p.severity == "warning")]
    return Loaded(brief, tuple(warnings))
