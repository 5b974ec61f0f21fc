"""The command line: exit codes, output shapes, and what --help imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from briefgen.cli import cli
from tests.conftest import EXAMPLE, ROOT


def test_check_example_passes_with_no_warnings(runner):
    result = runner.invoke(cli, ["check", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "0 warnings" in result.output and "warning:" not in result.output


def test_check_reports_errors_and_exits_1(runner, write_brief):
    path = write_brief(
        "title: T\nas_of: 2025-06-16\nevents:\n  - {date: the 19th report, title: X}\n"
    )
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:4: date: cannot read the date 'the 19th report'" in result.output
    assert "Traceback" not in result.output


def test_usage_mistake_exits_2(runner):
    assert runner.invoke(cli, ["events"]).exit_code == 2
    assert runner.invoke(cli, ["events", str(EXAMPLE), "--format", "xml"]).exit_code == 2


def test_events_json_shape_and_order(runner):
    result = runner.invoke(cli, ["events", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert set(events[0]) == {"title", "date", "detail", "sources", "tags", "key"}
    assert set(events[0]["date"]) == {"start", "end", "precision", "approximate", "label", "text"}
    spans = [
        (date.fromisoformat(e["date"]["start"]), date.fromisoformat(e["date"]["end"]))
        for e in events
    ]
    placed = [(e if (e - s).days < 7 else s, (e - s).days) for s, e in spans]  # README, Order
    assert placed == sorted(placed)
    by_label = {e["date"]["text"]: e["date"] for e in events}
    assert by_label["2015-2022"]["start"] == "2015-01-01"
    assert by_label["2015-2022"]["end"] == "2022-12-31"
    assert by_label["2015-2022"]["label"] == "2015–2022"
    assert by_label["at the weekend"]["label"] == "14–15 June 2025"
    weekend = next(i for i, e in enumerate(events) if e["date"]["text"] == "at the weekend")
    report = next(i for i, e in enumerate(events) if e["date"]["start"] == "2025-06-16")
    iicsa = next(i for i, e in enumerate(events) if e["date"]["text"] == "2015-2022")
    assert iicsa < weekend < report
    assert all(e["date"]["start"] < "2025" for e in events[: iicsa + 1])


def test_events_filters_and_formats(runner):
    key = json.loads(
        runner.invoke(cli, ["events", str(EXAMPLE), "--format", "json", "--key-only"]).stdout
    )
    assert key and all(e["key"] for e in key)
    recent = json.loads(
        runner.invoke(
            cli, ["events", str(EXAMPLE), "--format", "json", "--from", "2025-06-14"]
        ).stdout
    )
    assert recent and all(e["date"]["end"] >= "2025-06-14" for e in recent)
    csv_out = runner.invoke(cli, ["events", str(EXAMPLE), "--format", "csv"]).stdout
    assert csv_out.splitlines()[0] == "start,end,label,date,title,detail,sources,tags,key"
    table = runner.invoke(cli, ["events", str(EXAMPLE)]).stdout
    assert "14–15 June 2025" in table and "events (* key event)" in table
    bad = runner.invoke(cli, ["events", str(EXAMPLE), "--from", "June"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_date_command_arguments_and_stdin(runner):
    result = runner.invoke(cli, ["date", "--anchor", "2025-06-16", "at the weekend", "c. 2011"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert lines[0] == {
        "text": "at the weekend", "start": "2025-06-14", "end": "2025-06-15",
        "precision": "day", "approximate": False, "label": "14–15 June 2025",
    }  # fmt: skip
    assert lines[1]["approximate"] is True and lines[1]["label"] == "c. 2011"
    result = runner.invoke(cli, ["date", "--anchor", "2025-06-16"], input="2015-2022\nbanana\n\n")
    assert result.exit_code == 1
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert out[0]["label"] == "2015–2022"
    assert set(out[1]) == {"text", "error"} and out[1]["text"] == "banana"
    month_first = runner.invoke(
        cli, ["date", "--anchor", "2025-06-16", "--month-first", "03/04/2025"]
    )
    assert json.loads(month_first.stdout)["start"] == "2025-03-04"


def test_new_writes_a_brief_that_checks(runner, tmp_path):
    path = tmp_path / "starter.yaml"
    assert runner.invoke(cli, ["new", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["check", str(path)]).exit_code == 0
    again = runner.invoke(cli, ["new", str(path)])
    assert again.exit_code == 1 and "already exists" in again.output


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from briefgen.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('dateparser', 'docx', 'reportlab', 'yaml') if m in sys.modules]\n"
        "print('heavy:' + ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "heavy:"


def test_python_m_briefgen_works():
    out = subprocess.run(
        [sys.executable, "-m", "briefgen", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0 and "briefgen" in out.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["events", str(EXAMPLE)],
        ["events", str(EXAMPLE), "--format", "ics"],
        ["diff", str(EXAMPLE), str(EXAMPLE.with_name("grooming-gangs-inquiry-later.yaml"))],
        ["date", "16 June 2025"],
    ],
    ids=["events", "events-ics", "diff", "date"],
)
def test_a_closed_standard_output_ends_quietly_with_141(args):
    # `briefgen events ... | head`: the reader goes away. Closing the read end before the
    # command starts makes its first write fail every time, not only on a long output.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        out = subprocess.run(
            [sys.executable, "-m", "briefgen", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert out.returncode == 141, out.stderr
    assert out.stderr == b""


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"briefgen {name}" in readme, name


def _example_lines(doc: str) -> list[str]:
    after = doc.split("Example:", 1)[1]
    return [line.strip() for line in after.splitlines() if line.strip().startswith("briefgen")]


@pytest.mark.parametrize("name", [None, *sorted(cli.commands)])
def test_help_shows_each_example_on_its_own_line(runner, name):
    """click rewraps help text; the examples keep their lines (the ``\\b`` marker)."""
    command = cli if name is None else cli.commands[name]
    examples = _example_lines(command.help or "")
    assert examples, f"{name or 'briefgen'} has no example in its help"
    result = runner.invoke(cli, [*([name] if name else []), "--help"], terminal_width=80)
    assert result.exit_code == 0
    shown = [line.strip() for line in result.output.splitlines()]
    for example in examples:
        assert example in shown, f"{example!r} is not on a line of its own:\n{result.output}"
