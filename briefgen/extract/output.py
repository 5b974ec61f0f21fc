"""Proposed events as a brief file for review (YAML with comments) or as JSON in the shape
of ``briefgen events --format json``; date mentions as JSON or YAML."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from briefgen.extract.mentions import Mention
from briefgen.extract.propose import Proposal
from briefgen.listing import event_json
from briefgen.model import Event

EXTRACTED_TAGS = ("extracted", "needs-review")


@dataclass(frozen=True)
class SourceInfo:
    """A source as the brief will define it, and the file it came from."""

    id: str
    path: Path
    publisher: str = ""
    title: str = ""
    url: str = ""
    published: date | None = None
    published_from: str = ""


def source_id(path: Path) -> str:
    """A source id from a file name: lower case, letters, digits and hyphens."""
    sid = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return sid or "article"


def is_future(p: Proposal, as_of: date) -> bool:
    return p.span is not None and p.span.start > as_of


def _tags(p: Proposal) -> list[str]:
    tags = list(EXTRACTED_TAGS)
    if len(p.candidates) > 1:
        tags.append("merged")
    if p.span is None:
        tags.append("unresolved")
    return tags


class _Flow(list):  # type: ignore[type-arg]
    """A list written in flow style: ``sources: [a, b]``."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, True)
)


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88,
                     default_flow_style=False)  # fmt: skip


def _indent(text: str, prefix: str = "  ") -> str:
    return "".join(prefix + line if line.strip() else line for line in text.splitlines(True))


def _provenance(p: Proposal, sources: dict[str, SourceInfo]) -> str:
    parts = []
    for c in p.candidates:
        where = sources[c.source].path.name
        parts.append(f"{where} chars {c.mention.offset}-{c.mention.end} ({c.mention.text!r})")
    head = f"merged from {len(p.candidates)} candidates: " if len(p.candidates) > 1 else ""
    return f"# extracted, needs review: {head}" + "; ".join(parts)


def _event_entry(p: Proposal) -> dict[str, object]:
    lead = p.lead
    return {
        "date": lead.phrase,
        "title": lead.title,
        "detail": " ".join(lead.sentence.text.split()),
        "sources": _Flow(p.sources),
        "tags": _Flow(_tags(p)),
    }


def to_yaml(proposals: list[Proposal], sources: list[SourceInfo], as_of: date) -> str:
    """A complete brief file whose events are the proposals, each marked for review;
    proposals that start after ``as_of`` go under ``next:``."""
    by_id = {s.id: s for s in sources}
    n = len(sources)
    title = (
        f"Events from: {sources[0].title}" if n == 1 and sources[0].title
        else f"Events extracted from {n} article{'s' * (n != 1)}"
    )  # fmt: skip
    lines = [
        "# Draft brief written by `briefgen extract`. Every event is a proposal taken from the",
        "# text: check it against its source, rewrite the title in your own words, fix the",
        "# date, then remove the tags extracted/needs-review. Run `briefgen check` on it.",
    ]
    unresolved = [s for s in sources if s.published is None]
    if unresolved:
        names = ", ".join(s.id for s in unresolved)
        lines.append(f"# No publication date was found for: {names}. Events with relative dates")
        lines.append("# from them are unresolved and commented out at the end of `events:`.")
    lines.append(_dump({"title": title, "as_of": as_of}).rstrip("\n"))
    lines.append("sources:")
    for s in sources:
        entry: dict[str, object] = {"id": s.id}
        for key in ("publisher", "title", "url"):
            if getattr(s, key):
                entry[key] = getattr(s, key)
        if s.published:
            entry["published"] = s.published
        comment = f"  # from {s.path.name}"
        if s.published_from:
            comment += f"; published date from the {s.published_from}"
        lines.append(comment)
        lines.append(_indent(_dump([entry])).rstrip("\n"))
    resolved = [p for p in proposals if p.span is not None]
    past = [p for p in resolved if not is_future(p, as_of)]
    future = [p for p in resolved if is_future(p, as_of)]
    unresolved = [p for p in proposals if p.span is None]
    lines.append("events:" if past else "events: []")
    for p in past:
        lines.append("")
        lines.append(_indent(_provenance(p, by_id)))
        lines.append(_indent(_dump([_event_entry(p)])).rstrip("\n"))
    if unresolved:
        # briefgen check would read these against as_of, which would be a guess: they
        # stay commented out until their source has a publication date
        lines.append("")
        lines.append("  # Unresolved: these dates are relative and their source has no publication")
        lines.append("  # date. Add `published:` to the source, then uncomment them.")
        for p in unresolved:
            lines.append(_indent(_provenance(p, by_id)))
            lines.append(_indent(_dump([_event_entry(p)]), "  # ").rstrip("\n"))
    if future:
        lines.append("next:")
        for p in future:
            lines.append(_indent(_provenance(p, by_id)))
            item = {
                "date": p.lead.phrase,
                "text": " ".join(p.lead.sentence.text.split()),
                "source": p.lead.source,
            }
            lines.append(_indent(_dump([item])).rstrip("\n"))
    return "\n".join(lines) + "\n"


def to_json(proposals: list[Proposal]) -> str:
    """The proposals in the shape of ``briefgen events --format json``."""
    out = []
    for p in proposals:
        lead = p.lead
        if p.span is None:
            out.append({
                "title": lead.title,
                "date": {"text": lead.phrase, "start": None, "end": None, "precision": None,
                         "approximate": False, "label": "unresolved (no publication date)"},
                "detail": " ".join(lead.sentence.text.split()), "sources": p.sources,
                "tags": _tags(p),
                "key": False,
            })  # fmt: skip
            continue
        span = p.span.__class__(lead.phrase, p.span.start, p.span.end, p.span.precision,
                                p.span.approximate, p.span.label)  # fmt: skip
        detail = " ".join(lead.sentence.text.split())
        event = Event(lead.phrase, lead.title, detail, tuple(p.sources),
                      tuple(_tags(p)), span=span)  # fmt: skip
        out.append(event_json(event))
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def mentions_json(per_file: list[tuple[Path, list[Mention]]]) -> str:
    """Every mention as {"text", "offset", "length", "start", "end", "label"}; with several
    files each also names its "file"."""
    out = []
    for path, mentions in per_file:
        for m in mentions:
            item = m.to_json()
            if len(per_file) > 1:
                item = {"file": str(path), **item}
            out.append(item)
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def mentions_yaml(per_file: list[tuple[Path, list[Mention]]]) -> str:
    """The mentions as YAML, one list per file."""
    data = {str(path): [m.to_json() for m in mentions] for path, mentions in per_file}
    return _dump(data)
