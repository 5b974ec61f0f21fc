"""The ordering rules: by start, then end, then the author's order in the file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefgen.model import Brief, Event


def event_sort_key(event: Event) -> tuple[date, date, int]:
    """Sort key of a dated event: an interval sorts by its start, then its end, then input order.

    So an event known only to the month sorts at the start of that month, a range sorts by
    its start, and events on the same day keep the author's order.
    """
    assert event.span is not None, "order_events needs dated events (run resolve_dates first)"
    return (event.span.start, event.span.end, event.index)


def order_events(brief: Brief) -> Brief:
    """Return ``brief`` with its events (and next items) in chronological order."""
    events = tuple(sorted(brief.events, key=event_sort_key))
    nexts = tuple(
        sorted(
            brief.next,
            key=lambda n: (n.span.start, n.span.end) if n.span else (date.max, date.max),
        )
    )
    return replace(brief, events=events, next=nexts)


def select_events(
    events: tuple[Event, ...],
    *,
    start: date | None = None,
    end: date | None = None,
    tag: str | None = None,
    key_only: bool = False,
) -> tuple[Event, ...]:
    """Keep the events that overlap ``start..end``, carry ``tag`` and (optionally) are key."""
    out = []
    for e in events:
        assert e.span is not None
        if start and e.span.end < start:
            continue
        if end and e.span.start > end:
            continue
        if tag and tag.casefold() not in (t.casefold() for t in e.tags):
            continue
        if key_only and not e.key:
            continue
        out.append(e)
    return tuple(out)
