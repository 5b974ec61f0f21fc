"""The first half of the pipeline in one call: read, resolve dates, order, check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.check import check_brief
from briefgen.errors import BriefgenError, Problem
from briefgen.model import Brief
from briefgen.order import order_events
from briefgen.read.brief import read_brief
from briefgen.resolve import resolve_dates


@dataclass(frozen=True)
class Loaded:
    """A brief that is read, dated and ordered, with the warnings found on the way."""

    brief: Brief
    warnings: tuple[Problem, ...]


def load_brief(path: str | Path) -> Loaded:
    """Read, date, order and check the brief at ``path``.

    Raises ``BriefgenError`` with every error; returns the warnings alongside the brief.
    """
    brief = order_events(resolve_dates(read_brief(path)))
    problems = check_brief(brief)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise BriefgenError(errors)
    warnings = [*brief.warnings, *(p for p in problems if p.severity == "warning")]
    return Loaded(brief, tuple(warnings))
