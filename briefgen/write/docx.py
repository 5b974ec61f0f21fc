"""Write a ``Document`` as a Word file (DOCX) that feels native in Word.

Every paragraph and table uses a named style defined in the styles part (sizes, colours
and spacing from the style sheet, per the shared layout spec), so restyling in Word's
Styles pane restyles the whole document. Body XML is generated in one pass and parsed
once (a 10,000-row chronology takes about a second), and the package is written with
fixed zip timestamps and sequential ids, so the same input always gives the same bytes.

``template`` builds on an organisation's own Word template (.docx or .dotx): its styles,
page set-up, headers and footers are kept, its body is replaced, and our styles are added
only where it has none of the same name.
"""

from __future__ import annotations

import copy
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.parts.numbering import NumberingPart
from lxml import etree

from briefgen.document import (
    Bullets,
    Document,
    Figures,
    Heading,
    Inline,
    Paragraph,
    Run,
    Table,
    Timeline,
    TimelineMark,
    is_link_url,
    row_bookmark,
)
from briefgen.errors import BriefgenError, Problem
from briefgen.snapshot import KEY as PACK_KEY
from briefgen.styles import Style

__all__ = ["render_docx"]

_NS = nsdecls("w", "r")
_DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
# an organisation's template with its logos and fonts is a few megabytes
_MAX_TEMPLATE_BYTES = 50_000_000
_MAX_TEMPLATE_UNPACKED = 200_000_000
# Characters XML 1.0 cannot hold: C0 controls other than tab/newline/CR, lone surrogates,
# U+FFFE and U+FFFF.
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANG_RE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")

# Semantic paragraph styles (Paragraph.style) -> DOCX style names.
PARAGRAPH_STYLES = {
    "title": "Title",
    "subtitle": "Subtitle",
    "doc-type": "Document Type",
    "dateline": "Date Line",
    "meta": "Meta",
    "body": "Normal",
    "lead": "Summary",
    "small": "Note",
    "note": "Note",
    "event-date": "Event Date",
    "new-marker": "New Marker",
    "event-title": "Event Title",
    "event-detail": "Event Detail",
    "event-sources": "Event Sources",
    "table-header": "Table Header",
    "source-entry": "Source Entry",
}

TIMELINE_SLOTS = 20  # columns of the timeline table
TIMELINE_SPAN = 5  # slots a caption spans (a quarter of the text width)
TIMELINE_LANE_GAP_PT = 4.0  # space between lanes of captions, as in the PDF
FIGURE_GAP_MM = 5.0  # gap between key-figure boxes
HEADER_FOOTER_MM = 8.0  # header and footer distance from the page edge


# --------------------------------------------------------------------------- units


def _twips_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _twips_pt(pt: float) -> int:
    return round(pt * 20)


def _leading(size: float) -> float:
    """Return the exact line height (points) for a font size, as the spec fixes it."""
    return round(1.2 * size, 1)


