"""The code's layout: only the readers and writers of a format touch its libraries, and
modules stay small.

python-docx and lxml belong to the DOCX writer (``write/docx``) and to the one module
that reads a pack DOCX back for ``briefgen pull`` (``read/docx_pack.py``); reportlab
belongs to the PDF writer (``write/pdf``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"
MODULES = sorted(PACKAGE.rglob("*.py"))
# library -> the only packages ("dir/") or modules ("file.py") that may import it
DOCX_CODE = ("write/docx/", "read/docx_pack.py")
OWNERS = {
    "docx": DOCX_CODE,
    "lxml": DOCX_CODE,
    "reportlab": ("write/pdf/",),
    "pikepdf": ("write/pdf/",),
}
MAX_LINES = 500


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_only_the_writers_import_their_libraries(path: Path) -> None:
    where = path.relative_to(PACKAGE).as_posix()
    for library in _imported(path) & set(OWNERS):
        owners = OWNERS[library]
        assert any(where.startswith(o) if o.endswith("/") else where == o for o in owners), (
            f"{where} imports {library}"
        )


def test_no_module_is_over_500_lines() -> None:
    long = {
        p.relative_to(PACKAGE).as_posix(): n
        for p in MODULES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long
