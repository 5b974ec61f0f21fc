"""The named Word styles we define, built from the shared style spec."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.styles import Style
from briefgen.write.docx.xml import attr, border, cell_mar, leading, no_borders, twips_pt

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
    "event-title": "Event Title",
    "event-detail": "Event Detail",
    "event-sources": "Event Sources",
    "table-header": "Table Header",
    "source-entry": "Source Entry",
}


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
    parts.append('<w:widowControl w:val="0"/>')
    if num_id is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    if tabs:
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    parts.append(
        f'<w:spacing w:before="{twips_pt(before)}" w:after="{twips_pt(after)}" '
        f'w:line="{line}" w:lineRule="exact"/>'
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


BULLET_INDENT = twips_pt(12)


SOURCE_INDENT = twips_pt(16)


def style_defs(sheet: Style, text_width: int, num: Numbering) -> list[StyleDef]:
    """Return every style we define, built from the style sheet."""
    defs: list[StyleDef] = []

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
            StyleDef(name, stored or name, style_id, "paragraph", body, default=name == "Normal")
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
            f"<w:tblPr>{no_borders()}{cell_mar(0, twips_pt(2), 0, twips_pt(2))}</w:tblPr>",
        )
    )  # fmt: skip
    return defs
