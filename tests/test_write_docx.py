"""The DOCX writer: named styles, tables, links, fields, metadata, templates, layout."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from docx.shared import Inches, Mm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from pypdf import PdfReader

from briefgen.document import (
    Bullets,
    Document,
    Heading,
    Paragraph,
    Row,
    Run,
    Table,
    runs,
)
from briefgen.errors import BriefgenError
from briefgen.styles import load_style
from briefgen.write.docx import render_docx
from tests.office import convert_to_pdf, needs_soffice
from tests.sample_documents import TRICKY, sample_briefing, sample_chronology

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}

OUR_PARAGRAPH_STYLES = {
    "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number",
    "Event Title", "Event Date", "Event Detail", "Event Sources", "Marking", "Document Type",
    "Date Line", "Meta", "Summary", "Note", "Source Entry", "Source List", "Figure Value",
    "Figure Label", "Timeline Text", "Table Header", "Footer", "Header", "Normal",
    "Key Event", "Key Event Date", "Key Event Title", "Key Event Detail", "Key Event Sources",
}  # fmt: skip
OUR_TABLE_STYLES = {"Chronology Table", "Figures Table", "Timeline Table"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Docx:
    """A rendered DOCX opened both with python-docx and as raw XML parts."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.doc = docx.Document(io.BytesIO(data))
        self.body = self.xml("word/document.xml").find(w("body"))
        self.style_names = {s.style_id: s.name for s in self.doc.styles}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def rels(self, part: str = "word/document.xml") -> dict[str, etree._Element]:
        folder, name = part.rsplit("/", 1)
        root = self.xml(f"{folder}/_rels/{name}.rels")
        return {rel.get("Id"): rel for rel in root}

    def part_for(self, rid: str) -> str:
        return "word/" + self.rels()[rid].get("Target")

    def paragraphs(self) -> list[etree._Element]:
        return list(self.body.iter(w("p")))

    def style_of(self, p: etree._Element) -> str:
        node = p.find("w:pPr/w:pStyle", NS)
        return self.style_names[node.get(w("val"))] if node is not None else "Normal"

    def text(self, node: etree._Element) -> str:
        return "".join(t.text or "" for t in node.iter(w("t")))

    def tables(self) -> list[etree._Element]:
        return list(self.body.iter(w("tbl")))

    def table_style(self, tbl: etree._Element) -> str:
        return self.style_names[tbl.find("w:tblPr/w:tblStyle", NS).get(w("val"))]

    def headers(self) -> list[etree._Element]:
        refs = self.body.findall("w:sectPr/w:headerReference", NS)
        return [self.xml(self.part_for(ref.get(f"{{{R}}}id"))) for ref in refs]

    def footers(self) -> list[etree._Element]:
        refs = self.body.findall("w:sectPr/w:footerReference", NS)
        return [self.xml(self.part_for(ref.get(f"{{{R}}}id"))) for ref in refs]


@pytest.fixture(scope="module")
def style():
    return load_style("default")


@pytest.fixture(scope="module")
def chron(style) -> Docx:
    return Docx(render_docx(sample_chronology(), style))


@pytest.fixture(scope="module")
def brief(style) -> Docx:
    return Docx(render_docx(sample_briefing(), style))


# --------------------------------------------------------------------------- styles


@pytest.mark.parametrize("which", ["chron", "brief"])
def test_every_paragraph_uses_one_of_our_named_styles(which, request):
    d: Docx = request.getfixturevalue(which)
    used = [d.style_of(p) for p in d.paragraphs()]
    assert used
    assert set(used) <= OUR_PARAGRAPH_STYLES
    # the samples hold no body text, so nothing is left in Normal
    assert "Normal" not in used


def test_body_text_is_in_normal_and_lead_in_summary(style):
    doc = replace(
        sample_briefing(),
        blocks=(Paragraph(runs("Body."), "body"), Paragraph(runs("Lead."), "lead")),
    )
    d = Docx(render_docx(doc, style))
    assert [d.style_of(p) for p in d.paragraphs()] == ["Normal", "Summary"]


