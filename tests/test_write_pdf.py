"""Tests of the PDF writer: render hand-built documents and read the PDF back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.document import (
    Bullets,
    Document,
    FigureItem,
    Figures,
    Heading,
    Paragraph,
    Row,
    Run,
    Table,
    Tick,
    Timeline,
    TimelineMark,
    runs,
)
from briefgen.styles import load_style
from briefgen.write.pdf import count_pages, render_pdf
from tests.sample_documents import TRICKY, sample_briefing, sample_chronology

MM = 72 / 25.4
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
HEADER = ("Date", "Event", "Sources")


def needs(tool: str):
    """Skip a test that needs a command-line tool (poppler-utils, qpdf) when it is missing."""
    return pytest.mark.skipif(
        shutil.which(tool) is None, reason=f"{tool} is not installed (poppler-utils / qpdf)"
    )


@pytest.fixture(scope="module")
def style():
    return load_style("default")


@pytest.fixture(scope="module")
def chronology_pdf(style) -> tuple[bytes, int]:
    return render_pdf(sample_chronology(), style)


@pytest.fixture(scope="module")
def long_chronology_pdf(style) -> tuple[bytes, int]:
    return render_pdf(sample_chronology(n_rows=120), style)


@pytest.fixture(scope="module")
def briefing_pdf(style) -> tuple[bytes, int]:
    return render_pdf(sample_briefing(), style)


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader(data).pages]


def text_items(page) -> list[tuple[float, float, str]]:
    """Return (x, y, text) of every piece of text on a pypdf page, in page space."""
    items: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            items.append((x, y, text.strip()))

    page.extract_text(visitor_text=visit)
    return items


def doc_with(blocks, **kw) -> Document:
    fields = dict(
        kind="chronology",
        title="Test document",
        subject="Chronology",
        author="Tester",
        created=date(2025, 6, 16),
        marking="OFFICIAL",
        footer="Test footer",
        blocks=tuple(blocks),
    )
    fields.update(kw)
    return Document(**fields)


def event_row(date_label: str, title: str, detail: str, key: bool = False) -> Row:
    return Row(
        cells=(
            (Paragraph(runs(date_label), "event-date"),),
            (Paragraph(runs(title), "event-title"), Paragraph(runs(detail), "event-detail")),
            (Paragraph(runs("[1]"), "event-sources"),),
        ),
        key=key,
    )


def chronology_table(rows) -> Table:
    return Table(header=HEADER, widths=(0.2, 0.65, 0.15), rows=tuple(rows))


def write(tmp_path: Path, data: bytes, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def bbox_words(path: Path) -> tuple[list[tuple[float, float], ...], list]:
    """Run pdftotext -bbox; return the page sizes and the words (page, xmin, ymin, xmax, ymax)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    words = []
    for chunk in html.split("<page ")[1:]:
        w, h = re.search(r'width="([\d.]+)" height="([\d.]+)"', chunk).groups()
        pages.append((float(w), float(h)))
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', chunk
        ):
            words.append((len(pages), *map(float, m.groups())))
    return pages, words


# --------------------------------------------------------------------------- page size


def test_a4_page_size(chronology_pdf):
    data, n = chronology_pdf
    assert data.startswith(b"%PDF-")
    pages = reader(data).pages
    assert len(pages) == n == 1
    box = pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=0.5)


def test_letter_page_size(style):
    data, _n = render_pdf(sample_chronology(), style.with_paper("Letter"))
    for page in reader(data).pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(LETTER, abs=0.5)


def test_print_style_renders(style):
    data, n = render_pdf(sample_briefing(), load_style("print"))
    assert n == 1
    assert "Key figures" in page_texts(data)[0]


# --------------------------------------------------------------------------- text


def test_tricky_characters_extract(chronology_pdf):
    text = page_texts(chronology_pdf[0])[0]
    for piece in ("Łódź", "Dvořák", "Zoë’s", "“quote”", "–", "€5", "£3"):
        assert piece in text, piece
    assert TRICKY in text


def test_markup_in_input_is_literal(chronology_pdf):
    text = page_texts(chronology_pdf[0])[0]
    assert "<b>not bold</b>" in text
    assert "]]>" in text


