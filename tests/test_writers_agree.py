"""Both writers draw the same document from the one style spec: same fonts, sizes, weights,
colours, order of blocks and text."""

from __future__ import annotations

import io

import docx
import pypdf
import pytest

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
