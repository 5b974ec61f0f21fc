"""Test helper: check that built files are valid and read back what a reader would see.

``docx_text`` opens a DOCX with python-docx; ``pdf_text`` extracts a PDF's text (poppler's
pdftotext when installed, else pypdf); ``check_pdf`` runs ``qpdf --check`` (else pypdf);
``words_outside`` lists words that poppler places outside the page's margins. Tests that
need poppler or qpdf are marked with ``needs_poppler`` / ``needs_qpdf`` and skip, saying
why, when those are missing.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

PDFTOTEXT = shutil.which("pdftotext")
QPDF = shutil.which("qpdf")

needs_poppler = pytest.mark.skipif(
    PDFTOTEXT is None,
    reason="poppler-utils is not installed (no pdftotext on PATH): the page-edge checks need "
    "it, e.g. apt-get install poppler-utils",
)
needs_qpdf = pytest.mark.skipif(
    QPDF is None,
    reason="qpdf is not installed: the PDF structure checks need it, e.g. apt-get install qpdf",
)

MM = 72 / 25.4


def squash(text: str) -> str:
    """Return ``text`` without any whitespace, to compare text across line breaks."""
    return "".join(text.split())


def docx_text(path: Path) -> str:
    """Open ``path`` with python-docx (which fails on a broken file) and return all its text.

    Paragraphs, table cells (nested ones too), headers and footers, one per line.
    """
    import docx

    document = docx.Document(str(path))
    out: list[str] = []

    def paragraphs(container) -> None:
        for p in container.paragraphs:
            out.append(p.text)
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    paragraphs(cell)

    paragraphs(document)
    for section in document.sections:
        paragraphs(section.header)
        paragraphs(section.footer)
    # every XML part must parse (python-docx reads only some of them)
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))
    return "\n".join(out)


def docx_link_targets(path: Path) -> list[str]:
    """Return the targets of every external relationship in a DOCX (links, images...)."""
    targets = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".rels"):
                xml = z.read(name).decode("utf-8")
                for m in re.finditer(r"<Relationship\b[^>]*>", xml):
                    if 'TargetMode="External"' in m.group():
                        target = re.search(r'Target="([^"]*)"', m.group()).group(1)
                        targets.append(html.unescape(target))
    return targets


def check_pdf(path: Path) -> None:
    """Fail unless ``path`` is a sound PDF: ``qpdf --check`` when installed, else pypdf."""
    if QPDF is not None:
        r = subprocess.run([QPDF, "--check", str(path)], capture_output=True, text=True)
        # exit 0: no problems; 3: warnings only; 2: errors
        assert r.returncode == 0, f"qpdf --check {path}:\n{r.stdout}{r.stderr}"
    else:
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(Path(path).read_bytes()), strict=True)
        assert len(reader.pages) >= 1


def pdf_text(path: Path) -> str:
    """Return the text of a PDF (poppler's pdftotext when installed, else pypdf)."""
    if PDFTOTEXT is not None:
        r = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True)
        assert r.returncode == 0, r.stderr
        return r.stdout.decode("utf-8")
    import pypdf

    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


_FURNITURE = re.compile(r"^(Page \d+ of \d+|.* · As at .*|Date|Event|Sources)$")


def pdf_body_text(path: Path) -> str:
    """Return a PDF's text without the lines that repeat on every page (header row, footer).

    Text that runs across a page break can then be compared as one piece.
    """
    pages = pdf_text(path).split("\f")
    kept = [line for page in pages for line in page.splitlines() if not _FURNITURE.match(line)]
    return "\n".join(kept)


def pdf_link_targets(path: Path) -> list[str]:
    """Return the URI of every link annotation in a PDF, and fail on any other link action."""
    import pypdf

    reader = pypdf.PdfReader(str(path))
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is None:
                continue  # an internal destination (/Dest)
            action = action.get_object()
            assert action.get("/S") in ("/URI", "/GoTo"), action
            if action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
    return uris


def words_outside(path: Path, margin_mm: float = 0.0) -> list[str]:
    """Return the words poppler places (partly) outside the page, less ``margin_mm``."""
    r = subprocess.run([PDFTOTEXT, "-bbox", str(path), "-"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    bad = []
    edge = margin_mm * MM - 0.5  # half a point of rounding
    page_re = r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>'
    word_re = r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)<'
    for n, page in enumerate(re.finditer(page_re, r.stdout, re.S), 1):
        w, h = float(page[1]), float(page[2])
        for m in re.finditer(word_re, page[3]):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            if x0 < edge or y0 < 0 or x1 > w - edge or y1 > h:
                bad.append(f"page {n}: {m[5][:40]!r} at x {x0:.1f}-{x1:.1f} of {w:.1f}")
    return bad


def check_pack(outdir: Path, name: str = "brief") -> dict[str, str]:
    """Check every file of a built pack and return each one's text, by file name."""
    texts = {}
    for path in sorted(Path(outdir).glob(f"{name}-*")):
        if path.suffix == ".docx":
            texts[path.name] = docx_text(path)
        elif path.suffix == ".pdf":
            check_pdf(path)
            texts[path.name] = pdf_text(path)
    return texts
