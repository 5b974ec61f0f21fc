"""Restyling in Word keeps the layout: no exact line heights, widow control on, key rows
shaded by a style, and the chronology's year headings under a Heading 1 (in both outlines)."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest
from lxml import etree

from briefgen.compose.briefing import compose_briefing
from briefgen.compose.chronology import compose_chronology
from briefgen.pipeline import load_brief
from briefgen.styles import load_style
from briefgen.write.docx import render_docx
from briefgen.write.pdf import render_pdf
from tests.conftest import EXAMPLE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def example():
    return load_brief(EXAMPLE).brief


@pytest.fixture(scope="module")
def chronology_docx(example) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(render_docx(compose_chronology(example), load_style())))


def _styles(z: zipfile.ZipFile) -> etree._Element:
    return etree.fromstring(z.read("word/styles.xml"))


@pytest.mark.parametrize("kind", ["chronology", "briefing"])
def test_no_style_or_paragraph_uses_exact_line_spacing_or_turns_widow_control_off(example, kind):
    chron = kind == "chronology"
    doc = compose_chronology(example) if chron else compose_briefing(example).document
    z = zipfile.ZipFile(io.BytesIO(render_docx(doc, load_style())))
    for part in ("word/styles.xml", "word/document.xml"):
        root = etree.fromstring(z.read(part))
        for node in root.iter(_w("spacing")):
            assert node.get(_w("lineRule")) in (None, "auto", "atLeast"), etree.tostring(node)
        for node in root.iter(_w("widowControl")):
            assert node.get(_w("val")) not in ("0", "false", "off"), part
    # the Normal style turns widow control on itself (a template's default may not)
    normal = _styles(z).find("w:style[@w:styleId='Normal']/w:pPr", NS)
    assert normal.find("w:widowControl", NS) is not None
    assert normal.find("w:spacing", NS).get(_w("lineRule")) == "atLeast"


def test_key_rows_get_their_shading_from_a_style(chronology_docx, example):
    body = etree.fromstring(chronology_docx.read("word/document.xml"))
    assert not list(body.iter(_w("shd"))), "no direct shading in the body"
    styles = _styles(chronology_docx)
    key = styles.find("w:style[@w:styleId='KeyEvent']", NS)
    fill = key.find("w:pPr/w:shd", NS).get(_w("fill"))
    assert fill == load_style().colours["key_fill"].lstrip("#")
    based = {
        s.get(_w("styleId"))
        for s in styles.findall("w:style", NS)
        if s.find("w:basedOn", NS) is not None
        and s.find("w:basedOn", NS).get(_w("val")) == "KeyEvent"
    }
    # every paragraph of a key row uses one of them, and no other row does
    used_in_key_rows = set()
    n_key = 0
    for row in body.iter(_w("tr")):
        ids = {p.get(_w("val")) for p in row.iter(_w("pStyle"))}
        if ids & based:
            n_key += 1
            assert ids <= based, ids
            used_in_key_rows |= ids
    assert n_key == sum(e.key for e in example.events)
    assert used_in_key_rows


def test_year_headings_sit_under_a_heading_1_in_the_docx_and_the_pdf(chronology_docx, example):
    body = etree.fromstring(chronology_docx.read("word/document.xml"))
    levels = []
    for p in body.iter(_w("p")):
        sid = p.find("w:pPr/w:pStyle", NS)
        if sid is not None and sid.get(_w("val")) in ("Heading1", "Heading2"):
            levels.append((sid.get(_w("val")), "".join(t.text or "" for t in p.iter(_w("t")))))
    first_h2 = next(i for i, (sid, _t) in enumerate(levels) if sid == "Heading2")
    assert any(sid == "Heading1" for sid, _t in levels[:first_h2]), levels
    # the PDF's outline mirrors it: the years nest under that heading
    data = render_pdf(compose_chronology(example), load_style())[0]
    outline = pypdf.PdfReader(io.BytesIO(data)).outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == [t for sid, t in levels if sid == "Heading1"]
    nested = next(item for item in outline if isinstance(item, list))
    assert [item.title for item in nested] == [t for sid, t in levels if sid == "Heading2"]
