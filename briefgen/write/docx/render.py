"""The DOCX writer's entry point: render_docx."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from briefgen.document import (
    Document,
    Table,
)
from briefgen.errors import BriefgenError, Problem
from briefgen.snapshot import KEY as PACK_KEY
from briefgen.styles import Style
from briefgen.write.docx.blocks import body_xml
from briefgen.write.docx.context import Ctx
from briefgen.write.docx.hdrftr import headers_footers
from briefgen.write.docx.package import add_pack_part, core_properties, package_bytes
from briefgen.write.docx.stylepart import merge_styles
from briefgen.write.docx.template import (
    drop_extras,
    drop_extras_template,
    drop_unreferenced_hdrftr,
    inherit_hdrftr,
    open_template,
    page_setup_xml,
    stock_setup,
)
from briefgen.write.docx.xml import NS, twips_mm


def render_docx(
    doc: Document,
    style: Style,
    template: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Return ``doc`` as the bytes of a DOCX file laid out with ``style``.

    ``template`` (a .docx or .dotx) supplies an organisation's styles, page set-up,
    headers and footers; a file that is not a usable Word file raises ``BriefgenError``
    naming it. ``progress`` (None: no reports) is told the table rows written so far and
    the document's table rows, every few hundred rows. The same inputs always give the
    same bytes.
    """
    document = open_template(template)
    if template is None:
        ctx = _prepare(document, doc, style, stock=True)
    else:
        try:
            ctx = _prepare(document, doc, style, stock=False)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            raise BriefgenError(
                Problem(
                    f"cannot use this Word file as a template: {exc}",
                    file=str(template),
                    hint="open it in Word, save it as a new .docx or .dotx and try again",
                )
            ) from None
    body = document.part.element.body
    sect_pr = body.find(qn("w:sectPr"))
    sect_xml = etree.tostring(sect_pr, encoding="unicode") if sect_pr is not None else ""
    if template is None:
        sect_xml = re.sub(r"^<w:sectPr[^>]*>", "<w:sectPr>", sect_xml)
    if progress is not None:
        ctx.progress = progress
        ctx.rows_total = sum(len(b.rows) for b in doc.blocks if isinstance(b, Table))
    content = body_xml(doc.blocks, ctx)
    new_body = parse_xml(f"<w:body {NS}>{content}{sect_xml}</w:body>")
    body.getparent().replace(body, new_body)
    if template is not None:
        drop_unreferenced_hdrftr(document)
    if PACK_KEY in doc.meta:
        add_pack_part(document, doc.meta[PACK_KEY])
    return package_bytes(document, doc.created)


def _prepare(document: docx.document.Document, doc: Document, style: Style, stock: bool) -> Ctx:
    """Set up styles, numbering, page, headers, footers and properties; return the context."""
    if stock:
        drop_extras(document)
        stock_setup(document, style, doc)
    else:
        drop_extras_template(document)
        body = document.part.element.body
        if body.find(qn("w:sectPr")) is None:  # a template may leave its page set-up out
            body.append(parse_xml(f"<w:sectPr {NS}>{page_setup_xml(style)}</w:sectPr>"))
        inherit_hdrftr(document)
    section = document.sections[-1]
    page_w = section.page_width or twips_mm(style.page_mm[0]) * 635
    page_h = section.page_height or twips_mm(style.page_mm[1]) * 635
    margins = [
        m if m is not None else twips_mm(d) * 635
        for m, d in zip(
            (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin),
            (style.margins[3], style.margins[1], style.margins[0], style.margins[2]),
            strict=True,
        )
    ]
    text_width = max(1440, round((page_w - margins[0] - margins[1]) / 635))
    text_height = max(1440, round((page_h - margins[2] - margins[3]) / 635))

    ids, num, numbering, has_numpr = merge_styles(document, style, doc, stock, text_width)
    headers_footers(document, doc, ids, stock, text_width)
    core_properties(document, doc)
    return Ctx(
        sheet=style,
        text_width=text_width,
        text_height=text_height,
        ids=ids,
        part=document.part,
        num=num,
        numbering=numbering,
        has_list_numpr=has_numpr,
        next_rid=1,
        next_num_id=num.next_num,
    )
