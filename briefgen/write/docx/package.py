"""Core properties and the reproducible zip package."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from briefgen.document import (
    Document,
)
from briefgen.snapshot import PACK_NS
from briefgen.write.docx.template import language
from briefgen.write.docx.xml import clean_text

# python-docx refuses longer core properties (Word's own limit)
_CORE_PROPERTY_LIMIT = 255


def _core_text(text: str) -> str:
    """Return ``text`` cleaned and cut to the 255 characters a core property may hold."""
    text = clean_text(text)
    return text if len(text) <= _CORE_PROPERTY_LIMIT else text[: _CORE_PROPERTY_LIMIT - 1] + "…"


def core_properties(document: docx.document.Document, doc: Document) -> None:
    created = doc.created
    when = datetime(created.year, created.month, created.day, tzinfo=UTC)
    props = document.core_properties
    props.title = _core_text(doc.title)
    props.subject = _core_text(doc.subject)
    props.author = _core_text(doc.author)
    props.last_modified_by = _core_text(doc.author)
    props.keywords = _core_text("; ".join(doc.keywords))
    props.comments = ""
    props.category = ""
    props.language = language(doc)
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1


def _zip_time(created: date) -> tuple[int, int, int, int, int, int]:
    if created.year < 1980 or created.year > 2107:
        return (1980, 1, 1, 0, 0, 0)
    return (created.year, created.month, created.day, 0, 0, 0)


def package_bytes(document: docx.document.Document, created: date) -> bytes:
    """Save the package with fixed zip timestamps and a stable entry order."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = _zip_time(created)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():  # python-docx writes parts in a deterministic order
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            fixed.create_system = 0
            zout.writestr(fixed, zin.read(info.filename), compresslevel=6)
    return out.getvalue()


_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_RT_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_PACK_ITEM_ID = "{6B1F0D3E-5A8C-4C21-9B7E-2F4D8A1C0E57}"  # fixed, so builds stay reproducible


def add_pack_part(document: docx.document.Document, snapshot: str) -> None:
    """Store the pack's snapshot (JSON) in a custom XML part that no reader is shown."""
    package = document.part.package
    root = etree.Element(f"{{{PACK_NS}}}pack", nsmap={None: PACK_NS})
    root.text = clean_text(snapshot)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    item = Part(PackURI("/customXml/item90.xml"), CT.XML, blob, package)
    props_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<ds:datastoreItem ds:itemID="{_PACK_ITEM_ID}" xmlns:ds="{_PROPS_NS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{PACK_NS}"/></ds:schemaRefs></ds:datastoreItem>'
    )
    props = Part(PackURI("/customXml/itemProps90.xml"), _CT_PROPS, props_xml.encode(), package)
    item.relate_to(props, _RT_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)