def clean_text(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot hold (they would crash lxml)."""
    return _BAD_XML_CHARS.sub("", text)


def _attr(text: str) -> str:
    """Return ``text`` cleaned and escaped as a quoted XML attribute value."""
    return quoteattr(clean_text(text))


def _link_target(url: str) -> str:
    """Return ``url`` as a relationship target: spaces and non-ASCII percent-encoded."""
    return quote(clean_text(url).strip(), safe=":/?#[]@!$&'()*+,;=%~")


def _is_link(url: str | None) -> bool:
    # compose only sets safe URLs; checking again keeps a hand-built Document safe too
    return url is not None and is_link_url(clean_text(url))


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _StyleDef:
    """One style we define: its UI name, the name stored in styles.xml and its body XML."""

    name: str  # as python-docx / Word's UI shows it, e.g. "Heading 1"
    stored: str  # as styles.xml stores it, e.g. "heading 1"
    style_id: str
    kind: str  # paragraph, character or table
    body: str  # child elements after w:name (basedOn placeholders resolved later)
    default: bool = False


def _rpr(
    sheet: Style,
    size: str | None = None,
    colour: str | None = None,
    bold: bool = False,
    font: bool = False,
) -> str:
    parts = []
    if font:
        f = _attr(sheet.font)
        parts.append(f"<w:rFonts w:ascii={f} w:hAnsi={f} w:cs={f} w:eastAsia={f}/>")
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if colour:
        parts.append(f'<w:color w:val="{sheet.colours[colour].lstrip("#")}"/>')
    if size:
        half = round(sheet.sizes[size] * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _ppr(
    sheet: Style,
    size: str,
    before: float = 0,
    after: float = 0,
    *,
    keep_next: bool = False,
    num_id: int | None = None,
    tabs: str = "",
    ind: tuple[int, int] | None = None,
    jc: str | None = "left",
    outline: int | None = None,
) -> str:
    line = _twips_pt(_leading(sheet.sizes[size]))
    parts = []
    if keep_next:
        parts.append("<w:keepNext/><w:keepLines/>")
    parts.append('<w:widowControl w:val="0"/>')
    if num_id is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    if tabs:
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    parts.append(
        f'<w:spacing w:before="{_twips_pt(before)}" w:after="{_twips_pt(after)}" '
        f'w:line="{line}" w:lineRule="exact"/>'
    )
    if ind:
        parts.append(f'<w:ind w:left="{ind[0]}" w:hanging="{ind[1]}"/>')
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def _border(side: str, size_pt: float, colour: str) -> str:
    return (
        f'<w:{side} w:val="single" w:sz="{round(size_pt * 8)}" w:space="0" '
        f'w:color="{colour.lstrip("#")}"/>'
    )


def _no_borders() -> str:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    return "<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in sides) + "</w:tblBorders>"


def _cell_mar(top: int, left: int, bottom: int, right: int) -> str:
    return (
        f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{left}" w:type="dxa"/>'
        f'<w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{right}" w:type="dxa"/>'
        "</w:tblCellMar>"
    )


@dataclass
class _Numbering:
    """numIds of the numbering definitions our list styles use."""

    bullet: int = 0  # the List Bullet style's numbering
    number: int = 0  # the List Number style's numbering
    abstract_number: int = 0  # restarted for each numbered list
    abstract_source: int = 0  # restarted for each numbered source list
    next_num: int = 0  # the next free numId


BULLET_INDENT = _twips_pt(12)
SOURCE_INDENT = _twips_pt(16)


def _style_defs(sheet: Style, text_width: int, num: _Numbering) -> list[_StyleDef]:
    """Return every style we define, built from the style sheet."""
    defs: list[_StyleDef] = []

    def para(
        name: str,
        size: str,
        colour: str,
        before: float = 0,
        after: float = 0,
        *,
        bold: bool = False,
        stored: str | None = None,
        next_: str | None = None,
        ui: int = 20,
        qformat: bool = True,
        **ppr_options: object,
    ) -> None:
        style_id = name.replace(" ", "")
        head = "<w:basedOn w:val='@Normal'/>" if name != "Normal" else ""
        if next_:
            head += f"<w:next w:val='@{next_}'/>"
        head += f'<w:uiPriority w:val="{ui}"/>' + ("<w:qFormat/>" if qformat else "")
        body = (
            head
            + _ppr(sheet, size, before, after, **ppr_options)  # type: ignore[arg-type]
            + _rpr(sheet, size, colour, bold)
        )
        defs.append(
            _StyleDef(name, stored or name, style_id, "paragraph", body, default=name == "Normal")
        )

    right_tab = f'<w:tab w:val="right" w:pos="{text_width}"/>'
    para("Normal", "body", "text", 0, 6, ui=0)
    para("Title", "title", "accent", 0, 4, bold=True, next_="Normal", ui=10)
    para("Subtitle", "subtitle", "muted", 0, 6, next_="Normal", ui=11)
    para("Heading 1", "heading1", "accent", 10, 4, bold=True, stored="heading 1",
         next_="Normal", ui=9, keep_next=True, outline=0)  # fmt: skip
    para("Heading 2", "heading2", "accent", 8, 3, bold=True, stored="heading 2",
         next_="Normal", ui=9, keep_next=True, outline=1)  # fmt: skip
    para("List Bullet", "body", "text", 0, 2, ind=(BULLET_INDENT, BULLET_INDENT),
         num_id=num.bullet, ui=36)  # fmt: skip
    para("List Number", "body", "text", 0, 2, ind=(BULLET_INDENT, BULLET_INDENT),
         num_id=num.number, ui=36)  # fmt: skip
    para("Header", "small", "muted", stored="header", ui=99, qformat=False,
         tabs=f'<w:tab w:val="center" w:pos="{text_width // 2}"/>{right_tab}')  # fmt: skip
    para("Footer", "small", "muted", stored="footer", ui=99, qformat=False, tabs=right_tab)
    para("Marking", "marking", "marking", bold=True, jc="center", ui=1)
    para("Document Type", "heading1", "accent", 6, 2, bold=True, next_="Date Line")
    para("Date Line", "body", "muted", 0, 2)
    para("Meta", "body", "muted", 0, 10, next_="Normal")
    para("Summary", "body", "text", 0, 6)
    para("Note", "small", "muted", 0, 4)
    para("Event Date", "body", "text", bold=True)
    para("New Marker", "small", "accent", bold=True, next_="Event Date")
    para("Event Title", "body", "text", bold=True, next_="Event Detail")
    para("Event Detail", "body", "text", 2, 0)
    para("Event Sources", "small", "muted")
    para("Table Header", "body", "header_text", bold=True)
    para("Source Entry", "small", "text", 0, 3)
    para("Source List", "small", "text", 0, 3, ind=(SOURCE_INDENT, SOURCE_INDENT))
    para("Figure Value", "figure", "accent", bold=True, next_="Figure Label")
    para("Figure Label", "small", "text")
    para("Timeline Text", "small", "text")

    def char(name: str, rpr: str, ui: int = 1, stored: str | None = None) -> None:
        body = (
            "<w:basedOn w:val='@Default Paragraph Font'/>"
            f'<w:uiPriority w:val="{ui}"/><w:unhideWhenUsed/>' + rpr
        )
        defs.append(_StyleDef(name, stored or name, name.replace(" ", ""), "character", body))

    defs.append(
        _StyleDef(
            "Default Paragraph Font", "Default Paragraph Font", "DefaultParagraphFont",
            "character", '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
            default=True,
        )
    )  # fmt: skip
    accent = sheet.colours["accent"].lstrip("#")
    char("Hyperlink", f'<w:rPr><w:color w:val="{accent}"/><w:u w:val="single"/></w:rPr>', 99)
    char("Figure Note", _rpr(sheet, None, "muted"))
    char("Timeline Mark", _rpr(sheet, "body", "accent"))

    pad = (_twips_pt(3), _twips_pt(4), _twips_pt(3), _twips_pt(4))
    defs.append(
        _StyleDef(
            "Normal Table", "Normal Table", "TableNormal", "table",
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            + _cell_mar(0, 108, 0, 108) + "</w:tblPr>",
            default=True,
        )
    )  # fmt: skip
    rule = sheet.colours["rule"]
    grid = "".join(
        _border(side, 0.5, rule)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    fill = sheet.colours["accent"].lstrip("#")
    defs.append(
        _StyleDef(
            "Chronology Table", "Chronology Table", "ChronologyTable", "table",
            "<w:basedOn w:val='@Normal Table'/>"
            '<w:uiPriority w:val="59"/><w:qFormat/>'
            f"<w:tblPr><w:tblBorders>{grid}</w:tblBorders>{_cell_mar(*pad)}</w:tblPr>"
            '<w:tblStylePr w:type="firstRow">'
            + _rpr(sheet, None, "header_text", True)
            + f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>'
            "</w:tblStylePr>",
        )
    )  # fmt: skip
    defs.append(
        _StyleDef(
            "Figures Table", "Figures Table", "FiguresTable", "table",
            "<w:basedOn w:val='@Normal Table'/>"
            '<w:uiPriority w:val="59"/>'
            f"<w:tblPr>{_no_borders()}{_cell_mar(_twips_pt(3), 0, _twips_pt(2), 0)}</w:tblPr>",
        )
    )  # fmt: skip
    defs.append(
        _StyleDef(
            "Timeline Table", "Timeline Table", "TimelineTable", "table",
            "<w:basedOn w:val='@Normal Table'/>"
            '<w:uiPriority w:val="59"/>'
            f"<w:tblPr>{_no_borders()}{_cell_mar(0, _twips_pt(2), 0, _twips_pt(2))}</w:tblPr>",
        )
    )  # fmt: skip
    return defs


# --------------------------------------------------------------------------- the context


@dataclass
class _Ctx:
    """What block translation needs: the sheet, the text width, style ids, links, lists."""

    sheet: Style
    text_width: int  # twips
    text_height: int  # twips
    ids: dict[str, str]  # lower-cased style name -> style id
    part: object  # the python-docx DocumentPart (for hyperlink relationships)
    num: _Numbering
    numbering: object  # the w:numbering element
    has_list_numpr: dict[str, bool] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    next_rid: int = 0
    next_num_id: int = 0
    progress: Callable[[int, int], None] | None = None  # (table rows written, in all)
    rows_done: int = 0
    rows_total: int = 0
    bookmarks: int = 0  # bookmarks written, for their w:id

    def sid(self, name: str) -> str:
        return self.ids[name.lower()]

    def link_rid(self, url: str) -> str:
        """Return the rId of an external hyperlink relationship to ``url`` (added once).

        python-docx's ``relate_to`` scans every relationship per call (quadratic for a
        chronology of thousands of links), so relationships are added directly.
        """
        rid = self.links.get(url)
        if rid is None:
            rels = self.part.rels  # type: ignore[attr-defined]
            while f"rId{self.next_rid}" in rels:
                self.next_rid += 1
            rid = f"rId{self.next_rid}"
            self.next_rid += 1
            rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
            self.links[url] = rid
        return rid

    def restart_numbering(self, abstract_id: int) -> int:
        """Add a ``w:num`` that restarts ``abstract_id`` at 1 and return its numId."""
        num_id = self.next_num_id
        self.next_num_id += 1
        self.numbering.append(  # type: ignore[attr-defined]
            parse_xml(
                f'<w:num {_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        return num_id


# --------------------------------------------------------------------------- inline text


def _text_runs(text: str, rpr: str) -> str:
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


def _run_xml(run: Run, ctx: _Ctx) -> str:
    link = _is_link(run.url)
    props = ""
    if link:
        props += f'<w:rStyle w:val="{ctx.sid("Hyperlink")}"/>'
    if run.bold:
        props += "<w:b/><w:bCs/>"
    if run.italic:
        props += "<w:i/><w:iCs/>"
    xml = _text_runs(run.text, f"<w:rPr>{props}</w:rPr>" if props else "")
    if link and xml:
        rid = ctx.link_rid(_link_target(run.url or ""))
        return f'<w:hyperlink r:id="{rid}" w:history="1">{xml}</w:hyperlink>'
    return xml


def _inline_xml(content: Inline, ctx: _Ctx) -> str:
    return "".join(_run_xml(r, ctx) for r in content)


def _para(style_id: str, inner: str = "", extra_ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{extra_ppr}</w:pPr>{inner}</w:p>'


def _num_pr(num_id: int) -> str:
    return f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'


# --------------------------------------------------------------------------- blocks


def _paragraph(p: Paragraph, ctx: _Ctx) -> str:
    name = PARAGRAPH_STYLES.get(p.style, "Normal")
    return _para(ctx.sid(name), _inline_xml(p.content, ctx))


def _heading(h: Heading, ctx: _Ctx) -> str:
    name = "Heading 2" if h.level >= 2 else "Heading 1"
    return _para(ctx.sid(name), _text_runs(h.text, ""))


def _bullets(b: Bullets, ctx: _Ctx) -> str:
    extra = ""
    if b.style == "source-list":
        name = "Source List"
        if b.numbered:
            extra = _num_pr(ctx.restart_numbering(ctx.num.abstract_source))
    elif b.numbered:
        name = "List Number"
        extra = _num_pr(ctx.restart_numbering(ctx.num.abstract_number))
    else:
        name = "List Bullet"
        if not ctx.has_list_numpr.get(name.lower(), True):
            extra = _num_pr(ctx.num.bullet)  # a template's List Bullet without a bullet
    sid = ctx.sid(name)
    return "".join(_para(sid, _inline_xml(item, ctx), extra) for item in b.items)


def _grid(widths: Sequence[int]) -> str:
    return "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"


def _split_widths(total: int, fractions: Sequence[float]) -> list[int]:
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


def _tbl_pr(style_id: str, width: int, look: str) -> str:
    return (
        f'<w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblLayout w:type="fixed"/>{look}</w:tblPr>'
    )


_LOOK_HEADER = (
    '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
    'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
)
_LOOK_PLAIN = (
    '<w:tblLook w:val="0600" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
    'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
)
# Average glyph width as a fraction of the font size, rounded up, for the row-height guess.
_AVG_CHAR_EM = {"Arial": 0.55, "Times New Roman": 0.5, "Courier New": 0.62}
_CELL_PAD_TWIPS = (_twips_pt(3), _twips_pt(4), _twips_pt(3), _twips_pt(4))  # top, r, b, l


def _row_height_guess(
    cells: Sequence[Sequence[Paragraph]], widths: Sequence[int], ctx: _Ctx
) -> int:
    """Return a generous estimate (twips) of a chronology row's height.

    Used only to decide whether a row may be kept on one page (w:cantSplit): a row taller
    than a page must be allowed to split or Word clips it.
    """
    em = _AVG_CHAR_EM.get(ctx.sheet.font, 0.6)
    tallest = 0
    for cell, width in zip(cells, widths, strict=False):
        inner = max(width - _CELL_PAD_TWIPS[1] - _CELL_PAD_TWIPS[3], 200)
        height = 0.0
        for p in cell:
            size_key = "small" if p.style in ("event-sources", "small", "note") else "body"
            size = ctx.sheet.sizes[size_key]
            per_line = max(1, int(inner / (size * 20 * em)))
            text = "".join(r.text for r in p.content)
            lines = sum(max(1, math.ceil(len(piece) / per_line)) for piece in text.split("\n"))
            height += lines * _leading(size) * 20 + _twips_pt(2)
        tallest = max(tallest, int(height))
    return tallest + _CELL_PAD_TWIPS[0] + _CELL_PAD_TWIPS[2]


_PROGRESS_EVERY = 250  # table rows between progress reports


def _table(t: Table, ctx: _Ctx) -> str:
    if not t.header and not t.rows:
        return ""  # Word counts a table without rows as a damaged file
    n_cols = max(1, len(t.header), len(t.widths), *(len(r.cells) for r in t.rows))
    fractions = list(t.widths[:n_cols]) + [1.0 / n_cols] * (n_cols - len(t.widths))
    widths = _split_widths(ctx.text_width, fractions)
    tc_w = [f'<w:tcW w:w="{w}" w:type="dxa"/>' for w in widths]
    key_fill = ctx.sheet.colours["key_fill"].lstrip("#")
    key_shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{key_fill}"/>'
    header_id = ctx.sid("Table Header")
    detail_id = ctx.sid("Event Detail")
    max_row = ctx.text_height - _twips_pt(_leading(ctx.sheet.sizes["body"]) + 6) - _twips_pt(12)
    cache: dict[str, str] = {}  # paragraph style -> style id
    out = [f"<w:tbl>{_tbl_pr(ctx.sid('Chronology Table'), ctx.text_width, _LOOK_HEADER)}"]
    out.append(_grid(widths))
    if t.header:
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for i in range(n_cols):
            label = t.header[i] if i < len(t.header) else ""
            out.append(
                f"<w:tc><w:tcPr>{tc_w[i]}</w:tcPr>{_para(header_id, _text_runs(label, ''))}</w:tc>"
            )
        out.append("</w:tr>")
    for row in t.rows:
        cells = list(row.cells[:n_cols]) + [()] * (n_cols - len(row.cells))
        split = _row_height_guess(cells, widths, ctx) > max_row
        out.append("<w:tr>" if split else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        shd = key_shd if row.key else ""
        mark = _row_bookmark(row.id, ctx) if row.id else ""
        for i, cell in enumerate(cells):
            out.append(f"<w:tc><w:tcPr>{tc_w[i]}{shd}</w:tcPr>")
            if not cell:
                out.append(_para(detail_id, mark))
            for p in cell:
                sid = cache.get(p.style)
                if sid is None:
                    sid = cache[p.style] = ctx.sid(PARAGRAPH_STYLES.get(p.style, "Normal"))
                out.append(_para(sid, mark + _inline_xml(p.content, ctx)))
                mark = ""
            out.append("</w:tc>")
        out.append("</w:tr>")
        if ctx.progress is not None:
            ctx.rows_done += 1
            if ctx.rows_done % _PROGRESS_EVERY == 0 or ctx.rows_done == ctx.rows_total:
                ctx.progress(ctx.rows_done, ctx.rows_total)
    out.append("</w:tbl>")
    return "".join(out)


def _row_bookmark(event_id: str, ctx: _Ctx) -> str:
    """Return a hidden, empty bookmark naming the row's event, for ``briefgen pull``."""
    ctx.bookmarks += 1
    n = ctx.bookmarks
    name = quoteattr(row_bookmark(event_id))
    return f'<w:bookmarkStart w:id="{n}" w:name={name}/><w:bookmarkEnd w:id="{n}"/>'


