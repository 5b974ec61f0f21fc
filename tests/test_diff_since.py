"""briefgen diff and build --since, on the worked example and its later brief."""

from __future__ import annotations

import json

import docx
import pypdf

from briefgen.cli import cli
from tests.conftest import EXAMPLE

LATER = EXAMPLE.with_name("grooming-gangs-inquiry-later.yaml")


def test_diff_lists_added_and_changed_events(runner):
    result = runner.invoke(cli, ["diff", str(EXAMPLE), str(LATER)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "+ 16 June 2025: Casey's report calls for a full national inquiry" in lines
    assert "+ 16 June 2025: Cooper says abusers will have 'nowhere to hide'" in lines
    assert "~ 16 June 2025: More than 800 dropped cases marked for formal review" in lines
    assert lines[-1] == "2 added, 0 removed, 1 changed"
    back = runner.invoke(cli, ["diff", str(LATER), str(EXAMPLE), "--format", "json"])
    data = json.loads(back.stdout)
    assert len(data["removed"]) == 2 and not data["added"]
    assert list(data["changed"][0]["fields"]) == ["detail"]


def test_build_since_an_earlier_brief_marks_new_rows(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["build", str(LATER), "--since", str(EXAMPLE), "-o", str(out), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    d = docx.Document(str(out / "grooming-gangs-inquiry-later-chronology.docx"))
    assert any(p.text.endswith("3 events new since 16 June 2025 are marked New.")
               for p in d.paragraphs)  # fmt: skip
    marked = []
    for row in (r for t in d.tables for r in t.rows):
        first = row.cells[0].paragraphs[0]
        if first.style.name == "New Marker":
            assert first.text == "New"
            marked.append(row.cells[1].paragraphs[0].text)
    assert sorted(marked) == [
        "Casey's report calls for a full national inquiry",
        "Cooper says abusers will have 'nowhere to hide'",
        "More than 800 dropped cases marked for formal review",
    ]
    assert "New Marker" in [s.name for s in d.styles]
    pdf = pypdf.PdfReader(out / "grooming-gangs-inquiry-later-briefing.pdf")
    assert len(pdf.pages) == 1
    assert "3 events new since 16 June 2025" in pdf.pages[0].extract_text()


def test_build_since_a_date_marks_events_from_that_date(runner, tmp_path):
    out = tmp_path / "out"
    args = ["build", str(EXAMPLE), "--since", "2025-06-16", "-o", str(out), "--quiet"]
    assert runner.invoke(cli, args).exit_code == 0
    d = docx.Document(str(out / "grooming-gangs-inquiry-chronology.docx"))
    rows = [r for t in d.tables for r in t.rows][1:]
    for row in rows:
        cell = row.cells[0].paragraphs
        labels = [p.text for p in cell if p.style.name == "Event Date"]
        if not labels:
            continue
        is_new = cell[0].style.name == "New Marker"
        assert is_new == (labels[0] == "16 June 2025"), labels


def test_build_since_refuses_what_is_neither_a_date_nor_a_file(runner, tmp_path):
    result = runner.invoke(
        cli, ["build", str(EXAMPLE), "--since", "last week", "-o", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "neither a YYYY-MM-DD date nor a brief file" in result.output
