"""Open the stock base or an organisation's template and set up its page."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from briefgen.document import (
    Document,
)
from briefgen.errors import BriefgenError, Problem
from briefgen.styles import Style
from briefgen.write.docx.xml import NS, clean_text, twips_mm

_DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


_TEMPLATE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


# an organisation's template with its logos and fonts is a few megabytes
_MAX_TEMPLATE_BYTES = 50_000_000


_MAX_TEMPLATE_UNPACKED = 200_000_000


_LANG_RE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


HEADER_FOOTER_MM = 8.0  # header and footer distance from the page edge


def open_template(template: Path | None) -> docx.document.Document:
    """Open our blank base document or an organisation's template (.docx or .dotx)."""
    if template is None:
        return docx.Document()
    path = Path(template)

    def fail(message: str) -> BriefgenError:
        return BriefgenError(
            Problem(
                message,
                file=str(path),
                hint="give a Word document or template saved as .docx or .dotx",
            )
        )

    try:
        size = path.stat().st_size
        if size > _MAX_TEMPLATE_BYTES:
            raise fail(f"the Word template is {size / 1e6:,.0f} MB, more than a template needs")
        data = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read the Word template: {exc.strerror or exc}") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zin:
            # a small file can unpack to gigabytes (a "zip bomb"); python-docx unpacks it all
            unpacked = sum(info.file_size for info in zin.infolist())
            if unpacked > _MAX_TEMPLATE_UNPACKED:
                raise fail(
                    f"the Word template unpacks to {unpacked / 1e6:,.0f} MB, "
                    "more than a template needs"
                )
            types = zin.read("[Content_Types].xml").decode("utf-8")
            if "macroEnabled.main+xml" in types or "macroEnabledTemplate.main+xml" in types:
                raise fail("macro-enabled Word files (.docm, .dotm) are not supported as templates")
            if _TEMPLATE_CT in types:  # a .dotx: open it as a document
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
                    for info in zin.infolist():
                        blob = zin.read(info.filename)
                        if info.filename == "[Content_Types].xml":
                            blob = types.replace(_TEMPLATE_CT, _DOC_CT).encode("utf-8")
                        zout.writestr(info, blob)
                data = buf.getvalue()
        return docx.Document(io.BytesIO(data))
    except BriefgenError:
        raise
    except (zipfile.BadZipFile, KeyError, PackageNotFoundError, UnicodeDecodeError):
        raise fail("not a Word file (.docx or .dotx)") from None
    except etree.XMLSyntaxError as exc:
        raise fail(f"the Word template holds broken XML: {exc}") from None
    except (ValueError, AttributeError, TypeError, NotImplementedError) as exc:
        raise fail(f"cannot use this Word file as a template: {exc}") from None


def drop_extras(document: docx.document.Document) -> None:
    """Drop parts of python-docx's stock template that do not belong in our documents."""
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in (
            RT.CUSTOM_XML,
            "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
        ):
            del part.rels[rid]
    pkg_rels = part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]


def stock_setup(document: docx.document.Document, sheet: Style, doc: Document) -> None:
    """Prepare python-docx's stock template: our fonts, settings, app properties."""
    pkg = document.part.package
    for p in pkg.iter_parts():
        if str(p.partname).startswith("/word/theme/"):
            root = etree.fromstring(p.blob)
            a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
            for tag in ("majorFont", "minorFont"):
                for latin in root.iter(f"{a}{tag}"):
                    node = latin.find(f"{a}latin")
                    if node is not None:
                        node.set("typeface", sheet.font)
            p._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif str(p.partname) == "/docProps/app.xml":
            p._blob = (
                b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template>'
                b"<TotalTime>0</TotalTime><Application>briefgen</Application>"
                b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
                b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
            )
    settings = document.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState"):
        for node in settings.findall(qn(tag)):
            settings.remove(node)
    for node in settings.iter(qn("w:compatSetting")):
        if node.get(qn("w:name")) == "compatibilityMode":
            node.set(qn("w:val"), "15")
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), language(doc))
        lang.attrib.pop(qn("w:eastAsia"), None)
    # page set-up from the style sheet
    sect = document.sections[0]._sectPr
    for tag in ("w:pgSz", "w:pgMar"):
        for node in sect.findall(qn(tag)):
            sect.remove(node)
    for name in list(sect.attrib):
        del sect.attrib[name]
    anchor = sect.find(qn("w:cols"))
    new = parse_xml(f"<w:x {NS}>{page_setup_xml(sheet)}</w:x>")
    for node in list(new):  # in schema order: headerReference..., pgSz, pgMar, cols
        if anchor is not None:
            anchor.addprevious(node)
        else:
            sect.append(node)


def page_setup_xml(sheet: Style) -> str:
    """Return w:pgSz and w:pgMar for the style sheet's paper and margins."""
    width_mm, height_mm = sheet.page_mm
    top, right, bottom, left = sheet.margins
    hf = twips_mm(HEADER_FOOTER_MM)
    return (
        f'<w:pgSz w:w="{twips_mm(width_mm)}" w:h="{twips_mm(height_mm)}"/>'
        f'<w:pgMar w:top="{twips_mm(top)}" w:right="{twips_mm(right)}" '
        f'w:bottom="{twips_mm(bottom)}" w:left="{twips_mm(left)}" '
        f'w:header="{hf}" w:footer="{hf}" w:gutter="0"/>'
    )


def language(doc: Document) -> str:
    lang = clean_text(doc.language or "").strip()
    return lang if _LANG_RE.fullmatch(lang) else "en-GB"


def drop_unreferenced_hdrftr(document: docx.document.Document) -> None:
    """Drop headers/footers only the template's removed sections referred to."""
    part = document.part
    used = {
        ref.get(qn("r:id"))
        for tag in ("w:headerReference", "w:footerReference")
        for ref in part.element.body.iter(qn(tag))
    }
    for rid, rel in list(part.rels.items()):
        if rel.reltype in (RT.HEADER, RT.FOOTER) and rid not in used:
            del part.rels[rid]


def inherit_hdrftr(document: docx.document.Document) -> None:
    """Give the template's last section the headers and footers it inherits from earlier
    sections, which go when the body is replaced (only the last section is kept)."""
    sections = [s._sectPr for s in document.sections]
    last = sections[-1]
    for tag in ("w:headerReference", "w:footerReference"):
        for kind in ("default", "first", "even"):
            if last.find(f"{qn(tag)}[@{qn('w:type')}='{kind}']") is not None:
                continue
            for earlier in reversed(sections[:-1]):
                ref = earlier.find(f"{qn(tag)}[@{qn('w:type')}='{kind}']")
                if ref is not None:
                    last.insert(0, copy.deepcopy(ref))
                    break


def drop_extras_template(document: docx.document.Document) -> None:
    """Drop a template's thumbnail: it shows the template, not our document."""
    pkg_rels = document.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]
