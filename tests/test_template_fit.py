"""One page means one page in Word: the briefing is fitted to the page a template lays out,
the page counts printed are true for each file, and a larger style fills the page before
leaving whole items out, saying truthfully where they are."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt
from pypdf import PdfReader

from briefgen.build import FIT_SAFETY_MM, Options, build_pack, fit_style
from briefgen.cli import cli
from briefgen.compose import briefing as briefing_module
from briefgen.compose.briefing import compose_briefing
from briefgen.pipeline import load_brief
from briefgen.styles import load_style
from briefgen.write import pdf
from briefgen.write.docx import page_frame
from tests.conftest import EXAMPLE
from tests.office import convert_to_pdf, needs_soffice


def org_template(path: Path) -> Path:
    """An organisation's template: Times New Roman 12 pt, 3 cm margins, a 3-line header."""
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    s = d.sections[0]
    s.top_margin = s.bottom_margin = s.left_margin = s.right_margin = Mm(30)
    s.header_distance = Mm(10)
    header = s.header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "Safeguarding Policy Unit"
    header.add_paragraph("Internal briefing series")
    header.add_paragraph("Not for onward circulation")
    d.save(str(path))
    return path


def test_the_page_frame_is_read_from_the_template(tmp_path):
    frame = page_frame(org_template(tmp_path / "org.docx"))
    assert frame.font == "Times New Roman" and frame.body_pt == 12
    assert frame.margins[1] == pytest.approx(30, abs=0.1) and frame.margins[3] == pytest.approx(
        30, abs=0.1
    )
    assert frame.margins[0] > 30  # the header reaches below the top margin
    style = frame.measuring_style(load_style())
    assert style.font == "Times New Roman" and style.sizes["body"] == 12
    # python-docx's stock template, which this one starts from, has a 26 pt Title
    assert style.sizes["title"] == 26


@needs_soffice
def test_the_briefing_on_a_template_is_one_page_in_libreoffice_and_counts_are_true(
    runner, tmp_path
):
    template = org_template(tmp_path / "org.docx")
    out = tmp_path / "out"
    args = ["build", str(EXAMPLE), "-o", str(out), "--template", str(template)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    # every count the command prints is true for its file, or says whose count it is
    for kind in ("briefing", "chronology"):
        path = out / f"grooming-gangs-inquiry-{kind}.docx"
        line = next(ln for ln in result.output.splitlines() if ln.startswith(str(path)))
        pages = len(PdfReader(convert_to_pdf(path, tmp_path / f"lo-{kind}")).pages)
        if kind == "briefing":  # fitted to the template's page, with a wider band, or said
            spilled = "the briefing cannot be cut any further and still runs over one page"
            assert pages == 1 or spilled in result.output, result.output
        printed = int(re.search(r"\((\d+) pages?", line).group(1))
        if "in the PDF; the DOCX laid out by your template may differ" not in line:
            assert printed == pages, line
        else:
            pdf_path = out / f"grooming-gangs-inquiry-{kind}.pdf"
            assert printed == len(PdfReader(pdf_path).pages), line


def _large_style(tmp_path: Path) -> Path:
    sheet = tmp_path / "large.yaml"
    sheet.write_text(
        "name: large\nfont: Times New Roman\nsizes: {body: 12, small: 10}\n"
        "page: {margins: {top: 30, right: 30, bottom: 30, left: 30}}\n",
        encoding="utf-8",
    )
    return sheet


def _items_left_out(omitted: tuple[str, ...]) -> int:
    """Count the whole items a fitted briefing says it left out ("leaves out 3 of 5 ...")."""
    total = 0
    for what in omitted:
        found = re.match(r"leaves (?:out )?(\d+)", what)
        total += int(found.group(1)) if found else 0
    return total


def test_a_larger_style_fills_the_page_before_leaving_out_whole_items(tmp_path):
    style = load_style(str(_large_style(tmp_path)))
    brief = load_brief(EXAMPLE).brief
    tight = fit_style(style)
    fitted = compose_briefing(brief, measure=lambda d: pdf.count_pages(d, tight))
    data, pages = pdf.render_pdf(fitted.document, style)
    assert pages == 1
    # whole items come back once the page is filled: the bisection alone leaves more out
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(briefing_module, "_fill", lambda compose, budget, best, measure: best)
        bisected = compose_briefing(brief, measure=lambda d: pdf.count_pages(d, tight))
    assert fitted.omitted != bisected.omitted
    assert _items_left_out(fitted.omitted) < _items_left_out(bisected.omitted)
    assert any("key points" in what for what in fitted.omitted)  # the style is too large
    # and the page is full: the last line of the body ends within the fitting band (plus
    # a line or two) of the bottom margin
    lows: list[float] = []

    def visit(text, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
        if text.strip():
            lows.append(tm[5] * cm[3] + cm[5])

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    mm = 72 / 25.4
    bottom = style.margins[2] * mm
    body = [y for y in lows if y > bottom]
    assert min(body) - bottom < (FIT_SAFETY_MM + 12) * mm, (min(body) - bottom) / mm


def test_the_hints_say_truthfully_where_left_out_items_are(tmp_path):
    sheet = _large_style(tmp_path)
    result = build_pack(
        EXAMPLE, Options(outdir=tmp_path / "out", style=str(sheet), only=("briefing",))
    )
    said = {w.message: w.hint for w in result.warnings if "to fit one page" in w.message}
    assert said, "the larger style needs some cuts"
    for message, hint in said.items():
        assert hint != "the chronology holds everything"
        if re.search(r"key points|key figures|'what happens next'", message):
            assert "chronology lists events only" in (hint or ""), (message, hint)
        if "event" in message and "timeline" in message:
            assert hint == "the chronology holds every event"
