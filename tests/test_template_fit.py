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
    """An organisation's template: Times New Roman 12 pt, 3 cm margins, a 3-line header
    (on python-docx's stock template: Letter paper, Calibri headings 24 pt apart)."""
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


def stock_template(path: Path) -> Path:
    """python-docx's stock template as it is: Cambria 11 pt body, Calibri headings."""
    docx.Document().save(str(path))
    return path


def letter_template(path: Path) -> Path:
    """Letter paper, 2 cm margins, Arial 10 pt, Heading 1 36 pt below what precedes it,
    and a 2-line header."""
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(215.9), Mm(279.4)
    s.top_margin = s.bottom_margin = s.left_margin = s.right_margin = Mm(20)
    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    d.styles["Heading 1"].paragraph_format.space_before = Pt(36)
    header = s.header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "Department of Example Affairs"
    header.add_paragraph("Briefing note series")
    d.save(str(path))
    return path


def tiny_template(path: Path) -> Path:
    """A page with 10 cm top and bottom margins: no briefing fits on it."""
    d = docx.Document()
    s = d.sections[0]
    s.top_margin = s.bottom_margin = Mm(100)
    s.left_margin = s.right_margin = Mm(50)
    d.save(str(path))
    return path


_PT = 25.4 / 72  # millimetres in a point


@pytest.mark.parametrize(
    ("make", "style", "field", "expected"),
    [
        (org_template, "body", "font", "Times New Roman"),  # Normal's own font
        (org_template, "body", "size", 12),
        (org_template, "body", "after", 10),  # the document defaults' spacing and line rule
        (org_template, "body", "line", 1.15),
        (org_template, "body", "line_rule", "auto"),
        (org_template, "title", "font", "Calibri"),  # the theme's major font, through w:asciiTheme
        (org_template, "title", "size", 26),
        (org_template, "title", "after", 15),
        (org_template, "title", "border", 5),  # a 1 pt rule 4 pt below the text
        (org_template, "title", "line", 1.0),
        (org_template, "title", "tracking", 0.25),
        (org_template, "heading1", "before", 24),
        (org_template, "heading1", "bold", True),
        (org_template, "heading1", "font", "Calibri"),
        (org_template, "bullet", "indent", 18),  # from List Bullet's numbering
        (org_template, "bullet", "contextual", True),
        (org_template, "bullet", "font", "Times New Roman"),  # based on Normal
        # python-docx's stock template as it is: Normal in the theme's minor font
        (stock_template, "body", "font", "Cambria"),
        (stock_template, "body", "size", 11),
        # Letter, Arial 10 pt and a Heading 1 set 36 pt below what precedes it
        (letter_template, "body", "font", "Arial"),
        (letter_template, "heading1", "before", 36),
        (letter_template, "heading1", "size", 14),
    ],
)
def test_the_template_styles_are_read_through_their_chains(tmp_path, make, style, field, expected):
    look = page_frame(make(tmp_path / "template.docx")).look(style)
    assert look is not None
    exact = isinstance(expected, str | bool)
    assert getattr(look, field) == (expected if exact else pytest.approx(expected))


def test_briefgen_s_own_styles_are_not_the_template_s(tmp_path):
    frame = page_frame(org_template(tmp_path / "org.docx"))
    assert frame.look("lead") is None and frame.look("source-list") is None


@pytest.mark.parametrize(
    ("style", "font", "size", "leading", "before", "after"),
    [
        # the template's styles: Calibri measured as Liberation Sans as wide as DejaVu Sans
        # (the stand-in where Calibri is missing) and as tall as Calibri's lines
        ("title", "Arial", 26 * (1.15 + 0.25 / 13), 26 * 1.22, 0, 15 + 5),
        ("heading1", "Arial", 14 * 1.2, 14 * 1.22 * 1.15, 24, 0),
        ("body", "Times New Roman", 12, 12 * 1.149 * 1.15, 0, 10),
        # briefgen's own: the sheet's size and spacing, "at least" 1.2 lines, Normal's font
        ("lead", "Times New Roman", 10, 12, 0, 6),
        ("source-list", "Times New Roman", 9, 10.8, 0, 3),
    ],
)
def test_the_measuring_style_draws_each_style_as_the_template_does(
    tmp_path, style, font, size, leading, before, after
):
    sheet = load_style()
    measuring = page_frame(org_template(tmp_path / "org.docx")).measuring_style(sheet)
    look = dict(measuring.looks)[style]
    assert (look.font, look.before, look.after) == (font, before, after)
    assert look.size == pytest.approx(size, abs=0.01)
    assert look.leading == pytest.approx(leading, abs=0.01)


