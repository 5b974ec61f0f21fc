"""Stable event ids: the brief's own ``id``, else one derived from the event's date and title.

A pack marks every chronology row with its event's id, so that ``briefgen pull`` can link
an edited row back to its event however the rows were moved. An event without an ``id``
in the brief gets ``ev-`` and a short hash of its date expression and title; ``briefgen
pull --write`` writes such ids into the brief so that later edits of the title keep the
link.
"""

from __future__ import annotations

import hashlib

from briefgen.model import Event


def derived_id(date_text: str, title: str) -> str:
    """Return the id an event without one gets: ``ev-`` and 8 hex digits of a hash."""
    key = f"{' '.join(date_text.split()).casefold()}\n{' '.join(title.split()).casefold()}"
    return "ev-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def event_ids(events: tuple[Event, ...] | list[Event]) -> list[str]:
    """Return each event's id, in order: its own, else a derived one made unique.

    Two events with the same date and title get ``-2``, ``-3``... in the order given.
    """
    taken = {e.id for e in events if e.id}
    out = []
    for e in events:
        if e.id:
            out.append(e.id)
            continue
        base = derived_id(e.date, e.title)
        eid, n = base, 1
        while eid in taken:
            n += 1
            eid = f"{base}-{n}"
        taken.add(eid)
        out.append(eid)
    return out
