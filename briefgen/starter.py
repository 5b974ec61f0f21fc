"""Write a starter brief file for ``briefgen new``."""

from __future__ import annotations

from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.write.atomic import write_atomic

STARTER = Path(__file__).parent / "data" / "starter.yaml"


def write_starter(path: Path, *, force: bool = False) -> None:
    """Write the commented starter brief to ``path``; refuse to overwrite unless ``force``."""
    if path.exists() and not force:
        raise BriefgenError(
            Problem(
                "the file already exists", str(path), hint="choose another name, or add --force"
            )
        )
    if path.exists() and path.is_dir():
        raise BriefgenError(Problem("this is a folder", str(path), hint="name a .yaml file"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, STARTER.read_bytes())
    except OSError as exc:
        raise BriefgenError(Problem(f"cannot write the file: {exc.strerror}", str(path))) from None