def test_the_header_is_measured_at_its_styles_sizes_and_spacing(tmp_path):
    frame = page_frame(org_template(tmp_path / "org.docx"))
    assert [text for _, text in frame.header] == [
        "Safeguarding Policy Unit", "Internal briefing series", "Not for onward circulation",
    ]  # fmt: skip
    measuring = frame.measuring_style(load_style(), marking="OFFICIAL")
    # the marking briefgen adds (10 pt bold, 1.2 lines), the Header style's single line,
    # two Normal lines (1.15 of Liberation Serif's 1.149 ems, 10 pt after), 10 mm down
    lines = 12 + 12 * 1.149 + 2 * (12 * 1.149 * 1.15 + 10)
    assert measuring.margins[0] == pytest.approx(10 + lines * _PT, abs=0.1)
    assert measuring.margins[1] == pytest.approx(30, abs=0.1)
    assert measuring.paper == "Letter"  # python-docx's stock template is Letter
    # without a marking there is one line less
    assert frame.measuring_style(load_style()).margins[0] == pytest.approx(
        10 + (lines - 12) * _PT, abs=0.1
    )


def _lowest_body_line_mm(pdf_path: Path, bottom_mm: float) -> float:
    """Return how far (mm) the lowest text line above ``bottom_mm`` (the body's lower
    edge, from the page's foot) sits above it, on page 1."""
    lows: list[float] = []

    def visit(text, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
        if text.strip():
            lows.append(tm[5] * cm[3] + cm[5])

    PdfReader(str(pdf_path)).pages[0].extract_text(visitor_text=visit)
    bottom = bottom_mm / _PT
    return (min(y for y in lows if y > bottom) - bottom) * _PT


# (template, at most this many of the example's 5 key points left out, at most this much
# room (mm) under page 1's last line in LibreOffice): bounds from measurement, with about
# a line to spare (measured: 4 of 5 and 8.5 mm; 4 of 5 and 10.2 mm; none and 13.2 mm)
TEMPLATES = [
    (org_template, 4, 12),
    (stock_template, 4, 14),
    (letter_template, 1, 16),
]


@needs_soffice
@pytest.mark.parametrize(("make", "max_points_out", "max_room_mm"), TEMPLATES)
def test_the_briefing_on_a_template_is_one_full_page_in_libreoffice_and_counts_are_true(
    runner, tmp_path, make, max_points_out, max_room_mm
):
    template = make(tmp_path / "template.docx")
    out = tmp_path / "out"
    args = ["build", str(EXAMPLE), "-o", str(out), "--template", str(template)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "cannot be cut any further" not in result.output
    # every count the command prints is true for its file, or says whose count it is
    for kind in ("briefing", "chronology"):
        path = out / f"grooming-gangs-inquiry-{kind}.docx"
        line = next(ln for ln in result.output.splitlines() if ln.startswith(str(path)))
        rendered = convert_to_pdf(path, tmp_path / f"lo-{kind}")
        pages = len(PdfReader(rendered).pages)
        if kind == "briefing":  # one page as the template lays it out, and a full one
            assert pages == 1, result.output
            frame = page_frame(template).measuring_style(load_style(), "OFFICIAL")
            room = _lowest_body_line_mm(rendered, frame.margins[2])
            assert 0 <= room <= max_room_mm, room
        printed = int(re.search(r"\((\d+) pages?", line).group(1))
        if "in the PDF; the DOCX laid out by your template may differ" not in line:
            assert printed == pages, line
        else:
            pdf_path = out / f"grooming-gangs-inquiry-{kind}.pdf"
            assert printed == len(PdfReader(pdf_path).pages), line
    points_out = re.search(r"leaves out (\d) of 5 key points", result.output)
    assert (int(points_out.group(1)) if points_out else 0) <= max_points_out, result.output


def test_a_template_too_small_for_a_briefing_is_named_and_the_brief_not_blamed(tmp_path):
    template = tiny_template(tmp_path / "tiny.docx")
    result = build_pack(
        EXAMPLE, Options(outdir=tmp_path / "out", only=("briefing",), template=template)
    )
    over = [w for w in result.warnings if "runs over one page" in w.message]
    assert len(over) == 1, [w.message for w in result.warnings]
    assert over[0].file == str(template) and "template" in over[0].message
    assert "shorten" not in (over[0].hint or "") and "without --template" in (over[0].hint or "")
    assert not any("cannot be cut any further" in w.message for w in result.warnings)


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


def test_with_a_template_the_hints_name_the_template_as_a_way_to_more_room(tmp_path):
    template = org_template(tmp_path / "org.docx")
    result = build_pack(
        EXAMPLE, Options(outdir=tmp_path / "out", template=template, only=("briefing",))
    )
    cuts = [w for w in result.warnings if "to fit one page" in w.message]
    assert cuts, "the org template's page needs some cuts"
    for w in cuts:
        if "event" not in w.message:  # key points, figures, next items, the summary
            assert "a template or style sheet with smaller text or margins" in (w.hint or ""), w
    plain = build_pack(
        EXAMPLE,
        Options(outdir=tmp_path / "plain", style=str(_large_style(tmp_path)), only=("briefing",)),
    )
    assert all("template" not in (w.hint or "") for w in plain.warnings)
