"""The named Word styles we define, built from the shared style spec."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.styles import Style
from briefgen.stylespec import StyleName, leading, spec
from briefgen.write.docx.xml import attr, border, cell_mar, no_borders, twips_pt


def word_style(name: str) -> str:
    """Return the Word style a semantic paragraph style becomes (unknown: ``ValueError``)."""
    return spec(name).word


KEY_EVENT = "Key Event"  # the paragraph style that shades a key event's row
# the chronology cell styles that have a shaded variant for key rows
KEY_VARIANTS: tuple[StyleName, ...] = ("event-date", "event-title", "event-detail", "event-sources")


def key_style(name: str) -> str:
    """Return the Word style of semantic style ``name`` in a key event's row."""
    if name in KEY_VARIANTS:
        return f"{KEY_EVENT} {spec(name).word.removeprefix('Event ')}"
    return word_style(name)


@dataclass(frozen=True)
class StyleDef:
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
        f = attr(sheet.font)
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
    line = twips_pt(leading(sheet.sizes[size]))
    parts = []
    if keep_next:
        parts.append("<w:keepNext/><w:keepLines/>")
    # widow control on, and "at least" line spacing: a restyle to a larger font in Word
    # grows the lines instead of clipping them
    parts.append("<w:widowControl/>")
    if num_id is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    if tabs:
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    parts.append(
        f'<w:spacing w:before="{twips_pt(before)}" w:after="{twips_pt(after)}" '
        f'w:line="{line}" w:lineRule="atLeast"/>'
    )
    if ind:
        parts.append(f'<w:ind w:left="{ind[0]}" w:hanging="{ind[1]}"/>')
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


@dataclass
class Numbering:
    """numIds of the numbering definitions our list styles use."""

    bullet: int = 0  # the List Bullet style's numbering
    number: int = 0  # the List Number style's numbering
    abstract_number: int = 0  # restarted for each numbered list
    abstract_source: int = 0  # restarted for each numbered source list
    next_num: int = 0  # the next free numId


BULLET_INDENT = twips_pt(spec("bullet").hanging)


SOURCE_INDENT = twips_pt(spec("source-list").hanging)


