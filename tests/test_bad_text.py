"""Awkward text in a brief: control characters, lone surrogates, byte-order marks, Windows
line endings, right-to-left text, emoji, combining accents, zero-width spaces.

The pack builds; what a DOCX cannot hold is removed with a warning that names the event;
everything else appears in the DOCX exactly as written, and in the PDF wherever its font
has the glyphs (otherwise a warning says so).
"""

from __future__ import annotations

import json
import re

import pytest

from briefgen.cli import cli
from briefgen.read.text import clean_text
from tests.outputs import check_pack, docx_text, squash

HEAD = """\
title: Awkward text
as_of: 2025-06-16
sources:
  - {id: a, publisher: P, title: A, url: "https://example.org/a", published: 2025-06-16}
events:
"""


UNUSUAL = re.compile("[\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted string, with every unusual character escaped."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    return '"' + UNUSUAL.sub(lambda m: f"\\u{ord(m.group()):04x}", body) + '"'


def event(title: str, detail: str) -> str:
    """An event whose title and detail are written as YAML double-quoted strings."""
    return (
        f"  - date: 16 June 2025\n    title: {quoted(title)}\n"
        f"    detail: {quoted(detail)}\n    sources: [a]\n"
    )


def build(runner, path, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return out, result.stderr


# (name, detail as written in the file, what the DOCX must show, characters removed)
CASES = [
    ("NUL", "before\x00after", "beforeafter", True),
    ("vertical tab", "line\x0bnext", "linenext", True),
    ("escape", "\x1b[31mred\x1b[0m", "[31mred[0m", True),
    ("DEL and C1", "a\x7fb\x85c\x9fd", "abcd", True),
    ("lone surrogate", "x\ud800y\udfffz", "xyz", True),
    ("byte-order mark inside", "a\ufeffb", "ab", True),
    ("non-characters", "a\ufffeb\uffffc", "abc", True),
    ("zero-width space", "zero\u200bwidth\u200djoiner", "zero\u200bwidth\u200djoiner", False),
    ("combining accents", "Cafe\u0301 nai\u0308ve", "Cafe\u0301 nai\u0308ve", False),
    ("precomposed", "Café naïve “quotes” – dash …", "Café naïve “quotes” – dash …", False),
    ("emoji", "Emoji 😀 👩‍👩‍👧 🇬🇧 ok", "Emoji 😀 👩‍👩‍👧 🇬🇧 ok", False),
    ("Hebrew", "שלום עולם and more", "שלום עולם and more", False),
    ("Arabic", "مرحبا بالعالم", "مرحبا بالعالم", False),
    ("bidi controls", "abc \u202edef\u202c ghi", "abc \u202edef\u202c ghi", False),
    ("tab", "col1\tcol2", "col1\tcol2", False),
]


@pytest.mark.parametrize(("name", "detail", "shown", "removed"), CASES, ids=[c[0] for c in CASES])
def test_escaped_text_builds_and_warns_when_characters_are_removed(
    runner, write_brief, tmp_path, name, detail, shown, removed
):
    path = write_brief(HEAD + event(f"Event with {name}", detail))
    out, stderr = build(runner, path, tmp_path)
    texts = check_pack(out)
    chronology = texts["brief-chronology.docx"]
    assert shown in chronology
    warned = [line for line in stderr.splitlines() if "that a DOCX cannot hold" in line]
    if removed:
        assert len(warned) == 1, stderr
        assert warned[0].startswith(f"{path}:8: warning: events[1].detail: removed")
        assert f"from the event 'Event with {name}'" in warned[0]
    else:
        assert not warned, stderr
    pdf_warned = [line for line in stderr.splitlines() if "the PDF cannot show" in line]
    if name in ("emoji", "Arabic"):
        assert "that its font has no glyphs for" in pdf_warned[0]
        assert f"in the event 'Event with {name}'" in pdf_warned[0]
    elif name in ("Hebrew", "bidi controls"):
        # an override such as U+202E asks for right-to-left display, which the PDF lacks
        assert "right-to-left text in its right order" in pdf_warned[0]
    else:
        assert not pdf_warned, stderr
        # pdftotext marks the runs' direction with bidi controls of its own
        pdf = BIDI_CONTROLS.sub("", texts["brief-chronology.pdf"])
        assert squash(BIDI_CONTROLS.sub("", shown)) in squash(pdf)


def test_raw_control_characters_in_the_file_are_removed_with_a_warning(
    runner, write_brief, tmp_path
):
    # PyYAML refuses these characters in a file outright; the reader removes them first
    text = HEAD + (
        "  - date: 16 June 2025\n    title: Raw controls\n"
        "    detail: |\n      one \x00 two \x0b three \x1b four\n    sources: [a]\n"
        "  - date: 16 June 2025\n    title: Clean one\n    sources: [a]\n"
    )
    path = write_brief(text.encode("utf-8"))
    out, stderr = build(runner, path, tmp_path)
    assert "one  two  three  four" in check_pack(out)["brief-chronology.docx"]
    warned = [line for line in stderr.splitlines() if "cannot hold" in line]
    assert warned == [
        f"{path}:9: warning: removed 3 characters (U+0000, U+000B, U+001B) that a DOCX "
        "cannot hold from the event 'Raw controls' (hint: they are invisible or broken "
        "characters, usually pasted from another program; delete them to silence this warning)"
    ]


def test_removed_characters_outside_events_are_named_by_field(runner, write_brief):
    text = HEAD.replace("title: Awkward text", 'title: "Awk\\0ward"') + event("Fine", "fine")
    text += 'summary: "s\\eummary"\nkey_points: ["\\vpoint"]\n'
    result = runner.invoke(cli, ["check", str(write_brief(text))])
    assert result.exit_code == 0, result.output
    assert ":1: warning: title: removed 1 character (U+0000)" in result.output
    assert ":10: warning: summary: removed 1 character (U+001B)" in result.output
    assert ":11: warning: key_points: removed 1 character (U+000B)" in result.output
    assert "from the source 'a'" not in result.output


def test_byte_order_mark_and_windows_line_endings(runner, write_brief, tmp_path):
    text = HEAD + event("Windows file", "first") + "summary: |\n  line one\n  line two\n"
    path = write_brief(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    out, stderr = build(runner, path, tmp_path)
    assert "warning" not in stderr
    texts = check_pack(out)
    assert "Windows file" in texts["brief-chronology.docx"]
    assert "\r" not in texts["brief-chronology.docx"]


def test_json_escaped_emoji_survive(runner, write_brief, tmp_path):
    # bug found: YAML written by JSON tools escapes emoji as surrogate pairs
    # ("\ud83d\ude00"); PyYAML leaves two lone surrogates, which were removed silently
    text = HEAD + event("Pair", "x").replace('"x"', '"smile \\ud83d\\ude00 ok"')
    out, stderr = build(runner, write_brief(text), tmp_path)
    assert "smile 😀 ok" in docx_text(out / "brief-chronology.docx")
    assert "cannot hold" not in stderr
    assert clean_text("\ud83d\ude00") == "😀"


def test_control_characters_in_the_events_csv_are_removed_with_a_warning(
    runner, write_brief, tmp_path
):
    (tmp_path / "more.csv").write_text(
        "date,title,detail,sources\n16 June 2025,From CSV,ding\x07dong,a\n", encoding="utf-8"
    )
    path = write_brief(HEAD + event("In YAML", "ok") + "events_csv: more.csv\n")
    out, stderr = build(runner, path, tmp_path)
    assert "dingdong" in check_pack(out)["brief-chronology.docx"]
    assert (
        f"{tmp_path / 'more.csv'}:2: warning: removed 1 character (U+0007) that a DOCX cannot "
        "hold from the event 'From CSV'"
    ) in stderr
