"""Exports of the dated events for other tools: ICS calendars, Markdown tables, TimelineJS JSON."""

from __future__ import annotations

from briefgen.model import Brief, Event


def export_events(brief: Brief, events: tuple[Event, ...], fmt: str) -> str:
    """Return ``events`` of ``brief`` as ``ics``, ``markdown`` or ``timelinejs`` text."""
    if fmt == "ics":
        from briefgen.export.ics import events_ics

        return events_ics(brief, events)
    if fmt == "markdown":
        from briefgen.export.markdown import events_markdown

        return events_markdown(brief, events)
    from briefgen.export.timelinejs import events_timelinejs

    return events_timelinejs(brief, events)
