"""Work out what an edited pack changes in its brief: field edits, new rows, deletions, conflicts.

Each row of the DOCX is linked to its event by the hidden bookmark the build put in it;
a row whose bookmark was lost (retyped in another program, say) is linked by its date
label and title, then by its title alone. The snapshot in the pack says what each row
showed when it was built: a field differs from it only if it was edited in Word. A field
that was also changed in the brief since then is a conflict: reported, never resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefgen.dates import DateError, parse_date
from briefgen.eventids import derived_id, event_ids
from briefgen.model import Brief, Event
from briefgen.read.docx_pack import DocParagraph, DocRow, Pack

FIELDS = ("date", "title", "detail", "sources")
_CITE = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class FieldChange:
    """A field of an existing event that was edited in Word."""

    event_id: str
    title: str  # the event's title in the brief, to name it
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class NewEvent:
    """A row added in Word: it becomes an event in the brief."""

    id: str
    date: str
    title: str
    detail: str
    sources: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class Conflict:
    """A field changed both in the brief and in Word since the pack was built."""

    event_id: str
    title: str
    field: str
    in_brief: Any
    in_word: Any


@dataclass
class Update:
    """Everything a pull would do to the brief, and what it cannot do."""

    changes: list[FieldChange] = field(default_factory=list)
    added: list[NewEvent] = field(default_factory=list)
    deleted: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things left alone, with why
    errors: list[str] = field(default_factory=list)  # rows that cannot be read
    briefing: list[tuple[str, Any]] = field(default_factory=list)  # (brief key, new value)

    def empty(self) -> bool:
        return not (self.changes or self.added or self.deleted or self.briefing)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _norm_detail(text: str) -> str:
    return "\n\n".join(_norm(p) for p in text.split("\n\n") if p.strip())


def _is_marker(p: DocParagraph) -> bool:
    return p.style.replace(" ", "").lower() == "newmarker" or _norm(p.text) == "New"


def row_values(row: DocRow, sources: list[str]) -> dict[str, Any] | None:
    """Return a row's date text, title, detail and source ids (``None``: not an event row)."""
    cells = [[p for p in cell if p.text.strip()] for cell in row.cells]
    if len(cells) < 2:
        return None
    dates = [p for p in cells[0] if not _is_marker(p) and not p.text.startswith("as reported")]
    texts = cells[1]
    if not dates and not texts:
        return None
    ids: list[str] = []
    unknown: list[str] = []
    for cell in cells[2:3]:
        for n in _CITE.findall(" ".join(p.text for p in cell)):
            k = int(n)
            if 1 <= k <= len(sources):
                if sources[k - 1] not in ids:
                    ids.append(sources[k - 1])
            else:
                unknown.append(f"[{n}]")
    return {
        "date": _norm(dates[0].text) if dates else "",
        "title": _norm(texts[0].text) if texts else "",
        "detail": "\n\n".join(_norm(p.text) for p in texts[1:]),
        "sources": tuple(ids),
        "unknown": unknown,
    }


def _brief_value(event: Event, name: str) -> Any:
    if name == "sources":
        return tuple(event.sources)
    if name == "detail":
        return _norm_detail(event.detail)
    return _norm(getattr(event, name))


def _snap_value(row: dict[str, Any], name: str) -> Any:
    if name == "sources":
        return tuple(row["sources"])
    if name == "detail":
        return _norm_detail(row["detail"])
    return _norm(row[name])


def _match(rows: list[DocRow], snap_rows: list[dict[str, Any]], sources: list[str]) -> tuple[
    list[tuple[DocRow, dict[str, Any], dict[str, Any]]], list[tuple[DocRow, dict[str, Any]]]
]:  # fmt: skip
    """Pair each document row with its snapshot row; return the pairs and the new rows."""
    by_mark = {r["bookmark"]: r for r in snap_rows}
    used: set[str] = set()
    pairs: list[tuple[DocRow, dict[str, Any], dict[str, Any]]] = []
    loose: list[tuple[DocRow, dict[str, Any]]] = []
    for row in rows:
        values = row_values(row, sources)
        if values is None:
            continue
        snap = next((by_mark[m] for m in row.bookmarks if m in by_mark), None)
        if snap is not None and snap["id"] not in used:
            used.add(snap["id"])
            pairs.append((row, values, snap))
        else:
            loose.append((row, values))
    new_rows = []
    for row, values in loose:  # rows whose bookmark was lost: same label and title, or title
        snap = next(
            (
                r
                for r in snap_rows
                if r["id"] not in used
                and _norm(r["title"]) == values["title"]
                and _norm(r["label"]) == values["date"]
            ),
            None,
        ) or next(
            (r for r in snap_rows if r["id"] not in used and _norm(r["title"]) == values["title"]),
            None,
        )
        if snap is None:
            new_rows.append((row, values))
        else:
            used.add(snap["id"])
            pairs.append((row, values, snap))
    return pairs, new_rows


