"""The timeline reads true: each leader reaches its own caption without running behind
another, the marks are explained, and events after the "as at" date sit on a dashed axis."""

from __future__ import annotations

import html
import io
import itertools
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from briefgen.compose.briefing import choose_events, compose_briefing
from briefgen.compose.timeline import CAPTION_WIDTH, build_timeline
from briefgen.document import Document, Timeline
from briefgen.pipeline import load_brief
from briefgen.styles import load_style
from briefgen.write.docx import render_docx
from briefgen.write.pdf import render_pdf
from tests.conftest import EXAMPLE
from tests.office import convert_to_pdf, needs_soffice

needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler")


@pytest.fixture(scope="module")
def example():
    return load_brief(EXAMPLE).brief


def _strip(doc: Document) -> Timeline:
    return next(b for b in doc.blocks if isinstance(b, Timeline))


def _crowded(example, n: int) -> list:
    return choose_events(example.events, n)


def _no_leader_behind_a_lower_caption(tl: Timeline) -> None:
    for a, b in itertools.permutations(tl.marks, 2):
        if a.lane < b.lane:  # b's leader rises through a's lane
            assert not (a.caption_at < b.position < a.caption_at + CAPTION_WIDTH), (a, b)
    for m in tl.marks:  # and ends under its own caption
        assert m.caption_at <= m.position <= m.caption_at + CAPTION_WIDTH


def test_no_leader_runs_behind_another_caption(example):
    _no_leader_behind_a_lower_caption(_strip(compose_briefing(example).document))
    for n in range(2, 9):
        tl = build_timeline(_crowded(example, n), "c")
        if tl is not None:
            _no_leader_behind_a_lower_caption(tl)


def test_the_marks_are_explained(example):
    tl = _strip(compose_briefing(example).document)
    assert tl.caption.startswith("■ key event")
    one_key = next(e for e in example.events if e.key)
    one_other = next(e for e in example.events if not e.key)
    mixed = build_timeline(sorted([one_key, one_other], key=example.events.index), "c")
    assert mixed is not None and "■ key event, □ other event" in mixed.caption


def _rgb(png: Path) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Read a PPM (pdftoppm's plain output) as width, height and pixels."""
    data = png.read_bytes()
    fields = data.split(maxsplit=4)
    w, h = int(fields[1]), int(fields[2])
    raw = fields[4]
    px = [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, 3 * w * h, 3)]
    return w, h, px


def _render_strip(tl: Timeline, tmp_path: Path) -> tuple[int, int, list[tuple[int, int, int]]]:
    doc = replace(compose_briefing(load_brief(EXAMPLE).brief).document, blocks=(tl,), marking="")
    pdf = tmp_path / "strip.pdf"
    pdf.write_bytes(render_pdf(doc, load_style())[0])
    subprocess.run(["pdftoppm", "-r", "144", str(pdf), str(tmp_path / "strip")], check=True)
    return _rgb(next(tmp_path.glob("strip*.ppm")))


