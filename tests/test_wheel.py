"""briefgen installed as a user installs it: a wheel in a fresh virtual environment.

The wheel is built from the checkout, installed into a new venv that has no path to the
checkout, and every command the README shows is run from another folder on a copy of the
worked example. The four files of the pack are then opened and read.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.slow

SEEDS = ROOT.parent / "shared" / "seeds"


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> str:
    proc = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Build a wheel from the checkout and install it into a fresh venv; return its bin/."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    # build from a copy of the tracked files, so nothing of a developer's tree leaks in
    src = work / "src"
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        rel = Path(name.decode())
        target = src / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / rel).is_symlink():
            target.symlink_to(os.readlink(ROOT / rel))
        elif (ROOT / rel).is_file():
            shutil.copy2(ROOT / rel, target)
    dist = work / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)],
         work, env)  # fmt: skip
    wheels = list(dist.glob("briefgen-*.whl"))
    assert len(wheels) == 1, wheels
    shutil.rmtree(src)
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], work, env)
    _run([str(venv / "bin" / "pip"), "install", "-q", str(wheels[0])], work, env)
    return venv / "bin", env


def test_the_wheel_carries_its_style_sheets_and_fonts(installed):
    bindir, env = installed
    out = _run(
        [str(bindir / "python"), "-c",
         "import briefgen.styles as s, pathlib; print(s.styles_dir()); "
         "print(sorted(p.name for p in s.styles_dir().glob('*.yaml')))"],
        Path("/"), env,
    )  # fmt: skip
    folder, names = out.splitlines()[:2]
    assert "site-packages" in folder
    assert names == "['default.yaml', 'print.yaml']"


def test_every_readme_command_runs_from_the_wheel(installed, tmp_path):
    bindir, env = installed
    work = tmp_path / "elsewhere"
    work.mkdir()
    brief = work / "grooming-gangs-inquiry.yaml"
    shutil.copy(EXAMPLE, brief)
    bg = str(bindir / "briefgen")

    assert "Example:" in _run([bg, "--help"], work, env)
    _run([bg, "check", brief.name], work, env)  # exits 0: the example has no errors
    listed = json.loads(_run([bg, "events", brief.name, "--format", "json"], work, env))
    assert len(listed) >= 10 and all({"title", "date"} <= set(e) for e in listed)
    dated = _run([bg, "date", "--anchor", "2025-06-16", "at the weekend"], work, env)
    assert json.loads(dated.splitlines()[0])["start"] == "2025-06-14"
    _run([bg, "new", "starter.yaml"], work, env)
    _run([bg, "check", "starter.yaml"], work, env)
    if SEEDS.is_dir():
        seed = sorted(SEEDS.glob("*.txt"))[0]
        proposed = _run([bg, "extract", str(seed), "--published", "2025-06-16"], work, env)
        assert "events:" in proposed
    _run([str(bindir / "python"), "-m", "briefgen", "--version"], work, env)

    _run([bg, "build", brief.name], work, env)
    _run([bg, "build", brief.name, "--style", "print", "-o", "print"], work, env)
    (work / "mine.yaml").write_text("font: Times New Roman\npage: {size: Letter}\n")
    _run([bg, "build", brief.name, "--style", "mine.yaml", "-o", "mine"], work, env)
    for outdir in (work / "out", work / "print", work / "mine"):
        names = sorted(p.name for p in outdir.iterdir())
        assert names == [
            "grooming-gangs-inquiry-briefing.docx",
            "grooming-gangs-inquiry-briefing.pdf",
            "grooming-gangs-inquiry-chronology.docx",
            "grooming-gangs-inquiry-chronology.pdf",
        ]
        chron = Document(str(outdir / "grooming-gangs-inquiry-chronology.docx"))
        text = "\n".join(c.text for t in chron.tables for r in t.rows for c in r.cells)
        assert "statutory national inquiry" in text
        briefing = Document(str(outdir / "grooming-gangs-inquiry-briefing.docx"))
        assert briefing.paragraphs and any(p.style.name == "Title" for p in briefing.paragraphs)
        reader = PdfReader(outdir / "grooming-gangs-inquiry-briefing.pdf")
        assert len(reader.pages) == 1
        chron_pdf = PdfReader(outdir / "grooming-gangs-inquiry-chronology.pdf")
        pdf_text = "".join(page.extract_text() for page in chron_pdf.pages)
        assert "Casey" in pdf_text and "IICSA" in pdf_text.replace("\n", " ")
    # the style sheet given by path was read: Letter paper
    letter = PdfReader(work / "mine" / "grooming-gangs-inquiry-briefing.pdf").pages[0]
    assert round(float(letter.mediabox.width)) == 612
