"""Compare two versions of a brief: events added, removed and changed; and what is new since.

Events are matched by their ``id`` when both versions give one, then by date expression
and title, then by title alone, so that a brief that gained ids in between, or an event
whose date was corrected, still matches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from briefgen.eventids import event_ids
from briefgen.model import Brief, Event

FIELDS = ("date", "title", "detail", "sources", "tags", "key")


@dataclass(frozen=True)
class Changed:
    """An event in both versions whose fields differ: field -> (old, new)."""

    old: Event
    new: Event
    fields: dict[str, tuple[object, object]]


@dataclass(frozen=True)
class BriefDiff:
    """Events only in the new brief, only in the old one, and in both but changed."""

    added: tuple[Event, ...]
    removed: tuple[Event, ...]
    changed: tuple[Changed, ...]


def _value(e: Event, name: str) -> object:
    v = getattr(e, name)
    return list(v) if isinstance(v, tuple) else (" ".join(v.split()) if isinstance(v, str) else v)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def match_events(old: Brief, new: Brief) -> list[tuple[Event | None, Event | None]]:
    """Pair the events of ``old`` and ``new``; an unpaired event is paired with ``None``."""
    left = list(old.events)
    pairs: list[tuple[Event | None, Event | None]] = []
    rest: list[Event] = []
    by_id = {e.id: e for e in left if e.id}
    for e in new.events:
        o = by_id.pop(e.id, None) if e.id else None
        if o is not None:
            left.remove(o)
            pairs.append((o, e))
        else:
            rest.append(e)
    for key in (lambda e: (_norm(e.date), _norm(e.title)), lambda e: _norm(e.title)):
        still = []
        for e in rest:
            o = next((x for x in left if key(x) == key(e)), None)
            if o is None:
                still.append(e)
            else:
                left.remove(o)
                pairs.append((o, e))
        rest = still
    pairs += [(None, e) for e in rest]
    pairs += [(o, None) for o in left]
    return pairs


def diff_briefs(old: Brief, new: Brief) -> BriefDiff:
    """Return the events added to, removed from and changed in ``new`` against ``old``."""
    added, removed, changed = [], [], []
    for o, n in match_events(old, new):
        if o is None and n is not None:
            added.append(n)
        elif n is None and o is not None:
            removed.append(o)
        elif o is not None and n is not None:
            fields = {
                f: (_value(o, f), _value(n, f)) for f in FIELDS if _value(o, f) != _value(n, f)
            }
            if fields:
                changed.append(Changed(o, n, fields))
    return BriefDiff(tuple(added), tuple(removed), tuple(changed))


def new_since_brief(old: Brief, new: Brief) -> frozenset[str]:
    """Return the pack ids (``briefgen.eventids``) of events added or changed since ``old``."""
    d = diff_briefs(old, new)
    fresh = {id(e) for e in d.added} | {id(c.new) for c in d.changed}
    return frozenset(i for e, i in zip(new.events, event_ids(new.events), strict=True)
                     if id(e) in fresh)  # fmt: skip


def new_since_date(brief: Brief, since: date) -> frozenset[str]:
    """Return the ids of events whose date starts on or after ``since``.

    A brief does not say when each event was written in, so a date can only pick events
    by when they happened; ``--since OLD.yaml`` also finds older events added since.
    """
    return frozenset(
        eid
        for e, eid in zip(brief.events, event_ids(brief.events), strict=True)
        if e.span is not None and e.span.start >= since
    )


def _label(e: Event) -> str:
    return f"{e.span.label if e.span else e.date}: {e.title}"


def format_diff(d: BriefDiff, fmt: str = "text") -> str:
    """Render a diff as lines for people (``text``) or as JSON for scripts."""
    if fmt == "json":
        data = {
            "added": [{"title": e.title, "date": e.date, "id": e.id} for e in d.added],
            "removed": [{"title": e.title, "date": e.date, "id": e.id} for e in d.removed],
            "changed": [
                {"title": c.new.title, "id": c.new.id,
                 "fields": {k: {"old": a, "new": b} for k, (a, b) in c.fields.items()}}
                for c in d.changed
            ],
        }  # fmt: skip
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    lines = [f"+ {_label(e)}" for e in d.added]
    lines += [f"- {_label(e)}" for e in d.removed]
    for c in d.changed:
        lines.append(f"~ {_label(c.new)}")
        for k, (a, b) in c.fields.items():
            lines.append(f"    {k}: {a!r} -> {b!r}")
    n = (len(d.added), len(d.removed), len(d.changed))
    lines.append(f"{n[0]} added, {n[1]} removed, {n[2]} changed")
    return "\n".join(lines) + "\n"
