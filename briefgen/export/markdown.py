"""Events as a Markdown chronology table that pastes into a wiki page or a GitHub issue."""

from __future__ import annotations

from briefgen.model import Brief, Event


def _cell(text: str) -> str:
    """Make ``text`` safe in one table cell: pipes escaped, line breaks as <br>."""
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    for ch in "*_`[]<>":
        text = text.replace(ch, "\\" + ch)
    return "<br>".join(" ".join(p.split()) for p in text.split("\n") if p.strip())


def events_markdown(brief: Brief, events: tuple[Event, ...]) -> str:
    """Return a heading and a Date | Event | Sources table of ``events``; key events bold."""
    lines = [f"## {_cell(brief.title)}", "", "| Date | Event | Sources |", "| --- | --- | --- |"]
    for e in events:
        assert e.span is not None
        title = f"**{_cell(e.title)}**" if e.key else _cell(e.title)
        event = title + (f"<br>{_cell(e.detail)}" if e.detail else "")
        lines.append(f"| {_cell(e.span.label)} | {event} | {_cell(', '.join(e.sources))} |")
    n = len(events)
    lines += ["", f"{n} event{'s' * (n != 1)}; key events in bold."]
    return "\n".join(lines) + "\n"
