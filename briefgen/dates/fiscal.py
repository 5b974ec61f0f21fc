"""Fiscal and financial years, and years BC."""

from __future__ import annotations

from briefgen.dates.core import _CALENDAR_HINT, DateError, _Ctx, _Groups, _Span, rule


@rule(r".*\bfiscal\b.*", r".*\b(?:fy|financial year)\b.*")
def _fiscal(g: _Groups, ctx: _Ctx) -> _Span:
    """Fiscal and financial years: refused, since each organisation's starts differently."""
    raise DateError(
        "", "fiscal and financial years start on different dates for different organisations",
        "give the calendar dates, e.g. 'April 2024 to March 2025'",
    )  # fmt: skip


@rule(r".*\b(?:bc|bce)\b.*")
def _before_christ(g: _Groups, ctx: _Ctx) -> _Span:
    """Years BC: outside the calendar briefgen handles."""
    raise DateError("", "years before AD 1 are not supported", _CALENDAR_HINT)
