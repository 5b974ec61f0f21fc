"""The timeline reads true: each leader reaches its own caption without running behind
another, the marks are explained, and events after the "as at" date sit on a dashed axis."""

from __future__ import annotations

import io
import itertools
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
    assert tl.caption.startswith("● key event")
    one_key = next(e for e in example.events if e.key)
    one_other = next(e for e in example.events if not e.key)
    mixed = build_timeline(sorted([one_key, one_other], key=example.events.index), "c")
    assert mixed is not None and "● key event, ○ other event" in mixed.caption


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
    # DOCX: the axis cells after the "as at" point have a dashed top border
    z = zipfile.ZipFile(io.BytesIO(render_docx(doc, load_style())))
    body = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    tops = [t.get(f"{w}val") for t in body.iter(f"{w}top") if t.getparent().tag == f"{w}tcBorders"]
    assert "dashed" in tops and "single" in tops, tops
    assert tops.index("dashed") > tops.index("single")
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
