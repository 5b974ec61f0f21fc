"""Events as an iCalendar file (RFC 5545): one all-day VEVENT per event.

A date interval becomes an all-day span (DTEND is the day after the last day, as RFC
5545 says); an approximate date, or one known only to the month or year, says so in the
description. The output is the same for the same brief: UIDs come from event ids and
DTSTAMP from the brief's ``as_of``.
"""

from __future__ import annotations

from datetime import date, timedelta

from briefgen.eventids import event_ids
from briefgen.model import Brief, Event


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "")
    ).replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ch
        else:
            current += ch
    out.append(current)
    return [out[0]] + [" " + x for x in out[1:]]


def _day(d: date) -> str:
    return d.strftime("%Y%m%d")


def _description(event: Event) -> str:
    assert event.span is not None
    notes = []
    if event.span.approximate:
        notes.append(f"Approximate date: {event.span.label}.")
    elif event.span.precision != "day" or event.span.start != event.span.end:
        notes.append(f"Date known as: {event.span.label}.")
    if event.date.casefold() != event.span.label.casefold():
        notes.append(f"As reported: {event.date}.")
    if event.sources:
        notes.append("Sources: " + ", ".join(event.sources) + ".")
    return "\n\n".join(p for p in (event.detail, " ".join(notes)) if p)


def events_ics(brief: Brief, events: tuple[Event, ...]) -> str:
    """Return ``events`` of ``brief`` as the text of an .ics file (CRLF line ends)."""
    ids = dict(zip((id(e) for e in brief.events), event_ids(brief.events), strict=True))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//briefgen//briefgen events//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(brief.title)}",
    ]
    stamp = _day(brief.as_of) + "T000000Z"
    for e in events:
        assert e.span is not None
        uid = ids.get(id(e)) or e.title
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_escape(uid)}@{_escape(brief.name or 'briefgen')}.briefgen",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_day(e.span.start)}",
            f"DTEND;VALUE=DATE:{_day(e.span.end + timedelta(days=1))}",
            f"SUMMARY:{_escape(e.title)}",
        ]
        description = _description(e)
        if description:
            lines.append(f"DESCRIPTION:{_escape(description)}")
        if e.tags:
            lines.append("CATEGORIES:" + ",".join(_escape(t) for t in e.tags))
        if e.key:
            lines.append("PRIORITY:1")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(folded + "\r\n" for line in lines for folded in _fold(line))
