"""The ordering rules: a short span at its last day, a longer one at its first; then file order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from briefgen.datelabels import day_label
from briefgen.errors import BriefgenError, Problem
from briefgen.model import Brief, Event

if TYPE_CHECKING:
    from briefgen.dates import DateSpan

# A span of up to a week ("at the weekend", "last week", "in recent days", "10-16 June")
# reads as "some day in these few days": the reader can trust only that it happened by its
# last day, so it is placed there, after the days it contains. A longer one is a named
# period ("June 2025", "Spring 2025", "2015-2022", "Since January 2025") whose label says
# it is a period; it is placed at its start, where it introduces the events inside it.
SHORT_SPAN_DAYS = 7


def span_sort_key(span: DateSpan) -> tuple[date, int]:
    """Where an interval is placed: its day of placement, then its width in days.

    The placement day is the end of a span of at most ``SHORT_SPAN_DAYS`` days and the
    start of a longer one; on the same placement day the narrower interval comes first, so
    a day comes before the week or weekend that ends on it.
    """
    width = (span.end - span.start).days
    placed = span.end if width < SHORT_SPAN_DAYS else span.start
    return (placed, width)


def event_sort_key(event: Event) -> tuple[date, int, int]:
    """Sort key of a dated event: where its interval is placed, its width, then input order.

    So an event known only to the month sorts at the start of that month, a range of years
    sorts by its start, a few days' span ("in recent days") after the days it contains,
    and events on the same day keep the author's order.
    """
    assert event.span is not None, "order_events needs dated events (run resolve_dates first)"
    return (*span_sort_key(event.span), event.index)


def order_events(brief: Brief) -> Brief:
    """Return ``brief`` with its events (and next items) in chronological order."""
    events = tuple(sorted(brief.events, key=event_sort_key))
    nexts = tuple(
        sorted(
            brief.next,
            key=lambda n: span_sort_key(n.span) if n.span else (date.max, 0),
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


def apply_selection(
    brief: Brief,
    *,
    start: date | None = None,
    end: date | None = None,
    tag: str | None = None,
    key_only: bool = False,
) -> Brief:
    """Return ``brief`` with only the selected events, its ``filtered`` saying how they were chosen.

    With no selection the brief is returned as it is. Raises ``BriefgenError`` when a
    selection is asked for and no event matches it, rather than make an empty pack.
    """
    asked = []
    if start:
        asked.append(f"from {day_label(start)}")
    if end:
        asked.append(f"to {day_label(end)}")
    if tag:
        asked.append(f"tag {tag}")
    if key_only:
        asked.append("key events only")
    if not asked:
        return brief
    events = select_events(brief.events, start=start, end=end, tag=tag, key_only=key_only)
    total = len(brief.events)
    if not events:
        raise BriefgenError(
            Problem(
                f"no event matches the selection ({', '.join(asked)}) of the brief's {total} "
                f"event{'s' * (total != 1)}", brief.path, hint=_selection_hint(brief, tag=tag),
            )
        )  # fmt: skip
    note = f"{', '.join(asked)}; {len(events)} of {total} event{'s' * (total != 1)}"
    return replace(brief, events=events, filtered=note)


def _selection_hint(brief: Brief, *, tag: str | None) -> str:
    tags = sorted({t for e in brief.events for t in e.tags}, key=str.casefold)
    if tag:
        if tags:
            return f"the brief's tags: {', '.join(tags[:12])}" + (", ..." * (len(tags) > 12))
        return "no event in the brief has tags: add 'tags: [...]' to events"
    spans = [e.span for e in brief.events if e.span is not None]
    if spans:
        first, last = min(s.start for s in spans), max(s.end for s in spans)
        return f"the events run from {day_label(first)} to {day_label(last)}; widen the selection"
    return "the brief holds no events yet"
