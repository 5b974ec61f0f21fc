"""Read events from a CSV file (columns ``date,title,detail,sources,tags,key``)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.model import Event, Place
from briefgen.read.text import (
    clean_text,
    describe_chars,
    read_text_file,
    unsafe_chars,
)

COLUMNS = ("date", "title", "detail", "sources", "tags", "key")
TRUE = {"true", "yes", "y", "1", "x", "key"}
FALSE = {"", "false", "no", "n", "0"}
MAX_CSV_BYTES = 200 * 1024 * 1024


def _split(cell: str) -> tuple[str, ...]:
    """Split a list cell; ids and tags may be separated by ';' or ','."""
    return tuple(p.strip() for p in re.split(r"[;,]", cell) if p.strip())


def read_events_csv(
    path: Path, start_index: int = 0, warnings: list[Problem] | None = None
) -> list[Event]:
    """Read events from ``path``; their ``index`` continues from ``start_index``.

    Raises ``BriefgenError`` with the CSV's line numbers for a missing column, a missing
    date or title, or a ``key`` cell that is not yes/no. Warnings (characters removed from
    an event) are appended to ``warnings`` when it is given.
    """
    shown = str(path)
    text = read_text_file(path, MAX_CSV_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    problems = []
    missing = [c for c in ("date", "title") if c not in header]
    if missing:
        raise BriefgenError(
            Problem(
                f"the CSV has no {' or '.join(missing)} column",
                shown,
                1,
                hint=f"the first line names the columns: {','.join(COLUMNS)}",
            )
        )
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        problems.append(
            Problem(
                f"unknown column {unknown[0]!r}",
                shown,
                1,
                hint=f"the columns are {','.join(COLUMNS)}",
            )
        )
    reader.fieldnames = header
    events: list[Event] = []
    line = 1
    for row in reader:
        line_start = line + 1
        line = reader.line_num
        cells = {k: clean_text(v or "").strip() for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        removed = [c for k, v in row.items() if k and v for c in unsafe_chars(v)]
        if removed and warnings is not None:
            warnings.append(
                Problem(
                    f"removed {describe_chars(removed)} that a DOCX cannot hold from the "
                    f"event {cells.get('title', '')!r}",
                    shown,
                    line_start,
                    hint="they are invisible or broken characters, usually pasted from "
                    "another program; delete them to silence this warning",
                    severity="warning",
                )
            )
        for col in ("date", "title"):
            if not cells.get(col):
                problems.append(
                    Problem(f"{col} is empty", shown, line_start, col, f"write the event's {col}")
                )
        key_cell = cells.get("key", "").lower()
        if key_cell not in TRUE | FALSE:
            problems.append(
                Problem(
                    f"key is {cells['key']!r}",
                    shown,
                    line_start,
                    "key",
                    "write yes or leave it empty",
                )
            )
        events.append(
            Event(
                date=cells.get("date", ""),
                title=cells.get("title", ""),
                detail=cells.get("detail", ""),
                sources=_split(cells.get("sources", "")),
                tags=_split(cells.get("tags", "")),
                key=key_cell in TRUE,
                index=start_index + len(events),
                place=Place(shown, line_start),
            )
        )
    if problems:
        raise BriefgenError(problems)
    return events
