"""Write a starter brief file for ``briefgen new``."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.write.atomic import write_atomic

STARTER = Path(__file__).parent / "data" / "starter.yaml"
# the dates in the starter that should be the day it is written: as_of and published
_DATED = re.compile(rb"^(\s*(?:as_of|published): )\d{4}-\d{2}-\d{2}", re.MULTILINE)


def starter_text(today: date) -> bytes:
    """Return the starter brief with ``as_of`` and its source's ``published`` set to ``today``."""
    return _DATED.sub(lambda m: m.group(1) + today.isoformat().encode(), STARTER.read_bytes())


def write_starter(path: Path, today: date, *, force: bool = False) -> None:
    """Write the commented starter brief, dated ``today``, to ``path``; refuse to overwrite
    unless ``force``."""
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
        write_atomic(path, starter_text(today))
    except OSError as exc:
        raise BriefgenError(Problem(f"cannot write the file: {exc.strerror}", str(path))) from None
