"""The format-neutral document that compose builds and the writers translate.

A ``Document`` is a flat list of blocks (heading, paragraph, bullets, table, figures,
timeline strip) made of inline ``Run``s. Everything a reader sees is decided here, so
the DOCX and PDF writers only translate; ``render_text`` dumps a document as plain text
for golden tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from briefgen.stylespec import ParagraphStyleName

DocumentKind = Literal["chronology", "briefing"]

_LINK_URL = re.compile(r"^(https?://[^\s<>\"]+|mailto:[^\s<>\"]+)$", re.IGNORECASE)


# Characters no output format can hold: C0 controls other than tab, newline and carriage
# return, DEL, lone surrogates, and the non-characters U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """Return ``text`` without the characters no writer can hold (one rule for all)."""
    return _UNPRINTABLE.sub("", text)


def row_bookmark(event_id: str) -> str:
    """Return the hidden bookmark name (``_bg`` and 16 hex digits) that marks a row's event.

    Word hides bookmarks whose names start with "_"; names are at most 40 characters of
    letters, digits and "_", so the id is hashed rather than written out.
    """
    import hashlib

    return "_bg" + hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:16]


def is_link_url(url: str | None) -> bool:
    """Tell whether ``url`` may become a clickable link: http, https or mailto only.

    The one rule for check, compose and both writers (which check again, so that a
    hand-built Document is safe too); unprintable characters do not count.
    """
    return url is not None and bool(_LINK_URL.match(printable(url).strip()))


@dataclass(frozen=True)
class Run:
    """A piece of inline text; ``url`` makes it a hyperlink (``None``: plain text)."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


Inline = tuple[Run, ...]


