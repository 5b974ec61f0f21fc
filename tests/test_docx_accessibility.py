"""The DOCX's accessibility: table alt text, header rows, title, language, heading levels,
link text that makes sense alone; and LibreOffice's tagged PDF/UA export as a second opinion.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from lxml import etree

from tests.office import TAGGED_PDF, convert_to_pdf, needs_soffice

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "grooming-gangs-inquiry.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


@pytest.fixture(scope="module")
def pack(tmp_path_factory: Any) -> Path:
    d = tmp_path_factory.mktemp("docx")
    cmd = [sys.executable, "-m", "briefgen", "build", str(EXAMPLE), "-o", str(d), "-q"]
    subprocess.run([*cmd, "--format", "docx"], check=True, cwd=ROOT)
    return d


def _part(path: Path, name: str) -> Any:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def _docx(pack: Path, kind: str) -> Path:
    return pack / f"grooming-gangs-inquiry-{kind}.docx"


@pytest.mark.parametrize("kind", ["chronology", "briefing"])
def test_every_table_has_a_caption_and_a_description(pack: Path, kind: str) -> None:
    body = _part(_docx(pack, kind), "word/document.xml")
    tables = body.findall(".//w:tbl", NS)
    assert tables
    for t in tables:
        caption = t.find("w:tblPr/w:tblCaption", NS)
        description = t.find("w:tblPr/w:tblDescription", NS)
        assert caption is not None and caption.get(f"{W}val").strip()
        assert description is not None and len(description.get(f"{W}val")) > 10
    captions = [t.find("w:tblPr/w:tblCaption", NS).get(f"{W}val") for t in tables]
    if kind == "chronology":
        assert captions == ["Chronology, 2011", "Chronology, 2015", "Chronology, 2025"]
        for t in tables:  # the header row repeats and is marked as the header
            first = t.find("w:tr", NS)
            assert first.find("w:trPr/w:tblHeader", NS) is not None
            assert [r.find("w:trPr/w:tblHeader", NS) for r in t.findall("w:tr", NS)[1:]] == [
                None
            ] * (len(t.findall("w:tr", NS)) - 1)
    else:
        assert "Timeline" in captions and "Key figures" in captions


def test_the_timeline_description_says_what_it_shows(pack: Path) -> None:
    from briefgen.compose.briefing import compose_briefing
    from briefgen.document import Timeline
    from briefgen.pipeline import load_brief

    doc = compose_briefing(load_brief(EXAMPLE).brief).document
    tl = next(b for b in doc.blocks if isinstance(b, Timeline))
    body = _part(_docx(pack, "briefing"), "word/document.xml")
    table = next(
        t
        for t in body.findall(".//w:tbl", NS)
        if t.find("w:tblPr/w:tblCaption", NS).get(f"{W}val") == "Timeline"
    )
    alt = table.find("w:tblPr/w:tblDescription", NS).get(f"{W}val")
    assert alt == tl.alt and alt.startswith("Timeline of ")
    at = 0
    for m in tl.marks:  # each mark, in order, after the one before
        at = alt.index(f"{m.date_label}: ", at) + 1


@pytest.mark.parametrize("kind", ["chronology", "briefing"])
def test_title_language_and_heading_levels(pack: Path, kind: str) -> None:
    import docx

    path = _docx(pack, kind)
    document = docx.Document(str(path))
    assert document.core_properties.title.startswith("Grooming gangs")
    assert document.core_properties.language == "en-GB"
    styles = _part(path, "word/styles.xml")
    levels: dict[str, int] = {}
    for s in styles.findall("w:style", NS):
        lvl = s.find("w:pPr/w:outlineLvl", NS)
        if lvl is not None:
            levels[s.get(f"{W}styleId")] = int(lvl.get(f"{W}val"))
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{W}val") == "en-GB"
    body = _part(path, "word/document.xml")
    seen = []
    for p in body.findall("w:body/w:p", NS):
        sid = p.find("w:pPr/w:pStyle", NS)
        if sid is not None and sid.get(f"{W}val") in levels:
            seen.append(levels[sid.get(f"{W}val")])
    assert seen[0] == 0  # the title is the outline's first level
    previous = -1
    for level in seen:  # never deeper by more than one level at a time
        assert level <= previous + 1
        previous = level


def test_link_text_makes_sense_alone(pack: Path) -> None:
    body = _part(_docx(pack, "chronology"), "word/document.xml")
    links = body.findall(".//w:hyperlink", NS)
    assert links
    for link in links:
        text = "".join(t.text or "" for t in link.findall(".//w:t", NS))
        assert not re.match(r"https?://", text), f"a bare address as link text: {text!r}"
        assert re.search(r"\d{4}", text) or len(text.split()) >= 2
    first = "".join(t.text or "" for t in links[0].findall(".//w:t", NS))
    assert first.startswith("The Independent, ") and first.endswith("16 June 2025")


@needs_soffice
def test_libreoffice_tagged_export_of_the_docx(pack: Path, tmp_path: Path) -> None:
    """A second opinion: LibreOffice's PDF/UA export of the DOCX passes the pdfua checks."""
    import pdfua

    # the chronology: its tables are data tables with header rows (the briefing's key figures
    # and timeline are layout tables without one, which LibreOffice exports as data tables)
    pdf_path = convert_to_pdf(_docx(pack, "chronology"), tmp_path, convert_to=TAGGED_PDF)
    with pikepdf.open(pdf_path) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        roles = set()
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            e = stack.pop()
            k = e.get("/K")
            kids = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    roles.add(str(kid.S))
                    stack.append(kid)
        assert {"/Table", "/TR"} <= roles
    report = pdfua.validate(str(pdf_path))
    errors = [(f.rule_id, f.message) for f in report.findings if f.severity.name == "ERROR"]
    assert errors == []