@needs_pdftoppm
def test_each_leader_in_the_pdf_reaches_its_own_lane(example, tmp_path):
    tl = _strip(compose_briefing(example).document)
    w, h, px = _render_strip(tl, tmp_path)
    accent = (0x1F, 0x4E, 0x79)

    def dark(x: int, y: int) -> bool:
        r, g, b = px[y * w + x]
        return r + g + b < 600

    def is_accent(x: int, y: int) -> bool:
        return all(abs(c - a) < 40 for c, a in zip(px[y * w + x], accent, strict=True))

    # the axis: the row with the longest stretch of drawn pixels
    axis = max(range(h), key=lambda y: sum(dark(x, y) for x in range(w)))
    # the dots: runs of accent pixels along the axis, left to right
    cols = [x for x in range(w) if is_accent(x, axis)]
    centres, run = [], [cols[0]]
    for x in cols[1:]:
        if x - run[-1] > 1:
            centres.append(sum(run) // len(run))
            run = []
        run.append(x)
    centres.append(sum(run) // len(run))
    assert len(centres) == len(tl.marks), centres
    # each leader: the drawn run straight up from its dot, above the dot itself
    reach = []
    for x in centres:
        y = axis - 10  # above the dot (radius 3 pt = 6 px at 144 dpi)
        while y > 0 and any(dark(x + d, y) for d in (-1, 0, 1)):
            y -= 1
        reach.append(axis - y)
    # a leader of a higher lane runs visibly past every caption in the lanes below it
    for (m, r), (n, s) in itertools.permutations(zip(tl.marks, reach, strict=True), 2):
        if m.lane > n.lane:
            assert r > s, (m.title, r, n.title, s)


def _future_brief(example):
    later = replace(example.events[-1], date="20 July 2025", title="Inquiry chair named", key=True,
                    span=replace(example.events[-1].span, start=date(2025, 7, 20),
                                 end=date(2025, 7, 20), label="20 July 2025"))  # fmt: skip
    return replace(example, events=(*example.events, later))


def test_an_event_after_as_at_sits_on_a_dashed_axis_in_both_outputs(example, tmp_path):
    brief = _future_brief(example)
    tl = _strip(compose_briefing(brief).document)
    assert tl.marks[-1].title == "Inquiry chair named"
    assert tl.as_at is not None and tl.marks[-2].position < tl.as_at < tl.marks[-1].position
    assert "dashed axis: after the 'as at' date" in tl.caption
    doc = compose_briefing(brief).document
    # DOCX: the axis (the bottom edge of the marker row's upper half) is dashed after the
    # "as at" point, single before it
    z = zipfile.ZipFile(io.BytesIO(render_docx(doc, load_style())))
    body = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    (tbl,) = [t for t in body.iter(f"{w}tbl") if t.find(f"{w}tblPr/{w}tblCaption") is not None
              and t.find(f"{w}tblPr/{w}tblCaption").get(f"{w}val") == "Timeline"]  # fmt: skip
    upper = tbl.findall(f"{w}tr")[-3]
    axis = [
        b.get(f"{w}val")
        for b in upper.iter(f"{w}bottom")
        if b.getparent().tag.endswith("tcBorders")
    ]
    assert "dashed" in axis and "single" in axis, axis
    assert axis.index("dashed") > max(i for i, v in enumerate(axis) if v == "single")
    # PDF: the axis is broken into dashes after the "as at" point, whole before it
    if shutil.which("pdftoppm"):
        width, h, px = _render_strip(tl, tmp_path)

        def dark(x: int, y: int) -> bool:
            return sum(px[y * width + x]) < 700

        axis = max(range(h), key=lambda y: sum(dark(x, y) for x in range(width)))
        row = [dark(x, axis) or dark(x, axis - 1) or dark(x, axis + 1) for x in range(width)]
        drawn = [x for x in range(width) if row[x]]
        left, right = drawn[0], drawn[-1]
        now = left + round(tl.as_at * (right - left))
        gaps_before = sum(1 for x in range(left, now - 12) if not row[x])
        gaps_after = sum(1 for x in range(now + 12, right - 12) if not row[x])
        assert gaps_before == 0 and gaps_after > 3


# --------------------------------------------------------------------------- rendered strips
# Both outputs rendered to pixels (the DOCX through LibreOffice) and measured: each mark's
# marker straddles the axis and its leader rises from the marker to the foot of its own
# caption, found by its words' boxes (pdftotext -bbox) on the same page.

DPI = 144
PX = DPI / 72  # pixels a point
ACCENT = (0x1F, 0x4E, 0x79)


def _words(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """Return the words on the first page with their boxes (x0, y0, x1, y1 in pt from the top)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out
    )
    return [(html.unescape(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in found]


def _caption_box(words: list, text: str) -> tuple[float, float, float, float]:
    """Return the box around the run of words that spells ``text`` (spaces aside)."""
    target = "".join(text.split())
    for i in range(len(words)):
        got = ""
        for j in range(i, len(words)):
            got += words[j][0]
            if not target.startswith(got):
                break
            if got == target:
                run = words[i : j + 1]
                return (min(w[1] for w in run), min(w[2] for w in run),
                        max(w[3] for w in run), max(w[4] for w in run))  # fmt: skip
    raise AssertionError(f"caption not found on the page: {text!r}")


def _measure(pdf: Path, tl: Timeline, tmp_path: Path) -> None:
    """Check, on the first page of ``pdf``, that each mark of ``tl`` reads true."""
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    w, h, px = _rgb(next(tmp_path.glob("page*.ppm")))

    def ink(x: int, y: int) -> bool:  # anything drawn: text, rule or accent
        return sum(px[y * w + x]) < 690

    def accent(x: int, y: int) -> bool:
        return all(abs(c - a) < 50 for c, a in zip(px[y * w + x], ACCENT, strict=True))

    # the axis: the rows drawn furthest across the page
    counts = [sum(ink(x, y) for x in range(w)) for y in range(h)]
    axis_rows = [y for y in range(h) if counts[y] >= 0.9 * max(counts)]
    axis = sum(axis_rows) / len(axis_rows)
    # the markers: runs (3 pt or wider) of columns with accent near the axis
    band = range(max(0, round(axis - 8 * PX)), min(h, round(axis + 8 * PX)))
    cols = [x for x in range(w) if sum(accent(x, y) for y in band) >= 2]
    runs: list[list[int]] = []
    for x in cols:
        if runs and x - runs[-1][-1] <= 1:
            runs[-1].append(x)
        else:
            runs.append([x])
    markers = [r for r in runs if len(r) >= 3 * PX]
    assert len(markers) == len(tl.marks), [(r[0], r[-1]) for r in runs]
    words = _words(pdf)
    for m, run in zip(sorted(tl.marks, key=lambda m: m.position), markers, strict=True):
        # the marker straddles the axis: its middle lies on the axis line (within 1 pt)
        edge = run[0] + round(PX)  # a column of the marker clear of its leader
        rows = [y for y in band if accent(edge, y)]
        middle = (rows[0] + rows[-1]) / 2
        assert abs(middle - axis) <= PX, (m.title, middle, axis)
        # the leader runs from the top of the marker up, unbroken, to the foot of the caption
        x = (run[0] + run[-1]) // 2
        y, gap = rows[0] - 1, 0
        while y > 0 and gap <= 1:
            gap = 0 if any(ink(x + d, y) for d in (-1, 0, 1)) else gap + 1
            y -= 1
        top = (y + 2 + gap) / PX  # pt from the top of the page
        x0, y0, x1, y1 = _caption_box(words, f"{m.date_label} {m.title}")
        assert x0 - 2 <= x / PX <= x1 + 2, (m.title, x / PX, (x0, x1))
        assert y0 < top <= y1 + 2.5, (m.title, top, (y0, y1))


def _strip_alone(tl: Timeline) -> Document:
    return replace(compose_briefing(load_brief(EXAMPLE).brief).document, blocks=(tl,), marking="")


def _strips(example) -> list[Timeline]:
    """The example's strip, a crowded one, one of key and other events, one with a future event."""
    strips = [
        _strip(compose_briefing(example).document),
        build_timeline(_crowded(example, 7), "c"),
        build_timeline(list(example.events[:6]), "c"),
        _strip(compose_briefing(_future_brief(example)).document),
    ]
    assert all(tl is not None for tl in strips)
    assert any(not m.key for m in strips[2].marks) and strips[3].as_at is not None
    return strips


@needs_pdftoppm
def test_each_pdf_marker_sits_on_the_axis_and_its_leader_meets_its_caption(example, tmp_path):
    for i, tl in enumerate(_strips(example)):
        pdf = tmp_path / f"strip{i}.pdf"
        pdf.write_bytes(render_pdf(_strip_alone(tl), load_style())[0])
        (tmp_path / str(i)).mkdir()
        _measure(pdf, tl, tmp_path / str(i))


@needs_pdftoppm
@needs_soffice
def test_each_docx_marker_sits_on_the_axis_and_its_leader_meets_its_caption(example, tmp_path):
    """The DOCX strip, as LibreOffice lays it out, reads as the PDF's does."""
    for i, tl in enumerate(_strips(example)):
        path = tmp_path / f"strip{i}.docx"
        path.write_bytes(render_docx(_strip_alone(tl), load_style()))
        (tmp_path / str(i)).mkdir()
        _measure(convert_to_pdf(path, tmp_path / str(i)), tl, tmp_path / str(i))