def _figures(f: Figures, ctx: _Ctx) -> str:
    n = len(f.items)
    if not n:
        return ""
    gap = min(_twips_mm(FIGURE_GAP_MM), ctx.text_width // (8 * n))
    box = (ctx.text_width - gap * (n - 1)) // n
    widths: list[int] = []
    for i in range(n):
        widths.append(box)
        if i < n - 1:
            widths.append(gap)
    widths[-1] += ctx.text_width - sum(widths)
    top = _border("top", 1.5, ctx.sheet.colours["accent"])
    value_id, label_id = ctx.sid("Figure Value"), ctx.sid("Figure Label")
    note_id = ctx.sid("Figure Note")
    out = [f"<w:tbl>{_tbl_pr(ctx.sid('Figures Table'), ctx.text_width, _LOOK_PLAIN)}"]
    out.append(_grid(widths))
    out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
    for i, item in enumerate(f.items):
        label = _text_runs(item.label, "")
        if item.note:
            label += _text_runs(" " + item.note, f'<w:rPr><w:rStyle w:val="{note_id}"/></w:rPr>')
        out.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[2 * i]}" w:type="dxa"/>'
            f"<w:tcBorders>{top}</w:tcBorders></w:tcPr>"
            f"{_para(value_id, _text_runs(item.value, ''))}{_para(label_id, label)}</w:tc>"
        )
        if i < n - 1:
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{gap}" w:type="dxa"/></w:tcPr>{_para(label_id)}</w:tc>'
            )
    out.append("</w:tr></w:tbl>")
    return "".join(out)


