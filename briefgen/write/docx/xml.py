"""WordprocessingML snippets: units, text cleaning, runs, paragraphs, table properties."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from docx.oxml.ns import nsdecls

from briefgen.document import printable

NS = nsdecls("w", "r")


def twips_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def twips_pt(pt: float) -> int:
    return round(pt * 20)


def clean_text(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot hold (they would crash lxml)."""
    return printable(text)


def attr(text: str) -> str:
    """Return ``text`` cleaned and escaped as a quoted XML attribute value."""
    return quoteattr(clean_text(text))


def link_target(url: str) -> str:
    """Return ``url`` as a relationship target: spaces and non-ASCII percent-encoded."""
    return quote(clean_text(url).strip(), safe=":/?#[]@!$&'()*+,;=%~")


def border(side: str, size_pt: float, colour: str) -> str:
    return (
        f'<w:{side} w:val="single" w:sz="{round(size_pt * 8)}" w:space="0" '
        f'w:color="{colour.lstrip("#")}"/>'
    )


def no_borders() -> str:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    return "<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in sides) + "</w:tblBorders>"


def cell_mar(top: int, left: int, bottom: int, right: int) -> str:
    return (
        f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{left}" w:type="dxa"/>'
        f'<w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{right}" w:type="dxa"/>'
        "</w:tblCellMar>"
    )


def text_runs(text: str, rpr: str) -> str:
    """Return ``w:r`` XML for ``text``; newlines become breaks and tabs become tabs."""
    text = clean_text(text).replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for piece in re.split(r"(\n|\t)", text):
        if piece == "\n":
            out.append("<w:br/>")
        elif piece == "\t":
            out.append("<w:tab/>")
        elif piece:
            space = ' xml:space="preserve"' if piece != piece.strip() or "  " in piece else ""
            out.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return f"<w:r>{rpr}{''.join(out)}</w:r>" if out else ""


def w_p(style_id: str, inner: str = "", extra_ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{extra_ppr}</w:pPr>{inner}</w:p>'


def num_pr(num_id: int) -> str:
    return f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'


def grid(widths: Sequence[int]) -> str:
    return "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"


def split_widths(total: int, fractions: Sequence[float]) -> list[int]:
    """Return column widths in twips summing exactly to ``total``."""
    if not fractions:
        return [total]
    clean = [
        f if isinstance(f, int | float) and math.isfinite(f) and f > 0 else 0.0 for f in fractions
    ]
    if not any(clean):
        clean = [1.0] * len(clean)
    s = sum(clean)
    widths = [max(1, round(total * f / s)) for f in clean]
    widths[-1] = max(1, total - sum(widths[:-1]))
    return widths


def tbl_pr(style_id: str, width: int, look: str, caption: str = "", description: str = "") -> str:
    """Table properties; ``caption`` and ``description`` are its alternative text (title and
    description in Word's Table Properties), read by screen readers and Word's checker."""
    alt = ""
    if caption:
        alt += f"<w:tblCaption w:val={attr(caption)}/>"
    if description:
        alt += f"<w:tblDescription w:val={attr(description)}/>"
    return (
        f'<w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblLayout w:type="fixed"/>{look}{alt}</w:tblPr>'
    )


LOOK_HEADER = (
    '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
    'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
)


LOOK_PLAIN = (
    '<w:tblLook w:val="0600" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
    'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
)
