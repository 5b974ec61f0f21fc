"""Bad paths: output folders that are missing, files or read-only; an output file open in
Word; inputs that are folders, empty or not UTF-8; templates that are not Word files, hold
broken XML or are huge. Each gets a clear message naming the path; input files are never
written to.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest

from briefgen.cli import cli
from tests.conftest import MINIMAL
from tests.outputs import check_pack

NAMES = ("chronology.docx", "chronology.pdf", "briefing.docx", "briefing.pdf")


def build(runner, brief: Path, outdir: Path, *args: str):
    result = runner.invoke(cli, ["build", str(brief), "-o", str(outdir), *args])
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result


def test_missing_output_folder_is_created(runner, write_brief, tmp_path):
    out = tmp_path / "a" / "b" / "c"
    result = build(runner, write_brief(), out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"brief-{n}" for n in NAMES)
    check_pack(out)


def test_output_folder_that_is_a_file(runner, write_brief, tmp_path):
    out = tmp_path / "out"
    out.write_text("not a folder")
    result = build(runner, write_brief(), out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{out}: the output folder is a file")
    assert out.read_text() == "not a folder"


def test_output_folder_inside_a_file(runner, write_brief, tmp_path):
    (tmp_path / "file").write_text("x")
    result = build(runner, write_brief(), tmp_path / "file" / "out")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'file' / 'out'}: cannot create the output folder")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write to read-only folders"
)
def test_read_only_output_folder(runner, write_brief, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = build(runner, write_brief(), out)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1
    assert f"{out / 'brief-chronology.docx'}: cannot write the file: Permission denied" in (
        result.stderr
    )


def test_unwritable_output_folder_simulated(runner, write_brief, tmp_path, monkeypatch):
    # what a read-only folder does, for when the tests run as root
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "out"
    result = build(runner, write_brief(), out)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{out / f'brief-{n}'}: cannot write the file: Permission denied (hint: close it if it "
        "is open in Word, or check the folder's permissions)"
        for n in NAMES
    ]
    assert list(out.iterdir()) == []


def test_output_file_open_in_word_on_windows(runner, write_brief, tmp_path, monkeypatch):
    """Windows refuses to replace a file Word has open: os.replace raises PermissionError."""
    out = tmp_path / "out"
    brief = write_brief()
    assert build(runner, brief, out).exit_code == 0
    locked = out / "brief-chronology.docx"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst) == locked:
            raise PermissionError(13, "The process cannot access the file because it is being "
                                  "used by another process")  # fmt: skip
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    brief.write_text(MINIMAL.replace("Test brief", "Second edition"), encoding="utf-8")
    result = build(runner, brief, out)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"{locked}: cannot write the file: The process cannot access the file because it is "
        "being used by another process (hint: close it if it is open in Word, or check the "
        "folder's permissions)"
    ]
    # the other three were written and reported; the locked one is as it was; no debris
    for name in ("brief-chronology.pdf", "brief-briefing.docx", "brief-briefing.pdf"):
        assert f"{out / name} (" in result.stdout
        assert (out / name).read_bytes() != before[name]
    assert locked.read_bytes() == before[locked.name]
    assert sorted(p.name for p in out.iterdir()) == sorted(before)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.mkdir(), "this is a folder, not a brief file"),
        (lambda p: p.write_bytes(b""), "the brief file is empty"),
        (lambda p: p.write_bytes(b"   \n\n"), "the brief file is empty"),
        (
            lambda p: p.write_bytes(b"title: caf\xe9\nas_of: 2025-06-16\n"),
            ":1: the file is not UTF-8",
        ),
        (lambda p: p.write_bytes(b"\xff\xfet\x00i\x00"), ":1: the file is not UTF-8"),
        (lambda p: None, "no such file"),
    ],
    ids=["folder", "empty", "blank", "latin-1", "utf-16", "missing"],
)
def test_bad_inputs(runner, tmp_path, make, expected):
    path = tmp_path / "brief.yaml"
    make(path)
    for command in (["check", str(path)], ["build", str(path), "-o", str(tmp_path / "out")]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith(f"{path}"), result.stderr
        assert expected in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_events_csv_that_is_a_folder_or_not_utf8(runner, write_brief, tmp_path):
    (tmp_path / "folder.csv").mkdir()
    result = runner.invoke(cli, ["check", str(write_brief(MINIMAL + "events_csv: folder.csv\n"))])
    assert result.exit_code == 1 and ":17: events_csv: no such CSV file" in result.stderr
    (tmp_path / "bad.csv").write_bytes(b"date,title\n2025,caf\xe9\n")
    result = runner.invoke(cli, ["check", str(write_brief(MINIMAL + "events_csv: bad.csv\n"))])
    assert result.exit_code == 1
    assert f"{tmp_path / 'bad.csv'}:2: the file is not UTF-8" in result.stderr


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        + str(p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_input_files_are_never_written_to(runner, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "brief.yaml").write_text(MINIMAL + "events_csv: more.csv\n", encoding="utf-8")
    (inputs / "more.csv").write_text("date,title,sources\n2024,From CSV,a\n", encoding="utf-8")
    docx.Document().save(inputs / "org.docx")
    before = _digest(inputs)
    mode = (inputs / "brief.yaml").stat().st_mode
    for args in (["check"], ["events"], ["build", "-o", str(tmp_path / "out")],
                 ["build", "-o", str(inputs), "--template", str(inputs / "org.docx")]):  # fmt: skip
        result = runner.invoke(cli, [args[0], str(inputs / "brief.yaml"), *args[1:]])
        assert result.exit_code == 0, result.output
    after = {k: v for k, v in _digest(inputs).items() if not k.startswith("brief-")}
    assert after == before
    assert (inputs / "brief.yaml").stat().st_mode == mode


def _docx_bytes(**replace: bytes) -> bytes:
    buf = io.BytesIO()
    docx.Document().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, replace.get(info.filename, zin.read(info.filename)))
    return out.getvalue()


def _zip_bomb(path: Path) -> None:
    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != "word/styles.xml":
                zout.writestr(info, data)
                continue
            with zout.open(info.filename, "w", force_zip64=True) as f:
                head, _, tail = data.partition(b"?>")
                f.write(head + b"?>")
                for _ in range(250):
                    f.write(b" " * (1 << 20))
                f.write(tail)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_text("plain text"), "not a Word file (.docx or .dotx)"),
        (lambda p: p.write_bytes(b"PK\x03\x04broken zip"), "not a Word file"),
        (lambda p: p.mkdir(), "no such template file"),
        (lambda p: None, "no such template file"),
        (
            lambda p: p.write_bytes(_docx_bytes(**{"word/styles.xml": b"<w:styles><w:style"})),
            "the Word template holds broken XML",
        ),
        (
            lambda p: p.write_bytes(_docx_bytes(**{"word/document.xml": b"<w:document/>"})),
            "the Word template holds broken XML",
        ),
        (
            lambda p: p.write_bytes(_docx_bytes(**{"[Content_Types].xml": b"\xff\xfe"})),
            "not a Word file",
        ),
        (_zip_bomb, "the Word template unpacks to 263 MB, more than a template needs"),
        (
            lambda p: p.write_bytes(b"PK" + b"\0" * 51_000_000),
            "the Word template is 51 MB, more than a template needs",
        ),
    ],
    ids=[
        "text",
        "broken-zip",
        "folder",
        "missing",
        "broken-styles",
        "broken-document",
        "bad-content-types",
        "zip-bomb",
        "huge",
    ],
)
def test_bad_templates(runner, write_brief, tmp_path, make, expected):
    template = tmp_path / "org.docx"
    make(template)
    out = tmp_path / "out"
    result = build(runner, write_brief(), out, "--template", str(template))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{template}: "), result.stderr
    assert expected in result.stderr
    assert not out.exists() or not list(out.iterdir())


def test_a_good_template_works(runner, write_brief, tmp_path):
    template = tmp_path / "org.docx"
    template.write_bytes(_docx_bytes())
    result = build(runner, write_brief(), tmp_path / "out", "--template", str(template))
    assert result.exit_code == 0, result.output
    check_pack(tmp_path / "out")