def runs(*parts: str | Run) -> Inline:
    """Build an inline tuple from strings (plain runs) and runs."""
    return tuple(p if isinstance(p, Run) else Run(p) for p in parts)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph in a named style.

    Styles are semantic names the writers map to their own styles: ``title``,
    ``subtitle``, ``doc-type``, ``dateline``, ``meta``, ``body``, ``lead``, ``small``,
    ``event-date``, ``new-marker``, ``event-title``, ``event-detail``, ``event-sources``,
    ``table-header``, ``source-entry``, ``note``.
    """

    content: Inline
    style: ParagraphStyleName = "body"


@dataclass(frozen=True)
class Heading:
    """A section heading (``level`` 1 or 2); ``bookmark`` puts it in the PDF outline."""

    text: str
    level: int = 1
    bookmark: bool = True


@dataclass(frozen=True)
class Bullets:
    """A bulleted (or numbered) list; each item is one paragraph of inline runs."""

    items: tuple[Inline, ...]
    numbered: bool = False
    style: Literal["bullet", "source-list"] = "bullet"  # source-list: the short numbered sources


Cell = tuple[Paragraph, ...]


@dataclass(frozen=True)
class Row:
    """A table row; ``key`` rows are shown with emphasis (shading and a bar).

    ``id`` (empty: none) is the stable id of the event the row shows; the DOCX writer
    keeps it in a hidden bookmark so that the row can be read back (``briefgen pull``).
    ``new`` marks an event added or changed since an earlier pack (``--since``).
    """

    cells: tuple[Cell, ...]
    key: bool = False
    id: str = ""
    new: bool = False


@dataclass(frozen=True)
class Table:
    """A table whose header row repeats on every page and whose rows do not split.

    ``widths`` are fractions of the text width, one per column, summing to 1. ``caption``
    names the table and ``description`` says what it holds, for readers who cannot see
    it (the DOCX table's alternative text).
    """

    header: tuple[str, ...]
    widths: tuple[float, ...]
    rows: tuple[Row, ...]
    caption: str = ""
    description: str = ""


@dataclass(frozen=True)
class FigureItem:
    """A key figure: a big ``value`` with its ``label`` and a source note such as "[1]"."""

    value: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class Figures:
    """A row of key figures."""

    items: tuple[FigureItem, ...]


@dataclass(frozen=True)
class TimelineMark:
    """An event on the timeline strip.

    ``position`` is where the event sits along the axis (0 to 1); ``lane`` is the row of
    its caption (0 is nearest the axis) and ``caption_at`` the caption's left edge (0 to
    1 minus ``Timeline.caption_width``), chosen by compose so captions never overlap.
    """

    position: float
    lane: int
    date_label: str
    title: str
    key: bool = True
    caption_at: float = 0.0


@dataclass(frozen=True)
class Tick:
    """A labelled tick on the timeline axis at ``position`` (0 to 1)."""

    position: float
    label: str


@dataclass(frozen=True)
class Timeline:
    """A visual strip of key events along a time axis; ``lanes`` is how many caption rows.

    ``alt`` says in words what the strip shows (its span and its marks in order), for
    readers who cannot see it: the PDF's Figure /Alt and the DOCX table's description.
    """

    marks: tuple[TimelineMark, ...]
    ticks: tuple[Tick, ...]
    lanes: int
    caption: str = ""
    caption_width: float = 0.25  # of the strip's width
    alt: str = ""
    # where the brief's "as at" date falls on the axis (0 to 1), when marks lie after it:
    # the writers draw the axis beyond it dashed; ``None``: every mark is on or before it
    as_at: float | None = None


Block = Paragraph | Heading | Bullets | Table | Figures | Timeline


@dataclass(frozen=True)
class Document:
    """A whole document: its metadata, its page furniture and its blocks.

    ``marking`` (empty: none) is printed at the top and bottom of every page; the footer
    shows ``footer`` and "Page N of M". ``meta["briefgen-pack"]`` (when present) is the
    JSON snapshot of what the pack was built from, which the DOCX writer stores in a
    custom XML part that no reader sees (see ``briefgen.pull.snapshot``).
    """

    kind: DocumentKind
    title: str
    subject: str
    author: str
    created: date
    blocks: tuple[Block, ...]
    marking: str = ""
    footer: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en-GB"
    meta: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def inline_text(content: Inline) -> str:
    """Return the plain text of inline runs, links shown as ``text <url>``."""
    out = []
    for r in content:
        out.append(f"{r.text} <{r.url}>" if r.url and r.url != r.text else r.text)
    return "".join(out)


def render_text(doc: Document) -> str:
    """Render ``doc`` as plain text, one block after another, for golden tests and review."""
    lines = [f"[{doc.kind}] {doc.title}"]
    if doc.marking:
        lines.append(f"[marking] {doc.marking}")
    for block in doc.blocks:
        match block:
            case Heading(text=text, level=level):
                lines.append(f"{'#' * level} {text}")
            case Paragraph(content=content, style=style):
                lines.append(f"({style}) {inline_text(content)}")
            case Bullets(items=items, numbered=numbered):
                for i, item in enumerate(items, 1):
                    mark = f"{i}." if numbered else "-"
                    lines.append(f"  {mark} {inline_text(item)}")
            case Table(header=header, rows=rows):
                lines.append("| " + " | ".join(header) + " |")
                for row in rows:
                    cells = [" / ".join(inline_text(p.content) for p in cell) for cell in row.cells]
                    lines.append(("*" if row.key else " ") + "| " + " | ".join(cells) + " |")
            case Figures(items=items):
                for f in items:
                    lines.append(f"  [{f.value}] {f.label} {f.note}".rstrip())
            case Timeline(marks=marks, ticks=ticks, as_at=as_at):
                lines.append("  timeline: " + ", ".join(t.label for t in ticks))
                if as_at is not None:
                    lines.append(f"  as at @{as_at:.3f}, dashed after")
                for m in marks:
                    lines.append(
                        f"  @{m.position:.3f} lane {m.lane} box {m.caption_at:.3f}: "
                        f"{m.date_label}: {m.title}"
                    )
    if doc.footer:
        lines.append(f"[footer] {doc.footer}")
    return "\n".join(lines) + "\n"
