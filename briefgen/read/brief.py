"""Read a brief file (YAML) and its optional events CSV into a ``Brief``.

This stage knows file formats and line numbers; it does not parse date expressions or
sort. Every problem it finds carries the file, line and field, with a hint.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from datetime import date, datetime
from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.model import Brief, Event, Figure, NextItem, Place, Source
from briefgen.read.csv_events import read_events_csv
from briefgen.read.settings import read_month_day, read_tense
from briefgen.read.text import (
    clean_text,
    describe_chars,
    read_text_file,
    strip_unsafe_raw,
    unsafe_chars,
)
from briefgen.read.yamlnodes import LineDict, LineList, load_yaml

TOP_KEYS = (
    "title",
    "subtitle",
    "as_of",
    "author",
    "organisation",
    "marking",
    "audience",
    "summary",
    "key_points",
    "figures",
    "next",
    "sources",
    "events",
    "events_csv",
    "month_first",
    "tense",
    "financial_year_start",
    "academic_year_start",
)
SOURCE_KEYS = ("id", "publisher", "title", "url", "published")
EVENT_KEYS = (
    "id", "date", "title", "detail", "sources", "tags", "key", "anchor", "tense", "relative_to",
)  # fmt: skip
FIGURE_KEYS = ("value", "label", "source")
NEXT_KEYS = ("date", "text", "source", "tense")
MAX_FILE_BYTES = 20 * 1024 * 1024  # far more than any hand-written brief
REMOVED_HINT = (
    "they are invisible or broken characters, usually pasted from another program; "
    "delete them to silence this warning"
)


def _kind(value: object) -> str:
    """Name the type of a YAML value as a person would, for messages."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bytes):
        return "binary data"
    if isinstance(value, (date, datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"{value!r}"


class _Reader:
    """Collects problems while turning loaded YAML values into model objects."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        # characters removed from the text, by line and field (None: found in the raw file)
        self.removed: list[tuple[int | None, str | None, list[str]]] = []

    def clean(self, raw: str, line: int | None, field: str) -> str:
        """Return ``clean_text(raw)``, noting any characters it removes for a warning."""
        chars = unsafe_chars(raw)
        if chars:
            self.removed.append((line, field, chars))
        return clean_text(raw)

    def error(self, line: int | None, field: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(message, self.path, line, field, hint or None))

    def warn(self, line: int | None, field: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(message, self.path, line, field, hint or None, "warning"))

    def check_keys(self, mapping: LineDict, known: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(known)}"
                shown = " ".join(str(key).split())  # a key can hold a line break
                self.error(
                    mapping.key_lines.get(key), f"{where}{shown}", f"unknown key {key!r}", hint
                )

    def text(self, mapping: LineDict, key: str, where: str, *, required: bool = False) -> str:
        """Return mapping[key] as text; numbers and dates are accepted and written as text."""
        line = mapping.key_lines.get(key, mapping.line)
        value = mapping.get(key)
        if value is None:
            if required:
                self.error(mapping.line, f"{where}{key}", f"{key} is missing", f"add '{key}: ...'")
            return ""
        if isinstance(value, bool | dict | list | bytes):
            self.error(
                line,
                f"{where}{key}",
                f"expected text, found {_kind(value)}",
                "put the text in quotes",
            )
            return ""
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        result = self.clean(str(value), line, f"{where}{key}")
        if required and not result.strip():
            self.error(line, f"{where}{key}", f"{key} is empty", f"write the {key}")
        return result

    def date_value(self, mapping: LineDict, key: str, where: str, *, required: bool) -> date | None:
        line = mapping.key_lines.get(key, mapping.line)
        value = mapping.get(key)
        if value is None:
            if required:
                self.error(
                    mapping.line, f"{where}{key}", f"{key} is missing", f"add '{key}: YYYY-MM-DD'"
                )
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(
            line,
            f"{where}{key}",
            f"{value!r} is not a calendar date"
            if isinstance(value, str)
            else f"expected a calendar date, found {_kind(value)}",
            "write it as YYYY-MM-DD, for example 2025-06-16",
        )
        return None

    def list_of(self, mapping: LineDict, key: str, where: str) -> LineList:
        value = mapping.get(key)
        if value is None:
            empty = LineList()
            empty.item_lines = []
            return empty
        if isinstance(value, str) and key in ("sources", "tags", "key_points"):
            # A single id or tag written without brackets: accept it as a one-item list.
            one = LineList([value])
            one.line = mapping.key_lines.get(key, mapping.line)
            one.item_lines = [one.line]
            return one
        if not isinstance(value, LineList):
            self.error(
                mapping.key_lines.get(key, mapping.line),
                f"{where}{key}",
                f"expected a list, found {_kind(value)}",
                f"write '{key}:' followed by lines starting with '- '",
            )
            empty = LineList()
            empty.item_lines = []
            return empty
        return value

    def mappings(self, mapping: LineDict, key: str) -> list[tuple[int, LineDict]]:
        items = self.list_of(mapping, key, "")
        out = []
        for i, (item, line) in enumerate(zip(items, items.item_lines, strict=True)):
            if isinstance(item, LineDict):
                out.append((line, item))
            else:
                self.error(
                    line,
                    f"{key}[{i + 1}]",
                    f"expected a mapping of keys, found {_kind(item)}",
                    "each item is written as 'key: value' lines",
                )
        return out

    def entries(
        self, mapping: LineDict, key: str, known: tuple[str, ...]
    ) -> list[tuple[int, LineDict, str]]:
        """Return (line, mapping, field prefix such as "figures[2].") of each item of the
        list ``key``, each checked for unknown keys."""
        out = []
        for i, (line, m) in enumerate(self.mappings(mapping, key)):
            where = f"{key}[{i + 1}]."
            self.check_keys(m, known, where)
            out.append((line, m, where))
        return out

    def strings(self, mapping: LineDict, key: str, where: str) -> tuple[str, ...]:
        items = self.list_of(mapping, key, where)
        out = []
        for item, line in zip(items, items.item_lines, strict=True):
            if isinstance(item, (dict, list, bool, bytes)) or item is None:
                self.error(
                    line,
                    f"{where}{key}",
                    f"expected text, found {'nothing' if item is None else _kind(item)}",
                    "write each item as text",
                )
                continue
            if isinstance(item, (date, datetime)):
                item = item.isoformat()
            text = self.clean(str(item), line, f"{where}{key}").strip()
            if text:
                out.append(text)
        return tuple(out)


def read_brief(path: str | Path) -> Brief:
    """Read the brief at ``path`` (and its events CSV, if it names one).

    Raises ``BriefgenError`` listing every error found; warnings are returned later by
    ``check_brief``, not raised.
    """
    brief, errors = read_brief_partly(path)
    if errors:
        raise BriefgenError(errors)
    assert brief is not None
    return brief


def read_brief_partly(path: str | Path) -> tuple[Brief | None, list[Problem]]:
    """Read the brief at ``path`` as far as it can be read, and return it with its errors.

    The brief holds what could be read despite the errors (an unknown key, a missing
    title), so that later stages can report their errors in the same pass; it is ``None``
    when there is no ``as_of`` to date it by. Raises ``BriefgenError`` only when the file
    is not a brief at all (unreadable, not YAML, not a mapping).
    """
    path = Path(path)
    shown = str(path)
    r = _Reader(shown)
    text, raw_removed = strip_unsafe_raw(read_text_file(path, MAX_FILE_BYTES))
    r.removed.extend((line, None, chars) for line, chars in raw_removed.items())
    data = load_yaml(text, shown)
    if data is None:
        raise BriefgenError(
            Problem(
                "the brief file is empty", shown, hint="run 'briefgen new FILE' for a starter brief"
            )
        )
    if not isinstance(data, LineDict):
        raise BriefgenError(
            Problem(
                "a brief file is a mapping of keys (title:, as_of:, events: ...)",
                shown,
                1,
                hint="run 'briefgen new FILE' for a starter brief",
            )
        )
    r.check_keys(data, TOP_KEYS, "")
    title = r.text(data, "title", "", required=True)
    as_of = r.date_value(data, "as_of", "", required=True)
    month_first = data.get("month_first", False)
    if not isinstance(month_first, bool):
        r.error(data.key_lines.get("month_first"), "month_first", "expected true or false")
        month_first = False
    tense = read_tense(r, data, "")
    financial_year_start = read_month_day(r, data, "financial_year_start")
    academic_year_start = read_month_day(r, data, "academic_year_start")

    owners: list[tuple[int, str]] = []  # (first line, what) of each source and event
    sources = []
    seen: dict[str, int] = {}
    for line, m, where in r.entries(data, "sources", SOURCE_KEYS):
        sid = r.text(m, "id", where, required=True).strip()
        if sid in seen:
            r.error(
                line,
                where + "id",
                f"the source id {sid!r} is used twice (first on line {seen[sid]})",
                "give each source its own id",
            )
        seen[sid] = line
        owners.append((line, f"the source {sid!r}"))
        sources.append(
            Source(
                id=sid,
                publisher=r.text(m, "publisher", where),
                title=r.text(m, "title", where),
                url=r.text(m, "url", where).strip(),
                published=r.date_value(m, "published", where, required=False),
                place=Place(shown, line),
            )
        )

    events: list[Event] = []
    event_ids: dict[str, int] = {}
    for line, m, where in r.entries(data, "events", EVENT_KEYS):
        events.append(_event(r, m, line, where, len(events)))
        owners.append((line, f"the event {events[-1].title!r}"))
        _check_event_id(r, m, where, events[-1].id, event_ids)

    figures = []
    for line, m, where in r.entries(data, "figures", FIGURE_KEYS):
        figures.append(
            Figure(
                value=r.text(m, "value", where, required=True),
                label=r.text(m, "label", where, required=True),
                source=r.text(m, "source", where).strip() or None,
                place=Place(shown, line),
            )
        )

    nexts = []
    for line, m, where in r.entries(data, "next", NEXT_KEYS):
        nexts.append(
            NextItem(
                date=r.text(m, "date", where, required=True),
                text=r.text(m, "text", where, required=True),
                source=r.text(m, "source", where).strip() or None,
                place=Place(shown, line),
                tense=read_tense(r, m, where),
            )
        )

    csv_warnings: list[Problem] = []
    csv_name = r.text(data, "events_csv", "").strip()
    if csv_name:
        csv_path = path.parent / csv_name
        if not csv_path.is_file():
            r.error(
                data.key_lines.get("events_csv"),
                "events_csv",
                f"no such CSV file: {csv_path}",
                "the path is relative to the brief file's folder",
            )
        else:
            try:
                events.extend(
                    read_events_csv(csv_path, start_index=len(events), warnings=csv_warnings)
                )
            except BriefgenError as exc:
                r.problems.extend(exc.problems)

    # read before the check below, so that their errors are reported too
    subtitle = r.text(data, "subtitle", "")
    author = r.text(data, "author", "")
    organisation = r.text(data, "organisation", "")
    marking = r.text(data, "marking", "").strip()
    audience = r.text(data, "audience", "")
    summary = r.text(data, "summary", "").strip()
    key_points = r.strings(data, "key_points", "")

    errors = [p for p in r.problems if p.severity == "error"]
    errors.sort(key=lambda p: (p.file != shown, p.line or 0))  # stable: CSV's after
    if as_of is None:
        return None, errors
    warnings = [p for p in r.problems if p.severity == "warning"]
    warnings += _removed_warnings(r, data, owners) + csv_warnings
    brief = Brief(
        title=title,
        as_of=as_of,
        subtitle=subtitle,
        author=author,
        organisation=organisation,
        marking=marking,
        audience=audience,
        summary=summary,
        key_points=key_points,
        figures=tuple(figures),
        next=tuple(nexts),
        sources=tuple(sources),
        events=tuple(events),
        path=shown,
        name=path.stem,
        month_first=month_first,
        tense=tense,
        financial_year_start=financial_year_start,
        academic_year_start=academic_year_start,
        warnings=tuple(warnings),
    )
    return brief, errors


def _removed_warnings(r: _Reader, data: LineDict, owners: list[tuple[int, str]]) -> list[Problem]:
    """Warn about each removed character, naming the event or source it was in.

    An item of ``sources:`` or ``events:`` runs from its first line to the next item's, or
    to the next top-level key.
    """
    if not r.removed:
        return []
    top_lines = sorted(data.key_lines.values())
    spans = []
    ordered = sorted(owners)
    for i, (first, what) in enumerate(ordered):
        ends = [n for n in top_lines if n > first]
        if i + 1 < len(ordered):
            ends.append(ordered[i + 1][0])
        spans.append((first, min(ends, default=None), what))
    out = []
    for line, field, chars in sorted(r.removed, key=lambda x: (x[0] or 0, x[1] or "")):
        owner = ""
        for first, end, what in spans:
            if line is not None and first <= line and (end is None or line < end):
                owner = f" from {what}"
        out.append(
            Problem(
                f"removed {describe_chars(chars)} that a DOCX cannot hold{owner}",
                r.path,
                line,
                field,
                REMOVED_HINT,
                "warning",
            )
        )
    return out


def _event(r: _Reader, m: LineDict, line: int, where: str, index: int) -> Event:
    anchor: date | str | None = None
    raw_anchor = m.get("anchor")
    if isinstance(raw_anchor, (date, datetime)):
        anchor = r.date_value(m, "anchor", where, required=False)
    elif raw_anchor is not None:
        anchor = r.text(m, "anchor", where).strip()
        with contextlib.suppress(ValueError):
            anchor = date.fromisoformat(anchor)
    key = m.get("key", False)
    if not isinstance(key, bool):
        r.error(
            m.key_lines.get("key"),
            where + "key",
            f"expected true or false, found {key!r}",
            "write 'key: true' or leave it out",
        )
        key = False
    title = r.text(m, "title", where, required=True).strip()
    return Event(
        date=r.text(m, "date", where, required=True).strip(),
        title=title,
        detail=r.text(m, "detail", where).strip(),
        sources=tuple(s.strip() for s in r.strings(m, "sources", where)),
        tags=r.strings(m, "tags", where),
        key=key,
        anchor=anchor,
        index=index,
        place=Place(r.path, line),
        id=r.text(m, "id", where).strip(),
        tense=read_tense(r, m, where),
        relative_to=r.text(m, "relative_to", where).strip(),
    )


_EVENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def _check_event_id(r: _Reader, m: LineDict, where: str, eid: str, seen: dict[str, int]) -> None:
    """Refuse an event id that is malformed or that another event already has."""
    if "id" not in m:
        return
    line = m.key_lines.get("id", m.line)
    if not _EVENT_ID.match(eid):
        r.error(
            line,
            where + "id",
            f"{eid!r} is not a usable event id",
            "use up to 64 letters, digits, '-', '_' or '.', starting with a letter or digit",
        )
        return
    if eid in seen:
        r.error(
            line,
            where + "id",
            f"the event id {eid!r} is used twice (first on line {seen[eid]})",
            "give each event its own id, or delete the id and run 'briefgen pull --write'",
        )
        return
    seen[eid] = line