def test_markup_and_file_references_never_interpreted(style):
    nasty = (
        '<img src="/etc/hostname"/> <font size="40">big</font> &amp; &lt; '
        '<a href="https://evil.example/">a</a> <para>p</para> <br/>'
    )
    doc = doc_with(
        [
            Paragraph(runs(nasty), "body"),
            Paragraph((Run("bold run", bold=True), Run(nasty, url="https://example.org/")), "body"),
            chronology_table([event_row(nasty, nasty, nasty)]),
            Bullets(items=(runs(nasty),)),
            Heading(nasty, level=1),
        ]
    )
    data, _ = render_pdf(doc, style)
    text = page_texts(data)[0]
    hostname = Path("/etc/hostname")
    if hostname.exists():
        content = hostname.read_text().strip()
        if content and content not in nasty:
            assert content not in text
    # all 7 copies literal (the narrow date column breaks its copy inside words)
    squashed = re.sub(r"\s+", "", text)
    assert squashed.count(re.sub(r"\s+", "", nasty)) == 7
    assert text.count('<img src="/etc/hostname"/>') >= 6
    assert b"/Subtype /Image" not in data
    # only the link built from Run.url (one rectangle per line); none from the input's <a>
    uris = [uri for page in reader(data).pages for uri in link_uris(page)]
    assert set(uris) == {"https://example.org/"}


def test_control_characters_and_surrogates_do_not_crash(style):
    bad = "a\x00b\x07c\x1bd \ud800 e\tf\ng\r\nh"
    doc = doc_with([Paragraph(runs(bad), "body"), chronology_table([event_row(bad, bad, bad)])])
    data, n = render_pdf(doc, style)
    assert n == 1
    assert "abcd" in page_texts(data)[0]


# --------------------------------------------------------------------------- fonts


def _fonts(data: bytes):
    for page in reader(data).pages:
        res = page["/Resources"]
        fonts = dict(res.get("/Font", {}))
        for xobj in res.get("/XObject", {}).values():
            fonts.update(xobj.get_object().get("/Resources", {}).get("/Font", {}))
        for font in fonts.values():
            yield font.get_object()


def test_fonts_embedded_truetype(chronology_pdf, briefing_pdf):
    for data in (chronology_pdf[0], briefing_pdf[0]):
        names = set()
        for font in _fonts(data):
            assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
        assert names == {"LiberationSans", "LiberationSans-Bold"}


def test_bold_and_italic_runs_use_their_faces(style):
    doc = doc_with(
        [
            Paragraph(
                (
                    Run("plain "),
                    Run("bold ", bold=True),
                    Run("italic ", italic=True),
                    Run("both", bold=True, italic=True),
                ),
                "body",
            )
        ]
    )
    names = {str(f["/BaseFont"]).split("+", 1)[1] for f in _fonts(render_pdf(doc, style)[0])}
    assert {
        "LiberationSans",
        "LiberationSans-Bold",
        "LiberationSans-Italic",
        "LiberationSans-BoldItalic",
    } <= names


def test_font_follows_style(style):
    data, _ = render_pdf(sample_chronology(), replace(style, font="Times New Roman"))
    names = {str(f["/BaseFont"]).split("+", 1)[1] for f in _fonts(data)}
    assert names == {"LiberationSerif", "LiberationSerif-Bold"}


