"""Interrupted builds: kill ``briefgen build`` at many moments, and every output file is
the previous complete version or the new complete version, never a mix or a stub.

A build killed with SIGKILL can leave its temporary file (``.<name>.<random>.tmp``) beside
the output, since nothing runs after SIGKILL; it is never mistaken for an output, and the
next write of that file removes it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from benchmarks.generate import write_brief as write_generated
from briefgen.cli import cli
from briefgen.write import atomic

NAMES = ("chronology.docx", "chronology.pdf", "briefing.docx", "briefing.pdf")
TEMPORARY = re.compile(r"^\.brief-(chronology|briefing)\.(docx|pdf)\.[^.]+\.tmp$")
KILL_POINTS = 20


def snapshot(outdir: Path) -> dict[str, bytes]:
    return {n: (outdir / f"brief-{n}").read_bytes() for n in NAMES}


def start_build(brief: Path, outdir: Path) -> int:
    """Run ``briefgen build`` in a forked child (briefgen is already imported: no start-up
    time, so the kill points fall on the build itself); return the child's pid."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 1
        try:
            sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115
            cli.main(["build", str(brief), "-o", str(outdir), "-q"], standalone_mode=False)
            code = 0
        finally:
            os._exit(code)
    return pid


def wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL (POSIX)")
@pytest.mark.slow
def test_killed_builds_leave_old_or_new_complete_files(runner, tmp_path):
    brief = tmp_path / "brief.yaml"
    old_dir, new_dir, outdir = tmp_path / "old", tmp_path / "new", tmp_path / "out"
    # the same brief file, before and after an edit: every output differs between the two
    write_generated(brief, 60, seed=1)
    assert runner.invoke(cli, ["build", str(brief), "-o", str(old_dir)]).exit_code == 0
    old = snapshot(old_dir)
    write_generated(brief, 60, seed=2)
    started = time.perf_counter()
    assert wait(start_build(brief, new_dir)) == 0
    duration = time.perf_counter() - started
    new = snapshot(new_dir)
    assert all(old[n] != new[n] for n in NAMES)

    outcomes = []
    for i in range(KILL_POINTS):
        shutil.rmtree(outdir, ignore_errors=True)
        shutil.copytree(old_dir, outdir)
        # spread over the whole build, denser towards its end, where the files are written
        delay = duration * (1 - (1 - i / (KILL_POINTS - 1)) ** 2) * 1.05
        pid = start_build(brief, outdir)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        status = wait(pid)
        state = []
        for n in NAMES:
            data = (outdir / f"brief-{n}").read_bytes()
            assert data in (old[n], new[n]), f"{n} is neither version after {delay:.2f} s"
            state.append("new" if data == new[n] else "old")
        for extra in os.listdir(outdir):
            if extra.startswith("brief-"):
                continue
            assert TEMPORARY.match(extra), extra
        outcomes.append((round(delay, 2), status, "".join(x[0] for x in state)))
    print(f"build takes {duration:.2f} s; kill points (delay, status, files o/n): {outcomes}")
    assert any(s == "oooo" for _, _, s in outcomes)  # killed before any write
    assert any("n" in s for _, _, s in outcomes)  # and after some


def test_the_next_write_removes_stale_temporaries(runner, write_brief, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".brief-chronology.pdf.k1ll3d.tmp", out / ".brief-briefing.docx.x_y.tmp"]
    for path in stale:
        path.write_bytes(b"half a file")
    unrelated = [out / ".other-chronology.pdf.abc.tmp", out / "notes.tmp"]
    for path in unrelated:
        path.write_bytes(b"keep me")
    result = runner.invoke(cli, ["build", str(write_brief()), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert not any(p.exists() for p in stale)
    assert all(p.read_bytes() == b"keep me" for p in unrelated)


@pytest.mark.parametrize("step", ["fchmod", "write", "fsync", "replace"])
def test_interrupting_each_step_of_a_write_keeps_the_old_file(tmp_path, monkeypatch, step):
    target = tmp_path / "brief-chronology.pdf"
    target.write_bytes(b"old complete file")

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    if step == "write":
        real_fdopen = os.fdopen

        class Interrupting:
            def __init__(self, f):
                self.f = f

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.f.close()

            def write(self, data):
                self.f.write(data[: len(data) // 2])
                raise KeyboardInterrupt

        monkeypatch.setattr(
            atomic.os, "fdopen", lambda fd, mode: Interrupting(real_fdopen(fd, mode))
        )
    else:
        monkeypatch.setattr(atomic.os, step, interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(target, b"new complete file")
    assert target.read_bytes() == b"old complete file"
    assert os.listdir(tmp_path) == [target.name]
