"""Events as the JSON that TimelineJS 3 reads: a title slide and one event slide per event.

Partial dates stay partial: an event known to the year gives only ``year``, one known to
the month gives ``year`` and ``month``. ``display_date`` carries briefgen's label, so
"Early 2025" or "c. 2011" reads as the chronology says it.
"""

from __future__ import annotations

import html
import json
from datetime import date

from briefgen.model import Brief, Event

_YEAR = {"year", "decade", "century"}
_MONTH = {"month", "quarter", "season", "half"}


def _date(d: date, precision: str) -> dict[str, str]:
    if precision in _YEAR:
        return {"year": str(d.year)}
    if precision in _MONTH:
        return {"year": str(d.year), "month": str(d.month)}
    return {"year": str(d.year), "month": str(d.month), "day": str(d.day)}


def _slide(e: Event, brief: Brief) -> dict[str, object]:
    assert e.span is not None
    span = e.span
    slide: dict[str, object] = {
        "start_date": _date(span.start, span.precision),
        "display_date": span.label,
        "text": {
            "headline": html.escape(e.title, quote=False),
            "text": html.escape(e.detail, quote=False),
        },
    }
    if span.end != span.start and _date(span.end, span.precision) != slide["start_date"]:
        slide["end_date"] = _date(span.end, span.precision)
    if e.tags:
        slide["group"] = e.tags[0]
    source = brief.source(e.sources[0]) if e.sources else None
    if source is not None and source.url:
        slide["media"] = {"url": source.url, "caption": html.escape(source.publisher, quote=False)}
    return slide


def events_timelinejs(brief: Brief, events: tuple[Event, ...]) -> str:
    """Return ``events`` as TimelineJS JSON (``{"title": ..., "events": [...]}``)."""
    data = {
        "title": {"text": {"headline": html.escape(brief.title, quote=False),
                           "text": html.escape(brief.subtitle, quote=False)}},
        "events": [_slide(e, brief) for e in events],
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
