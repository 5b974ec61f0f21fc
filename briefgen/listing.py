"""Dated events as a table, JSON or CSV, for ``briefgen events``."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap

from briefgen.model import Event


def event_json(event: Event) -> dict[str, object]:
    """Return the JSON shape of one dated event (a contract: scripts read it)."""
    assert event.span is not None
    return {
        "title": event.title,
        "date": event.span.to_json(),
        "detail": event.detail,
        "sources": list(event.sources),
        "tags": list(event.tags),
        "key": event.key,
    }


def format_events(events: tuple[Event, ...], fmt: str) -> str:
    """Render dated events as ``table`` (for people), ``json`` or ``csv`` (for scripts)."""
    if fmt == "json":
        return json.dumps([event_json(e) for e in events], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["start", "end", "label", "date", "title", "detail", "sources", "tags", "key"]
        )
        for e in events:
            assert e.span is not None
            writer.writerow(
                [
                    e.span.start.isoformat(), e.span.end.isoformat(), e.span.label, e.date,
                    e.title, e.detail, ";".join(e.sources), ";".join(e.tags),
                    "yes" if e.key else "",
                ]
            )  # fmt: skip
        return out.getvalue()
    return _table(events)


def _table(events: tuple[Event, ...]) -> str:
    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 140))
    labels = [e.span.label if e.span else "" for e in events]
    date_w = min(max((len(x) for x in labels), default=4), 28)
    src_w = 16
    title_w = max(20, width - date_w - src_w - 6)
    lines = [f"{'Date':<{date_w}}  {'Event':<{title_w}}  Sources", "-" * width]
    for e, label in zip(events, labels, strict=True):
        title = ("* " if e.key else "") + e.title
        wrapped = textwrap.wrap(title, title_w) or [""]
        lines.append(f"{label:<{date_w}}  {wrapped[0]:<{title_w}}  {', '.join(e.sources)}")
        lines.extend(f"{'':<{date_w}}  {more}" for more in wrapped[1:])
    lines.append(f"{len(events)} event{'s' * (len(events) != 1)} (* key event)")
    return "\n".join(lines) + "\n"