def test_the_chronology_uses_its_semantic_styles(chron):
    styles = {chron.style_of(p) for p in chron.paragraphs()}
    assert {"Title", "Subtitle", "Document Type", "Date Line", "Meta", "Heading 1", "Heading 2",
            "Table Header", "Event Date", "Event Title", "Event Detail", "Event Sources",
            "Source List"} <= styles  # fmt: skip


def test_no_direct_paragraph_or_character_formatting(brief, chron):
    for d in (brief, chron):
        for p in d.paragraphs():
            ppr = p.find("w:pPr", NS)
            kids = {etree.QName(k).localname for k in ppr} if ppr is not None else set()
            allowed = {"pStyle", "numPr"}
            if any(d.table_style(t) == "Timeline Table" for t in p.iterancestors(w("tbl"))):
                allowed.add("jc")  # a tick label right-aligned against the axis end
            assert kids <= allowed, etree.tostring(p)
        for rpr in d.body.iter(w("rPr")):
            assert {etree.QName(k).localname for k in rpr} <= {"rStyle", "b", "bCs", "i", "iCs"}


def test_styles_are_defined_with_the_spec_formatting(brief, style):
    styles = brief.doc.styles
    for name in OUR_PARAGRAPH_STYLES:
        assert styles[name].type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH, name
    for name in OUR_TABLE_STYLES:
        assert styles[name].type == docx.enum.style.WD_STYLE_TYPE.TABLE, name
    h1 = styles["Heading 1"]
    assert h1.font.size == Pt(style.sizes["heading1"])
    assert h1.font.bold is True
    assert str(h1.font.color.rgb) == style.colours["accent"].lstrip("#")
    assert h1.paragraph_format.keep_with_next is True
    assert h1.paragraph_format.space_before == Pt(10)
    assert h1.paragraph_format.space_after == Pt(4)
    # at-least leading = round(1.2 * size, 1) everywhere (a larger font grows the line)
    for name, size in [("Normal", "body"), ("Title", "title"), ("Note", "small"),
                       ("Figure Value", "figure"), ("Marking", "marking")]:  # fmt: skip
        spacing = styles[name].element.find("w:pPr/w:spacing", NS)
        assert spacing.get(w("lineRule")) == "atLeast"
        assert int(spacing.get(w("line"))) == round(round(1.2 * style.sizes[size], 1) * 20)
    marking = styles["Marking"]
    assert marking.font.bold is True
    assert marking.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert styles["Hyperlink"].type == docx.enum.style.WD_STYLE_TYPE.CHARACTER
    # the table style: thin rule-coloured borders, header row filled with the accent
    table = styles["Chronology Table"].element
    top = table.find("w:tblPr/w:tblBorders/w:top", NS)
    assert top.get(w("sz")) == "4" and top.get(w("color")) == style.colours["rule"].lstrip("#")
    fill = table.find("w:tblStylePr[@w:type='firstRow']/w:tcPr/w:shd", NS)
    assert fill.get(w("fill")) == style.colours["accent"].lstrip("#")
    margins = table.find("w:tblPr/w:tblCellMar", NS)
    assert [margins.find(f"w:{s}", NS).get(w("w")) for s in ("top", "left")] == ["60", "80"]