def _resolve(snap_rows: list[dict[str, Any]], events: dict[str, Event]) -> dict[str, str]:
    """Map each snapshot row's id to the brief's event now, when the id itself is gone.

    An event without an ``id`` in the brief has one derived from its date and title, so
    editing its title in the brief changes it: such rows are found again by date and
    title, then by date, detail and sources, then as the only unclaimed event of that date.
    """
    out = {r["id"]: r["id"] for r in snap_rows if r["id"] in events}
    free = {i: e for i, e in events.items() if i not in out}
    keys = (
        lambda d, t, x, s: (d, t),
        lambda d, t, x, s: (d, x, s),
    )
    for key in keys:
        for r in snap_rows:
            if r["id"] in out:
                continue
            want = key(_norm(r["date"]), _norm(r["title"]), _norm_detail(r["detail"]),
                       tuple(sorted(r["sources"])))  # fmt: skip
            hits = [
                i for i, e in free.items()
                if key(_norm(e.date), _norm(e.title), _norm_detail(e.detail),
                       tuple(sorted(e.sources))) == want
            ]  # fmt: skip
            if len(hits) == 1:
                out[r["id"]] = hits[0]
                del free[hits[0]]
    for r in snap_rows:
        if r["id"] not in out:
            hits = [i for i, e in free.items() if _norm(e.date) == _norm(r["date"])]
            if len(hits) == 1:
                out[r["id"]] = hits[0]
                del free[hits[0]]
    return out


def chronology_update(brief: Brief, pack: Pack, pack_name: str) -> Update:
    """Return what the edited chronology ``pack`` changes in ``brief`` (dated and ordered)."""
    snap = pack.snapshot or {}
    update = Update()
    sources: list[str] = list(snap.get("sources", [s.id for s in brief.sources]))
    snap_rows: list[dict[str, Any]] = list(snap.get("rows", []))
    ids = event_ids(brief.events)
    events = dict(zip(ids, brief.events, strict=True))
    pairs, new_rows = _match(list(pack.rows), snap_rows, sources)
    current = _resolve(snap_rows, events)

    for row, values, srow in pairs:
        eid = current.get(srow["id"], srow["id"])
        event = events.get(eid)
        for name in FIELDS:
            shown = _norm(srow["label"]) if name == "date" else _snap_value(srow, name)
            word = values[name]
            if name == "sources" and set(word) == set(shown):
                continue
            if word == shown or (name == "title" and not word):
                continue
            if name == "date" and not word:
                continue
            if event is None:
                update.conflicts.append(
                    Conflict(srow["id"], srow["title"], name, "(removed from the brief)", word)
                )
                continue
            given = _snap_value(srow, name)
            now = _brief_value(event, name)
            same = (lambda a, b: set(a) == set(b)) if name == "sources" else (lambda a, b: a == b)
            if not same(now, given) and not same(now, word):
                update.conflicts.append(Conflict(srow["id"], event.title, name, now, word))
            elif not same(now, word):
                if name == "date":
                    try:
                        parse_date(word, brief.as_of, month_first=_month_first(brief))
                    except DateError as exc:
                        update.errors.append(
                            f"{pack_name}: {row.where}: date: {word!r} cannot be read as a "
                            f"date ({exc.reason})"
                        )
                        continue
                update.changes.append(FieldChange(eid, event.title, name, now, word))
        if values["unknown"]:
            update.notes.append(
                f"{pack_name}: {row.where}: sources: {', '.join(values['unknown'])} is not a "
                "source of the brief; add the source to the brief first"
            )
        if event is not None and event.place and event.place.file != brief.path:
            kept = [c for c in update.changes if c.event_id != eid]
            if len(kept) != len(update.changes):
                update.notes.append(
                    f"{event.place.file}:{event.place.line}: the event {event.title!r} comes "
                    "from the events CSV; edit it there (pull writes the YAML only)"
                )
                update.changes = kept

    matched = {srow["id"] for _r, _v, srow in pairs}
    for srow in snap_rows:
        eid = current.get(srow["id"], srow["id"])
        if srow["id"] not in matched and eid in events:
            update.deleted.append((eid, events[eid].title))

    taken = set(ids)
    present = {(_norm(e.date).casefold(), _norm(e.title).casefold()) for e in brief.events}
    for row, values in new_rows:
        if not values["title"]:
            update.errors.append(f"{pack_name}: {row.where}: a new row has no title")
            continue
        if (values["date"].casefold(), values["title"].casefold()) in present:
            continue  # pulled before: the brief has it already
        try:
            parse_date(values["date"], brief.as_of, month_first=_month_first(brief))
        except DateError as exc:
            update.errors.append(
                f"{pack_name}: {row.where}: date: {values['date']!r} cannot be read as a "
                f"date ({exc.reason}) (hint: write a date such as '20 June 2025')"
            )
            continue
        eid = base = derived_id(values["date"], values["title"])
        n = 1
        while eid in taken:
            n += 1
            eid = f"{base}-{n}"
        taken.add(eid)
        update.added.append(
            NewEvent(
                eid, values["date"], values["title"], values["detail"], values["sources"], row.where
            )
        )
    return update


def _month_first(brief: Brief) -> bool:
    return brief.month_first
