"""Read a pack DOCX as Word or LibreOffice saved it: its rows, briefing sections and snapshot.

Reads ``word/document.xml`` with lxml, as the user's word processor left it: text split
across runs, proofing marks, ``w:rsid`` attributes, smart tags, content controls and
fields are all read through. Tracked changes are read as if accepted (insertions kept,
deletions dropped), since that is the text the user means to send.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from briefgen.errors import BriefgenError, Problem
from briefgen.snapshot import PACK_NS, load_snapshot

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DROPPED = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{W}}}rPr", f"{{{W}}}pPr", f"{{{W}}}instrText"}
MAX_PART_BYTES = 100_000_000


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class DocParagraph:
    """A paragraph's text and its style id ("" for none)."""

    text: str
    style: str


@dataclass(frozen=True)
class DocRow:
    """A table row of the chronology: its hidden bookmarks and each cell's paragraphs."""

    bookmarks: tuple[str, ...]
    cells: tuple[tuple[DocParagraph, ...], ...]
    where: str  # "table 3, row 5", for messages


@dataclass(frozen=True)
class Pack:
    """What a pack DOCX holds: its snapshot (``None`` if missing), rows and body paragraphs."""

    snapshot: dict[str, Any] | None
    rows: tuple[DocRow, ...]
    paragraphs: tuple[DocParagraph, ...]  # body paragraphs outside tables, in order


def paragraph_text(p: etree._Element) -> str:
    """Return the text of a ``w:p`` as its reader sees it (tracked changes accepted)."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _DROPPED:
                continue
            if tag == _w("t"):
                out.append(child.text or "")
            elif tag == _w("tab"):
                out.append("\t")
            elif tag in (_w("br"), _w("cr")):
                out.append("\n")
            elif tag == _w("noBreakHyphen"):
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _style(p: etree._Element) -> str:
    node = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    return node.get(_w("val"), "") if node is not None else ""


def _paragraphs(container: etree._Element) -> tuple[DocParagraph, ...]:
    return tuple(DocParagraph(paragraph_text(p), _style(p)) for p in container.iter(_w("p")))


def _row_deleted(tr: etree._Element) -> bool:
    return tr.find(f"{_w('trPr')}/{_w('del')}") is not None


def _is_header(tr: etree._Element) -> bool:
    return tr.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None


def _fail(path: Path, message: str) -> BriefgenError:
    return BriefgenError(
        Problem(message, str(path), hint="give the .docx file of a pack that briefgen built")
    )


def _part(z: zipfile.ZipFile, name: str, path: Path) -> bytes:
    info = z.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise _fail(path, f"{name} is too large to read")
    return z.read(info)


def read_pack(path: Path) -> Pack:
    """Read the pack DOCX at ``path``; raise ``BriefgenError`` if it is not a readable DOCX."""
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if "word/document.xml" not in names:
                raise _fail(path, "not a Word document (no word/document.xml)")
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            body_xml = etree.fromstring(_part(z, "word/document.xml", path), parser)
            snapshot = None
            for name in names:
                if name.startswith("customXml/item") and "Props" not in name:
                    try:
                        root = etree.fromstring(_part(z, name, path), parser)
                    except etree.XMLSyntaxError:
                        continue
                    if root.tag == f"{{{PACK_NS}}}pack":
                        snapshot = load_snapshot((root.text or "").strip())
    except FileNotFoundError:
        raise BriefgenError(Problem("no such file", str(path), hint="check the path")) from None
    except (zipfile.BadZipFile, KeyError, OSError):
        raise _fail(path, "not a Word document (.docx)") from None
    except etree.XMLSyntaxError as exc:
        raise _fail(path, f"the document holds broken XML: {exc}") from None

    body = body_xml.find(_w("body"))
    if body is None:
        raise _fail(path, "the document has no body")
    rows: list[DocRow] = []
    paragraphs: list[DocParagraph] = []
    n_table = 0
    for block in body.iter(_w("p"), _w("tbl")):
        if block.tag == _w("p"):
            if not any(a.tag == _w("tbl") for a in block.iterancestors()):
                paragraphs.append(DocParagraph(paragraph_text(block), _style(block)))
            continue
        if any(a.tag == _w("tbl") for a in block.iterancestors()):
            continue  # a nested table: its text is read with its cell
        n_table += 1
        for n_row, tr in enumerate(block.findall(_w("tr")), 1):
            if _is_header(tr) or _row_deleted(tr):
                continue
            cells = tuple(_paragraphs(tc) for tc in tr.findall(_w("tc")))
            marks = tuple(
                b.get(_w("name"), "")
                for b in tr.iter(_w("bookmarkStart"))
                if b.get(_w("name"), "").startswith("_bg")
            )
            rows.append(DocRow(marks, cells, f"table {n_table}, row {n_row}"))
    return Pack(snapshot, tuple(rows), tuple(paragraphs))
