"""Write a ``Document`` as a print-ready PDF with reportlab.

The layout follows the shared layout spec (the DOCX writer uses the same metrics): the
style's font is replaced by its metric-compatible Liberation font, embedded; leading is
``round(1.2 * size, 1)`` everywhere; the marking is at the top and bottom of every page and
the footer shows ``doc.footer`` and "Page N of M".

All input text is literal. Paragraphs without links are built from reportlab text
fragments directly (no markup parser is involved at all); paragraphs with links go
through reportlab's parser with every piece of input escaped, and ``<a>``/``<b>``/``<i>``
built only from ``Run`` flags. Only http, https and mailto URLs become links.

Long tables are cut into chunks of rows (one reportlab ``Table`` per chunk) so the cost
grows linearly with the number of rows; the header row is drawn again at the top of each
page the table continues on, so the chunks read as one table.
"""

from __future__ import annotations

import functools
import io
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from hashlib import md5
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.paraparser import ParaParser

from briefgen.document import (
    Block,
    Bullets,
    Document,
    Figures,
    Heading,
    Inline,
    Paragraph,
    Row,
    Run,
    Table,
    Timeline,
    is_link_url,
)
from briefgen.styles import Style

# told (table rows laid out, table rows in the document, pages done) after each page
PageProgress = Callable[[int, int, int], None]

FONT_DIR = Path(__file__).resolve().parent.parent / "data" / "fonts"
_FONT_FILES = {
    "Arial": "LiberationSans",
    "Times New Roman": "LiberationSerif",
    "Courier New": "LiberationMono",
}
_VARIANTS = ("Regular", "Bold", "Italic", "BoldItalic")

CELL_PAD_X = 4.0  # points, left and right
CELL_PAD_Y = 3.0  # points, top and bottom
RULE_WIDTH = 0.5
FIGURE_RULE_WIDTH = 1.5
KEY_BAR_WIDTH = 2.0  # the accent bar inside the left edge of a key row
HEADER_DISTANCE = 8 * mm
FOOTER_DISTANCE = 8 * mm
ROWS_PER_CHUNK = 60
_FUZZ = 1e-6

# semantic style -> (size key, bold, colour key, space before, space after)
_PARA_STYLES: dict[str, tuple[str, bool, str, float, float]] = {
    "title": ("title", True, "accent", 0, 4),
    "subtitle": ("subtitle", False, "muted", 0, 6),
    "doc-type": ("heading1", True, "accent", 6, 2),
    "dateline": ("body", False, "muted", 0, 2),
    "meta": ("body", False, "muted", 0, 10),
    "body": ("body", False, "text", 0, 6),
    "lead": ("body", False, "text", 0, 6),
    "small": ("small", False, "muted", 0, 4),
    "note": ("small", False, "muted", 0, 4),
    "event-date": ("body", True, "text", 0, 0),
    "new-marker": ("small", True, "accent", 0, 0),
    "event-title": ("body", True, "text", 0, 0),
    "event-detail": ("body", False, "text", 2, 0),
    "event-sources": ("small", False, "muted", 0, 0),
    "table-header": ("body", True, "header_text", 0, 0),
    "source-entry": ("small", False, "text", 0, 3),
    # writer-internal styles
    "heading1": ("heading1", True, "accent", 10, 4),
    "heading2": ("heading2", True, "accent", 8, 3),
    "bullet": ("body", False, "text", 0, 2),
    "source-list": ("small", False, "text", 0, 3),
    "figure-value": ("figure", True, "accent", 0, 0),
    "figure-label": ("small", False, "text", 0, 0),
    "timeline": ("small", False, "text", 0, 0),
}
_HANGING = {"bullet": 12.0, "source-list": 16.0}

# plain Flate streams: smaller files, and much faster than ASCII85 on top of Flate
rl_config.useA85 = 0

# control characters (other than tab, newline, carriage return) and lone surrogates
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_BREAKING_SPACE = re.compile(r"[ \t\r\n]+")
_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]*")
# PDF string escapes, as reportlab's escapePDF makes them, for str.translate
_PDF_ESCAPES = {
    c: (f"\\{c:03o}" if c < 32 or c >= 127 else "\\" + chr(c) if chr(c) in "\\()" else chr(c))
    for c in range(256)
}


def leading(size: float) -> float:
    """Return the exact line spacing the spec gives for a font size (points)."""
    return round(1.2 * size, 1)


def _clean(text: str) -> str:
    """Return ``text`` without characters a PDF text string cannot hold; whitespace folded."""
    return _BREAKING_SPACE.sub(" ", _BAD_CHARS.sub("", text))


def _is_link(url: str | None) -> bool:
    # compose only sets safe URLs; checking again keeps a hand-built Document safe too
    return is_link_url(url)


