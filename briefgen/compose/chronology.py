"""Compose the chronology: every event, in order, with its date, detail and numbered sources."""

from __future__ import annotations

from itertools import groupby

from briefgen.compose.common import (
    as_at,
    cite,
    filtered_line,
    meta_line,
    pack_document,
    source_entry,
    source_numbers,
)
from briefgen.datelabels import lower_first
from briefgen.document import Block, Bullets, Document, Heading, Paragraph, Row, Table, runs
from briefgen.eventids import event_ids
from briefgen.model import Brief, Event
from briefgen.snapshot import KEY, chronology_snapshot

HEADER = ("Date", "Event", "Sources")
WIDTHS = (0.21, 0.65, 0.14)


def _in_sentence(label: str) -> str:
    """Return a label as it reads inside a sentence: "the earliest late 1990s", not "Late".

    Month names and codes such as "Q1 2025" and "H2 2024" keep their capitals.
    """
    first = label.split(" ", 1)[0]
    return label if any(c.isdigit() for c in first) else lower_first(label)


def _row(event: Event, numbers: dict[str, int], eid: str = "", new: bool = False) -> Row:
    assert event.span is not None
    date_cell = [Paragraph(runs("New"), "new-marker")] if new else []
    date_cell.append(Paragraph(runs(event.span.label), "event-date"))
    if event.span.relative and event.date.casefold().strip() != event.span.label.casefold():
        # A date a source wrote against its own day ("last week"): show the words, so a
        # reader can check how it was read (not for a date the author typed absolutely).
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
        id=eid,
        new=new,
    )


def compose_chronology(
    brief: Brief,
    events: tuple[Event, ...] | None = None,
    new: frozenset[str] = frozenset(),
    since: str = "",
) -> Document:
    """Return the chronology of ``brief`` (or of the chosen ``events``, already ordered).

    ``new`` holds the ids (see ``briefgen.eventids``) of events added or changed since
    ``since`` (a label such as "9 June 2025"); their rows carry a "New" marker and the
    title block counts them.
    """
    events = brief.events if events is None else events
    ids = event_ids(brief.events)
    id_of = {id(e): i for e, i in zip(brief.events, ids, strict=True)}
    row_ids = [id_of.get(id(e)) or "" for e in events]
    numbers = source_numbers(brief)
    blocks: list[Block] = [Paragraph(runs(brief.title), "title")]
    if brief.subtitle:
        blocks.append(Paragraph(runs(brief.subtitle), "subtitle"))
    blocks.append(Paragraph(runs("Chronology"), "doc-type"))
    blocks.append(Paragraph(runs(as_at(brief)), "dateline"))
    if filtered := filtered_line(brief):
        blocks.append(Paragraph(runs(filtered), "dateline"))
    if meta := meta_line(brief):
        blocks.append(Paragraph(runs(meta), "meta"))

    n_key = sum(e.key for e in events)
    if events:
        first, last = events[0].span, events[-1].span
        assert first is not None and last is not None
        if len(events) > 1:
            earliest, latest = _in_sentence(first.label), _in_sentence(last.label)
            note = f"{len(events)} events: the earliest {earliest}, the latest {latest}."
        else:
            note = f"1 event, {_in_sentence(first.label)}."
        if n_key:
            note += f" Key events ({n_key}) are shaded."
        note += " Relative dates in sources are resolved against each source's publication date."
    else:
        note = "The brief holds no events yet."
    if since:
        n_new = sum(i in new for i in row_ids)
        note += f" {n_new} event{'s' * (n_new != 1)} new since {since} are marked New."
    blocks.append(Paragraph(runs(note), "note"))

    if events:  # the year headings (level 2) sit under one level-1 heading, in both outlines
        blocks.append(Heading("Events", level=1))
    pairs = list(zip(events, row_ids, strict=True))
    for year, group in groupby(pairs, key=lambda p: p[0].span.start.year if p[0].span else 0):
        blocks.append(Heading(str(year), level=2))
        rows = tuple(_row(e, numbers, i, i in new) for e, i in group)
        n = f"{len(rows)} event" + ("" if len(rows) == 1 else "s")
        about = f"{n} starting in {year}, in date order, one a row: " + ", ".join(HEADER).lower()
        blocks.append(Table(HEADER, WIDTHS, rows, f"Chronology, {year}", about + "."))

    if brief.sources:
        blocks.append(Heading("Sources", level=1))
        blocks.append(
            Bullets(
                tuple(source_entry(s, full=True) for s in brief.sources),
                numbered=True,
                style="source-list",
            )
        )
    return pack_document(
        brief, "chronology", blocks, meta={KEY: chronology_snapshot(brief, events, row_ids)}
    )
