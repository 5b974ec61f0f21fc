"""The snapshot a pack keeps of what it was built from, for ``briefgen pull``'s conflict check.

Compose puts it, as JSON, in ``Document.meta["briefgen-pack"]``; the DOCX writer stores
it in a custom XML part (``customXml/item90.xml``, a ``pack`` element in ``PACK_NS``)
that Word and LibreOffice keep but never show. It holds, per chronology row, the event's
id, its bookmark, the brief's values (date expression, title, detail, source ids) and
what the row shows (date label), and for a briefing the summary, key points and next
steps as the brief said them and as the page shows them (the briefing may shorten them
to fit).
"""

from __future__ import annotations

import json
from typing import Any

from briefgen.document import row_bookmark
from briefgen.model import Brief, Event

KEY = "briefgen-pack"
PACK_NS = "urn:briefgen:pack:1"  # the namespace of the custom XML part's root element
VERSION = 1


def chronology_snapshot(brief: Brief, events: tuple[Event, ...], ids: list[str]) -> str:
    """Return the JSON snapshot of a chronology of ``events`` (with their ``ids``)."""
    rows = []
    for event, eid in zip(events, ids, strict=True):
        rows.append(
            {
                "id": eid,
                "bookmark": row_bookmark(eid),
                "date": event.date,
                "label": event.span.label if event.span else event.date,
                "title": event.title,
                "detail": event.detail,
                "sources": list(event.sources),
            }
        )
    return _dump(brief, "chronology", {"rows": rows})


def briefing_snapshot(brief: Brief, shown: dict[str, Any]) -> str:
    """Return the JSON snapshot of a briefing: the brief's texts and what the page shows."""
    source = {
        "summary": brief.summary,
        "key_points": list(brief.key_points),
        "next": [{"date": n.date, "text": n.text} for n in brief.next],
    }
    return _dump(brief, "briefing", {"given": source, "shown": shown})


def _dump(brief: Brief, kind: str, body: dict[str, Any]) -> str:
    data = {
        "version": VERSION,
        "kind": kind,
        "brief": brief.name,
        "as_of": brief.as_of.isoformat(),
        "sources": [s.id for s in brief.sources],  # in number order: [1] is the first
        **body,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def load_snapshot(text: str) -> dict[str, Any] | None:
    """Return a snapshot read back from a pack, or ``None`` if it is not one we wrote."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    return data
