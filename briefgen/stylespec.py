"""The semantic style spec both writers read: per paragraph style, its size, weight,
colour, spacing, indent and leading, so the DOCX and the PDF cannot drift apart.

Sizes and colours are keys into a loaded ``Style`` sheet (``styles.py``); spacing and
indents are in points. A writer maps each entry to its medium (a named Word style, a
reportlab ``ParagraphStyle``) and must not add values of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from briefgen.styles import Style

# The styles compose may give a Paragraph (document.Paragraph.style).
ParagraphStyleName = Literal[
    "title",
    "subtitle",
    "doc-type",
    "dateline",
    "meta",
    "body",
    "lead",
    "small",
    "note",
    "event-date",
    "new-marker",
    "event-title",
    "event-detail",
    "event-sources",
    "table-header",
    "source-entry",
]
# Styles the writers use for other blocks and for the page furniture.
BlockStyleName = Literal[
    "heading1",
    "heading2",
    "bullet",
    "number",
    "source-list",
    "figure-value",
    "figure-label",
    "timeline",
    "header",
    "footer",
    "marking",
]
StyleName = ParagraphStyleName | BlockStyleName
SizeKey = Literal["body", "small", "title", "subtitle", "heading1", "heading2", "figure", "marking"]
ColourKey = Literal["text", "accent", "muted", "rule", "key_fill", "header_text", "marking"]

PARAGRAPH_STYLE_NAMES: tuple[ParagraphStyleName, ...] = get_args(ParagraphStyleName)


@dataclass(frozen=True)
class ParaSpec:
    """How one semantic style looks, whatever the medium.

    ``word`` is the name of the Word style it becomes (several semantic styles may share
    one); ``hanging`` indents every line but the first's marker, in points.
    """

    word: str
    size: SizeKey
    colour: ColourKey
    before: float = 0.0
    after: float = 0.0
    bold: bool = False
    hanging: float = 0.0
    keep_next: bool = False


SPEC: dict[StyleName, ParaSpec] = {
    "body": ParaSpec("Normal", "body", "text", 0, 6),
    "title": ParaSpec("Title", "title", "accent", 0, 4, bold=True),
    "subtitle": ParaSpec("Subtitle", "subtitle", "muted", 0, 6),
    "heading1": ParaSpec("Heading 1", "heading1", "accent", 10, 4, bold=True, keep_next=True),
    "heading2": ParaSpec("Heading 2", "heading2", "accent", 8, 3, bold=True, keep_next=True),
    "bullet": ParaSpec("List Bullet", "body", "text", 0, 2, hanging=12),
    "number": ParaSpec("List Number", "body", "text", 0, 2, hanging=12),
    "header": ParaSpec("Header", "small", "muted"),
    "footer": ParaSpec("Footer", "small", "muted"),
    "marking": ParaSpec("Marking", "marking", "marking", bold=True),
    "doc-type": ParaSpec("Document Type", "heading1", "accent", 6, 2, bold=True),
    "dateline": ParaSpec("Date Line", "body", "muted", 0, 2),
    "meta": ParaSpec("Meta", "body", "muted", 0, 10),
    "lead": ParaSpec("Summary", "body", "text", 0, 6),
    "small": ParaSpec("Note", "small", "muted", 0, 4),
    "note": ParaSpec("Note", "small", "muted", 0, 4),
    "event-date": ParaSpec("Event Date", "body", "text", bold=True),
    # the "New" label over the date of an event added or changed since an earlier pack
    "new-marker": ParaSpec("New Marker", "small", "accent", bold=True),
    "event-title": ParaSpec("Event Title", "body", "text", bold=True),
    "event-detail": ParaSpec("Event Detail", "body", "text", 2, 0),
    "event-sources": ParaSpec("Event Sources", "small", "muted"),
    "table-header": ParaSpec("Table Header", "body", "header_text", bold=True),
    "source-entry": ParaSpec("Source Entry", "small", "text", 0, 3),
    "source-list": ParaSpec("Source List", "small", "text", 0, 3, hanging=16),
    "figure-value": ParaSpec("Figure Value", "figure", "accent", bold=True),
    "figure-label": ParaSpec("Figure Label", "small", "text"),
    "timeline": ParaSpec("Timeline Text", "small", "text"),
}


def leading(size: float) -> float:
    """Return the exact line height (points) for a font size: 1.2 times, to 0.1 pt."""
    return round(1.2 * size, 1)


def spec(name: str) -> ParaSpec:
    """Return the spec of style ``name``; a name the spec lacks raises ``ValueError``.

    Writers call this rather than falling back to a default, so a style compose invents
    without adding it here fails loudly in both writers.
    """
    try:
        return SPEC[name]  # type: ignore[index]
    except KeyError:
        raise ValueError(f"no paragraph style {name!r} in the style spec") from None


@dataclass(frozen=True)
class Resolved:
    """A spec entry with the style sheet's values filled in."""

    font: str
    size: float
    leading: float
    bold: bool
    colour: str  # "#RRGGBB"
    before: float
    after: float
    hanging: float
    contextual: bool = False  # no space between neighbouring paragraphs of this style


def resolve(name: str, sheet: Style) -> Resolved:
    """Return style ``name`` as ``sheet`` draws it (sizes in points, colour ``#RRGGBB``);
    a measuring sheet's look for it (a Word template's) replaces all but the colour."""
    s = spec(name)
    colour = sheet.colours[s.colour]
    for key, look in sheet.looks:
        if key == name:
            return Resolved(
                look.font, look.size, look.leading, look.bold, colour, look.before,
                look.after, look.indent, look.contextual,
            )  # fmt: skip
    size = sheet.sizes[s.size]
    return Resolved(
        sheet.font, size, leading(size), s.bold, colour, s.before, s.after, s.hanging,
    )  # fmt: skip
