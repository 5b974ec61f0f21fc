"""Several briefs at once, and the progress a build reports (no timings asserted)."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.generate import write_brief as write_generated
from briefgen.build import DOCUMENTS, Options, Progress, build_many, build_pack
from briefgen.cli import cli
from tests.conftest import MINIMAL

KINDS = ("chronology.docx", "chronology.pdf", "briefing.docx", "briefing.pdf")


def outputs(outdir: Path, name: str) -> list[Path]:
    return [outdir / f"{name}-{kind}" for kind in KINDS]


def test_several_briefs_are_all_built_in_the_order_given(runner, tmp_path):
    briefs = []
    for name in ("alpha", "beta", "gamma"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(MINIMAL.replace("Test brief", f"Brief {name}"), encoding="utf-8")
        briefs.append(path)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", *map(str, briefs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    printed = [line.split(" (")[0] for line in result.stdout.splitlines()]
    expected = [p for b in briefs for p in outputs(out, b.stem)]
    assert printed == [str(p) for p in expected]
    for path in expected:
        assert path.stat().st_size > 1000


def test_a_broken_brief_does_not_stop_the_others(runner, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: T\nas_of: 2025-06-16\nevents:\n  - title: no date\n", "utf-8")
    also_good = tmp_path / "also-good.yaml"
    also_good.write_text(MINIMAL, encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    out = tmp_path / "out"
    args = ["build", str(good), str(broken), str(missing), str(also_good), "-o", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    for name in ("good", "also-good"):
        assert all(p.exists() for p in outputs(out, name)), result.output
    assert not any(p.exists() for p in outputs(out, "broken"))
    errors = result.stderr
    assert f"{broken}:4:" in errors and f"{broken}: not built" in errors
    assert f"{missing}: not built" in errors
    # the good briefs' paths are printed in the order given, around the failures
    printed = [line.split(" (")[0] for line in result.stdout.splitlines()]
    assert printed == [str(p) for p in outputs(out, "good") + outputs(out, "also-good")]


def test_build_many_yields_outcomes_in_order_with_errors_as_values(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    options = Options(outdir=tmp_path / "out", only=("chronology",), formats=("pdf",))
    outcomes = list(build_many([bad, good, bad], options, workers=2))
    assert [o.brief for o in outcomes] == [bad, good, bad]
    assert outcomes[0].result is None and "not valid YAML" in str(outcomes[0].errors[0])
    assert outcomes[1].result is not None and outcomes[1].result.outputs
    assert outcomes[1].errors == () and outcomes[1].crash is None


def test_progress_counts_events_and_pages_up_to_the_end(tmp_path):
    brief = write_generated(tmp_path / "big.yaml", 300)
    seen: list[Progress] = []
    result = build_pack(brief, Options(outdir=tmp_path / "out", only=DOCUMENTS), seen.append)
    assert result.outputs
    steps = list(dict.fromkeys(p.step for p in seen))
    assert steps[0] == "reading the brief"
    for kind in ("PDF", "DOCX"):
        what = f"writing the chronology {kind}"
        counted = [p for p in seen if p.step == what and p.total]
        assert counted, steps
        done = [p.done for p in counted]
        assert done == sorted(done) and done[-1] == 300
        assert {p.total for p in counted} == {300}
    pages = [p.pages for p in seen if p.step == "writing the chronology PDF" and p.total]
    chronology = next(o for o in result.outputs if o.path.name == "big-chronology.pdf")
    assert pages == list(range(1, chronology.pages + 1))


def test_without_a_terminal_build_prints_nothing_but_the_paths(runner, tmp_path):
    brief = write_generated(tmp_path / "big.yaml", 300)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(brief), "-o", str(out), "--only", "chronology"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        str(out / "big-chronology.docx"),
        str(out / "big-chronology.pdf"),
    ]
    assert all(re.fullmatch(r".* \(\d+ pages\)", line) for line in lines), lines
    # standard error holds the brief's warnings, if any, and no progress
    assert all("warning:" in line for line in result.stderr.splitlines()), result.stderr
    assert "\r" not in result.output
    quiet = runner.invoke(cli, ["build", str(brief), "-o", str(out), "-q", "--only", "briefing"])
    assert quiet.exit_code == 0 and quiet.output == ""