@needs("pdffonts")
def test_pdffonts_all_embedded(tmp_path, chronology_pdf, briefing_pdf):
    for name, (data, _) in (("c.pdf", chronology_pdf), ("b.pdf", briefing_pdf)):
        out = subprocess.run(
            ["pdffonts", str(write(tmp_path, data, name))],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows = out.splitlines()[2:]
        assert rows
        for row in rows:
            # columns: name type encoding emb sub uni object ID
            assert row.split()[-5] == "yes", row


# --------------------------------------------------------------------------- outline


def _outline_tree(outline) -> list:
    """pypdf's outline as [(title, [children...]), ...]."""
    tree: list = []
    for item in outline:
        if isinstance(item, list):
            tree[-1] = (tree[-1][0], _outline_tree(item))
        else:
            tree.append((item.title, []))
    return tree


def test_outline_has_the_bookmarked_headings(chronology_pdf):
    r = reader(chronology_pdf[0])
    # the chronology's year headings are level 2 before any level 1: they go at the top
    assert _outline_tree(r.outline) == [("2015", []), ("2025", []), ("Sources", [])]


def test_outline_nests_level_2_under_level_1(style):
    doc = doc_with(
        [
            Heading("Part Łódź", level=1),
            Heading("2015", level=2),
            Paragraph(runs("x"), "body"),
            Heading("2016", level=2),
            Heading("Not in outline", level=2, bookmark=False),
            Heading("Part B", level=1),
            Heading("2017", level=2),
        ]
    )
    r = reader(render_pdf(doc, style)[0])
    assert _outline_tree(r.outline) == [
        ("Part Łódź", [("2015", []), ("2016", [])]),
        ("Part B", [("2017", [])]),
    ]


def test_briefing_without_bookmarks_has_no_outline(briefing_pdf):
    assert reader(briefing_pdf[0]).outline == []


def test_outline_points_at_the_heading_page(long_chronology_pdf):
    r = reader(long_chronology_pdf[0])
    sources = next(o for o in r.outline if not isinstance(o, list) and o.title == "Sources")
    page_no = r.get_destination_page_number(sources)
    assert "Sources" in r.pages[page_no].extract_text()


# --------------------------------------------------------------------------- links


def link_uris(page) -> list[str]:
    uris = []
    for annot in page.get("/Annots") or []:
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Link":
            action = annot.get("/A") or {}
            uris.append(str(action.get("/URI", "")))
    return uris


def test_http_link_is_clickable(chronology_pdf):
    page = reader(chronology_pdf[0]).pages[0]
    assert link_uris(page) == ["https://www.independent.co.uk/"]


def test_only_http_https_mailto_links(style):
    urls = [
        "https://example.org/a",
        "http://example.org/b",
        "mailto:team@example.org",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "/etc/hostname",
        "#local",
        "document:Sources",
        "JAVASCRIPT:alert(2)",
    ]
    doc = doc_with(
        [Paragraph((Run(f"link {i} "), Run(u, url=u)), "body") for i, u in enumerate(urls)]
    )
    data, _ = render_pdf(doc, style)
    uris = link_uris(reader(data).pages[0])
    assert uris == urls[:3]
    text = page_texts(data)[0]
    for u in urls:
        assert u in text  # non-links still show as plain text


# --------------------------------------------------------------------------- metadata


def test_link_url_with_special_characters_is_kept_exactly(style):
    url = "https://example.org/search?q=a&b=%22x%22&c='y'&d=%3Cz%3E#frag"
    doc = doc_with([Paragraph((Run("Search & find <b>", url=url),), "body")])
    data, _ = render_pdf(doc, style)
    assert set(link_uris(reader(data).pages[0])) == {url}
    assert "Search & find <b>" in page_texts(data)[0]


def test_metadata(style):
    doc = replace(sample_chronology(), keywords=("grooming", "inquiry"), title="Łódź “title”")
    data, _ = render_pdf(doc, style)
    meta = reader(data).metadata
    assert meta.title == "Łódź “title”"
    assert meta.author == "Policy Team"
    assert meta.subject == "Chronology"
    assert "grooming" in meta["/Keywords"] and "inquiry" in meta["/Keywords"]
    assert meta.creator == "briefgen"
    assert meta["/CreationDate"].startswith("D:20250616000000")
    assert meta["/ModDate"].startswith("D:20250616000000")
    root = reader(data).trailer["/Root"]
    assert root["/Lang"] == "en-GB"


# --------------------------------------------------------------------------- page furniture


def test_page_n_of_m_on_every_page(long_chronology_pdf):
    data, n = long_chronology_pdf
    texts = page_texts(data)
    assert n == len(texts) > 3
    for i, text in enumerate(texts, 1):
        assert f"Page {i} of {n}" in text
        assert "Grooming gangs: from IICSA to a national inquiry — Chronology" in text


def test_marking_top_and_bottom_of_every_page(long_chronology_pdf):
    r = reader(long_chronology_pdf[0])
    for page in r.pages:
        height = float(page.mediabox.height)
        ys = [y for _x, y, t in text_items(page) if t == "OFFICIAL"]
        assert len(ys) == 2
        assert max(ys) > height - 20 * MM  # in the top margin band
        assert min(ys) < 20 * MM  # in the bottom margin band


def test_no_marking_when_empty(style):
    data, _ = render_pdf(sample_chronology(marking=""), style)
    assert "OFFICIAL" not in page_texts(data)[0]


def test_footer_and_page_number_in_bottom_band(long_chronology_pdf):
    r = reader(long_chronology_pdf[0])
    page = r.pages[1]
    width = float(page.mediabox.width)
    items = text_items(page)
    (x, y) = next((x, y) for x, y, t in items if t.startswith("Page 2 of"))
    assert 8 * MM <= y < 20 * MM
    assert width / 2 < x < width - 20 * MM
    (fx, fy) = next((x, y) for x, y, t in items if t.startswith("Grooming gangs") and y < 20 * MM)
    assert fx == pytest.approx(20 * MM, abs=0.5)
    assert fy == pytest.approx(y, abs=0.5)


# --------------------------------------------------------------------------- tables


def test_header_row_repeats_on_each_page_of_a_long_table(long_chronology_pdf):
    r = reader(long_chronology_pdf[0])
    pages_with_rows = 0
    for page in r.pages:
        height = float(page.mediabox.height)
        body = [
            (x, y, t)
            for x, y, t in text_items(page)
            if 20 * MM < y < height - 20 * MM  # inside the margins
        ]
        if not any(t.startswith("Inquiry hearing") for _x, _y, t in body):
            continue
        pages_with_rows += 1
        first_row_y = max(y for _x, y, t in body if t.startswith("Inquiry hearing"))
        header_rows = [
            y
            for y in {round(y, 1) for _x, y, t in body if t == "Date"}
            if {t for _x, y2, t in body if abs(y2 - y) < 0.5} >= set(HEADER)
        ]
        assert header_rows, page.extract_text()[:200]
        assert max(header_rows) > first_row_y
        if page is not r.pages[0]:
            # a continuation page starts with the header row
            assert max(y for _x, y, _t in body) == pytest.approx(max(header_rows), abs=0.5)
    assert pages_with_rows > 3


def test_heading_and_header_row_never_left_alone_at_a_page_foot(style):
    # push the table's start down (18 pt at a time) across the page boundary
    moved = 0
    for filler_lines in range(33, 43):
        filler = tuple(Paragraph(runs(f"filler {i}"), "body") for i in range(filler_lines))
        doc = doc_with(
            [
                *filler,
                Heading("Year", level=2),
                chronology_table([event_row(f"{d} May", f"Row {d}", "detail") for d in range(3)]),
            ]
        )
        data, _ = render_pdf(doc, style)
        pages = reader(data).pages
        for page in pages:
            ys = {t: y for _x, y, t in text_items(page)}
            if "Year" in ys:
                assert "Date" in ys and ys["Date"] < ys["Year"], filler_lines
                assert "Row 0" in ys, filler_lines
                moved += page is not pages[0]
            if "Date" in ys:
                assert {"Row 0", "Row 1", "Row 2"} & set(ys), filler_lines
    assert moved  # some of the cases did start the table on the next page


def test_rows_are_not_split_across_pages(long_chronology_pdf):
    # each row's date, title and detail are on the same page
    for text in page_texts(long_chronology_pdf[0]):
        titles = re.findall(r"Inquiry hearing (\d+)", text)
        details = text.count("Detail of the hearing. Detail of the hearing. Detail of the hearing.")
        assert len(titles) == details


def test_all_rows_present_in_order(long_chronology_pdf):
    text = "\n".join(page_texts(long_chronology_pdf[0]))
    numbers = [int(n) for n in re.findall(r"Inquiry hearing (\d+)", text)]
    assert numbers == list(range(120))


def test_row_taller_than_a_page_still_renders(style):
    words = [f"w{i:04d}" for i in range(3000)]
    detail = "START " + " ".join(words) + " END"
    doc = doc_with(
        [
            Heading("Long", level=2),
            chronology_table(
                [
                    event_row("1 May 2025", "Before", "short"),
                    event_row("2 May 2025", "Huge row", detail, key=True),
                    event_row("3 May 2025", "After", "short"),
                ]
            ),
        ]
    )
    data, n = render_pdf(doc, style)
    assert n >= 3
    texts = page_texts(data)
    joined = "\n".join(texts)
    for token in ["START", "END", "After", *words]:
        assert token in joined, token
    # the header row is repeated at the top of the pages the huge row continues on
    for page in reader(data).pages[1:]:
        height = float(page.mediabox.height)
        body = [(y, t) for _x, y, t in text_items(page) if 20 * MM < y < height - 20 * MM]
        top = max(y for y, _t in body)
        assert {t for y, t in body if abs(y - top) < 0.5} == set(HEADER)


def test_huge_row_with_empty_and_missing_cells(style):
    detail = " ".join(f"x{i}" for i in range(3000))
    rows = [
        Row(cells=((), (Paragraph(runs(detail), "event-detail"),), ())),
        Row(cells=((Paragraph(runs("only one cell"), "event-date"),),)),
    ]
    data, n = render_pdf(doc_with([chronology_table(rows)]), style)
    assert n >= 2
    joined = "\n".join(page_texts(data))
    assert "x0" in joined and "x2999" in joined and "only one cell" in joined


def test_empty_table_and_table_without_rows(style):
    doc = doc_with([chronology_table([]), Paragraph(runs("after"), "body")])
    data, n = render_pdf(doc, style)
    assert n == 1
    text = page_texts(data)[0]
    assert "Date" in text and "after" in text


def test_odd_table_widths_stay_inside(style, tmp_path):
    doc = doc_with(
        [
            Table(header=("A", "B"), widths=(0.9, 0.9), rows=(event_row("x", "y", "z"),)),
            Table(header=("A", "B", "C"), widths=(0.0, 0.0, 0.0), rows=(event_row("x", "y", "z"),)),
        ]
    )
    _data, n = render_pdf(doc, style)
    assert n == 1


# --------------------------------------------------------------------------- long content


LONG_WORD = "Supercalifragilistic" * 25  # 500 characters, no spaces
LONG_URL = "https://example.org/" + "a1b2c3d4e5" * 198  # 2,000 characters


def long_content_doc() -> Document:
    assert len(LONG_WORD) == 500 and len(LONG_URL) == 2000
    return doc_with(
        [
            Paragraph(runs("Before ", LONG_WORD, " after"), "body"),
            Paragraph((Run("Link: "), Run(LONG_URL, url=LONG_URL)), "body"),
            Heading(LONG_WORD, level=1),
            Bullets(items=(runs(LONG_WORD),)),
            chronology_table(
                [
                    event_row(LONG_WORD, LONG_WORD, LONG_URL),
                    Row(
                        cells=(
                            (Paragraph(runs("1 May"), "event-date"),),
                            (Paragraph((Run(LONG_URL, url=LONG_URL),), "event-detail"),),
                            (Paragraph(runs(LONG_WORD), "event-sources"),),
                        )
                    ),
                ]
            ),
        ],
        footer="Footer " + LONG_WORD,
        marking="OFFICIAL-" + LONG_WORD,
    )


def test_long_word_and_url_render(style):
    data, n = render_pdf(long_content_doc(), style)
    assert n >= 1
    squashed = re.sub(r"\s+", "", "".join(page_texts(data)))
    assert squashed.count(LONG_WORD) >= 5
    assert LONG_URL in squashed
    uris = [u for page in reader(data).pages for u in link_uris(page)]
    assert uris and set(uris) == {LONG_URL}


@needs("pdftotext")
def test_long_word_and_url_stay_inside_the_page(style, tmp_path):
    data, _ = render_pdf(long_content_doc(), style)
    pages, words = bbox_words(write(tmp_path, data))
    assert words
    left, right = 20 * MM, 20 * MM
    for page_no, x0, _y0, x1, _y1 in words:
        width, _height = pages[page_no - 1]
        assert x0 >= left - 1, (page_no, x0)
        assert x1 <= width - right + 1, (page_no, x1)


@needs("pdftotext")
def test_briefing_text_inside_text_area(briefing_pdf, tmp_path):
    pages, words = bbox_words(write(tmp_path, briefing_pdf[0]))
    for _page, x0, y0, x1, y1 in words:
        width, height = pages[0]
        assert x0 >= 20 * MM - 1 and x1 <= width - 20 * MM + 1
        assert y0 > 0 and y1 < height


def test_detail_several_pages_long_outside_a_table(style):
    detail = " ".join(f"word{i}" for i in range(6000))
    data, n = render_pdf(
        doc_with([Heading("Long", level=1), Paragraph(runs(detail), "body")]), style
    )
    assert n >= 3
    joined = "\n".join(page_texts(data))
    assert "word0 " in joined and "word5999" in joined


# --------------------------------------------------------------------------- briefing blocks


def test_briefing_blocks_render(briefing_pdf):
    data, n = briefing_pdf
    assert n == 1
    text = " ".join(page_texts(data)[0].split())
    for piece in (
        "800+",
        "cold cases to be reviewed by the NCA",
        "7 years",
        "c. 2011",
        "Early warnings",
        "Inquiry announced",
        "Audit published",
        "2018",
        "Key events; the chronology holds 20 events.",
        "17 June – 14 July 2025:",
        "[1] The Independent, 16 June 2025",
        "•",
    ):
        assert piece in text, piece


def test_timeline_edge_cases(style):
    marks = tuple(
        TimelineMark(p, lane, f"D{i}", "T" * 60, key=i % 2 == 0)
        for i, (p, lane) in enumerate([(-0.5, 0), (0.0, 0), (0.5, 2), (1.0, 1), (1.5, 0)])
    )
    doc = doc_with(
        [
            Timeline(marks=marks, ticks=(Tick(0.0, "2000"), Tick(1.0, "2025")), lanes=1),
            Timeline(marks=(), ticks=(), lanes=0),
            Figures(items=()),
            Figures(items=(FigureItem("1", "one"),)),
        ]
    )
    data, n = render_pdf(doc, style)
    assert n == 1
    assert "D4" in page_texts(data)[0]


def test_timeline_captions_sit_in_their_boxes(style):
    marks = (
        TimelineMark(0.0, 0, "START", "first", caption_at=0.0),
        TimelineMark(0.5, 0, "MIDDLE", "second", caption_at=0.375),
        TimelineMark(1.0, 0, "END", "third", caption_at=0.75),
        TimelineMark(0.9, 1, "UPPER", "fourth", caption_at=0.675),
    )
    doc = doc_with([Timeline(marks=marks, ticks=(Tick(0.5, "MIDYEAR"),), lanes=2)])
    page = reader(render_pdf(doc, style)[0]).pages[0]
    width = float(page.mediabox.width) - 40 * MM
    xs = {t: x - 20 * MM for x, _y, t in text_items(page)}
    ys = {t: y for _x, y, t in text_items(page)}
    assert xs["START"] == pytest.approx(0, abs=1)
    assert 0.375 * width - 1 <= xs["MIDDLE"] <= 0.5 * width
    assert 0.75 * width - 1 <= xs["END"] < width
    assert 0.675 * width - 1 <= xs["UPPER"] < 0.9 * width
    assert ys["UPPER"] > ys["END"] > ys["MIDYEAR"]  # lane 1 above lane 0 above the ticks
    assert 0.4 * width < xs["MIDYEAR"] < 0.5 * width  # centred under its tick


def test_huge_figures_and_timeline_captions_do_not_crash(style):
    huge = " ".join(["word"] * 1500) + " " + LONG_WORD
    doc = doc_with(
        [
            Heading("Figures", level=1),
            Figures(items=(FigureItem("1", huge, "[1]"), FigureItem(LONG_WORD, "two"))),
            Timeline(
                marks=(
                    TimelineMark(0.1, 0, "2020", " ".join(["long"] * 40)),
                    TimelineMark(0.9, 0, LONG_WORD, LONG_WORD, caption_at=0.75),
                ),
                ticks=(Tick(0.5, LONG_WORD),),
                lanes=1,
            ),
        ]
    )
    data, n = render_pdf(doc, style)
    assert n >= 2
    text = "\n".join(page_texts(data))
    assert text.count("long") == 40  # compose shortens captions; the writer draws them whole
    assert text.count("word") == 1500  # the figure's label is all there


def test_count_pages(style):
    assert count_pages(sample_briefing(), style) == 1
    doc = sample_chronology(n_rows=120)
    assert (
        count_pages(doc, style)
        == render_pdf(doc, style)[1]
        == len(reader(render_pdf(doc, style)[0]).pages)
    )


# --------------------------------------------------------------------------- determinism


def test_deterministic_bytes(style, chronology_pdf, monkeypatch):
    again, _ = render_pdf(sample_chronology(), style)
    assert again == chronology_pdf[0]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert render_pdf(sample_chronology(), style)[0] == chronology_pdf[0]


def test_deterministic_briefing_and_long(style, briefing_pdf, long_chronology_pdf):
    assert render_pdf(sample_briefing(), style)[0] == briefing_pdf[0]
    assert render_pdf(sample_chronology(n_rows=120), style)[0] == long_chronology_pdf[0]


def test_different_date_changes_only_dates(style):
    a, _ = render_pdf(sample_chronology(), style)
    b, _ = render_pdf(replace(sample_chronology(), created=date(2024, 1, 2)), style)
    assert a != b
    assert reader(b).metadata["/CreationDate"].startswith("D:20240102")


# --------------------------------------------------------------------------- validity


@needs("qpdf")
def test_qpdf_check(tmp_path, chronology_pdf, briefing_pdf, long_chronology_pdf, style):
    long_data, _ = render_pdf(long_content_doc(), style)
    for name, data in (
        ("c.pdf", chronology_pdf[0]),
        ("b.pdf", briefing_pdf[0]),
        ("l.pdf", long_chronology_pdf[0]),
        ("x.pdf", long_data),
    ):
        result = subprocess.run(
            ["qpdf", "--check", str(write(tmp_path, data, name))], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors" in result.stdout
