"""``briefgen build`` end to end: open every output and check what a reader would see."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from benchmarks.generate import write_brief as write_generated
from briefgen.cli import cli
from briefgen.pipeline import load_brief
from tests.conftest import EXAMPLE, ROOT
from tests.office import convert_to_pdf, needs_soffice

NAMES = ("chronology.docx", "chronology.pdf", "briefing.docx", "briefing.pdf")
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def build(runner, brief: Path, outdir: Path, *args: str) -> dict[str, Path]:
    result = runner.invoke(cli, ["build", str(brief), "-o", str(outdir), *args])
    assert result.exit_code == 0, result.output
    return {
        n: outdir / f"{brief.stem}-{n}" for n in NAMES if (outdir / f"{brief.stem}-{n}").exists()
    }


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    """Fold white space, and drop citations that the Sources column puts beside wrapped titles."""
    return " ".join(re.sub(r"\[\d+\](, \[\d+\])*", " ", text).split())


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def example_pack(tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("pack")
    return build(CliRunner(), EXAMPLE, out), out


def test_build_writes_four_files_and_reports_pages(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path / "new" / "out")])
    assert result.exit_code == 0, result.output
    for name in NAMES:
        assert f"grooming-gangs-inquiry-{name} (" in result.stdout
    assert "briefing.pdf (1 page)" in result.stdout
    assert "to fit one page" not in result.output  # the example fits whole


def test_chronology_docx_lists_every_event_in_order(example_pack):
    files, _ = example_pack
    events = load_brief(EXAMPLE).brief.events
    document = docx.Document(str(files["chronology.docx"]))
    rows = [
        (row.cells[0].text, row.cells[1].text, row.cells[2].text)
        for table in document.tables
        if table.style.name == "Chronology Table"
        for row in table.rows[1:]
    ]
    assert [r[1].split("\n")[0] for r in rows] == [e.title for e in events]
    for (date_cell, _, sources), event in zip(rows, events, strict=True):
        assert date_cell.startswith(event.span.label)
        assert sources.startswith("[")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["2011", "2015", "2025"]


def test_chronology_pdf_lists_every_event_in_order(example_pack):
    files, _ = example_pack
    events = load_brief(EXAMPLE).brief.events
    text = flat(pdf_text(files["chronology.pdf"]))
    positions = []
    for e in events:
        assert flat(e.title) in text, e.title
        assert e.span.label in text
        positions.append(text.index(flat(e.title)))
    assert positions == sorted(positions)
    assert "As at 16 June 2025" in text and "Sources" in text
    reader = PdfReader(files["chronology.pdf"])
    # the years nest under the "Events" heading
    assert [o.title for o in reader.outline if not isinstance(o, list)] == ["Events", "Sources"]
    assert [o.title for o in reader.outline[1]] == ["2011", "2015", "2025"]
    assert reader.metadata.title == "Grooming gangs: from IICSA to a national inquiry"
    n = len(reader.pages)
    assert f"Page {n} of {n}" in text


def test_briefing_pdf_is_one_page_with_every_part(example_pack):
    files, _ = example_pack
    reader = PdfReader(files["briefing.pdf"])
    assert len(reader.pages) == 1
    text = flat(pdf_text(files["briefing.pdf"]))
    parts = ["OFFICIAL", "Summary", "Key points", "Key figures", "Timeline", "What happens next"]
    parts += ["Sources", "800+", "The chronology holds 20 events", "14–15 June 2025"]
    for part in parts:
        assert part in text, part


def test_same_input_gives_identical_files(runner, tmp_path, example_pack):
    files, _ = example_pack
    again = build(runner, EXAMPLE, tmp_path)
    for name in NAMES:
        assert again[name].read_bytes() == files[name].read_bytes(), name


def reader_view(path: Path) -> object:
    """What a reader sees in a built file, independent of library versions' byte layout.

    DOCX: each paragraph's style and text and each table cell's text, in document order.
    PDF: the page count and each page's words.
    """
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        seen: list[tuple[str, str]] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                para = docx.text.paragraph.Paragraph(block, document)
                seen.append((para.style.name if para.style is not None else "", para.text))
            elif tag == "tbl":
                table = docx.table.Table(block, document)
                for row in table.rows:
                    seen.append(("row", " | ".join(cell.text for cell in row.cells)))
        return seen
    pages = PdfReader(path).pages
    return [len(pages), *(" ".join(page.extract_text().split()) for page in pages)]


def test_committed_example_pack_shows_what_a_build_shows(example_pack):
    """The committed pack says what a fresh build says: text, order, styles, page count.

    Bytes may differ after a routine upgrade of python-docx or reportlab; byte identity is
    checked by ``test_same_input_gives_identical_files`` within one environment.
    """
    files, _ = example_pack
    for name in NAMES:
        committed = ROOT / "examples" / f"grooming-gangs-inquiry-{name}"
        assert reader_view(committed) == reader_view(files[name]), (
            f"{committed} is stale: rebuild it with "
            "briefgen build inputs/grooming-gangs-inquiry.yaml -o examples/"
        )


def test_options_only_format_paper_style(runner, tmp_path):
    files = build(
        runner, EXAMPLE, tmp_path, "--only", "briefing", "--format", "pdf", "--paper", "letter"
    )
    assert set(files) == {"briefing.pdf"}
    box = PdfReader(files["briefing.pdf"]).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    files = build(runner, EXAMPLE, tmp_path / "bw", "--style", "print", "--format", "docx")
    assert set(files) == {"chronology.docx", "briefing.docx"}
    files = build(runner, EXAMPLE, tmp_path / "tag", "--tag", "government", "--only", "chronology")
    text = docx_text(files["chronology.docx"])
    assert "Starmer commits to a statutory national inquiry" in text
    assert "Casey national audit published" not in text


def test_bad_style_and_outdir_errors(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("sizes: {body: 4}\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path), "--style", str(bad)])
    assert result.exit_code == 1 and "sizes.body" in result.output and "9 to 72" in result.output
    result = runner.invoke(cli, ["build", str(EXAMPLE), "--style", "nope"])
    assert result.exit_code == 1 and "no style sheet called 'nope'" in result.output
    afile = tmp_path / "file"
    afile.write_text("x")
    result = runner.invoke(cli, ["build", str(EXAMPLE), "-o", str(afile)])
    assert result.exit_code == 1 and "is a file" in result.output


def test_failed_build_leaves_earlier_files(runner, tmp_path, write_brief):
    good = build(runner, EXAMPLE, tmp_path)
    before = {n: p.read_bytes() for n, p in good.items()}
    broken = tmp_path / "grooming-gangs-inquiry.yaml"
    broken.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("as_of: 2025-06-16", "as_of: soon")
    )
    result = runner.invoke(cli, ["build", str(broken), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert {n: p.read_bytes() for n, p in good.items()} == before
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.fixture(scope="module")
def big_pack(tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("big")
    brief = write_generated(out / "big.yaml", 300)
    result = CliRunner().invoke(cli, ["build", str(brief), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return brief, out, result.output


def test_300_events_give_one_page_briefing_and_complete_chronology(big_pack):
    brief, out, output = big_pack
    assert len(PdfReader(out / "big-briefing.pdf").pages) == 1
    assert "to fit one page, the briefing" in output  # it says what it left out
    assert "The chronology holds 300 events" in flat(pdf_text(out / "big-briefing.pdf"))
    titles = [e.title for e in load_brief(brief).brief.events]
    text = flat(pdf_text(out / "big-chronology.pdf"))
    for title in titles:
        assert title in text
    document = docx.Document(str(out / "big-chronology.docx"))
    rows = sum(len(t.rows) - 1 for t in document.tables if t.style.name == "Chronology Table")
    assert rows == 300


@needs_soffice
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_briefing_docx_is_one_page_in_libreoffice(runner, tmp_path, paper, big_pack):
    files = build(
        runner, EXAMPLE, tmp_path, "--paper", paper, "--only", "briefing", "--format", "docx"
    )
    assert len(PdfReader(convert_to_pdf(files["briefing.docx"], tmp_path / "lo")).pages) == 1
    brief, _, _ = big_pack
    big = build(runner, brief, tmp_path / "big", "--paper", paper, "--only", "briefing")
    converted = convert_to_pdf(big["briefing.docx"], tmp_path / "lo-big")
    assert len(PdfReader(converted).pages) == 1
    assert len(PdfReader(big["briefing.pdf"]).pages) == 1


@needs_soffice
@needs_pdftotext
def test_chronology_docx_page_count_matches_pdf_in_libreoffice(example_pack, tmp_path):
    files, _ = example_pack
    converted = convert_to_pdf(files["chronology.docx"], tmp_path)
    assert len(PdfReader(converted).pages) == len(PdfReader(files["chronology.pdf"]).pages)
    text = flat(pdf_text(converted))
    for e in load_brief(EXAMPLE).brief.events:
        assert flat(e.title) in text