@dataclass
class _Slot:
    """A cell of the timeline table: its first slot, span, content and borders."""

    start: int
    span: int = 1
    content: str = ""
    left: bool = False  # a leader or tick line on its left edge
    right: bool = False  # ... on its right edge
    top: bool = False  # the axis
    hug: bool = False  # no cell margin on the bordered side (a dot next to its leader)

    @property
    def blank(self) -> bool:
        return not (self.content or self.left or self.right)


def _slot_of(position: float) -> int:
    if not math.isfinite(position):
        position = 0.0
    return min(TIMELINE_SLOTS - 1, max(0, int(position * TIMELINE_SLOTS)))


@dataclass
class _Caption:
    slot: _Slot
    mark_slot: int  # the slot of the mark's dot
    side: str  # "L": leader on the slot's left edge, "R": on its right edge


def _mark_order(m: TimelineMark) -> float:
    return m.position if math.isfinite(m.position) else 0.0


def _place_captions(tl: Timeline, lanes: int, caption_xml) -> list[list[_Caption]]:
    """Place each lane's captions left to right, 5 slots wide, never overlapping.

    A caption is a flag to the right of its leader, starting at its mark's slot; near the
    right end it flies to the left of the leader (ending at the mark's slot) if that is
    clear of the caption before it, else it is pushed left just enough to stay inside.
    """
    by_lane: list[list[_Caption]] = []
    for lane in range(lanes):
        cursor = 0
        placed: list[_Caption] = []
        marks = sorted((m for m in tl.marks if max(0, m.lane) == lane), key=_mark_order)
        for m in marks:
            s = _slot_of(m.position)
            c = max(s, cursor)
            if c + TIMELINE_SPAN > TIMELINE_SLOTS:
                flown = s - TIMELINE_SPAN + 1
                c = flown if flown >= cursor else max(cursor, TIMELINE_SLOTS - TIMELINE_SPAN)
            if c >= TIMELINE_SLOTS:  # no room left in this lane: join the last caption
                placed[-1].slot.content += caption_xml(m)
                continue
            span = min(TIMELINE_SPAN, TIMELINE_SLOTS - c)
            side = "R" if c < s and s == c + span - 1 else "L"
            slot = _Slot(c, span, caption_xml(m), left=c == s, right=side == "R")
            placed.append(_Caption(slot, s, side))
            cursor = c + span
        by_lane.append(placed)
    return by_lane


def _timeline(tl: Timeline, ctx: _Ctx) -> str:
    """An editable timeline table: a row per lane (top lane first), a row of dots on the
    axis, and the axis row with its tick labels; leaders are cell borders."""
    text_id = ctx.sid("Timeline Text")
    mark_id = ctx.sid("Timeline Mark")
    small_line = _twips_pt(_leading(ctx.sheet.sizes["small"]))
    lanes = max(1, tl.lanes, *(m.lane + 1 for m in tl.marks))

    def caption_xml(m: TimelineMark) -> str:
        rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if m.key else ""
        return _para(text_id, _text_runs(m.date_label, rpr) + _text_runs(" " + m.title, ""))

    by_lane = _place_captions(tl, lanes, caption_xml)
    covered = [
        {i for c in cs for i in range(c.slot.start, c.slot.start + c.slot.span)} for cs in by_lane
    ]
    # leaders: from the dot up to the caption, through lower lanes' free slots (hidden
    # behind a lower caption in the way, as in the PDF)
    through: list[dict[int, set[str]]] = [{} for _ in range(lanes)]
    dot_lines: dict[int, set[str]] = {}
    for lane, captions in enumerate(by_lane):
        for cap in captions:
            s = cap.mark_slot
            for lower in range(lane):
                through[lower].setdefault(s, set()).add(cap.side)
            dot_lines.setdefault(s, set()).add(cap.side)
    lane_rows: list[list[_Slot]] = []
    for lane in range(lanes):
        row = [c.slot for c in by_lane[lane]]
        for i in range(TIMELINE_SLOTS):
            if i not in covered[lane]:
                sides = through[lane].get(i, set())
                row.append(_Slot(i, left="L" in sides, right="R" in sides))
        lane_rows.append(sorted(row, key=lambda s: s.start))
    dots = {}
    for m in tl.marks:
        dots[_slot_of(m.position)] = dots.get(_slot_of(m.position), False) or m.key
    dot_row = []
    for i in range(TIMELINE_SLOTS):
        sides = dot_lines.get(i, set())
        content = ""
        if i in dots:
            glyph = _text_runs(
                "●" if dots[i] else "○", f'<w:rPr><w:rStyle w:val="{mark_id}"/></w:rPr>'
            )
            jc = '<w:jc w:val="right"/>' if sides == {"R"} else ""
            content = _para(text_id, glyph, jc)
        dot_row.append(_Slot(i, 1, content, "L" in sides, "R" in sides, hug=bool(content)))
    axis_row = _axis_row(tl, text_id)

    widths = _split_widths(ctx.text_width, [1.0] * TIMELINE_SLOTS)
    rule = ctx.sheet.colours["rule"]
    accent = ctx.sheet.colours["accent"]

    gap = _twips_pt(TIMELINE_LANE_GAP_PT)

    def cell(slot: _Slot, line_colour: str, bottom: bool = False, lane: bool = False) -> str:
        width = sum(widths[slot.start : slot.start + slot.span])
        borders = ""
        if slot.top:
            borders += _border("top", 0.75, rule)
        if slot.left:
            borders += _border("left", 0.75, line_colour)
        if slot.right:
            borders += _border("right", 0.75, line_colour)
        tc = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if slot.span > 1:
            tc += f'<w:gridSpan w:val="{slot.span}"/>'
        if borders:
            tc += f"<w:tcBorders>{borders}</w:tcBorders>"
        if slot.hug:
            tc += '<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>'
        elif lane and slot.content:  # space under a caption, before the lane below
            tc += f'<w:tcMar><w:bottom w:w="{gap}" w:type="dxa"/></w:tcMar>'
        if bottom:
            tc += '<w:vAlign w:val="bottom"/>'
        return f"<w:tc><w:tcPr>{tc}</w:tcPr>{slot.content or _para(text_id)}</w:tc>"

    lane_height = 2 * small_line + gap
    out = [f"<w:tbl>{_tbl_pr(ctx.sid('Timeline Table'), ctx.text_width, _LOOK_PLAIN)}"]
    out.append(_grid(widths))
    for row in reversed(lane_rows):  # top lane first
        out.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{lane_height}" w:hRule="atLeast"/>'
            "</w:trPr>"
        )
        out.extend(cell(s, accent, lane=True) for s in _merge_blank(row))
        out.append("</w:tr>")
    out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
    out.extend(cell(s, accent, bottom=True) for s in _merge_blank(dot_row))
    out.append("</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>")
    out.extend(cell(s, rule) for s in _merge_blank(axis_row))
    out.append("</w:tr></w:tbl>")
    if tl.caption:
        out.append(_para(ctx.sid("Note"), _text_runs(tl.caption, "")))
    return "".join(out)


