"""The brief reader: keys, types, line numbers in errors, the events CSV, and warnings."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.errors import BriefgenError
from briefgen.pipeline import load_brief
from briefgen.read.brief import read_brief
from tests.conftest import EXAMPLE, MINIMAL


def problems_of(path) -> list[str]:
    with pytest.raises(BriefgenError) as info:
        load_brief(path)
    return [str(p) for p in info.value.problems]


def test_minimal_brief_reads_every_field(write_brief):
    brief = read_brief(write_brief())
    assert brief.title == "Test brief"
    assert brief.as_of == date(2025, 6, 16)
    assert [s.id for s in brief.sources] == ["a", "b"]
    assert brief.sources[1].published == date(2025, 6, 10)
    assert [e.title for e in brief.events] == [
        "Report published",
        "Inquiry announced",
        "Earlier inquiry",
    ]
    assert brief.events[1].key is True
    assert brief.events[2].sources == ("a", "b")
    assert brief.events[0].place.line == 7
    assert brief.name == "brief"


def test_example_loads_without_warnings():
    loaded = load_brief(EXAMPLE)
    assert loaded.warnings == ()
    assert len(loaded.brief.events) >= 15
    assert {s.id for s in loaded.brief.sources} >= {"independent"}
    assert len(loaded.brief.sources) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as_of: 2025-06-16\nevents: []\n", ":1: title: title is missing"),
        ("title: T\nevents: []\n", "as_of: as_of is missing"),
        ("title: T\nas_of: 16/06/2025\n", ":2: as_of: '16/06/2025' is not a calendar date"),
        (
            "title: T\nas_of: 2025-06-16\ntitel: x\n",
            ":3: titel: unknown key 'titel' (hint: did you mean 'title'?)",
        ),
        ("title: [a, b]\nas_of: 2025-06-16\n", ":1: title: expected text, found a list"),
        ("title: T\nas_of: 2025-06-16\ntitle: U\n", ":3: the key 'title' appears twice"),
        ("title: T\nas_of: 2025-06-16\nevents:\n\t- date: 2025\n", "tab character"),
        ("title: T\nas_of: 2025-06-16\nevents: [\n", "not valid YAML"),
        ("- a\n- b\n", "a brief file is a mapping of keys"),
        ("", "the brief file is empty"),
        (
            "title: T\nas_of: 2025-06-16\nevents:\n  - date: 2025\n    sources: []\n",
            ":4: events[1].title: title is missing",
        ),
        (
            "title: T\nas_of: 2025-06-16\nevents:\n  - {date: 2025, title: X, sources: [nope]}\n",
            ":4: sources: unknown source id 'nope'",
        ),
        (
            "title: T\nas_of: 2025-06-16\nevents:\n  - {date: Inquiries Act 2005, title: X}\n",
            ":4: date: cannot read the date 'Inquiries Act 2005'",
        ),
        (
            "title: T\nas_of: 2025-06-16\nevents:\n  - {date: 2025, title: X, key: maybe}\n",
            ":4: events[1].key: expected true or false",
        ),
        (
            "title: T\nas_of: 2025-06-16\nevents:\n  - {date: on Monday, title: X, anchor: zz}\n",
            "anchor 'zz' is neither a date nor a source id",
        ),
    ],
)
def test_bad_briefs_get_errors_with_place(write_brief, text, expected):
    path = write_brief(text)
    messages = problems_of(path)
    assert any(expected in m for m in messages), messages
    assert all(m.startswith(str(path)) for m in messages)


def test_not_utf8_and_folder(write_brief, tmp_path):
    messages = problems_of(write_brief(b"title: caf\xe9\n"))
    assert "not UTF-8" in messages[0] and ":1:" in messages[0]
    assert "folder" in problems_of(tmp_path)[0]
    assert "no such file" in problems_of(tmp_path / "missing.yaml")[0]


def test_bom_and_windows_line_endings_are_fine(write_brief):
    brief = read_brief(write_brief(b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode()))
    assert brief.title == "Test brief"
    assert len(brief.events) == 3


def test_anchor_rules(write_brief):
    text = MINIMAL + (
        "  - {date: on Monday, title: Anchored by source b, sources: [a], anchor: b}\n"
        "  - {date: on Monday, title: Anchored by date, sources: [a], anchor: 2025-06-01}\n"
        "  - {date: on Monday, title: First cited source, sources: [b, a]}\n"
        "  - {date: today, title: No source uses as_of}\n"
    )
    loaded = load_brief(write_brief(text))
    spans = {e.title: e.span for e in loaded.brief.events}
    assert spans["Anchored by source b"].start == date(2025, 6, 9)  # b published Tue 10 June
    assert spans["Anchored by date"].start == date(2025, 5, 26)  # 1 June 2025 is a Sunday
    assert spans["First cited source"].start == date(2025, 6, 9)
    assert spans["No source uses as_of"].start == date(2025, 6, 16)


def test_warnings(write_brief):
    text = MINIMAL + (
        "  - {date: 16 June 2025, title: Report publishd}\n"
        "  - {date: 1 July 2025, title: Future event, sources: [a]}\n"
    )
    loaded = load_brief(write_brief(text))
    messages = [str(w) for w in loaded.warnings]
    assert any("cites no source" in m and "warning" in m for m in messages), messages
    assert any("after as_of" in m for m in messages), messages
    assert any("looks like a duplicate of 'Report published'" in m for m in messages), messages


def test_events_csv(write_brief, tmp_path):
    (tmp_path / "more.csv").write_text(
        "date,title,detail,sources,tags,key\n"
        '2011,Early warning,"A detail, with a comma",a;b,police,yes\n'
        "14-15 June 2025,Weekend talks,,a,,\n",
        encoding="utf-8",
    )
    loaded = load_brief(write_brief(MINIMAL + "events_csv: more.csv\n"))
    titles = [e.title for e in loaded.brief.events]
    assert titles[0] == "Early warning"
    early = loaded.brief.events[0]
    assert early.sources == ("a", "b") and early.tags == ("police",) and early.key
    assert early.place.file.endswith("more.csv") and early.place.line == 2
    assert "Weekend talks" in titles


def test_events_csv_errors(write_brief, tmp_path):
    (tmp_path / "bad.csv").write_text("date,title\n2011,\n", encoding="utf-8")
    messages = problems_of(write_brief(MINIMAL + "events_csv: bad.csv\n"))
    assert any("bad.csv:2: title: title is empty" in m for m in messages), messages
    messages = problems_of(write_brief(MINIMAL + "events_csv: missing.csv\n"))
    assert any("no such CSV file" in m for m in messages), messages


def test_alias_bomb_is_refused_quickly(write_brief):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    messages = problems_of(write_brief("\n".join(lines) + "\n"))
    assert "expands to more than" in messages[0]


def test_numbers_are_kept_as_written(write_brief):
    text = MINIMAL.replace('title: "Test brief"', "title: 10:30")
    text += 'figures: [{value: 0.50, label: "share", source: a}]\n'
    brief = read_brief(write_brief(text))
    assert brief.title == "10:30"
    assert brief.figures[0].value == "0.50"


def test_a_large_brief_is_not_mistaken_for_an_alias_bomb(write_brief):
    from briefgen.read.yamlnodes import MAX_NODES, load_yaml

    many = "tags: [" + ",".join(["x"] * (MAX_NODES + 1000)) + "]\n"
    assert len(load_yaml(many, "big.yaml")["tags"]) == MAX_NODES + 1000
    with_alias = "a: &a [x]\n" + many  # an alias-free file read by the slow path too
    assert len(load_yaml(with_alias + "b: *a\n", "big.yaml")["tags"]) == MAX_NODES + 1000
