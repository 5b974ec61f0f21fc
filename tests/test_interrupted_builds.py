"""Interrupted builds: kill ``briefgen build`` at each step of writing each output file,
and every output file is the previous complete version or the new complete version, never
a mix or a stub.

The build stops at a named step when ``BRIEFGEN_PAUSE_AT`` asks (see
``briefgen.write.atomic``) and says so by creating a marker file; the test kills it only
then, so where each kill falls is known, whatever the machine's load.

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

NAMES = ("chronology.docx", "chronology.pdf", "briefing.docx", "briefing.pdf")  # write order
TEMPORARY = re.compile(r"^\.brief-(chronology|briefing)\.(docx|pdf)\.[^.]+\.tmp$")
POINTS = ("temporary", "before-rename", "after-rename")
GIVE_UP_SECONDS = 300  # only for a build that never reaches its pause point: a failure


def snapshot(outdir: Path) -> dict[str, bytes]:
    return {n: (outdir / f"brief-{n}").read_bytes() for n in NAMES}


def start_build(brief: Path, outdir: Path, env: dict[str, str] | None = None) -> int:
    """Run ``briefgen build`` in a forked child with ``env`` added to its environment;
    return the child's pid."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 1
        try:
            os.environ.update(env or {})
            sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115
            cli.main(["build", str(brief), "-o", str(outdir), "-q"], standalone_mode=False)
            code = 0
        finally:
            os._exit(code)
    return pid


def wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def kill_at_marker(pid: int, marker: Path) -> None:
    """Kill ``pid`` once it has created ``marker``; fail if it ends or never gets there."""
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while not marker.exists():
        done, status = os.waitpid(pid, os.WNOHANG)
        assert done == 0, f"the build ended (status {status}) without reaching its pause point"
        assert time.monotonic() < deadline, "the build never reached its pause point"
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    assert wait(pid) == -signal.SIGKILL


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
    assert wait(start_build(brief, new_dir)) == 0
    new = snapshot(new_dir)
    assert all(old[n] != new[n] for n in NAMES)

    outcomes = []
    for k, name in enumerate(NAMES):
        for point in POINTS:
            shutil.rmtree(outdir, ignore_errors=True)
            shutil.copytree(old_dir, outdir)
            marker = tmp_path / f"paused-{point}-{name}"
            env = {
                atomic.PAUSE_AT_ENV: f"{point}:brief-{name}",
                atomic.PAUSE_MARKER_ENV: str(marker),
            }
            kill_at_marker(start_build(brief, outdir, env), marker)
            written = k + 1 if point == "after-rename" else k  # files renamed into place
            state = "".join(
                "n" if (outdir / f"brief-{n}").read_bytes() == new[n] else "o" for n in NAMES
            )
            for n in NAMES:
                assert (outdir / f"brief-{n}").read_bytes() in (old[n], new[n]), (point, n)
            assert state == "n" * written + "o" * (len(NAMES) - written), (point, name)
            extras = sorted(e for e in os.listdir(outdir) if not e.startswith("brief-"))
            assert all(TEMPORARY.match(e) for e in extras), extras
            if point == "after-rename":
                assert not extras, extras
            else:  # the killed write's temporary: empty, or the whole new file before its rename
                (temporary,) = extras
                assert temporary.startswith(f".brief-{name}.")
                expected = b"" if point == "temporary" else new[name]
                assert (outdir / temporary).read_bytes() == expected
            outcomes.append(f"{point}:{name}={state}")
    print("kill points (point:file=files o/n):", outcomes)
    # the next build, unpaused, replaces every file and removes what the kills left behind
    assert wait(start_build(brief, outdir)) == 0
    assert snapshot(outdir) == new
    assert sorted(os.listdir(outdir)) == sorted(f"brief-{n}" for n in NAMES)


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