def _axis_row(tl: Timeline, text_id: str) -> list[_Slot]:
    """The axis: a top border across the row, each tick a short line beside its label."""
    row: list[_Slot] = []
    ticks = sorted({_slot_of(t.position): t for t in tl.ticks}.items())
    taken = 0
    want = 3  # slots a tick label may use
    for k, (s, tick) in enumerate(ticks):
        nxt = ticks[k + 1][0] if k + 1 < len(ticks) else TIMELINE_SLOTS
        at_end = tick.position >= 1.0 or (s > TIMELINE_SLOTS - want and nxt == TIMELINE_SLOTS)
        if at_end:  # anchored at the axis end, the label right-aligned against its tick
            start = max(taken, TIMELINE_SLOTS - want)
            span = TIMELINE_SLOTS - start
        else:
            start = max(s, taken)
            span = max(1, min(want, nxt - start, TIMELINE_SLOTS - start))
        if start >= TIMELINE_SLOTS:
            continue
        row.extend(_Slot(i, top=True) for i in range(taken, start))
        jc = '<w:jc w:val="right"/>' if at_end else ""
        label = _para(text_id, _text_runs(tick.label, ""), jc)
        row.append(_Slot(start, span, label, left=not at_end, right=at_end, top=True))
        taken = start + span
    row.extend(_Slot(i, top=True) for i in range(taken, TIMELINE_SLOTS))
    return row


def _merge_blank(row: list[_Slot]) -> list[_Slot]:
    """Merge runs of empty, borderless cells so the table stays tidy to edit."""
    out: list[_Slot] = []
    for s in row:
        prev = out[-1] if out else None
        if prev is not None and s.blank and prev.blank and prev.top == s.top:
            prev.span += s.span
        else:
            out.append(_Slot(s.start, s.span, s.content, s.left, s.right, s.top, s.hug))
    return out


def _block_xml(block: object, ctx: _Ctx) -> str:
    match block:
        case Paragraph():
            return _paragraph(block, ctx)
        case Heading():
            return _heading(block, ctx)
        case Bullets():
            return _bullets(block, ctx)
        case Table():
            return _table(block, ctx)
        case Figures():
            return _figures(block, ctx)
        case Timeline():
            return _timeline(block, ctx)
    raise TypeError(f"cannot write a {type(block).__name__} block to DOCX")


def _body_xml(blocks: Iterable[object], ctx: _Ctx) -> str:
    out: list[str] = []
    for block in blocks:
        xml = _block_xml(block, ctx)
        if not xml:
            continue
        if xml.startswith("<w:tbl>") and out and out[-1].endswith("</w:tbl>"):
            out.append(_para(ctx.sid("Normal")))  # Word would merge adjacent tables
        out.append(xml)
    if out and out[-1].endswith("</w:tbl>"):
        out.append(_para(ctx.sid("Note")))  # a body ends with a paragraph in Word
    return "".join(out)


# --------------------------------------------------------------------------- template


def _open_template(template: Path | None) -> docx.document.Document:
    """Open our blank base document or an organisation's template (.docx or .dotx)."""
    if template is None:
        return docx.Document()
    path = Path(template)

    def fail(message: str) -> BriefgenError:
        return BriefgenError(
            Problem(
                message,
                file=str(path),
                hint="give a Word document or template saved as .docx or .dotx",
            )
        )

    try:
        size = path.stat().st_size
        if size > _MAX_TEMPLATE_BYTES:
            raise fail(f"the Word template is {size / 1e6:,.0f} MB, more than a template needs")
        data = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read the Word template: {exc.strerror or exc}") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zin:
            # a small file can unpack to gigabytes (a "zip bomb"); python-docx unpacks it all
            unpacked = sum(info.file_size for info in zin.infolist())
            if unpacked > _MAX_TEMPLATE_UNPACKED:
                raise fail(
                    f"the Word template unpacks to {unpacked / 1e6:,.0f} MB, "
                    "more than a template needs"
                )
            types = zin.read("[Content_Types].xml").decode("utf-8")
            if "macroEnabled.main+xml" in types or "macroEnabledTemplate.main+xml" in types:
                raise fail("macro-enabled Word files (.docm, .dotm) are not supported as templates")
            if _TEMPLATE_CT in types:  # a .dotx: open it as a document
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
                    for info in zin.infolist():
                        blob = zin.read(info.filename)
                        if info.filename == "[Content_Types].xml":
                            blob = types.replace(_TEMPLATE_CT, _DOC_CT).encode("utf-8")
                        zout.writestr(info, blob)
                data = buf.getvalue()
        return docx.Document(io.BytesIO(data))
    except BriefgenError:
        raise
    except (zipfile.BadZipFile, KeyError, PackageNotFoundError, UnicodeDecodeError):
        raise fail("not a Word file (.docx or .dotx)") from None
    except etree.XMLSyntaxError as exc:
        raise fail(f"the Word template holds broken XML: {exc}") from None
    except (ValueError, AttributeError, TypeError, NotImplementedError) as exc:
        raise fail(f"cannot use this Word file as a template: {exc}") from None


def _drop_extras(document: docx.document.Document) -> None:
    """Drop parts of python-docx's stock template that do not belong in our documents."""
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in (
            RT.CUSTOM_XML,
            "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
        ):
            del part.rels[rid]
    pkg_rels = part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]


