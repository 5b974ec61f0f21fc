"""Both writers draw the same document from the one style spec: same fonts, sizes, weights,
colours, order of blocks and text."""

from __future__ import annotations

import io
import itertools

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from briefgen.document import Bullets, Document, Heading, Paragraph, Table, Timeline, inline_text
from briefgen.styles import load_style
from briefgen.stylespec import PARAGRAPH_STYLE_NAMES, SPEC, resolve, spec
from briefgen.write.docx import render_docx
from briefgen.write.pdf import render_pdf
from tests.sample_documents import sample_briefing, sample_chronology

LIBERATION = {"Arial": "LiberationSans", "Times New Roman": "LiberationSerif",
              "Courier New": "LiberationMono"}  # fmt: skip


def _top_level(doc: Document, tables: bool = False) -> list[tuple[str, str]]:
    """(semantic style, text) of each top-level paragraph, heading and list item, and with
    ``tables`` of each table cell's paragraphs, in reading order."""
    out: list[tuple[str, str]] = []
    for b in doc.blocks:
        if isinstance(b, Table) and tables:
            out.extend(("table-header", h) for h in b.header)
            for row in b.rows:
                out.extend((p.style, inline_text(p.content)) for c in row.cells for p in c)
        if isinstance(b, Paragraph):
            out.append((b.style, inline_text(b.content)))
        elif isinstance(b, Heading):
            out.append(("heading1" if b.level <= 1 else "heading2", b.text))
        elif isinstance(b, Bullets):
            name = (
                "source-list" if b.style == "source-list" else "number" if b.numbered else "bullet"
            )
            out.extend((name, inline_text(item)) for item in b.items)
        elif isinstance(b, Timeline) and b.caption:
            out.append(("note", b.caption))
    return out


def _pdf_chunks(data: bytes) -> list[tuple[str, str, float]]:
    """(text, base font, size) of every piece of text the PDF draws, in content order."""
    chunks: list[tuple[str, str, float]] = []

    def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if text.strip() and isinstance(font, dict):
            chunks.append((text, str(font.get("/BaseFont", "")), float(size)))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return chunks


@pytest.mark.parametrize("style_name", ["default", "print"])
@pytest.mark.parametrize("make", [sample_briefing, sample_chronology], ids=["briefing", "chron"])
def test_docx_and_pdf_agree_on_each_paragraph(style_name: str, make) -> None:  # type: ignore[no-untyped-def]
    sheet = load_style(style_name)
    doc = make()
    wanted = [(s, t) for s, t in _top_level(doc) if t.strip()]
    word = docx.Document(io.BytesIO(render_docx(doc, sheet)))
    chunks = _pdf_chunks(render_pdf(doc, sheet)[0])
    body = [p for p in word.paragraphs if p.text.strip()]
    # the same top-level text, in the same order, in both
    assert [p.text for p in body] == [t for _, t in wanted]
    at = 0  # the PDF draws the same paragraphs in the same order
    in_order = [(s, t) for s, t in _top_level(doc, tables=True) if t.strip()]
    for style, text in in_order:  # PDF: each paragraph drawn in its face and size, in order
        r = resolve(style, sheet)
        head = text[:12]
        at = next(i for i in range(at, len(chunks)) if chunks[i][0].lstrip().startswith(head))
        _, face, size = chunks[at]
        assert abs(size - r.size) < 0.01, (style, chunks[at])
        assert LIBERATION[sheet.font] in face, (style, face)
        bold_run = text.startswith("17 June")  # the sample's one bold lead-in run
        assert ("Bold" in face) == (r.bold or bold_run), (style, face)
    for p, (style, _text) in zip(body, wanted, strict=True):
        r = resolve(style, sheet)
        # DOCX: the paragraph's named style carries the spec's size, weight and colour
        assert p.style.name == spec(style).word
        assert p.style.font.size.pt == r.size, style
        assert bool(p.style.font.bold) == r.bold, style
        assert str(p.style.font.color.rgb) == r.colour.lstrip("#"), style
        assert p.style.paragraph_format.space_after.pt == r.after, style
        assert p.style.paragraph_format.line_spacing.pt == r.leading, style


def test_every_paragraph_style_compose_may_use_is_in_the_spec() -> None:
    assert set(PARAGRAPH_STYLE_NAMES) <= set(SPEC)


@pytest.mark.parametrize("writer", ["docx", "pdf"])
def test_a_style_outside_the_spec_is_an_error_in_both_writers(writer: str) -> None:
    doc = sample_briefing()
    bad = Paragraph((), "no-such-style")  # type: ignore[arg-type]
    doc = Document(**{**doc.__dict__, "blocks": (*doc.blocks, bad)})
    with pytest.raises(ValueError, match="no-such-style"):
        if writer == "docx":
            render_docx(doc, load_style())
        else:
            render_pdf(doc, load_style())


def _pdf_text(data: bytes) -> str:
    return "".join(c[0] for c in _pdf_chunks(data))


def _docx_timeline_lanes(word: docx.document.Document) -> dict[str, int]:
    """Caption text -> lane (0 nearest the axis) in the DOCX's timeline table."""
    (tbl,) = [t for t in word.tables if t.style is not None and t.style.name == "Timeline Table"]
    rows = tbl._tbl.tr_lst[:-4]  # the lanes, top lane first; then the stem, marker and ticks
    lanes: dict[str, int] = {}
    for i, tr in enumerate(rows):
        for tc in tr.tc_lst:
            text = "".join(node.text or "" for node in tc.iter(qn("w:t"))).strip()
            if text:
                lanes[text] = len(rows) - 1 - i
    return lanes


def _pdf_caption_heights(data: bytes, titles: list[str]) -> dict[str, float]:
    """Caption title -> the height on the page where the PDF starts drawing it."""
    found: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        for caption in titles:
            piece = text.strip()
            if caption not in found and len(piece) >= 3 and caption.startswith(piece):
                found[caption] = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]  # page y

    pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("style_name", ["default", "print"])
def test_docx_and_pdf_show_the_same_captions_in_the_same_lanes(style_name: str) -> None:
    from briefgen.compose.briefing import compose_briefing
    from briefgen.pipeline import load_brief
    from tests.conftest import EXAMPLE

    sheet = load_style(style_name)
    doc = compose_briefing(load_brief(EXAMPLE).brief).document
    (strip,) = [b for b in doc.blocks if isinstance(b, Timeline)]
    captions = [f"{m.date_label} {m.title}" for m in strip.marks]
    lanes = _docx_timeline_lanes(docx.Document(io.BytesIO(render_docx(doc, sheet))))
    assert lanes == {c: m.lane for c, m in zip(captions, strip.marks, strict=True)}
    # the PDF draws the same texts (whole: compose shortened them), a higher lane higher up
    text = " ".join(_pdf_text(render_pdf(doc, sheet)[0]).split())
    assert all(c in text for c in captions)
    titles = [m.title for m in strip.marks]
    heights = _pdf_caption_heights(render_pdf(doc, sheet)[0], titles)
    assert set(heights) == set(titles)
    for a, b in itertools.combinations(strip.marks, 2):
        ha, hb = heights[a.title], heights[b.title]
        if a.lane < b.lane:
            assert ha < hb
        elif a.lane > b.lane:
            assert ha > hb
