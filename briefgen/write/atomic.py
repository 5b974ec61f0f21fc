"""Write output files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import threading
from pathlib import Path

# Set to "<point>:<file name>" (points: "temporary", "before-rename", "after-rename"), a
# write stops there for good after creating the file named by PAUSE_MARKER_ENV, so that a
# test can kill the process at a known moment instead of after a guessed delay.
PAUSE_AT_ENV = "BRIEFGEN_PAUSE_AT"
PAUSE_MARKER_ENV = "BRIEFGEN_PAUSE_MARKER"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is always the old or the new complete file.

    Raises ``OSError`` (for instance ``PermissionError``) if the file cannot be replaced;
    the old file is then left as it was and no temporary file stays behind.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private; give it the mode a plain open() would have.
        os.fchmod(fd, _existing_mode(path))
        _pause_point("temporary", path)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _pause_point("before-rename", path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _pause_point("after-rename", path)
    remove_stale_temporaries(path)


def _pause_point(point: str, path: Path) -> None:
    """Block forever at ``point`` of writing ``path`` if ``PAUSE_AT_ENV`` names it (tests only)."""
    if os.environ.get(PAUSE_AT_ENV) != f"{point}:{path.name}":
        return
    marker = os.environ.get(PAUSE_MARKER_ENV)
    if marker:
        Path(marker).touch()
    threading.Event().wait()


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files that an earlier write of ``path`` left when it was killed.

    Only names this module makes (``.<name>.<random>.tmp`` beside ``path``) are touched.
    """
    path = Path(path)
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _existing_mode(path: Path) -> int:
    """Return the mode of the file being replaced, else 0o666 less the process's umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