def _stock_setup(document: docx.document.Document, sheet: Style, doc: Document) -> None:
    """Prepare python-docx's stock template: our fonts, settings, app properties."""
    pkg = document.part.package
    for p in pkg.iter_parts():
        if str(p.partname).startswith("/word/theme/"):
            root = etree.fromstring(p.blob)
            a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
            for tag in ("majorFont", "minorFont"):
                for latin in root.iter(f"{a}{tag}"):
                    node = latin.find(f"{a}latin")
                    if node is not None:
                        node.set("typeface", sheet.font)
            p._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif str(p.partname) == "/docProps/app.xml":
            p._blob = (
                b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template>'
                b"<TotalTime>0</TotalTime><Application>briefgen</Application>"
                b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
                b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
            )
    settings = document.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState"):
        for node in settings.findall(qn(tag)):
            settings.remove(node)
    for node in settings.iter(qn("w:compatSetting")):
        if node.get(qn("w:name")) == "compatibilityMode":
            node.set(qn("w:val"), "15")
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), _language(doc))
        lang.attrib.pop(qn("w:eastAsia"), None)
    # page set-up from the style sheet
    sect = document.sections[0]._sectPr
    for tag in ("w:pgSz", "w:pgMar"):
        for node in sect.findall(qn(tag)):
            sect.remove(node)
    for name in list(sect.attrib):
        del sect.attrib[name]
    anchor = sect.find(qn("w:cols"))
    new = parse_xml(f"<w:x {_NS}>{_page_setup_xml(sheet)}</w:x>")
    for node in list(new):  # in schema order: headerReference..., pgSz, pgMar, cols
        if anchor is not None:
            anchor.addprevious(node)
        else:
            sect.append(node)


def _page_setup_xml(sheet: Style) -> str:
    """Return w:pgSz and w:pgMar for the style sheet's paper and margins."""
    width_mm, height_mm = sheet.page_mm
    top, right, bottom, left = sheet.margins
    hf = _twips_mm(HEADER_FOOTER_MM)
    return (
        f'<w:pgSz w:w="{_twips_mm(width_mm)}" w:h="{_twips_mm(height_mm)}"/>'
        f'<w:pgMar w:top="{_twips_mm(top)}" w:right="{_twips_mm(right)}" '
        f'w:bottom="{_twips_mm(bottom)}" w:left="{_twips_mm(left)}" '
        f'w:header="{hf}" w:footer="{hf}" w:gutter="0"/>'
    )


def _language(doc: Document) -> str:
    lang = clean_text(doc.language or "").strip()
    return lang if _LANG_RE.fullmatch(lang) else "en-GB"


# --------------------------------------------------------------------------- styles part


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return 0


def _numbering_element(document: docx.document.Document) -> etree._Element:
    """Return the w:numbering element, adding a numbering part if the file has none."""
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        pass
    name = "/word/numbering.xml"
    taken = {str(p.partname) for p in part.package.iter_parts()}
    n = 1
    while name in taken:
        n += 1
        name = f"/word/numbering{n}.xml"
    numbering_part = NumberingPart(
        PackURI(name), CT.WML_NUMBERING, parse_xml(f"<w:numbering {_NS}/>"), part.package
    )
    part.relate_to(numbering_part, RT.NUMBERING)
    return numbering_part.element


