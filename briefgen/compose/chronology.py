"""Compose the chronology: every event, in order, with its date, detail and numbered sources."""

from __future__ import annotations

from itertools import groupby

from briefgen.compose.common import as_at, byline, cite, pack_document, source_entry, source_numbers
from briefgen.document import Block, Bullets, Document, Heading, Paragraph, Row, Table, runs
from briefgen.model import Brief, Event

HEADER = ("Date", "Event", "Sources")
WIDTHS = (0.21, 0.65, 0.14)


def _row(event: Event, numbers: dict[str, int]) -> Row:
    assert event.span is not None
    date_cell = [Paragraph(runs(event.span.label), "event-date")]
    if event.date.casefold().strip() != event.span.label.casefold():
        # Show how the date was read, so a reader can check the resolution.
        date_cell.append(Paragraph(runs(f"as reported: “{event.date}”"), "event-sources"))
    event_cell = [Paragraph(runs(event.title), "event-title")]
    if event.detail:
        event_cell.extend(
            Paragraph(runs(part), "event-detail") for part in event.detail.split("\n\n")
        )
    return Row(
        cells=(
            tuple(date_cell),
            tuple(event_cell),
            (Paragraph(runs(cite(event.sources, numbers) or "none"), "event-sources"),),
        ),
        key=event.key,
    )


def compose_chronology(brief: Brief, events: tuple[Event, ...] | None = None) -> Document:
    """Return the chronology of ``brief`` (or of the chosen ``events``, already ordered)."""
    events = brief.events if events is None else events
    numbers = source_numbers(brief)
    blocks: list[Block] = [Paragraph(runs(brief.title), "title")]
    if brief.subtitle:
        blocks.append(Paragraph(runs(brief.subtitle), "subtitle"))
    blocks.append(Paragraph(runs("Chronology"), "doc-type"))
    blocks.append(Paragraph(runs(as_at(brief)), "dateline"))
    meta = byline(brief)
    if brief.audience:
        meta = f"{meta}. For: {brief.audience}" if meta else f"For: {brief.audience}"
    if meta:
        blocks.append(Paragraph(runs(meta), "meta"))

    n_key = sum(e.key for e in events)
    if events:
        first, last = events[0].span, events[-1].span
        assert first is not None and last is not None
        if len(events) > 1:
            note = f"{len(events)} events: the earliest {first.label}, the latest {last.label}."
        else:
            note = f"1 event, {first.label}."
        if n_key:
            note += f" Key events ({n_key}) are shaded."
        note += " Relative dates in sources are resolved against each source's publication date."
    else:
        note = "The brief holds no events yet."
    blocks.append(Paragraph(runs(note), "note"))

    if events:  # the year headings (level 2) sit under one level-1 heading, in both outlines
        blocks.append(Heading("Events", level=1))
    for year, group in groupby(events, key=lambda e: e.span.start.year if e.span else 0):
        blocks.append(Heading(str(year), level=2))
        blocks.append(Table(HEADER, WIDTHS, tuple(_row(e, numbers) for e in group)))

    if brief.sources:
        blocks.append(Heading("Sources", level=1))
        blocks.append(
            Bullets(
                tuple(source_entry(s, full=True) for s in brief.sources),
                numbered=True,
                style="source-list",
            )
        )
    return pack_document(brief, "chronology", blocks)
