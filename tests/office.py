"""Test helper: convert a DOCX to PDF with LibreOffice, for checks of how a file lays out.

``convert_to_pdf`` runs ``soffice --headless --convert-to pdf`` with a temporary user
profile of its own, so tests running in parallel do not fight over one profile, and with
a timeout. Mark tests that need it with ``needs_soffice``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

_skip_without_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (no soffice on PATH): the DOCX-to-PDF layout checks "
    "need it, e.g. apt-get install libreoffice-writer-nogui",
)


def needs_soffice(func: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a test that runs LibreOffice: it is slow, and skips when soffice is missing."""
    return pytest.mark.slow(_skip_without_soffice(func))


# LibreOffice's PDF export filter with a tagged PDF/UA export (for accessibility checks)
TAGGED_PDF = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)


def convert_to_pdf(
    docx_path: Path, outdir: Path, timeout: float = 180, convert_to: str = "pdf"
) -> Path:
    """Convert ``docx_path`` to PDF in ``outdir`` with LibreOffice and return the PDF's path.

    ``convert_to`` is soffice's ``--convert-to`` argument (e.g. ``TAGGED_PDF``).

    Raises ``RuntimeError`` with soffice's output if the conversion fails or times out.
    """
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    docx_path = Path(docx_path).resolve()
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    pdf = outdir / f"{docx_path.stem}.pdf"
    pdf.unlink(missing_ok=True)  # soffice can exit 0 without writing anything
    with tempfile.TemporaryDirectory(prefix="briefgen-soffice-") as profile:
        cmd = [
            SOFFICE,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            convert_to,
            "--outdir",
            str(outdir),
            str(docx_path),
        ]
        code, output = run_soffice(cmd, timeout, f"convert {docx_path.name}")
    if code != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        raise RuntimeError(f"soffice could not convert {docx_path.name} (exit {code})\n{output}")
    return pdf


def run_soffice(cmd: list[str], timeout: float, what: str) -> tuple[int, str]:
    """Run a soffice command line in its own process group; return its exit code and output.

    A run that takes longer than ``timeout`` seconds is killed with its children and
    raises ``RuntimeError`` saying it did not ``what`` in time.
    """
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise RuntimeError(f"soffice did not {what} within {timeout:.0f} s\n{out}{err}") from None
    return proc.returncode, out + err
