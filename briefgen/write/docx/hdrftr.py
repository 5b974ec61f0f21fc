"""Headers and footers: the marking and "Page N of M"."""

from __future__ import annotations

import re

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from briefgen.document import (
    Document,
)
from briefgen.write.docx.xml import NS, clean_text, text_runs, w_p


def _field(instr: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _page_line(doc: Document, ids: dict[str, str], tabs: str = "") -> str:
    return w_p(
        ids["footer"],
        text_runs(doc.footer, "")
        + '<w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>'
        + _field("PAGE")
        + '<w:r><w:t xml:space="preserve"> of </w:t></w:r>'
        + _field("NUMPAGES"),
        tabs,
    )


def _template_footer_tabs(document: docx.document.Document, style_id: str, width: int) -> str:
    """Return tab stops putting "Page N of M" at the right margin under a template's footer
    style, whose own stops (often a centre and a right stop for another page size) are
    cleared; empty when the style already has just a right stop at the margin."""
    styles = document.styles.element
    positions: dict[int, str] = {}
    seen: set[str] = set()
    sid: str | None = style_id
    while sid and sid not in seen:  # the style and the styles it is based on
        seen.add(sid)
        node = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{sid}']")
        if node is None:
            break
        for tab in node.iterfind(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}"):
            try:
                pos = int(tab.get(qn("w:pos")) or "")
            except ValueError:
                continue
            positions.setdefault(pos, tab.get(qn("w:val")) or "")
        based = node.find(qn("w:basedOn"))
        sid = based.get(qn("w:val")) if based is not None else None
    active = {pos: kind for pos, kind in positions.items() if kind != "clear"}
    if active == {width: "right"}:
        return ""
    clears = "".join(f'<w:tab w:val="clear" w:pos="{pos}"/>' for pos in sorted(active))
    return f'<w:tabs>{clears}<w:tab w:val="right" w:pos="{width}"/></w:tabs>'


def _append_xml(container: etree._Element, xml: str, at_start: bool = False) -> None:
    """Append (or prepend) the paragraphs in ``xml`` to a header or footer element."""
    nodes = list(parse_xml(f"<w:x {NS}>{xml}</w:x>"))
    if at_start:
        for node in reversed(nodes):
            container.insert(0, node)
    else:
        for node in nodes:
            container.append(node)


def _own_hdrftr(hdrftr: docx.section._BaseHeaderFooter) -> etree._Element:
    """Return the w:hdr or w:ftr element of this section's own header or footer; one
    still "linked to previous" has no definition anywhere, so it gets a new, empty one."""
    if hdrftr.is_linked_to_previous:
        hdrftr.is_linked_to_previous = False
        element = hdrftr._element
        for node in list(element):  # python-docx starts it with an empty paragraph
            element.remove(node)
        return element
    return hdrftr._element


def _has_text(container: etree._Element, text: str) -> bool:
    want = text.strip().lower()
    for p in container.iter(qn("w:p")):
        got = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip().lower()
        if got == want:
            return True
    return False


def _has_page_field(container: etree._Element) -> bool:
    instr = "".join(t.text or "" for t in container.iter(qn("w:instrText")))
    simple = " ".join(f.get(qn("w:instr")) or "" for f in container.iter(qn("w:fldSimple")))
    return bool(re.search(r"\bPAGE\b", instr + " " + simple))


def headers_footers(
    document: docx.document.Document,
    doc: Document,
    ids: dict[str, str],
    stock: bool,
    text_width: int,
) -> None:
    marking = clean_text(doc.marking).strip()
    marking_xml = w_p(ids["marking"], text_runs(marking, "")) if marking else ""
    sect = document.sections[-1]
    if stock:
        if marking:
            hdr = sect.header._element
            for node in list(hdr):
                hdr.remove(node)
            _append_xml(hdr, marking_xml)
        ftr = sect.footer._element
        for node in list(ftr):
            ftr.remove(node)
        _append_xml(ftr, marking_xml + _page_line(doc, ids))
        return
    # an organisation's template: keep its headers and footers, add what is missing
    tabs = _template_footer_tabs(document, ids["footer"], text_width)
    variants = [(sect.header, sect.footer)]
    if sect.different_first_page_header_footer:
        variants.append((sect.first_page_header, sect.first_page_footer))
    if document.settings.odd_and_even_pages_header_footer:
        variants.append((sect.even_page_header, sect.even_page_footer))
    for header, footer in variants:
        # (inherited definitions were copied to this section, so a header or footer still
        # "linked to previous" has none: give it its own, empty one)
        if marking:
            hdr = _own_hdrftr(header)
            if not _has_text(hdr, marking):
                _append_xml(hdr, marking_xml, at_start=True)
        ftr = _own_hdrftr(footer)
        extra = ""
        if marking and not _has_text(ftr, marking):
            extra += marking_xml
        if not _has_page_field(ftr):
            extra += _page_line(doc, ids, tabs)
        if extra:
            _append_xml(ftr, extra)
