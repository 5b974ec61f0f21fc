"""The dates stage: resolve every event's and next item's date expression against its anchor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Literal, TypedDict

from briefgen.anaphora import AnaphoraError, is_anaphoric, resolve_anaphoric
from briefgen.dates import DateError, DateSpan, parse_date
from briefgen.errors import BriefgenError, Problem
from briefgen.eventids import event_ids
from briefgen.model import Brief, Event, Place

Direction = Literal["past", "future"]


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
    its ``span``, and the problems of those that cannot (bad dates and anchors).

    An event with ``relative_to`` is read against the interval of the event it names
    (resolved first); an anaphoric date ("the following year") without one is an error.
    """
    problems: list[Problem] = []
    ids = event_ids(brief.events)
    by_id = dict(zip(ids, brief.events, strict=True))
    spans: dict[str, DateSpan | None] = {}  # by event id (unique); None: failed
    visiting: list[str] = []

    def dated(event: Event, eid: str) -> DateSpan | None:
        if eid in spans:
            return spans[eid]
        visiting.append(eid)
        span = _event_span(brief, event, by_id, visiting, dated, problems)
        visiting.pop()
        spans[eid] = span
        return span

    events = []
    for eid, event in zip(ids, brief.events, strict=True):
        span = dated(event, eid)
        if span is not None:
            events.append(replace(event, span=span))
    nexts = []
    for item in brief.next:
        anchor = brief.as_of
        if item.source and (source := brief.source(item.source)) and source.published:
            anchor = source.published
        place = item.place
        if is_anaphoric(item.date):
            problems.append(_anaphoric_problem(item.date, place, "next.date", None))
            continue
        direction = _direction(item.tense) or "future"  # next items are future by definition
        try:
            span = parse_date(item.date, anchor, direction=direction, **_settings(brief))
        except DateError as exc:
            problems.append(_date_problem(exc, place, "next.date"))
            continue
        nexts.append(replace(item, span=span))
    return replace(brief, events=tuple(events), next=tuple(nexts)), problems


class _Settings(TypedDict):
    month_first: bool
    financial_year_start: tuple[int, int] | None
    academic_year_start: tuple[int, int] | None


def _settings(brief: Brief) -> _Settings:
    """The brief's settings, as ``parse_date`` takes them (``None``: the user set nothing)."""
    return {
        "month_first": brief.month_first,
        "financial_year_start": brief.financial_year_start,
        "academic_year_start": brief.academic_year_start,
    }


def _direction(tense: str | None) -> Direction | None:
    return "past" if tense == "past" else "future" if tense == "future" else None


def _anaphoric_problem(text: str, place: Place | None, field: str, before: str | None) -> Problem:
    follows = f" (the event before it in the file is {before!r})" if before else ""
    return Problem(
        f"the date {text!r} follows another event, and the brief does not say which",
        place.file if place else None,
        place.line if place else None,
        field,
        f"add 'relative_to: <id of the event it follows>'{follows}; briefgen never guesses",
    )


def _event_span(
    brief: Brief,
    event: Event,
    by_id: dict[str, Event],
    visiting: list[str],
    dated: Callable[[Event, str], DateSpan | None],
    problems: list[Problem],
) -> DateSpan | None:
    """Resolve one event's date (its ``relative_to`` event first), recording problems."""
    place = event.place or Place(brief.path)
    if event.relative_to:
        target = by_id.get(event.relative_to)
        if target is None:
            known = ", ".join(e.id for e in brief.events if e.id) or "none has an id yet"
            problems.append(Problem(
                f"relative_to names {event.relative_to!r}, which is no event's id",
                place.file, place.line, "relative_to",
                f"write the id of the event it follows (ids in this brief: {known})",
            ))  # fmt: skip
            return None
        if event.relative_to in visiting:
            loop = " -> ".join([*visiting[visiting.index(event.relative_to) :], event.relative_to])
            problems.append(Problem(
                f"relative_to goes round in a circle ({loop})",
                place.file, place.line, "relative_to",
                "one of these events needs a date of its own (an absolute date or one "
                "relative to the page)",
            ))  # fmt: skip
            return None
        reference = dated(target, event.relative_to)
        if reference is None:
            return None  # the event it follows is already reported
        if is_anaphoric(event.date):
            try:
                return resolve_anaphoric(event.date, reference)
            except AnaphoraError as exc:
                problems.append(Problem(
                    f"cannot read the date {event.date!r}: {exc.reason}",
                    place.file, place.line, "date", exc.hint,
                ))  # fmt: skip
                return None
    elif is_anaphoric(event.date):
        position = next(i for i, e in enumerate(brief.events) if e is event)
        before_id = (brief.events[position - 1].id or None) if position else None
        problems.append(_anaphoric_problem(event.date, place, "date", before_id))
        return None
    anchor = event_anchor(brief, event)
    if isinstance(anchor, Problem):
        problems.append(anchor)
        return None
    direction = _direction(event.tense) or _direction(brief.tense)
    try:
        return parse_date(event.date, anchor, direction=direction, **_settings(brief))
    except DateError as exc:
        problems.append(_date_problem(exc, event.place, "date"))
        return None