def test_language_and_font_are_document_defaults(brief):
    rpr = brief.xml("word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert rpr.find("w:lang", NS).get(w("val")) == "en-GB"
    fonts = rpr.find("w:rFonts", NS)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert fonts.get(w(attr)) == "Arial"


def test_the_font_follows_the_style_sheet():
    serif = replace(load_style(), font="Times New Roman")
    d = Docx(render_docx(sample_briefing(), serif))
    fonts = d.xml("word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts.get(w("ascii")) == "Times New Roman"


# --------------------------------------------------------------------------- tables


def test_chronology_tables_repeat_their_header_and_rows_do_not_split(chron):
    tables = chron.tables()
    assert len(tables) == 2
    for tbl in tables:
        assert chron.table_style(tbl) == "Chronology Table"
        assert tbl.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"
        rows = tbl.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert [chron.text(c) for c in rows[0].findall("w:tc", NS)] == ["Date", "Event", "Sources"]
        for row in rows:
            assert row.find("w:trPr/w:cantSplit", NS) is not None
        for row in rows[1:]:
            assert row.find("w:trPr/w:tblHeader", NS) is None


def test_column_widths_are_fractions_of_the_text_width(chron):
    tbl = chron.tables()[0]
    grid = [int(c.get(w("w"))) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    text_width = 11906 - 2 * 1134
    assert sum(grid) == text_width
    assert grid == pytest.approx([0.2 * text_width, 0.65 * text_width, 0.15 * text_width], abs=2)


def test_key_rows_are_shaded_by_a_style(chron, style):
    tbl = chron.tables()[1]
    key, plain = tbl.findall("w:tr", NS)[1:3]
    # no direct cell shading: the key row's paragraphs use styles based on "Key Event",
    # which carries the fill, so restyling "Key Event" in Word reaches every key row
    assert not list(tbl.iter(w("shd")))
    key_styles = {chron.style_of(p) for p in key.iter(w("p"))}
    plain_styles = {chron.style_of(p) for p in plain.iter(w("p"))}
    assert key_styles and all(n.startswith("Key Event ") for n in key_styles), key_styles
    assert not any(n.startswith("Key Event") for n in plain_styles), plain_styles
    styles = chron.doc.styles
    fill = styles["Key Event"].element.find("w:pPr/w:shd", NS)
    assert fill.get(w("fill")) == style.colours["key_fill"].lstrip("#")
    for name in key_styles:
        assert styles[name].base_style.name == "Key Event", name
        assert styles[name].element.find("w:pPr/w:shd", NS) is None, name


def _long_row_chronology(words: int) -> Document:
    detail = " ".join(f"w{i:04d} goes on." for i in range(words)) + " THE END OF THE DETAIL"
    row = Row(
        cells=(
            (Paragraph(runs("1 May 2020"), "event-date"),),
            (Paragraph(runs("Long event"), "event-title"), Paragraph(runs(detail), "event-detail")),
            (Paragraph(runs("[1]"), "event-sources"),),
        )
    )
    doc = sample_chronology(2)
    blocks = list(doc.blocks)
    t = blocks[6]
    blocks[6] = replace(t, rows=(t.rows[0], row, t.rows[1]))
    return replace(doc, blocks=tuple(blocks))


def test_a_row_taller_than_a_page_may_split(style):
    d = Docx(render_docx(_long_row_chronology(800), style))
    rows = d.tables()[0].findall("w:tr", NS)
    assert rows[2].find("w:trPr/w:cantSplit", NS) is None  # pages long: Word would clip it
    assert rows[1].find("w:trPr/w:cantSplit", NS) is not None
    assert rows[3].find("w:trPr/w:cantSplit", NS) is not None


def test_figures_are_a_borderless_table_with_accent_bars(brief, style):
    (tbl,) = [t for t in brief.tables() if brief.table_style(t) == "Figures Table"]
    cells = [c for c in tbl.iter(w("tc")) if c.find("w:p", NS) is not None]
    boxes = [c for c in cells if c.find("w:tcPr/w:tcBorders/w:top", NS) is not None]
    assert len(boxes) == 3
    for box in boxes:
        top = box.find("w:tcPr/w:tcBorders/w:top", NS)
        assert top.get(w("sz")) == "12" and top.get(w("color")) == style.colours["accent"][1:]
        value, label = box.findall("w:p", NS)
        assert (brief.style_of(value), brief.style_of(label)) == ("Figure Value", "Figure Label")
    assert brief.text(boxes[0]).startswith("800+cold cases")
    widths = {int(b.find("w:tcPr/w:tcW", NS).get(w("w"))) for b in boxes}
    assert max(widths) - min(widths) <= 3  # equal widths


def _cells_by_edge(row: etree._Element, cols: list[int]) -> list[tuple[int, int, etree._Element]]:
    """Return a table row's cells with their left and right edges in twips."""
    out, at = [], 0
    for tc in row.findall("w:tc", NS):
        span = tc.find("w:tcPr/w:gridSpan", NS)
        n = int(span.get(w("val"))) if span is not None else 1
        out.append((sum(cols[:at]), sum(cols[: at + n]), tc))
        at += n
    assert at == len(cols)  # every row covers the whole grid
    return out


def test_the_timeline_is_an_editable_table(brief, style):
    (tbl,) = [t for t in brief.tables() if brief.table_style(t) == "Timeline Table"]
    cols = [int(c.get(w("w"))) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    width = sum(cols)
    rows = tbl.findall("w:tr", NS)
    assert len(rows) == 2 + 4  # two lanes; the stem, the marker's two halves, the tick labels
    _top, lane0, stem, upper, lower, labels = (_cells_by_edge(r, cols) for r in rows)
    assert "16 June 2025 Audit published" in brief.text(rows[0])
    assert "c. 2011 Early warnings" in brief.text(rows[1])
    assert "14–15 June 2025 Inquiry announced" in brief.text(rows[1])
    # the caption of the mark at 0.3 starts where compose put its box: a quarter along
    (iicsa,) = [(a, b) for a, b, tc in lane0 if "IICSA" in brief.text(tc)]
    assert iicsa == (round(0.25 * width), 2 * round(0.25 * width))
    # each mark's leader is the left border of a stem cell starting where the PDF puts the
    # mark (inset 4 pt at either end), coloured as the mark (all key here)
    xs = [80 + round(p * (width - 160)) for p in (0.0, 0.3, 0.95, 0.97)]
    leaders = [a for a, _b, tc in stem if tc.find("w:tcPr/w:tcBorders/w:left", NS) is not None]
    assert leaders == xs
    # the markers: 6 pt squares on the axis, filled with the accent colour in both halves
    accent = style.colours["accent"].lstrip("#")
    for half in (upper, lower):
        filled = [(a, b) for a, b, tc in half if tc.find("w:tcPr/w:shd", NS) is not None]
        assert filled == [(x - 60, x + 60) for x in xs]
        assert {tc.find("w:tcPr/w:shd", NS).get(w("fill")) for _a, _b, tc in half if
                tc.find("w:tcPr/w:shd", NS) is not None} == {accent}  # fmt: skip
    # the axis: the bottom edge of the upper half's other cells, across the strip
    axis = [(a, b) for a, b, tc in upper if tc.find("w:tcPr/w:tcBorders/w:bottom", NS) is not None]
    assert sum(b - a for a, b in axis) + 4 * 120 == width
    for row in rows[2:5]:  # exact heights: the stem, and 3 pt either side of the axis
        assert row.find("w:trPr/w:trHeight", NS).get(w("hRule")) == "exact"
    assert [brief.text(tc) for _a, _b, tc in labels if brief.text(tc)] == ["2011", "2018", "2025"]
    (mid,) = [(a, b) for a, b, tc in labels if brief.text(tc) == "2018"]
    assert (mid[0] + mid[1]) // 2 == 80 + round(0.5 * (width - 160))  # centred under its tick
    assert brief.style_of(tbl.getnext()) == "Note"  # the caption under the strip


# --------------------------------------------------------------------------- links


def test_links_are_real_hyperlinks_to_their_urls(chron):
    links = list(chron.body.iter(w("hyperlink")))
    assert len(links) == 1
    rel = chron.rels()[links[0].get(f"{{{R}}}id")]
    assert rel.get("Target") == "https://www.independent.co.uk/"
    assert rel.get("TargetMode") == "External"
    assert rel.get("Type").endswith("/hyperlink")
    run_style = links[0].find("w:r/w:rPr/w:rStyle", NS).get(w("val"))
    assert chron.style_names[run_style] == "Hyperlink"


def test_only_web_and_mail_links_become_hyperlinks(style):
    urls = [
        "javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/", "https://a.org/x?y=1&z=2",
        "mailto:team@example.org", "http://b.org/",
    ]  # fmt: skip
    doc = replace(
        sample_briefing(),
        blocks=(Bullets(items=tuple((Run(f"link {i}", url=u),) for i, u in enumerate(urls))),),
    )
    d = Docx(render_docx(doc, style))
    rels = d.rels()
    targets = [rels[h.get(f"{{{R}}}id")].get("Target") for h in d.body.iter(w("hyperlink"))]
    assert targets == ["https://a.org/x?y=1&z=2", "mailto:team@example.org", "http://b.org/"]
    assert not any("javascript" in (r.get("Target") or "") for r in rels.values())
    assert [d.text(p) for p in d.paragraphs()] == [f"link {i}" for i in range(6)]


def test_a_repeated_url_shares_one_relationship(style):
    link = Run("here", url="https://example.org/")
    doc = replace(sample_briefing(), blocks=(Paragraph((link,)), Paragraph((link, link))))
    d = Docx(render_docx(doc, style))
    ids = {h.get(f"{{{R}}}id") for h in d.body.iter(w("hyperlink"))}
    assert len(ids) == 1


# --------------------------------------------------------------------------- page furniture


def test_footer_has_page_n_of_m_fields_and_a_right_tab(brief):
    (footer,) = brief.footers()
    instr = [t.text.strip() for t in footer.iter(w("instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    line = footer.findall("w:p", NS)[-1]
    assert brief.style_of(line) == "Footer"
    assert brief.text(line) == "Briefing — 16 June 2025Page 1 of 1"
    tab = brief.doc.styles["Footer"].element.find("w:pPr/w:tabs/w:tab", NS)
    assert (tab.get(w("val")), tab.get(w("pos"))) == ("right", str(11906 - 2 * 1134))


def test_marking_is_in_the_header_and_footer(brief):
    (header,) = brief.headers()
    (footer,) = brief.footers()
    for part, index in ((header, 0), (footer, 0)):
        p = part.findall("w:p", NS)[index]
        assert brief.style_of(p) == "Marking"
        assert brief.text(p) == "OFFICIAL"


def test_no_marking_means_no_header_and_a_plain_footer(style):
    d = Docx(render_docx(sample_briefing(marking=""), style))
    assert d.headers() == []
    (footer,) = d.footers()
    assert [d.style_of(p) for p in footer.findall("w:p", NS)] == ["Footer"]
    assert "OFFICIAL" not in d.text(footer)


@pytest.mark.parametrize(
    ("paper", "size"), [("A4", ("11906", "16838")), ("Letter", ("12240", "15840"))]
)
def test_page_size_and_margins_follow_the_style(paper, size):
    sheet = load_style().with_paper(paper)
    d = Docx(render_docx(sample_briefing(), sheet))
    sect = d.body.find("w:sectPr", NS)
    pg = sect.find("w:pgSz", NS)
    assert (pg.get(w("w")), pg.get(w("h"))) == size
    mar = sect.find("w:pgMar", NS)
    assert {k: mar.get(w(k)) for k in ("top", "right", "bottom", "left")} == dict.fromkeys(
        ("top", "right", "bottom", "left"), "1134"
    )
    assert mar.get(w("header")) == mar.get(w("footer")) == "454"  # 8 mm
    # tables span the text width of this paper
    tbl = d.tables()[0]
    assert tbl.find("w:tblPr/w:tblW", NS).get(w("w")) == str(int(size[0]) - 2 * 1134)


def test_core_properties_come_from_the_document_not_the_clock(style):
    doc = replace(sample_briefing(), keywords=("grooming gangs", "inquiry"))
    props = Docx(render_docx(doc, style)).doc.core_properties
    when = datetime(2025, 6, 16, tzinfo=UTC)
    assert props.title == doc.title
    assert props.subject == "Briefing"
    assert props.author == props.last_modified_by == "Policy Team"
    assert props.keywords == "grooming gangs; inquiry"
    assert props.created == props.modified == props.last_printed == when
    assert props.revision == 1
    assert props.language == "en-GB"
    assert props.comments == ""


# --------------------------------------------------------------------------- bytes


def test_output_is_byte_identical_for_the_same_input(style):
    a = render_docx(sample_chronology(), style)
    b = render_docx(sample_chronology(), style)
    assert a == b
    brief_a = render_docx(sample_briefing(), style)
    assert brief_a == render_docx(sample_briefing(), style)
    infos = zipfile.ZipFile(io.BytesIO(a)).infolist()
    assert {i.date_time for i in infos} == {(2025, 6, 16, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"


def test_no_thumbnail_or_stale_parts_from_the_base_template(brief):
    names = brief.zip.namelist()
    assert not [n for n in names if "thumbnail" in n or "customXml" in n or "WithEffects" in n]
    assert "generated by python-docx" not in brief.zip.read("docProps/core.xml").decode()


def test_tricky_text_and_markup_stay_literal(chron):
    text = "\n".join(chron.text(p) for p in chron.paragraphs())
    assert TRICKY in text
    # "<b>not bold</b>" is text in one plain run, not formatting
    (t,) = [t for t in chron.body.iter(w("t")) if "not bold" in (t.text or "")]
    assert t.getparent().find("w:rPr/w:b", NS) is None


def test_characters_xml_cannot_hold_are_dropped_not_fatal(style):
    nasty = "a\x00b\x01c\x0bd\x1fe\ud800f\ufffeg\uffffh\ttab\nline"
    doc = replace(
        sample_briefing(marking="OFF\x07ICIAL"),
        title="T\x00itle",
        footer="foot\x0cer",
        blocks=(Paragraph((Run(nasty, url="https://example.org/\x00x"),)), Heading("H\x08")),
    )
    d = Docx(render_docx(doc, style))
    (p, h) = d.paragraphs()
    assert d.text(p) == "abcdefghtabline"
    assert p.find(".//w:tab", NS) is not None and p.find(".//w:br", NS) is not None
    assert d.text(h) == "H"
    assert d.doc.core_properties.title == "Title"
    assert d.text(d.headers()[0]) == "OFFICIAL"


NASTY = st.sampled_from(["\x00", "\x0b", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff", "\r\n"])
ANY_TEXT = st.lists(st.one_of(st.characters(), NASTY, st.sampled_from(["<b>", "&amp;", "]]>"])))


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(
        st.tuples(ANY_TEXT, st.booleans(), st.sampled_from([None, "https://x.org/", "x:"]))
    ),
    marking=ANY_TEXT,
)
def test_any_text_is_written_literally_and_never_crashes(parts, marking):
    content = tuple(Run("".join(t), bold=b, url=u) for t, b, u in parts)
    doc = replace(
        sample_briefing(marking="".join(marking)),
        blocks=(Paragraph(content), Table(("h",), (1.0,), (Row(((Paragraph(content),),)),))),
    )
    d = Docx(render_docx(doc, load_style()))
    # the one rule for both writers (document.printable): DEL goes too
    bad = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\t\n\r]")
    expected = bad.sub("", "".join(r.text for r in content))
    assert d.text(d.paragraphs()[0]) == expected
    assert d.text(d.tables()[0].findall("w:tr", NS)[1]) == expected


def test_numbered_lists_restart_at_one(style):
    items = (runs("one"), runs("two"))
    doc = replace(
        sample_briefing(),
        blocks=(
            Bullets(items, numbered=True),
            Bullets(items, numbered=True),
            Bullets(items),
            Bullets(items, numbered=True, style="source-list"),
        ),
    )
    d = Docx(render_docx(doc, style))
    ps = d.paragraphs()
    assert [d.style_of(p) for p in ps] == ["List Number"] * 4 + ["List Bullet"] * 2 + [
        "Source List"
    ] * 2
    num_ids = [p.find("w:pPr/w:numPr/w:numId", NS) for p in ps]
    first, second = num_ids[0].get(w("val")), num_ids[2].get(w("val"))
    assert first != second and num_ids[1].get(w("val")) == first
    assert num_ids[4] is None  # bullets come from the List Bullet style
    numbering = d.xml("word/numbering.xml")
    for nid in (first, second, num_ids[6].get(w("val"))):
        num = numbering.find(f"w:num[@w:numId='{nid}']", NS)
        assert num.find("w:lvlOverride/w:startOverride", NS).get(w("val")) == "1"
    bullet_num = d.doc.styles["List Bullet"].element.find("w:pPr/w:numPr/w:numId", NS)
    num = numbering.find(f"w:num[@w:numId='{bullet_num.get(w('val'))}']", NS)
    abstract = numbering.find(
        f"w:abstractNum[@w:abstractNumId='{num.find('w:abstractNumId', NS).get(w('val'))}']", NS
    )
    assert abstract.find("w:lvl/w:lvlText", NS).get(w("val")) == "•"
    assert abstract.find("w:lvl/w:pPr/w:ind", NS).get(w("hanging")) == "240"


def test_adjacent_tables_are_kept_apart(style):
    t = Table(header=("A",), widths=(1.0,), rows=(Row(((Paragraph(runs("x")),),)),))
    d = Docx(render_docx(replace(sample_briefing(), blocks=(t, t)), style))
    kinds = [etree.QName(n).localname for n in d.body]
    assert kinds == ["tbl", "p", "tbl", "p", "sectPr"]


# --------------------------------------------------------------------------- templates


def _png(width: int = 40, height: int = 12) -> bytes:
    raw = b"".join(b"\x00" + b"\xc8\x1e\x1e" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def acme_template(tmp_path: Path) -> Path:
    """An organisation's template: Georgia body text, a header with a logo, Letter paper."""
    t = docx.Document()
    t.styles["Normal"].font.name = "Georgia"
    t.styles["Normal"].font.size = Pt(11)
    section = t.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(1)
    header = section.header.paragraphs[0]
    header.text = "ACME Ltd"
    header.add_run().add_picture(io.BytesIO(_png()), width=Mm(20))
    t.add_paragraph("Template body text that must go")
    path = tmp_path / "acme.docx"
    t.save(path)
    return path


def test_a_template_keeps_its_styles_page_and_header(acme_template, style):
    d = Docx(render_docx(sample_briefing(), style, template=acme_template))
    styles = d.doc.styles
    assert styles["Normal"].font.name == "Georgia"
    assert styles["Normal"].font.size == Pt(11)
    for name in ("Event Title", "Marking", "Figure Value", "Timeline Table", "Hyperlink"):
        assert name in [s.name for s in styles], name
    sect = d.body.find("w:sectPr", NS)
    pg = sect.find("w:pgSz", NS)
    assert (pg.get(w("w")), pg.get(w("h"))) == ("12240", "15840")
    assert d.tables()[0].find("w:tblPr/w:tblW", NS).get(w("w")) == str(12240 - 2 * 1440)
    (header,) = d.headers()
    texts = [d.text(p) for p in header.findall("w:p", NS)]
    assert texts == ["OFFICIAL", "ACME Ltd"]
    assert header.find(".//w:drawing", NS) is not None  # the logo
    (footer,) = d.footers()
    assert [t.text.strip() for t in footer.iter(w("instrText"))] == ["PAGE", "NUMPAGES"]
    assert "OFFICIAL" in d.text(footer)
    body_text = "\n".join(d.text(p) for p in d.paragraphs())
    assert "Template body text" not in body_text
    assert "Grooming gangs" in body_text
    assert all(d.style_of(p) in OUR_PARAGRAPH_STYLES for p in d.paragraphs())
    # the template's own Title is kept, not replaced with ours
    assert styles["Title"].font.size != Pt(style.sizes["title"])
    assert render_docx(sample_briefing(), style, template=acme_template) == d.data


def test_a_template_footer_with_a_page_field_is_kept_as_it_is(tmp_path, style):
    t = docx.Document()
    p = t.sections[0].footer.paragraphs[0]
    p.text = "ACME page "
    fld = etree.SubElement(p._p, w("fldSimple"))
    fld.set(w("instr"), "PAGE")
    path = tmp_path / "paged.docx"
    t.save(path)
    d = Docx(render_docx(sample_briefing(marking=""), style, template=path))
    (footer,) = d.footers()
    assert [d.text(p) for p in footer.findall("w:p", NS)] == ["ACME page "]


def test_a_template_first_page_header_and_later_sections_are_honoured(tmp_path, style):
    t = docx.Document()
    first = t.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "ACME letterhead"
    t.add_paragraph("old content")
    last = t.add_section()
    last.header.is_linked_to_previous = False
    last.header.paragraphs[0].text = "ACME running head"
    path = tmp_path / "sections.docx"
    t.save(path)
    out = docx.Document(io.BytesIO(render_docx(sample_briefing(), style, template=path)))
    (section,) = out.sections
    assert [p.text for p in section.first_page_header.paragraphs] == ["OFFICIAL", "ACME letterhead"]
    assert [p.text for p in section.header.paragraphs] == ["OFFICIAL", "ACME running head"]
    for footer in (section.footer, section.first_page_footer):
        assert [p.text for p in footer.paragraphs] == [
            "OFFICIAL",
            "Briefing — 16 June 2025\tPage 1 of 1",
        ]


def test_a_dotx_template_works(acme_template, tmp_path, style):
    dotx = tmp_path / "acme.dotx"
    with zipfile.ZipFile(acme_template) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(info, blob)
    d = Docx(render_docx(sample_briefing(), style, template=dotx))
    assert d.doc.styles["Normal"].font.name == "Georgia"
    assert "document.main+xml" in d.zip.read("[Content_Types].xml").decode()


def test_a_template_that_is_not_a_word_file_is_a_clear_error(tmp_path, style):
    bad = tmp_path / "notes.docx"
    bad.write_text("just some text", encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"notes\.docx.*not a Word file"):
        render_docx(sample_briefing(), style, template=bad)


def test_a_template_with_broken_xml_is_a_clear_error(acme_template, tmp_path, style):
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(acme_template) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename == "word/styles.xml":
                blob = blob[: len(blob) // 2]
            zout.writestr(info, blob)
    with pytest.raises(BriefgenError, match=r"broken\.docx.*broken XML"):
        render_docx(sample_briefing(), style, template=broken)


def test_a_missing_template_is_a_clear_error(tmp_path, style):
    with pytest.raises(BriefgenError, match=r"nowhere\.docx"):
        render_docx(sample_briefing(), style, template=tmp_path / "nowhere.docx")


# --------------------------------------------------------------------------- LibreOffice


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, style) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docx-pdf")
    result = {}
    for name, doc in (("chronology", sample_chronology(40)), ("briefing", sample_briefing())):
        path = out / f"{name}.docx"
        path.write_bytes(render_docx(doc, style))
        result[name] = convert_to_pdf(path, out)
    return result


def _pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))


@needs_soffice
def test_the_briefing_converts_to_exactly_one_page(pdfs):
    reader = PdfReader(pdfs["briefing"])
    assert len(reader.pages) == 1
    text = _pdf_text(pdfs["briefing"])
    for want in ("Grooming gangs", "Key figures", "800+", "Early warnings", "Inquiry announced",
                 "Page 1 of 1", "OFFICIAL"):  # fmt: skip
        assert want in text, want


@needs_soffice
def test_the_chronology_converts_with_its_events_and_page_numbers(pdfs):
    reader = PdfReader(pdfs["chronology"])
    n = len(reader.pages)
    assert n >= 2
    text = _pdf_text(pdfs["chronology"])
    for i in range(40):
        assert f"Inquiry hearing {i} " in text
    assert "National inquiry announced" in text and "Audit published" in text
    assert "<b>not bold</b> ]]>" in text
    assert f"Page {n} of {n}" in text
    # the header row repeats on every page of the table
    first_pages = [p.extract_text() for p in reader.pages[: n - 1]]
    assert all("Date" in t and "Sources" in t for t in first_pages)


@needs_soffice
def test_a_row_longer_than_a_page_still_renders_whole(tmp_path, style):
    path = tmp_path / "long.docx"
    path.write_bytes(render_docx(_long_row_chronology(800), style))
    pdf = convert_to_pdf(path, tmp_path)
    text = _pdf_text(pdf)
    assert "THE END OF THE DETAIL" in text
    assert set(re.findall(r"w\d{4}", text)) == {f"w{i:04d}" for i in range(800)}


def test_created_date_is_used_for_zip_times_even_before_1980(style):
    doc = replace(sample_briefing(), created=date(1975, 1, 2))
    infos = zipfile.ZipFile(io.BytesIO(render_docx(doc, style))).infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
