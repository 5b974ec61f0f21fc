"""Exit statuses and messages: errors in the input exit 1 naming the file; usage mistakes
exit 2 as click does; a bug prints one line asking for a report, with the traceback only
under ``--debug``; Ctrl-C exits 130 saying no file was left half-written.
"""

from __future__ import annotations

import pytest

import briefgen.build
import briefgen.pipeline
from briefgen.cli import REPORT_HINT, cli


def boom(*args, **kwargs):
    raise RuntimeError("something impossible happened")


@pytest.mark.parametrize(
    "command",
    [["check", "B"], ["events", "B"], ["build", "B", "-o", "OUT"]],
    ids=["check", "events", "build"],
)
def test_a_bug_prints_one_line_without_debug(runner, write_brief, tmp_path, monkeypatch, command):
    monkeypatch.setattr(briefgen.pipeline, "load_brief", boom)
    monkeypatch.setattr(briefgen.build, "load_brief", boom)
    args = [str(write_brief()) if a == "B" else str(tmp_path / "o") if a == "OUT" else a
            for a in command]  # fmt: skip
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(
        "briefgen: internal error (RuntimeError: something impossible happened). This is a bug"
    )
    assert REPORT_HINT in lines[0] and "--debug" in lines[0]
    assert "http" not in lines[0]  # no invented tracker address
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback(runner, write_brief, monkeypatch):
    monkeypatch.setattr(briefgen.pipeline, "load_brief", boom)
    result = runner.invoke(cli, ["--debug", "check", str(write_brief())])
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert 'in boom\n    raise RuntimeError("something impossible happened")' in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("briefgen: internal error")


def test_a_bug_inside_a_writer_is_reported_the_same_way(runner, write_brief, tmp_path, monkeypatch):
    import briefgen.write.pdf

    monkeypatch.setattr(briefgen.write.pdf, "render_pdf", boom)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(write_brief()), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith("briefgen: internal error (RuntimeError")
    assert not list(out.iterdir())  # nothing half-written


def test_interrupt_exits_130(runner, write_brief, monkeypatch):
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(briefgen.pipeline, "load_brief", interrupt)
    result = runner.invoke(cli, ["check", str(write_brief())])
    assert result.exit_code == 130
    assert "interrupted; no output file was left half-written" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["build"],
        ["build", "B", "--bogus"],
        ["build", "B", "--format", "odt"],
        ["build", "B", "--only", "everything"],
        ["build", "B", "--from", "16/06/2025"],
        ["build", "B", "--paper", "a5"],
        ["events", "B", "--format", "xml"],
        ["date", "--anchor", "2025-02-30", "today"],
        ["frobnicate"],
    ],
)
def test_usage_mistakes_exit_2(runner, write_brief, args):
    args = [str(write_brief()) if a == "B" else a for a in args]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "Usage:" in result.stderr or "Error:" in result.stderr


def test_input_errors_exit_1_and_name_the_file_and_line(runner, write_brief, tmp_path):
    path = write_brief("title: T\nas_of: 2025-06-16\nevents:\n  - {date: someday, title: x}\n")
    for command in (["check"], ["events"], ["build", "-o", str(tmp_path / "out")]):
        result = runner.invoke(cli, [command[0], str(path), *command[1:]])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"{path}:4: date: cannot read the date 'someday'")


def test_date_command_errors_exit_1(runner):
    result = runner.invoke(cli, ["date", "--anchor", "2025-06-16", "today", "someday"])
    assert result.exit_code == 1
    assert '"error": "cannot read' in result.output
