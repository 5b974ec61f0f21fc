"""What a reader notices in the pack and on the command line (issue 14, point 7): the
briefing's byline and subtitle, selections that match nothing or only part, errors
reported in one pass, the starter's date, and labels inside sentences."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml
from pypdf import PdfReader

from briefgen.cli import cli
from briefgen.compose.chronology import compose_chronology
from briefgen.dates import parse_date
from briefgen.document import Paragraph, inline_text
from briefgen.model import Brief, Event
from briefgen.starter import write_starter
from tests.conftest import EXAMPLE
from tests.outputs import check_pack, docx_text, pdf_text, squash


def test_briefing_shows_subtitle_author_and_organisation(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path), "--only", "briefing"])
    assert result.exit_code == 0, result.output
    assert "briefing.pdf (1 page)" in result.stdout
    assert "to fit one page" not in result.output  # the example still fits whole
    brief = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for suffix, read in ((".docx", docx_text), (".pdf", pdf_text)):
        text = squash(read(tmp_path / f"grooming-gangs-inquiry-briefing{suffix}"))
        for key in ("subtitle", "author", "organisation"):
            assert squash(brief[key]) in text, (suffix, key)


def test_a_selection_that_matches_nothing_is_an_error_and_writes_nothing(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(EXAMPLE), "-o", str(out), "--tag", "nosuchtag"])
    assert result.exit_code == 1
    assert "no event matches the selection (tag nosuchtag)" in result.stderr
    assert "the brief's tags: audit, data, government" in result.stderr
    assert not out.exists() or not list(out.iterdir())
    listed = runner.invoke(cli, ["events", str(EXAMPLE), "--from", "2030-01-01"])
    assert listed.exit_code == 1 and listed.stdout == ""
    assert "no event matches the selection (from 1 January 2030)" in listed.stderr
    assert "the events run from 1 January 2011 to 16 June 2025" in listed.stderr
    key_only = runner.invoke(cli, ["events", str(EXAMPLE), "--key-only", "--format", "json"])
    assert key_only.exit_code == 0  # a selection that matches something is no error


def test_a_filtered_pack_says_it_is_filtered(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path), "--tag", "government"])
    assert result.exit_code == 0, result.output
    assert "briefing.pdf (1 page)" in result.stdout
    listed = runner.invoke(cli, ["events", str(EXAMPLE), "--tag", "government", "--format", "csv"])
    kept = len(listed.stdout.strip().splitlines()) - 1  # less the header row
    assert 0 < kept < 20
    line = f"Filtered: tag government; {kept} of 20 events"
    texts = check_pack(tmp_path, "grooming-gangs-inquiry")
    assert len(texts) == 4
    for name, text in texts.items():
        assert squash(line) in squash(text), name
    assert len(PdfReader(tmp_path / "grooming-gangs-inquiry-briefing.pdf").pages) == 1
    whole = runner.invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path / "all")])
    assert whole.exit_code == 0
    assert "Filtered" not in "".join(
        check_pack(tmp_path / "all", "grooming-gangs-inquiry").values()
    )


BAD = """\
title: "Several problems"
as_of: 2025-06-16
sumary: "a misspelt key"
sources:
  - {id: a, publisher: P, title: T, url: "https://example.org/a", published: 2025-06-16}
events:
  - date: "Inquiries Act 2005"
    title: Not a date
    sources: [a]
  - date: 2025
    title: Cites a source that does not exist
    sources: [nosuch]
    colour: red
  - title: Has no date
    sources: [a]
next:
  - {date: "soonish", text: "Not a date either.", source: a}
"""


def test_every_error_is_reported_in_one_pass_in_line_order(runner, write_brief):
    result = runner.invoke(cli, ["check", str(write_brief(BAD))])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if re.match(r".*brief\.yaml:\d+: ", ln)]
    numbers = [int(re.match(r".*brief\.yaml:(\d+): ", ln).group(1)) for ln in lines]
    assert numbers == [3, 7, 10, 13, 14, 17], result.stderr
    assert "unknown key 'sumary'" in lines[0]
    assert "cannot read the date 'Inquiries Act 2005'" in lines[1]
    assert "unknown source id 'nosuch'" in lines[2]
    assert "unknown key 'colour'" in lines[3]
    assert "date is missing" in lines[4]  # once: not again as an unreadable empty date
    assert "cannot read the date 'soonish'" in lines[5]


def test_new_dates_the_starter_by_the_day_it_is_written(runner, tmp_path):
    write_starter(tmp_path / "a.yaml", date(2031, 2, 3))
    starter = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert starter["as_of"] == date(2031, 2, 3)
    assert starter["sources"][0]["published"] == date(2031, 2, 3)
    before = date.today()
    assert runner.invoke(cli, ["new", str(tmp_path / "b.yaml")]).exit_code == 0
    written = yaml.safe_load((tmp_path / "b.yaml").read_text(encoding="utf-8"))["as_of"]
    assert written in (before, date.today())  # the CLI passes today in
    checked = runner.invoke(cli, ["check", str(tmp_path / "b.yaml")])
    assert checked.exit_code == 0, checked.output
    assert "after as_of" not in checked.output


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("the late 1990s", "June 2025", "the earliest late 1990s, the latest June 2025"),
        ("spring 2011", "the start of 2025", "the earliest spring 2011, the latest start of 2025"),
        ("c. 2011", "Q1 2025", "the earliest c. 2011, the latest Q1 2025"),
    ],
)
def test_chronology_note_lower_cases_labels_inside_its_sentence(first, last, expected):
    anchor = date(2025, 6, 16)
    events = tuple(
        Event(date=t, title=t, index=i, span=parse_date(t, anchor))
        for i, t in enumerate((first, last))
    )
    doc = compose_chronology(Brief(title="t", as_of=anchor, events=events))
    notes = [
        inline_text(b.content) for b in doc.blocks if isinstance(b, Paragraph) and b.style == "note"
    ]
    assert any(expected in n for n in notes), notes


@pytest.mark.parametrize(
    ("text", "label"),
    [("mid 2024", "Mid-2024"), ("mid-2024", "Mid-2024"), ("the mid 1990s", "Mid-1990s")],
)
def test_mid_is_hyphenated(text, label):
    assert parse_date(text, date(2025, 6, 16)).label == label