def style_defs(sheet: Style, text_width: int, num: Numbering) -> list[StyleDef]:
    """Return every style we define, built from the style sheet."""
    defs: list[StyleDef] = []

    def para(
        name: StyleName,
        *,
        stored: str | None = None,
        next_: str | None = None,
        ui: int = 20,
        qformat: bool = True,
        word: str | None = None,
        based_on: str = "Normal",
        **ppr_options: object,
    ) -> None:
        s = spec(name)
        word = word or s.word
        style_id = word.replace(" ", "")
        head = f"<w:basedOn w:val='@{based_on}'/>" if word != "Normal" else ""
        if next_:
            head += f"<w:next w:val='@{next_}'/>"
        head += f'<w:uiPriority w:val="{ui}"/>' + ("<w:qFormat/>" if qformat else "")
        if s.hanging:
            hanging = twips_pt(s.hanging)
            ppr_options["ind"] = (hanging, hanging)
        body = (
            head
            + _ppr(sheet, s.size, s.before, s.after, keep_next=s.keep_next,
                   **ppr_options)  # type: ignore[arg-type]
            + _rpr(sheet, s.size, s.colour, s.bold)
        )  # fmt: skip
        defs.append(
            StyleDef(word, stored or word, style_id, "paragraph", body, default=word == "Normal")
        )

    right_tab = f'<w:tab w:val="right" w:pos="{text_width}"/>'
    # (the order of definition is the order in styles.xml: keep it for stable bytes)
    para("body", ui=0)
    # the title is the outline's level 1 (a heading to screen readers): Heading 2 follows it
    para("title", next_="Normal", ui=10, outline=0)
    para("subtitle", next_="Normal", ui=11)
    para("heading1", stored="heading 1", next_="Normal", ui=9, outline=0)
    para("heading2", stored="heading 2", next_="Normal", ui=9, outline=1)
    para("bullet", num_id=num.bullet, ui=36)
    para("number", num_id=num.number, ui=36)
    para("header", stored="header", ui=99, qformat=False,
         tabs=f'<w:tab w:val="center" w:pos="{text_width // 2}"/>{right_tab}')  # fmt: skip
    para("footer", stored="footer", ui=99, qformat=False, tabs=right_tab)
    para("marking", jc="center", ui=1)
    para("doc-type", next_="Date Line")
    para("dateline")
    para("meta", next_="Normal")
    para("lead")
    para("note")
    para("event-date")
    para("new-marker", next_="Event Date")
    para("event-title", next_="Event Detail")
    para("event-detail")
    para("event-sources")
    para("table-header")
    para("source-entry")
    para("source-list")
    # A key event's row is shaded by its paragraphs' styles, all based on "Key Event",
    # so that restyling "Key Event" in Word reaches every key row.
    key_fill = sheet.colours["key_fill"].lstrip("#")
    # borders in the fill colour, grouped across a cell's paragraphs, carry the shading
    # over the space between them and into the cell's padding
    key_edges = "".join(
        f'<w:{side} w:val="single" w:sz="2" w:space="{space}" w:color="{key_fill}"/>'
        for side, space in (("top", 1), ("left", 3), ("bottom", 1), ("right", 3))
    )
    defs.append(
        StyleDef(
            KEY_EVENT, KEY_EVENT, KEY_EVENT.replace(" ", ""), "paragraph",
            "<w:basedOn w:val='@Normal'/><w:uiPriority w:val=\"20\"/><w:qFormat/>"
            f"<w:pPr><w:pBdr>{key_edges}</w:pBdr>"
            f'<w:shd w:val="clear" w:color="auto" w:fill="{key_fill}"/></w:pPr>',
        )
    )  # fmt: skip
    for plain in KEY_VARIANTS:
        para(plain, word=key_style(plain), based_on=KEY_EVENT)
    para("figure-value", next_="Figure Label")
    para("figure-label")
    para("timeline")

    def char(name: str, rpr: str, ui: int = 1, stored: str | None = None) -> None:
        body = (
            "<w:basedOn w:val='@Default Paragraph Font'/>"
            f'<w:uiPriority w:val="{ui}"/><w:unhideWhenUsed/>' + rpr
        )
        defs.append(StyleDef(name, stored or name, name.replace(" ", ""), "character", body))

    defs.append(
        StyleDef(
            "Default Paragraph Font", "Default Paragraph Font", "DefaultParagraphFont",
            "character", '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
            default=True,
        )
    )  # fmt: skip
    accent = sheet.colours["accent"].lstrip("#")
    char("Hyperlink", f'<w:rPr><w:color w:val="{accent}"/><w:u w:val="single"/></w:rPr>', 99)
    char("Figure Note", _rpr(sheet, None, "muted"))
    char("Timeline Mark", _rpr(sheet, "body", "accent"))

    pad = (twips_pt(3), twips_pt(4), twips_pt(3), twips_pt(4))
    defs.append(
        StyleDef(
            "Normal Table", "Normal Table", "TableNormal", "table",
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            + cell_mar(0, 108, 0, 108) + "</w:tblPr>",
            default=True,
        )
    )  # fmt: skip
    rule = sheet.colours["rule"]
    grid = "".join(
        border(side, 0.5, rule) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    fill = sheet.colours["accent"].lstrip("#")
    defs.append(
        StyleDef(
            "Chronology Table", "Chronology Table", "ChronologyTable", "table",
            "<w:basedOn w:val='@Normal Table'/>"
            '<w:uiPriority w:val="59"/><w:qFormat/>'
            f"<w:tblPr><w:tblBorders>{grid}</w:tblBorders>{cell_mar(*pad)}</w:tblPr>"
            '<w:tblStylePr w:type="firstRow">'
            + _rpr(sheet, None, "header_text", True)
            + f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>'
            "</w:tblStylePr>",
        )
    )  # fmt: skip
    defs.append(
        StyleDef(
            "Figures Table", "Figures Table", "FiguresTable", "table",
            "<w:basedOn w:val='@Normal Table'/>"
            '<w:uiPriority w:val="59"/>'
            f"<w:tblPr>{no_borders()}{cell_mar(twips_pt(3), 0, twips_pt(2), 0)}</w:tblPr>",
        )
    )  # fmt: skip
    defs.append(
        StyleDef(
            "Timeline Table", "Timeline Table", "TimelineTable", "table",
            "<w:basedOn w:val='@Normal Table'/>"
            '<w:uiPriority w:val="59"/>'
            f"<w:tblPr>{no_borders()}{cell_mar(0, 0, 0, 0)}</w:tblPr>",  # an exact grid
        )
    )  # fmt: skip
    return defs
