"""Pieces both documents share: source numbers, citations, date lines and safe links."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.datelabels import day_label
from briefgen.document import Block, Document, DocumentKind, Inline, Run, is_link_url
from briefgen.model import Brief, Source


def safe_url(url: str) -> str | None:
    """Return ``url`` if it may become a clickable link (http, https, mailto), else ``None``."""
    url = url.strip()
    return url if is_link_url(url) else None


def source_numbers(brief: Brief) -> dict[str, int]:
    """Number the brief's sources 1, 2, ... in the order the author listed them."""
    return {s.id: i for i, s in enumerate(brief.sources, 1)}


def cite(ids: tuple[str, ...] | list[str], numbers: dict[str, int]) -> str:
    """Return a citation such as "[1], [2]" for source ids (unknown ids are skipped)."""
    nums = sorted({numbers[i] for i in ids if i in numbers})
    return ", ".join(f"[{n}]" for n in nums)


def source_entry(source: Source, *, full: bool) -> Inline:
    """Describe a source: publisher, “title”, date, and (``full``) its link."""
    parts = [p for p in (source.publisher, f"“{source.title}”" if source.title else "") if p]
    if source.published:
        parts.append(day_label(source.published))
    text = ", ".join(parts) or source.id
    if not full or not source.url:
        return (Run(text),)
    url = safe_url(source.url)
    if url is None:
        return (Run(text + ". "), Run(source.url))
    # the link's text makes sense on its own ("The Independent, 16 June 2025"); the
    # address follows in plain text for readers of a printed page
    return (Run(text, url=url), Run(". " + source.url))


def as_at(brief: Brief) -> str:
    """Return the pack's date line: "As at 16 June 2025"."""
    return f"As at {day_label(brief.as_of)}"


def byline(brief: Brief) -> str:
    """Return "author, organisation" (either may be missing)."""
    return ", ".join(p for p in (brief.author, brief.organisation) if p)


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a sentence or word end, adding "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if sentence_end > limit // 2:
        return cut[: sentence_end + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut[: limit - 1]).rstrip(" ,;:") + "…"


def pack_document(
    brief: Brief,
    kind: DocumentKind,
    blocks: Sequence[Block],
    meta: dict[str, str] | None = None,
) -> Document:
    """Return one document of the pack: ``blocks`` with the brief's metadata and furniture.

    ``meta`` is passed on to the writers (the pack snapshot, ``briefgen.snapshot``).
    """
    name = kind.capitalize()
    return Document(
        kind=kind,
        title=brief.title,
        subject=f"{name}: {brief.title}",
        author=brief.author or brief.organisation,
        created=brief.as_of,
        blocks=tuple(blocks),
        marking=brief.marking,
        footer=f"{name} · {as_at(brief)}",
        keywords=(kind, "briefgen"),
        meta=dict(meta or {}),
    )


def meta_line(brief: Brief) -> str:
    """Return "author, organisation. For: audience" (any part may be missing; "" for none)."""
    meta = byline(brief)
    if brief.audience:
        meta = f"{meta}. For: {brief.audience}" if meta else f"For: {brief.audience}"
    return meta


def filtered_line(brief: Brief) -> str:
    """Return "Filtered: tag government; 5 of 20 events", or "" when every event is shown."""
    return f"Filtered: {brief.filtered}" if brief.filtered else ""