def _escape(text: str, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#39;")
    return text


# ---------------------------------------------------------------------------- fonts

_font_lock = threading.Lock()
_WIDTH_CACHE_LIMIT = 200_000


class _TTFont(TTFont):
    """A TrueType font whose string widths are computed from a per-character table and
    cached per string (line breaking asks for the same words again and again).

    The result is exactly reportlab's own ``0.001 * size * sum(widths)``.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        face = self.face
        self._char_w = {chr(code): w for code, w in face.charWidths.items()}
        self._default_w = face.defaultWidth
        self._text_w: dict[str, float] = {}
        # with "ASCII readable" subsets, printable ASCII is always subset 0, code = char
        self._ascii_identity = bool(self._asciiReadable) and all(
            code in face.charToGlyph for code in range(32, 127)
        )

    def stringWidth(self, text, size, encoding="utf8"):
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        units = self._text_w.get(text)
        if units is None:
            try:
                units = sum(map(self._char_w.__getitem__, text))
            except KeyError:
                get, dw = self._char_w.get, self._default_w
                units = sum(get(ch, dw) for ch in text)
            if len(self._text_w) > _WIDTH_CACHE_LIMIT:
                self._text_w.clear()
            self._text_w[text] = units
        return 0.001 * size * units

    def splitString(self, text, doc, encoding="utf-8"):
        """Reportlab's own result, without its per-character loop for printable ASCII."""
        if (
            self._ascii_identity
            and isinstance(text, str)
            and doc in self.state
            and _PRINTABLE_ASCII.fullmatch(text)
        ):
            return [(0, text.encode("ascii"))] if text else []
        return super().splitString(text, doc, encoding)


@functools.cache
def register_fonts(font: str) -> tuple[str, str, str, str]:
    """Register the Liberation family standing in for ``font`` (once); return its 4 names.

    The names are (regular, bold, italic, bold italic), registered with reportlab and as a
    family so that bold and italic runs find their faces.
    """
    base = _FONT_FILES.get(font, "LiberationSans")
    names = tuple(f"briefgen-{base}-{v}" for v in _VARIANTS)
    with _font_lock:
        for name, variant in zip(names, _VARIANTS, strict=True):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(_TTFont(name, str(FONT_DIR / f"{base}-{variant}.ttf")))
        pdfmetrics.registerFontFamily(
            names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
        )
    return names[0], names[1], names[2], names[3]


# Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko...) and their
# presentation forms: reportlab draws them in reading order, left to right.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def limitations(text: str, font: str) -> list[str]:
    """Return what the PDF cannot show of ``text`` as written, in words (empty: nothing).

    The embedded font has no glyphs for some scripts and for emoji (they come out blank),
    and right-to-left text is drawn left to right.
    """
    import unicodedata

    face = pdfmetrics.getFont(register_fonts(font)[0]).face
    missing = [
        c
        for c in dict.fromkeys(_clean(text))
        if ord(c) not in face.charToGlyph and unicodedata.category(c) not in ("Cf", "Zs", "Cc")
    ]
    out = []
    if missing:
        shown = ", ".join(f"U+{ord(c):04X}" for c in missing[:5])
        out.append(
            f"{len(missing)} kind{'s' * (len(missing) != 1)} of character ({shown}"
            f"{', ...' if len(missing) > 5 else ''}) that its font has no glyphs for"
        )
    if _RTL.search(text):
        out.append("right-to-left text in its right order")
    return out


# ---------------------------------------------------------------------------- styles


class _Styles:
    """The paragraph styles and colours of one ``Style``, with fragment templates."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.fonts = register_fonts(style.font)
        self.colour = {k: colors.HexColor(v) for k, v in style.colours.items()}
        self.sizes = style.sizes
        self._para: dict[str, ParagraphStyle] = {}
        self._frag_templates: dict[tuple, object] = {}

    def font(self, bold: bool = False, italic: bool = False) -> str:
        return self.fonts[(2 if italic else 0) + (1 if bold else 0)]

    def para(self, name: str) -> ParagraphStyle:
        """Return the reportlab style for semantic style ``name`` (unknown names: body)."""
        if name not in _PARA_STYLES:
            name = "body"
        ps = self._para.get(name)
        if ps is None:
            size_key, bold, colour_key, before, after = _PARA_STYLES[name]
            size = self.sizes[size_key]
            hanging = _HANGING.get(name, 0.0)
            ps = ParagraphStyle(
                name=f"briefgen-{name}",
                fontName=self.font(bold),
                fontSize=size,
                leading=leading(size),
                textColor=self.colour[colour_key],
                spaceBefore=before,
                spaceAfter=after,
                alignment=TA_LEFT,
                leftIndent=hanging,
                firstLineIndent=0,
                bulletIndent=0,
                bulletFontName=self.font(bold),
                bulletFontSize=size,
                bulletColor=self.colour[colour_key],
                splitLongWords=1,
                allowWidows=1,
                allowOrphans=0,
                keepWithNext=1 if name in ("heading1", "heading2") else 0,
                linkUnderline=0,
                underlineWidth=0.5,
                underlineOffset=-0.12 * size,
            )
            ps.briefgen_bold = bold
            self._para[name] = ps
        return ps

    def frag(self, ps: ParagraphStyle, bold: bool, italic: bool, colour: str | None):
        """A text fragment template for ``ps`` in the given face and colour (parsed once)."""
        key = (ps.name, bold, italic, colour)
        tmpl = self._frag_templates.get(key)
        if tmpl is None:
            markup = "x"
            if italic:
                markup = f"<i>{markup}</i>"
            if bold:
                markup = f"<b>{markup}</b>"
            if colour:
                markup = f'<font color="{colour}">{markup}</font>'
            _, frags, _ = ParaParser().parse(markup, ps)
            tmpl = frags[0]
            self._frag_templates[key] = tmpl
        return tmpl


class _Para(RLParagraph):
    """A reportlab Paragraph made for speed in long tables.

    It remembers its last wrap (tables wrap each cell more than once), and a paragraph of
    one plain fragment that fits on one line is measured and drawn as a single string,
    at the same place reportlab would draw it, without the line-breaking machinery.
    """

    _wrap_key: tuple[float, float] | None = None
    _one_line: str | None = None
    _simple = False  # one fragment, no link, no bullet: eligible for the one-line path

    def wrap(self, availWidth, availHeight):
        key = self._wrap_key
        if (
            key is not None
            and key[0] == availWidth
            and (key[1] == availHeight or self.height <= availHeight)
        ):
            return self.width, self.height
        self._wrap_key = (availWidth, availHeight)
        if self._simple:
            style = self.style
            frag = self.frags[0]
            text = frag.text.strip(" ")
            room = availWidth - style.leftIndent - style.rightIndent - style.firstLineIndent
            if pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize) <= room:
                self._one_line = text
                self.width = availWidth
                self.height = style.leading if text else 0
                return self.width, self.height
        self._one_line = None
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth, availHeight):
        if self._one_line is not None and self._wrap_key and self._wrap_key[0] == availWidth:
            return [] if availHeight < self.height else [self]
        self._wrap_key = None
        self._one_line = None
        return super().split(availWidth, availHeight)

    def getActualLineWidths0(self):
        if self._one_line is not None:
            frag = self.frags[0]
            return [pdfmetrics.stringWidth(self._one_line, frag.fontName, frag.fontSize)]
        return super().getActualLineWidths0()

    def draw(self) -> None:
        text = self._one_line
        if text is None:
            return super().draw()
        if not text:
            return None
        frag = self.frags[0]
        canv = self.canv  # drawOn has saved the graphics state and restores it after
        canv.setFillColor(frag.textColor)
        canv.setFont(frag.fontName, frag.fontSize)
        x = self.style.leftIndent + self.style.firstLineIndent
        canv.drawString(x, self.height - frag.fontSize, text)
        return None


def _para(
    st: _Styles,
    content: Inline,
    style_name: str,
    bullet: str | None = None,
    extra: Sequence[tuple[Run, str]] = (),
) -> RLParagraph:
    """Build a reportlab paragraph from inline runs, every character literal.

    ``extra`` appends (run, colour) pairs, e.g. a figure's note in the muted colour.
    """
    ps = st.para(style_name)
    style_bold = getattr(ps, "briefgen_bold", False)
    pieces: list[tuple[Run, str | None]] = [(r, None) for r in content]
    pieces.extend((r, c) for r, c in extra)
    if any(_is_link(r.url) for r, _ in pieces):
        markup = []
        accent = st.style.colours["accent"]
        for r, colour in pieces:
            text = _escape(_clean(r.text))
            if r.italic:
                text = f"<i>{text}</i>"
            if r.bold and not style_bold:
                text = f"<b>{text}</b>"
            if colour:
                text = f'<font color="{colour}">{text}</font>'
            if _is_link(r.url):
                href = _escape(_clean(r.url or "").strip(), quote=True)
                text = f'<a href="{href}" color="{accent}"><u>{text}</u></a>'
            markup.append(text)
        return _Para("".join(markup), ps, bulletText=bullet)
    frags = []
    for r, colour in pieces:
        text = _clean(r.text)
        if not text:
            continue
        tmpl = st.frag(ps, r.bold or style_bold, r.italic, colour)
        frags.append(tmpl.clone(text=text))
    if not frags:
        frags.append(st.frag(ps, style_bold, False, None).clone(text=""))
    para = _Para("".join(f.text for f in frags), ps, bulletText=bullet, frags=frags)
    para._simple = len(frags) == 1 and bullet is None
    return para


# ---------------------------------------------------------------------------- headings


class _OutlineEntry(Flowable):
    """A zero-size marker drawn just before a heading: a destination and an outline entry."""

    _ZEROSIZE = True

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        self.canv.briefgen_outline = True


# ---------------------------------------------------------------------------- tables


class _RowsTable(RLTable):
    """A chunk of a long table.

    It splits between rows; a single row is split inside only when it is taller than a
    whole page (below the repeated header). ``briefgen_header`` makes a fresh header row
    to draw at the top of each page the table continues on.
    """

    briefgen_header: Callable[[], RLTable] | None = None
    briefgen_fresh_height: float = 0.0
    briefgen_rows = 0  # rows of the document's table in this chunk, for progress
    briefgen_key_bar: tuple[colors.Color, colors.Color] | None = None  # (key fill, bar)

    def draw(self) -> None:
        super().draw()
        if not self.briefgen_key_bar:
            return
        # key rows: a bar inside the left edge, over the shading (found from the shading
        # commands, which reportlab keeps right when it splits the table)
        fill, bar = self.briefgen_key_bar
        rows = set()
        n = len(self._rowpositions) - 1
        for cmd in self._bkgrndcmds:
            if cmd[0] == "BACKGROUND" and cmd[3] == fill:
                start, stop = cmd[1][1], cmd[2][1]
                start, stop = (start + n if start < 0 else start), (stop + n if stop < 0 else stop)
                rows.update(range(max(0, start), min(n - 1, stop) + 1))
        canv = self.canv
        canv.saveState()
        canv.setFillColor(bar)
        for i in sorted(rows):
            top, bottom = self._rowpositions[i], self._rowpositions[i + 1]
            canv.rect(RULE_WIDTH / 2, bottom, KEY_BAR_WIDTH, top - bottom, stroke=0, fill=1)
        canv.restoreState()

    def split(self, availWidth, availHeight):
        self._calc(availWidth, availHeight)
        result = self._splitRows(availHeight, doInRowSplit=False)
        if (
            not result
            and self._rowHeights
            and self._rowHeights[0] > self.briefgen_fresh_height + _FUZZ
        ):
            result = self._splitRows(availHeight, doInRowSplit=True)
        for part in result:
            part.briefgen_header = self.briefgen_header
            part.briefgen_fresh_height = self.briefgen_fresh_height
            part.briefgen_key_bar = self.briefgen_key_bar
        return result


def _cell_commands(st: _Styles) -> list:
    body = st.sizes["body"]
    return [
        # the cell font matters only for empty cells, but keeps reportlab off Helvetica
        ("FONTNAME", (0, 0), (-1, -1), st.font()),
        ("FONTSIZE", (0, 0), (-1, -1), body),
        ("LEADING", (0, 0), (-1, -1), leading(body)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
    ]


def _grid_commands(st: _Styles, key_rows: Iterable[int], header: bool) -> list:
    cmds = _cell_commands(st)
    cmds.append(("GRID", (0, 0), (-1, -1), RULE_WIDTH, st.colour["rule"]))
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), st.colour["accent"]))
    for i in key_rows:
        cmds.append(("BACKGROUND", (0, i), (-1, i), st.colour["key_fill"]))
    return cmds


def _table_flowables(st: _Styles, table: Table, text_width: float, frame_height: float) -> list:
    widths = [max(0.0, float(w)) for w in table.widths] or [1.0]
    n_cols = max(len(widths), len(table.header), *(len(r.cells) for r in table.rows), 1)
    widths = (widths + [0.0] * n_cols)[:n_cols]
    total = sum(widths)
    if total <= 0:
        widths = [1.0 / n_cols] * n_cols
    elif total > 1.0 + 1e-9 or any(w <= 0 for w in widths):
        # keep the table inside the text width and every column usable
        floor = 0.02
        widths = [max(w / total, floor) for w in widths]
        total = sum(widths)
        widths = [w / total for w in widths]
    col_widths = [w * text_width for w in widths]
    if sum(col_widths) > text_width - 0.01:  # guard against rounding past the frame
        col_widths[-1] = max(1.0, text_width - sum(col_widths[:-1]) - 0.01)

    header_cells = list(table.header) + [""] * (n_cols - len(table.header))

    def make_header() -> RLTable:
        data = [[[_para(st, (Run(h),), "table-header")] for h in header_cells]]
        t = RLTable(data, colWidths=col_widths, style=_grid_commands(st, (), True))
        t.keepWithNext = 1
        return t

    header_height = make_header().wrap(text_width, frame_height)[1]
    fresh_height = frame_height - header_height

    def make_rows(rows: Sequence[Row]) -> _RowsTable:
        data = []
        keys = []
        for i, row in enumerate(rows):
            cells = list(row.cells) + [()] * (n_cols - len(row.cells))
            data.append([[_para(st, p.content, p.style) for p in cell] for cell in cells[:n_cols]])
            if row.key:
                keys.append(i)
        t = _RowsTable(
            data,
            colWidths=col_widths,
            style=_grid_commands(st, keys, False),
            splitByRow=1,
            splitInRow=0,
        )
        t.briefgen_header = make_header
        t.briefgen_fresh_height = fresh_height
        t.briefgen_rows = len(rows)
        if keys:
            t.briefgen_key_bar = (st.colour["key_fill"], st.colour["accent"])
        return t

    out: list = [make_header()]
    rows = table.rows
    if not rows:
        out[0].keepWithNext = 0
        return out
    # the header is kept with the first row; the rest comes in chunks
    out.append(make_rows(rows[:1]))
    for start in range(1, len(rows), ROWS_PER_CHUNK):
        out.append(make_rows(rows[start : start + ROWS_PER_CHUNK]))
    return out


# ---------------------------------------------------------------------------- figures


class _FiguresTable(RLTable):
    """Key figures side by side, each under its own short accent rule.

    It moves to the next page whole unless it is taller than a page (absurdly long
    labels), in which case it splits inside its row like a long table row.
    """

    briefgen_rule: colors.Color | None = None
    briefgen_fresh_height: float = 0.0

    def draw(self) -> None:
        super().draw()
        if self.briefgen_rule is None:
            return
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(self.briefgen_rule)
        canv.setLineWidth(FIGURE_RULE_WIDTH)
        y = self._height - FIGURE_RULE_WIDTH / 2
        cols = self._colpositions
        for i in range(len(cols) - 1):
            gap = 2 * CELL_PAD_X if i < len(cols) - 2 else 0
            canv.line(cols[i], y, cols[i + 1] - gap, y)
        canv.restoreState()

    def split(self, availWidth, availHeight):
        self._calc(availWidth, availHeight)
        if self._height <= self.briefgen_fresh_height + _FUZZ:
            return []
        parts = self._splitRows(availHeight, doInRowSplit=True)
        for i, part in enumerate(parts):
            part.briefgen_rule = self.briefgen_rule if i == 0 else None
            part.briefgen_fresh_height = self.briefgen_fresh_height
        return parts


def _figures_table(st: _Styles, figures: Figures, text_width: float, frame_height: float):
    muted = st.style.colours["muted"]
    cells = []
    for f in figures.items:
        value = _para(st, (Run(f.value),), "figure-value")
        extra = [(Run(" " + f.note), muted)] if f.note else []
        label = _para(st, (Run(f.label),), "figure-label", extra=extra)
        cells.append([value, label])
    n = len(cells)
    table = _FiguresTable([cells], colWidths=[text_width / n] * n, style=_cell_commands(st))
    table.briefgen_rule = st.colour["accent"]
    table.briefgen_fresh_height = frame_height
    table.spaceAfter = 6
    return table


# ---------------------------------------------------------------------------- timeline


class _TimelineStrip(Flowable):
    """The timeline: an axis with ticks, dots for the marks and captions in lanes above.

    Each caption sits in its lane inside the box compose chose for it (left edge
    ``caption_at``, width ``caption_width``, fractions of the strip), less a 2 mm gap;
    a thin leader runs from the mark's dot up to the foot of its caption.
    """

    AXIS_INSET = 4.0  # keeps the dots at 0 and 1 inside the text width
    DOT_RADIUS = 3.0
    TICK_LENGTH = 3.0
    LANE_GAP = 4.0
    CAPTION_GAP = 2 * mm
    MAX_CAPTION_LINES = 4  # a caption is meant to take 2 lines; longer ones are cut

    def __init__(self, st: _Styles, timeline: Timeline) -> None:
        super().__init__()
        self.st = st
        self.tl = timeline
        self.lanes = max(1, int(timeline.lanes), *(m.lane + 1 for m in timeline.marks))
        self.captions = [self._caption(m.date_label, m.title) for m in timeline.marks]
        self.tick_labels = [_clean(t.label).strip() for t in timeline.ticks]
        self.line = leading(st.sizes["small"])
        self.spaceAfter = 2

    def _caption(self, date_label: str, title: str) -> RLParagraph:
        return _para(self.st, (Run(date_label, bold=True), Run(" " + title)), "timeline")

    def _fit_caption(self, i: int, width: float) -> float:
        """Wrap caption ``i``; one longer than MAX_CAPTION_LINES is cut with an ellipsis."""
        p = self.captions[i]
        _, h = p.wrap(width, 1e6)
        limit = self.MAX_CAPTION_LINES * self.line
        if h <= limit + _FUZZ:
            return h
        m = self.tl.marks[i]
        date_label, title = m.date_label[:200], m.title
        lo, hi = 0, len(title)
        while lo < hi:  # the longest cut title that fits
            mid = (lo + hi + 1) // 2
            p = self._caption(date_label, title[:mid].rstrip() + "…")
            if p.wrap(width, 1e6)[1] <= limit + _FUZZ:
                lo = mid
            else:
                hi = mid - 1
        p = self._caption(date_label, title[:lo].rstrip() + "…")
        self.captions[i] = p
        return p.wrap(width, 1e6)[1]

    def _x(self, position: float) -> float:
        pos = min(1.0, max(0.0, float(position)))
        return self.AXIS_INSET + pos * (self.width - 2 * self.AXIS_INSET)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        share = self.tl.caption_width if 0 < self.tl.caption_width <= 1 else 0.25
        self.share = share
        self.cap_w = max(20.0, share * availWidth - self.CAPTION_GAP)
        lane_h = [2 * self.line] * self.lanes
        self.cap_h = []
        for i, m in enumerate(self.tl.marks):
            h = self._fit_caption(i, self.cap_w)
            self.cap_h.append(h)
            lane = max(0, m.lane)
            lane_h[lane] = max(lane_h[lane], h)
        self.lane_h = [h + self.LANE_GAP for h in lane_h]
        self.axis_y = self.line + self.TICK_LENGTH + 3
        self.lanes_y = self.axis_y + self.DOT_RADIUS + 4
        self.height = self.lanes_y + sum(self.lane_h)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        st = self.st
        c.saveState()
        # axis and ticks
        c.setStrokeColor(st.colour["rule"])
        c.setLineWidth(1)
        c.line(0, self.axis_y, self.width, self.axis_y)
        ps = st.para("timeline")
        for tick, label in zip(self.tl.ticks, self.tick_labels, strict=True):
            x = self._x(tick.position)
            c.setLineWidth(0.75)
            c.line(x, self.axis_y, x, self.axis_y - self.TICK_LENGTH)
            # one line under its tick (a label is meant to be a year or a month)
            label = _fit(label, ps.fontName, ps.fontSize, self.width / 4)
            p = _para(st, (Run(label),), "timeline")
            _w, h = p.wrap(self.width, 1e6)
            text_w = max(p.getActualLineWidths0() or [0])
            left = min(max(0.0, x - text_w / 2), self.width - text_w)
            p.drawOn(c, left, self.axis_y - self.TICK_LENGTH - 1 - h)
        # leaders first, captions over them on a white ground (a leader passing behind a
        # lower lane's caption is hidden there), dots last
        placed = []
        for m, p, h in zip(self.tl.marks, self.captions, self.cap_h, strict=True):
            x = self._x(m.position)
            bottom = self.lanes_y + sum(self.lane_h[: max(0, m.lane)])
            text_w = max(p.getActualLineWidths0() or [0])
            # the text slides inside its box so the mark sits as far into the text as
            # into the box (left-aligned at the strip's start, right-aligned at its end)
            pos = min(max(0.0, float(m.position)), 1.0)
            at = min(max(0.0, float(m.caption_at)), 1.0)
            if not at - 1e-6 <= pos <= at + self.share + 1e-6:
                at = pos * (1 - self.share)  # a box that misses its mark: compose's rule
            into = min(max(0.0, (pos - at) / self.share), 1.0)
            left = at * self.width + into * max(0.0, self.cap_w - text_w)
            left = max(0.0, min(left, self.width - text_w))
            placed.append((m, p, x, left, bottom, text_w, h))
            c.setStrokeColor(st.colour["accent"] if m.key else st.colour["rule"])
            c.setLineWidth(0.6)
            c.line(x, self.axis_y, x, bottom)
        for _m, p, _x, left, bottom, text_w, h in placed:
            c.setFillColor(colors.white)
            c.rect(left - 1, bottom - 1, text_w + 2, h + 1, stroke=0, fill=1)
            p.drawOn(c, left, bottom)
        for m, _p, x, *_ in placed:
            c.setStrokeColor(st.colour["accent"])
            c.setFillColor(st.colour["accent"] if m.key else colors.white)
            c.setLineWidth(1)
            c.circle(x, self.axis_y, self.DOT_RADIUS, stroke=1, fill=1)
        c.restoreState()


# ---------------------------------------------------------------------------- document


class _Canvas(Canvas):
    """A canvas that writes "Page N of M" once the total M is known.

    Each page draws a form XObject named for its number; the forms are defined in
    ``save``, when the page count is known (forms may be used before they are defined).
    """

    briefgen_page_text: tuple[str, float, str, float, float] | None = None
    briefgen_pages = 0

    def _escape(self, s):
        # same output as reportlab's escapePDF, without a Python loop per byte
        if isinstance(s, bytes):
            s = s.decode("latin-1")
        return s.translate(_PDF_ESCAPES)

    def save(self) -> None:
        total = self.getPageNumber() - 1
        if self._code:  # an unfinished page would be added by save()
            total += 1
        self.briefgen_pages = total
        spec = self.briefgen_page_text
        if spec:
            font, size, colour, x, y = spec
            for n in range(1, total + 1):
                self.beginForm(f"briefgenPage{n}")
                self.setFont(font, size)
                self.setFillColor(colors.HexColor(colour))
                self.drawRightString(x, y, f"Page {n} of {total}")
                self.endForm()
        if getattr(self, "briefgen_outline", False):
            self.showOutline()
        super().save()


class _DocTemplate(BaseDocTemplate):
    """Draws a table's header row again at the top of each page the table continues on,
    and reports table rows laid out and pages done to ``briefgen_progress``."""

    briefgen_progress: PageProgress | None = None
    briefgen_rows_total = 0
    briefgen_rows_done = 0

    def handle_flowable(self, flowables):
        head = flowables[0] if flowables else None
        make_header = getattr(head, "briefgen_header", None)
        if make_header is not None and self.frame._atTop:
            flowables.insert(0, make_header())
            head = flowables[0]
        result = super().handle_flowable(flowables)
        # a chunk counts once it has left the queue: placed whole, or split and partly placed
        if head is not None and (not flowables or flowables[0] is not head):
            self.briefgen_rows_done += getattr(head, "briefgen_rows", 0)
            head.briefgen_rows = 0  # the same chunk may come back if a split is undone
        return result

    def afterPage(self) -> None:
        if self.briefgen_progress is not None:
            self.briefgen_progress(self.briefgen_rows_done, self.briefgen_rows_total, self.page)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so that it fits ``width`` (page furniture only)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid].rstrip() + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def _page_furniture(doc: Document, st: _Styles, page_w: float, page_h: float):
    style = st.style
    _top, right, _bottom, left = (m * mm for m in style.margins)
    marking = _clean(doc.marking).strip()
    footer = _clean(doc.footer).strip()
    small = style.sizes["small"]
    mark_size = style.sizes["marking"]
    regular, bold = st.font(False), st.font(True)
    muted = style.colours["muted"]
    footer_y = FOOTER_DISTANCE + 0.3 * small
    mark_bottom_y = footer_y + leading(small) + 0.2 * mark_size
    mark_top_y = page_h - HEADER_DISTANCE - mark_size
    right_x = page_w - right
    reserve = pdfmetrics.stringWidth("Page 8888 of 8888", regular, small) + 12
    footer_text = _fit(footer, regular, small, right_x - left - reserve) if footer else ""
    page_text = (regular, small, muted, right_x, footer_y)
    marking_text = _fit(marking, bold, mark_size, right_x - left) if marking else ""

    def on_page(canv: Canvas, _doc: BaseDocTemplate) -> None:
        # the top marking comes first in the content stream (reading order)
        canv.briefgen_page_text = page_text
        if marking:
            canv.saveState()
            canv.setFillColor(st.colour["marking"])
            canv.setFont(bold, mark_size)
            canv.drawCentredString(page_w / 2, mark_top_y, marking_text)
            canv.restoreState()

    def on_page_end(canv: Canvas, _doc: BaseDocTemplate) -> None:
        # the bottom marking and the footer come last
        canv.saveState()
        if marking:
            canv.setFillColor(st.colour["marking"])
            canv.setFont(bold, mark_size)
            canv.drawCentredString(page_w / 2, mark_bottom_y, marking_text)
        if footer_text:
            canv.setFillColor(st.colour["muted"])
            canv.setFont(regular, small)
            canv.drawString(left, footer_y, footer_text)
        canv.restoreState()
        canv.doForm(f"briefgenPage{canv.getPageNumber()}")

    return on_page, on_page_end


def _flowables(doc: Document, st: _Styles, text_width: float, frame_height: float) -> list:
    out: list = []
    have_level1 = False
    n_bookmarks = 0
    for block in doc.blocks:
        out.extend(_block(block, st, text_width, frame_height))
    # outline levels: a level-2 heading nests under the last level-1 heading (if any)
    for f in out:
        if isinstance(f, _OutlineEntry):
            n_bookmarks += 1
            f.key = f"briefgen-h{n_bookmarks}"
            if f.level == 0:
                have_level1 = True
            elif not have_level1:
                f.level = 0
    return out


def _block(block: Block, st: _Styles, text_width: float, frame_height: float) -> list:
    match block:
        case Heading(text=text, level=level, bookmark=bookmark):
            name = "heading1" if level <= 1 else "heading2"
            result: list = []
            if bookmark:
                result.append(_OutlineEntry("", _clean(text).strip(), 0 if level <= 1 else 1))
            result.append(_para(st, (Run(text),), name))
            return result
        case Paragraph(content=content, style=style):
            return [_para(st, content, style)]
        case Bullets(items=items, numbered=numbered, style=style):
            name = "source-list" if style == "source-list" else "bullet"
            result = []
            for i, item in enumerate(items, 1):
                if numbered:
                    marker: str | None = f"{i}."
                elif name == "bullet":
                    marker = "•"
                else:
                    marker = None
                p = _para(st, item, name, bullet=marker)
                if marker is None:
                    p.style = _hanging_only(p.style)
                result.append(p)
            return result
        case Table():
            return _table_flowables(st, block, text_width, frame_height)
        case Figures(items=items):
            return [_figures_table(st, block, text_width, frame_height)] if items else []
        case Timeline(caption=caption):
            result = [_TimelineStrip(st, block)]
            if caption:
                result.append(_para(st, (Run(caption),), "note"))
            return result
    return []


def _hanging_only(ps: ParagraphStyle) -> ParagraphStyle:
    """A list style without a marker: the first line starts at the margin, the rest hang."""
    hanging = ps.leftIndent
    clone = ParagraphStyle(name=ps.name + "-plain", parent=ps)
    clone.leftIndent = hanging
    clone.firstLineIndent = -hanging
    clone.briefgen_bold = getattr(ps, "briefgen_bold", False)
    return clone


def _pdf_date(doc: Document) -> str:
    d = doc.created
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}000000+00'00'"


def render_pdf(
    doc: Document, style: Style, progress: PageProgress | None = None
) -> tuple[bytes, int]:
    """Render ``doc`` in ``style`` as PDF; return the bytes and the number of pages.

    ``progress`` (None: no reports) is called after each page with the table rows laid
    out so far, the document's table rows and the pages done. The output depends only on
    ``doc`` and ``style``: byte-identical on every run.
    """
    st = _Styles(style)
    page_w, page_h = (v * mm for v in style.page_mm)
    top, right, bottom, left = (m * mm for m in style.margins)
    text_width = page_w - left - right
    frame_height = page_h - top - bottom
    buf = io.BytesIO()
    template = _DocTemplate(
        buf,
        pagesize=(page_w, page_h),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=_clean(doc.title),
        author=_clean(doc.author),
        subject=_clean(doc.subject),
        keywords=[_clean(k) for k in doc.keywords],
        creator="briefgen",
        producer="briefgen (ReportLab)",
        invariant=1,
        lang=doc.language or None,
        displayDocTitle=1,
        initialFontName=st.font(),
        initialFontSize=style.sizes["body"],
        initialLeading=leading(style.sizes["body"]),
    )
    frame = Frame(
        left,
        bottom,
        text_width,
        frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    on_page, on_page_end = _page_furniture(doc, st, page_w, page_h)
    template.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=on_page, onPageEnd=on_page_end)]
    )
    flowables = _flowables(doc, st, text_width, frame_height)
    template.briefgen_progress = progress
    template.briefgen_rows_total = sum(getattr(f, "briefgen_rows", 0) for f in flowables)

    made: list[_Canvas] = []

    def canvasmaker(*args, **kwargs) -> _Canvas:
        canv = _Canvas(*args, **kwargs)
        made.append(canv)
        pdf = canv._doc
        # fixed dates and a document id from the content, never from the clock or environment
        canv.setDateFormatter(lambda *_a: _pdf_date(doc))
        pdf.signature = md5(
            repr((doc.title, doc.created.isoformat(), doc.kind)).encode("utf-8", "replace"),
            usedforsecurity=False,
        )
        return canv

    if not flowables:
        flowables = [_para(st, (), "body")]
    template.build(flowables, canvasmaker=canvasmaker)
    return buf.getvalue(), made[-1].briefgen_pages


def count_pages(doc: Document, style: Style) -> int:
    """Return how many pages ``doc`` takes in ``style`` (renders it; a briefing is quick)."""
    return render_pdf(doc, style)[1]
