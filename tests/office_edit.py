"""Test helper: edit a DOCX with LibreOffice headless by running a Basic macro on it.

LibreOffice here has no Python (UNO) bridge, so the edit is a Basic macro placed in a
temporary user profile of its own (tests running at once do not share one) and run with
``soffice --headless macro:///Standard.Module1.Edit("in", "out")``; the document is
saved back as "MS Word 2007 XML", as a user's Save would.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.office import SOFFICE, run_soffice

_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" \
script:language="StarBasic">{code}</script:module>
"""

_WRAPPER = """
Sub Edit(inPath As String, outPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden" : args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  Body(doc)
  Dim sargs(0) As New com.sun.star.beans.PropertyValue
  sargs(0).Name = "FilterName" : sargs(0).Value = "MS Word 2007 XML"
  doc.storeToURL(ConvertToURL(outPath), sargs())
  doc.close(True)
End Sub
"""


def _run(cmd: list[str], timeout: float) -> str:
    return run_soffice(cmd, timeout, "edit the document")[1]


def edit_with_libreoffice(src: Path, dst: Path, body: str, timeout: float = 180) -> None:
    """Open ``src`` in LibreOffice, run the Basic ``Sub Body(doc)`` in ``body``, save to ``dst``."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: the edit-in-LibreOffice tests need it")
    with tempfile.TemporaryDirectory(prefix="briefgen-soffice-") as profile:
        env = f"-env:UserInstallation={Path(profile).as_uri()}"
        base = [SOFFICE, env, "--headless", "--norestore", "--nologo", "--nolockcheck"]
        _run([*base, "--terminate_after_init"], timeout)
        module = Path(profile) / "user" / "basic" / "Standard" / "Module1.xba"
        if not module.parent.is_dir():
            raise RuntimeError(f"soffice did not create its profile in {profile}")
        module.write_text(_MODULE.format(code=escape(_WRAPPER + body)), encoding="utf-8")
        dst.unlink(missing_ok=True)
        log = _run([*base, f'macro:///Standard.Module1.Edit("{src}","{dst}")'], timeout)
    if not dst.is_file():
        raise RuntimeError(f"the LibreOffice macro did not save {dst.name}\n{log}")
