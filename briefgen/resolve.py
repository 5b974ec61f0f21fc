"""The dates stage: resolve every event's and next item's date expression against its anchor."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefgen.dates import DateError, parse_date
from briefgen.errors import BriefgenError, Problem
from briefgen.model import Brief, Event, Place


def event_anchor(brief: Brief, event: Event) -> date | Problem:
    """Return the date that resolves ``event``'s relative expressions, or a problem.

    An explicit ``anchor`` (a date, or a source id whose publication date is used) wins;
    otherwise the first cited source's publication date, else the brief's ``as_of``.
    """
    place = event.place or Place(brief.path)
    if isinstance(event.anchor, date):
        return event.anchor
    if isinstance(event.anchor, str) and event.anchor:
        source = brief.source(event.anchor)
        if source is None:
            return Problem(
                f"anchor {event.anchor!r} is neither a date nor a source id",
                place.file, place.line, "anchor",
                "write a date (YYYY-MM-DD) or the id of one of the brief's sources",
            )  # fmt: skip
        if source.published is None:
            return Problem(
                f"anchor source {event.anchor!r} has no publication date",
                place.file, place.line, "anchor",
                f"add 'published: YYYY-MM-DD' to the source {event.anchor!r}",
            )  # fmt: skip
        return source.published
    for source_id in event.sources:
        source = brief.source(source_id)
        if source is not None and source.published is not None:
            return source.published
    return brief.as_of


def _date_problem(exc: DateError, place: Place | None, field: str) -> Problem:
    return Problem(
        f"cannot read the date {exc.text!r}: {exc.reason}",
        place.file if place else None,
        place.line if place else None,
        field,
        exc.hint or None,
    )


def resolve_dates(brief: Brief) -> Brief:
    """Return ``brief`` with every event's and next item's ``span`` filled in.

    Raises ``BriefgenError`` listing every date that cannot be read and every bad anchor.
    """
    resolved, problems = resolve_dates_partly(brief)
    if problems:
        raise BriefgenError(problems)
    return resolved


def resolve_dates_partly(brief: Brief) -> tuple[Brief, list[Problem]]:
    """Return ``brief`` with the events and next items whose dates can be read, each with
    its ``span``, and the problems of those that cannot (bad dates and anchors)."""
    month_first = brief.month_first
    problems: list[Problem] = []
    events = []
    for event in brief.events:
        anchor = event_anchor(brief, event)
        if isinstance(anchor, Problem):
            problems.append(anchor)
            continue
        try:
            span = parse_date(event.date, anchor, month_first=month_first)
        except DateError as exc:
            problems.append(_date_problem(exc, event.place, "date"))
            continue
        events.append(replace(event, span=span))
    nexts = []
    for item in brief.next:
        anchor = brief.as_of
        if item.source and (source := brief.source(item.source)) and source.published:
            anchor = source.published
        try:
            nexts.append(replace(item, span=parse_date(item.date, anchor, month_first=month_first)))
        except DateError as exc:
            problems.append(_date_problem(exc, item.place, "next.date"))
    return replace(brief, events=tuple(events), next=tuple(nexts)), problems