def _merge_styles(
    document: docx.document.Document, sheet: Style, doc: Document, stock: bool, text_width: int
) -> tuple[dict[str, str], _Numbering, object, dict[str, bool]]:
    """Define our styles and list numbering; return style ids by lower-cased name."""
    styles = document.styles.element
    numbering = _numbering_element(document)
    if stock:  # python-docx's stock template: start from our own clean set
        for node in styles.findall(qn("w:style")):
            styles.remove(node)
        for tag in ("w:abstractNum", "w:num", "w:numPicBullet", "w:numIdMacAtCleanup"):
            for node in numbering.findall(qn(tag)):
                numbering.remove(node)
    # docDefaults: language always; font and size only for our own base
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {_NS}/>")
        styles.insert(0, defaults)
    lang = _attr(_language(doc))
    if stock:
        for node in list(defaults):
            defaults.remove(node)
        f = _attr(sheet.font)
        half = round(sheet.sizes["body"] * 2)
        defaults.append(
            parse_xml(
                f"<w:rPrDefault {_NS}><w:rPr>"
                f"<w:rFonts w:ascii={f} w:hAnsi={f} w:cs={f} w:eastAsia={f}/>"
                f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
                f'<w:lang w:val={lang} w:eastAsia={lang} w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            )
        )
        defaults.append(
            parse_xml(
                f'<w:pPrDefault {_NS}><w:pPr><w:spacing w:after="0" w:line="240" '
                'w:lineRule="auto"/></w:pPr></w:pPrDefault>'
            )
        )
    else:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = parse_xml(f"<w:rPrDefault {_NS}/>")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = parse_xml(f"<w:rPr {_NS}/>")
            rpr_default.append(rpr)
        node = rpr.find(qn("w:lang"))
        if node is None:
            node = parse_xml(f"<w:lang {_NS}/>")
            later = [rpr.find(qn(t)) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
            after = next((n for n in later if n is not None), None)
            if after is not None:  # keep the schema's order
                after.addprevious(node)
            else:
                rpr.append(node)
        node.set(qn("w:val"), _language(doc))

    # numbering: abstract definitions for bullets, numbers and numbered sources
    abstract_ids = [
        _int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))
    ]
    num_ids = [_int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    next_abstract = max(abstract_ids, default=-1) + 1
    next_num = max(num_ids, default=0) + 1
    num = _Numbering()

    def abstract(fmt: str, text: str, indent: int, style_name: str | None) -> int:
        nonlocal next_abstract
        aid = next_abstract
        next_abstract += 1
        link = f'<w:pStyle w:val="{style_name}"/>' if style_name else ""
        node = parse_xml(
            f'<w:abstractNum {_NS} w:abstractNumId="{aid}">'
            f'<w:nsid w:val="{0x4B1E0000 + aid:08X}"/>'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:tmpl w:val="{0x4B1F0000 + aid:08X}"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{link}'
            f'<w:lvlText w:val={_attr(text)}/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
            "</w:abstractNum>"
        )
        existing = numbering.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(node)
        else:
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(node)
            else:
                numbering.append(node)
        return aid

    def num_for(aid: int) -> int:
        nonlocal next_num
        nid = next_num
        next_num += 1
        numbering.append(
            parse_xml(f'<w:num {_NS} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>')
        )
        return nid

    bullet_abstract = abstract("bullet", "•", BULLET_INDENT, "ListBullet" if stock else None)
    num.abstract_number = abstract("decimal", "%1.", BULLET_INDENT, "ListNumber" if stock else None)
    num.abstract_source = abstract("decimal", "%1.", SOURCE_INDENT, None)
    num.bullet = num_for(bullet_abstract)
    num.number = num_for(num.abstract_number)
    num.next_num = next_num

    # styles: ours where the template has none of that name
    by_name: dict[str, str] = {}
    existing_ids: set[str] = set()
    defaults_by_type: dict[str, str] = {}
    for node in styles.findall(qn("w:style")):
        sid = node.get(qn("w:styleId")) or ""
        existing_ids.add(sid)
        name_node = node.find(qn("w:name"))
        name = (name_node.get(qn("w:val")) if name_node is not None else sid) or sid
        by_name.setdefault(name.lower(), sid)
        if node.get(qn("w:default")) in ("1", "true", "on"):
            defaults_by_type.setdefault(node.get(qn("w:type")) or "paragraph", sid)
    defs = _style_defs(sheet, text_width, num)
    to_add: list[_StyleDef] = []
    for d in defs:
        if d.stored.lower() in by_name or d.name.lower() in by_name:
            by_name[d.name.lower()] = by_name.get(d.stored.lower()) or by_name[d.name.lower()]
            continue
        if d.default and d.kind in defaults_by_type:
            by_name[d.name.lower()] = defaults_by_type[d.kind]
            continue
        sid = d.style_id
        n = 1
        while sid in existing_ids:
            n += 1
            sid = f"{d.style_id}{n}"
        existing_ids.add(sid)
        by_name[d.name.lower()] = sid
        by_name[d.stored.lower()] = sid
        to_add.append(_StyleDef(d.name, d.stored, sid, d.kind, d.body, d.default))

    def resolve(body: str) -> str:
        return re.sub(
            r"'@([^']+)'", lambda m: f'"{by_name.get(m.group(1).lower(), "Normal")}"', body
        )

    for d in to_add:
        default = ' w:default="1"' if d.default and d.kind not in defaults_by_type else ""
        styles.append(
            parse_xml(
                f'<w:style {_NS} w:type="{d.kind}"{default} w:styleId="{d.style_id}">'
                f"<w:name w:val={_attr(d.stored)}/>{resolve(d.body)}</w:style>"
            )
        )
    # does each list style number its paragraphs by itself?
    has_numpr: dict[str, bool] = {}
    for name in ("list bullet", "list number"):
        node = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{by_name[name]}']")
        has_numpr[name] = (
            node is not None and node.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
        )
    return by_name, num, numbering, has_numpr


# --------------------------------------------------------------------------- header/footer


def _field(instr: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _page_line(doc: Document, ids: dict[str, str], tabs: str = "") -> str:
    return _para(
        ids["footer"],
        _text_runs(doc.footer, "")
        + '<w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>'
        + _field("PAGE")
        + '<w:r><w:t xml:space="preserve"> of </w:t></w:r>'
        + _field("NUMPAGES"),
        tabs,
    )


def _template_footer_tabs(document: docx.document.Document, style_id: str, width: int) -> str:
    """Return tab stops putting "Page N of M" at the right margin under a template's footer
    style, whose own stops (often a centre and a right stop for another page size) are
    cleared; empty when the style already has just a right stop at the margin."""
    styles = document.styles.element
    positions: dict[int, str] = {}
    seen: set[str] = set()
    sid: str | None = style_id
    while sid and sid not in seen:  # the style and the styles it is based on
        seen.add(sid)
        node = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{sid}']")
        if node is None:
            break
        for tab in node.iterfind(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}"):
            try:
                pos = int(tab.get(qn("w:pos")) or "")
            except ValueError:
                continue
            positions.setdefault(pos, tab.get(qn("w:val")) or "")
        based = node.find(qn("w:basedOn"))
        sid = based.get(qn("w:val")) if based is not None else None
    active = {pos: kind for pos, kind in positions.items() if kind != "clear"}
    if active == {width: "right"}:
        return ""
    clears = "".join(f'<w:tab w:val="clear" w:pos="{pos}"/>' for pos in sorted(active))
    return f'<w:tabs>{clears}<w:tab w:val="right" w:pos="{width}"/></w:tabs>'


def _append_xml(container: etree._Element, xml: str, at_start: bool = False) -> None:
    """Append (or prepend) the paragraphs in ``xml`` to a header or footer element."""
    nodes = list(parse_xml(f"<w:x {_NS}>{xml}</w:x>"))
    if at_start:
        for node in reversed(nodes):
            container.insert(0, node)
    else:
        for node in nodes:
            container.append(node)


def _own_hdrftr(hdrftr: docx.section._BaseHeaderFooter) -> etree._Element:
    """Return the w:hdr or w:ftr element of this section's own header or footer; one
    still "linked to previous" has no definition anywhere, so it gets a new, empty one."""
    if hdrftr.is_linked_to_previous:
        hdrftr.is_linked_to_previous = False
        element = hdrftr._element
        for node in list(element):  # python-docx starts it with an empty paragraph
            element.remove(node)
        return element
    return hdrftr._element


def _has_text(container: etree._Element, text: str) -> bool:
    want = text.strip().lower()
    for p in container.iter(qn("w:p")):
        got = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip().lower()
        if got == want:
            return True
    return False


def _has_page_field(container: etree._Element) -> bool:
    instr = "".join(t.text or "" for t in container.iter(qn("w:instrText")))
    simple = " ".join(f.get(qn("w:instr")) or "" for f in container.iter(qn("w:fldSimple")))
    return bool(re.search(r"\bPAGE\b", instr + " " + simple))


def _headers_footers(
    document: docx.document.Document,
    doc: Document,
    ids: dict[str, str],
    stock: bool,
    text_width: int,
) -> None:
    marking = clean_text(doc.marking).strip()
    marking_xml = _para(ids["marking"], _text_runs(marking, "")) if marking else ""
    sect = document.sections[-1]
    if stock:
        if marking:
            hdr = sect.header._element
            for node in list(hdr):
                hdr.remove(node)
            _append_xml(hdr, marking_xml)
        ftr = sect.footer._element
        for node in list(ftr):
            ftr.remove(node)
        _append_xml(ftr, marking_xml + _page_line(doc, ids))
        return
    # an organisation's template: keep its headers and footers, add what is missing
    tabs = _template_footer_tabs(document, ids["footer"], text_width)
    variants = [(sect.header, sect.footer)]
    if sect.different_first_page_header_footer:
        variants.append((sect.first_page_header, sect.first_page_footer))
    if document.settings.odd_and_even_pages_header_footer:
        variants.append((sect.even_page_header, sect.even_page_footer))
    for header, footer in variants:
        # (inherited definitions were copied to this section, so a header or footer still
        # "linked to previous" has none: give it its own, empty one)
        if marking:
            hdr = _own_hdrftr(header)
            if not _has_text(hdr, marking):
                _append_xml(hdr, marking_xml, at_start=True)
        ftr = _own_hdrftr(footer)
        extra = ""
        if marking and not _has_text(ftr, marking):
            extra += marking_xml
        if not _has_page_field(ftr):
            extra += _page_line(doc, ids, tabs)
        if extra:
            _append_xml(ftr, extra)


# --------------------------------------------------------------------------- package


# python-docx refuses longer core properties (Word's own limit)
_CORE_PROPERTY_LIMIT = 255


def _core_text(text: str) -> str:
    """Return ``text`` cleaned and cut to the 255 characters a core property may hold."""
    text = clean_text(text)
    return text if len(text) <= _CORE_PROPERTY_LIMIT else text[: _CORE_PROPERTY_LIMIT - 1] + "…"


def _core_properties(document: docx.document.Document, doc: Document) -> None:
    created = doc.created
    when = datetime(created.year, created.month, created.day, tzinfo=UTC)
    props = document.core_properties
    props.title = _core_text(doc.title)
    props.subject = _core_text(doc.subject)
    props.author = _core_text(doc.author)
    props.last_modified_by = _core_text(doc.author)
    props.keywords = _core_text("; ".join(doc.keywords))
    props.comments = ""
    props.category = ""
    props.language = _language(doc)
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1


def _zip_time(created: date) -> tuple[int, int, int, int, int, int]:
    if created.year < 1980 or created.year > 2107:
        return (1980, 1, 1, 0, 0, 0)
    return (created.year, created.month, created.day, 0, 0, 0)


def _save(document: docx.document.Document, created: date) -> bytes:
    """Save the package with fixed zip timestamps and a stable entry order."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = _zip_time(created)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():  # python-docx writes parts in a deterministic order
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            fixed.create_system = 0
            zout.writestr(fixed, zin.read(info.filename), compresslevel=6)
    return out.getvalue()


def _drop_unreferenced_hdrftr(document: docx.document.Document) -> None:
    """Drop headers/footers only the template's removed sections referred to."""
    part = document.part
    used = {
        ref.get(qn("r:id"))
        for tag in ("w:headerReference", "w:footerReference")
        for ref in part.element.body.iter(qn(tag))
    }
    for rid, rel in list(part.rels.items()):
        if rel.reltype in (RT.HEADER, RT.FOOTER) and rid not in used:
            del part.rels[rid]


# --------------------------------------------------------------------------- entry point


def render_docx(
    doc: Document,
    style: Style,
    template: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Return ``doc`` as the bytes of a DOCX file laid out with ``style``.

    ``template`` (a .docx or .dotx) supplies an organisation's styles, page set-up,
    headers and footers; a file that is not a usable Word file raises ``BriefgenError``
    naming it. ``progress`` (None: no reports) is told the table rows written so far and
    the document's table rows, every few hundred rows. The same inputs always give the
    same bytes.
    """
    document = _open_template(template)
    if template is None:
        ctx = _prepare(document, doc, style, stock=True)
    else:
        try:
            ctx = _prepare(document, doc, style, stock=False)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            raise BriefgenError(
                Problem(
                    f"cannot use this Word file as a template: {exc}",
                    file=str(template),
                    hint="open it in Word, save it as a new .docx or .dotx and try again",
                )
            ) from None
    body = document.part.element.body
    sect_pr = body.find(qn("w:sectPr"))
    sect_xml = etree.tostring(sect_pr, encoding="unicode") if sect_pr is not None else ""
    if template is None:
        sect_xml = re.sub(r"^<w:sectPr[^>]*>", "<w:sectPr>", sect_xml)
    if progress is not None:
        ctx.progress = progress
        ctx.rows_total = sum(len(b.rows) for b in doc.blocks if isinstance(b, Table))
    content = _body_xml(doc.blocks, ctx)
    new_body = parse_xml(f"<w:body {_NS}>{content}{sect_xml}</w:body>")
    body.getparent().replace(body, new_body)
    if template is not None:
        _drop_unreferenced_hdrftr(document)
    if PACK_KEY in doc.meta:
        _add_pack_part(document, doc.meta[PACK_KEY])
    return _save(document, doc.created)


PACK_NS = "urn:briefgen:pack:1"
_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_RT_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_PACK_ITEM_ID = "{6B1F0D3E-5A8C-4C21-9B7E-2F4D8A1C0E57}"  # fixed, so builds stay reproducible


def _add_pack_part(document: docx.document.Document, snapshot: str) -> None:
    """Store the pack's snapshot (JSON) in a custom XML part that no reader is shown."""
    from docx.opc.part import Part

    package = document.part.package
    root = etree.Element(f"{{{PACK_NS}}}pack", nsmap={None: PACK_NS})
    root.text = clean_text(snapshot)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    item = Part(PackURI("/customXml/item90.xml"), CT.XML, blob, package)
    props_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<ds:datastoreItem ds:itemID="{_PACK_ITEM_ID}" xmlns:ds="{_PROPS_NS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{PACK_NS}"/></ds:schemaRefs></ds:datastoreItem>'
    )
    props = Part(PackURI("/customXml/itemProps90.xml"), _CT_PROPS, props_xml.encode(), package)
    item.relate_to(props, _RT_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def _prepare(document: docx.document.Document, doc: Document, style: Style, stock: bool) -> _Ctx:
    """Set up styles, numbering, page, headers, footers and properties; return the context."""
    if stock:
        _drop_extras(document)
        _stock_setup(document, style, doc)
    else:
        _drop_extras_template(document)
        body = document.part.element.body
        if body.find(qn("w:sectPr")) is None:  # a template may leave its page set-up out
            body.append(parse_xml(f"<w:sectPr {_NS}>{_page_setup_xml(style)}</w:sectPr>"))
        _inherit_hdrftr(document)
    section = document.sections[-1]
    page_w = section.page_width or _twips_mm(style.page_mm[0]) * 635
    page_h = section.page_height or _twips_mm(style.page_mm[1]) * 635
    margins = [
        m if m is not None else _twips_mm(d) * 635
        for m, d in zip(
            (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin),
            (style.margins[3], style.margins[1], style.margins[0], style.margins[2]),
            strict=True,
        )
    ]
    text_width = max(1440, round((page_w - margins[0] - margins[1]) / 635))
    text_height = max(1440, round((page_h - margins[2] - margins[3]) / 635))

    ids, num, numbering, has_numpr = _merge_styles(document, style, doc, stock, text_width)
    _headers_footers(document, doc, ids, stock, text_width)
    _core_properties(document, doc)
    return _Ctx(
        sheet=style,
        text_width=text_width,
        text_height=text_height,
        ids=ids,
        part=document.part,
        num=num,
        numbering=numbering,
        has_list_numpr=has_numpr,
        next_rid=1,
        next_num_id=num.next_num,
    )


def _inherit_hdrftr(document: docx.document.Document) -> None:
    """Give the template's last section the headers and footers it inherits from earlier
    sections, which go when the body is replaced (only the last section is kept)."""
    sections = [s._sectPr for s in document.sections]
    last = sections[-1]
    for tag in ("w:headerReference", "w:footerReference"):
        for kind in ("default", "first", "even"):
            if last.find(f"{qn(tag)}[@{qn('w:type')}='{kind}']") is not None:
                continue
            for earlier in reversed(sections[:-1]):
                ref = earlier.find(f"{qn(tag)}[@{qn('w:type')}='{kind}']")
                if ref is not None:
                    last.insert(0, copy.deepcopy(ref))
                    break


def _drop_extras_template(document: docx.document.Document) -> None:
    """Drop a template's thumbnail: it shows the template, not our document."""
    pkg_rels = document.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]
