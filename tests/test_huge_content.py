"""Huge and tiny content renders, and nothing runs off the page.

An event whose detail is several pages long, a 500-character word with no spaces, a URL of
2,000 characters, 5,000 sources on one event, an empty brief and a one-event brief.
"""

from __future__ import annotations

import json
import time

import pytest

from briefgen.cli import cli
from tests.office import convert_to_pdf, needs_soffice
from tests.outputs import (
    PDFTOTEXT,
    check_pack,
    docx_link_targets,
    needs_poppler,
    pdf_body_text,
    squash,
    words_outside,
)

HEAD = """\
title: Huge content
as_of: 2025-06-16
sources:
  - {id: a, publisher: P, title: A, url: "https://example.org/a", published: 2025-06-16}
"""
LONG_WORD = "".join(chr(ord("A") + i % 26) for i in range(500))
LONG_URL = "https://example.org/" + "/".join(f"segment{i:04d}" for i in range(180))
LONG_DETAIL = " ".join(
    f"Sentence {i} of a detail that runs over several pages." for i in range(900)
)
PAGE_EDGE_MM = 5  # the marking and page numbers sit in the margins, but not this close


def build(runner, path, outdir, *args):
    result = runner.invoke(cli, ["build", str(path), "-o", str(outdir), *args])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def assert_within_pages(outdir):
    for pdf in sorted(outdir.glob("*.pdf")):
        assert words_outside(pdf, PAGE_EDGE_MM) == [], pdf.name


@pytest.fixture(scope="module")
def huge_pack(tmp_path_factory):
    from click.testing import CliRunner

    tmp = tmp_path_factory.mktemp("huge")
    text = HEAD + (
        f"  - {{id: long, publisher: {LONG_WORD}, title: T, url: {json.dumps(LONG_URL)}}}\n"
        f"summary: {json.dumps(LONG_WORD + ' ' + LONG_DETAIL[:3000])}\n"
        f"key_points: [{json.dumps(LONG_WORD)}, {json.dumps(LONG_URL)}]\n"
        "events:\n"
        f"  - date: 2 June 2025\n    title: Long detail\n    detail: {json.dumps(LONG_DETAIL)}\n"
        "    sources: [a]\n    key: true\n"
        f"  - date: 3 June 2025\n    title: {json.dumps('Word ' + LONG_WORD)}\n"
        f"    detail: {json.dumps(LONG_WORD + ' ' + LONG_WORD)}\n    sources: [a, long]\n"
        "    key: true\n"
        f"  - date: 4 June 2025\n    title: Long URL\n    detail: {json.dumps(LONG_URL)}\n"
        "    sources: [long]\n"
    )
    path = tmp / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    result = build(CliRunner(), path, tmp / "out")
    return tmp / "out", result


def test_several_pages_of_detail_render_in_full(huge_pack):
    out, result = huge_pack
    texts = check_pack(out)
    assert squash(LONG_DETAIL) in squash(pdf_body_text(out / "brief-chronology.pdf"))
    assert LONG_DETAIL in texts["brief-chronology.docx"]
    assert "brief-chronology.pdf (" in result.stdout
    pages = int(result.stdout.split("brief-chronology.pdf (")[1].split()[0])
    assert pages >= 5


def test_a_500_character_word_and_a_2000_character_url_render(huge_pack):
    out, _ = huge_pack
    texts = check_pack(out)
    for name in ("brief-chronology.docx", "brief-chronology.pdf"):
        text = squash(texts[name])
        assert LONG_WORD * 2 in text, name
        assert squash(LONG_URL) in text, name
    assert len(LONG_URL) > 2000
    assert LONG_URL in docx_link_targets(out / "brief-chronology.docx")


def test_the_briefing_stays_on_one_page_and_says_what_it_shortened(huge_pack):
    _out, result = huge_pack
    assert "brief-briefing.pdf (1 page)" in result.stdout
    assert "to fit one page, the briefing shortens the summary" in result.stderr


@needs_poppler
def test_nothing_runs_off_the_page(huge_pack):
    assert_within_pages(huge_pack[0])


@needs_soffice
@needs_poppler
def test_libreoffice_opens_the_docx_and_keeps_it_on_the_page(huge_pack, tmp_path):
    out, _ = huge_pack
    pdf = convert_to_pdf(out / "brief-chronology.docx", tmp_path)
    assert squash(LONG_WORD) in squash(check_pack_text(pdf))
    assert words_outside(pdf, PAGE_EDGE_MM) == []


def check_pack_text(pdf):
    from tests.outputs import check_pdf, pdf_text

    check_pdf(pdf)
    return pdf_text(pdf)


@pytest.mark.slow
def test_5000_sources_on_one_event(runner, tmp_path):
    n = 5000
    sources = "".join(
        f"  - {{id: s{i}, publisher: Publisher {i}, url: 'https://example.org/{i}'}}\n"
        for i in range(n)
    )
    ids = ", ".join(f"s{i}" for i in range(n))
    text = (
        "title: Many sources\nas_of: 2025-06-16\nsources:\n" + sources + "events:\n"
        f"  - date: 16 June 2025\n    title: Cited everywhere\n    sources: [{ids}]\n"
    )
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    build(runner, path, tmp_path / "out", "--only", "chronology")
    assert time.perf_counter() - started < 60
    texts = check_pack(tmp_path / "out")
    for name in ("brief-chronology.docx", "brief-chronology.pdf"):
        text = squash(texts[name])
        assert "[1],[2],[3]" in text and "[4999],[5000]" in text, name
        assert "Publisher4998" in text and "Publisher4999" in text, name
    if PDFTOTEXT:
        assert_within_pages(tmp_path / "out")


def test_an_empty_brief_builds_and_says_it_holds_no_events(runner, tmp_path):
    path = tmp_path / "brief.yaml"
    path.write_text("title: Nothing yet\nas_of: 2025-06-16\n", encoding="utf-8")
    result = build(runner, path, tmp_path / "out")
    assert "warning" not in result.stderr
    texts = check_pack(tmp_path / "out")
    assert "The brief holds no events yet." in texts["brief-chronology.docx"]
    assert "The brief holds no events yet." in texts["brief-chronology.pdf"]
    for name in ("brief-briefing.docx", "brief-briefing.pdf"):
        assert "Nothing yet" in texts[name]
        assert "Spacing is not to scale" not in texts[name]  # no timeline


def test_a_one_event_brief(runner, tmp_path):
    path = tmp_path / "brief.yaml"
    path.write_text(
        HEAD + "events:\n  - {date: 16 June 2025, title: Only one, sources: [a], key: true}\n",
        encoding="utf-8",
    )
    build(runner, path, tmp_path / "out")
    texts = check_pack(tmp_path / "out")
    assert all("Only one" in t for t in texts.values())
    assert "The chronology holds 1 event." in texts["brief-briefing.docx"]
