"""The PDF writer's entry point: render_pdf and count_pages."""

from __future__ import annotations

import io
from hashlib import md5
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Frame,
    PageTemplate,
)
from reportlab.platypus.doctemplate import LayoutError

from briefgen.document import (
    Document,
)
from briefgen.styles import Style
from briefgen.stylespec import leading
from briefgen.write.pdf.flowables import doc_flowables
from briefgen.write.pdf.page import DocTemplate, PageCanvas, PageProgress, page_furniture, pdf_date
from briefgen.write.pdf.paragraphs import rl_paragraph
from briefgen.write.pdf.structure import finish
from briefgen.write.pdf.styles import Styles
from briefgen.write.pdf.tagging import StructTree
from briefgen.write.pdf.text import clean


def render_pdf(
    doc: Document, style: Style, progress: PageProgress | None = None, tagged: bool = True
) -> tuple[bytes, int]:
    """Render ``doc`` in ``style`` as PDF; return the bytes and the number of pages.

    ``progress`` (None: no reports) is called after each page with the table rows laid
    out so far, the document's table rows and the pages done. ``tagged`` makes a tagged
    PDF (PDF/UA-1: a structure tree, page furniture as artifacts); untagged, the pages
    look exactly the same. The output depends only on ``doc`` and ``style``:
    byte-identical on every run.
    """
    st = Styles(style)
    page_w, page_h = (v * mm for v in style.page_mm)
    top, right, bottom, left = (m * mm for m in style.margins)
    text_width = page_w - left - right
    frame_height = page_h - top - bottom
    buf = io.BytesIO()
    template = DocTemplate(
        buf,
        pagesize=(page_w, page_h),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=clean(doc.title),
        author=clean(doc.author),
        subject=clean(doc.subject),
        keywords=[clean(k) for k in doc.keywords],
        creator="briefgen",
        producer="briefgen (ReportLab)",
        invariant=1,
        lang=doc.language or None,
        displayDocTitle=1,
        initialFontName=st.font(),
        initialFontSize=style.sizes["body"],
        initialLeading=leading(style.sizes["body"]),
    )
    frame = Frame(
        left,
        bottom,
        text_width,
        frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    # the title paragraph is a level-1 heading to PDF/UA-1, which has no Title role
    tree = StructTree(role_map={"Title": "H1"}) if tagged else None
    marking_elem = tree.root.add("P") if tree is not None and doc.marking.strip() else None
    on_page, on_page_end = page_furniture(doc, st, page_w, page_h, marking_elem)
    template.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=on_page, onPageEnd=on_page_end)]
    )
    flowables = doc_flowables(doc, st, text_width, frame_height, tree)
    template.briefgen_progress = progress
    template.briefgen_rows_total = sum(getattr(f, "briefgen_rows", 0) for f in flowables)

    made: list[PageCanvas] = []

    def canvasmaker(*args: Any, **kwargs: Any) -> PageCanvas:
        canv = PageCanvas(*args, **kwargs)
        if tree is not None:
            tree.attach(canv)
        made.append(canv)
        pdf = canv._doc
        # fixed dates and a document id from the content, never from the clock or environment
        canv.setDateFormatter(lambda *_a: pdf_date(doc))
        pdf.signature = md5(
            repr((doc.title, doc.created.isoformat(), doc.kind)).encode("utf-8", "replace"),
            usedforsecurity=False,
        )
        return canv

    if not flowables:
        flowables = [rl_paragraph(st, (), "body")]
    template.build(flowables, canvasmaker=canvasmaker)
    pages: int = made[-1].briefgen_pages
    if tree is None:
        return buf.getvalue(), pages
    return finish(buf.getvalue(), tree, clean(doc.title), doc.language or "en-GB"), pages


# the page count of a document with a block that fits on no page
UNPLACEABLE_PAGES = 1_000_000


def count_pages(doc: Document, style: Style) -> int:
    """Return how many pages ``doc`` takes in ``style`` (renders it untagged: the same
    pages, sooner; a briefing is quick).

    A block taller than the whole page (a timeline on a small measuring page) cannot be
    laid out at all: that counts as more pages than one, never as an error.
    """
    try:
        return render_pdf(doc, style, tagged=False)[1]
    except LayoutError:
        return UNPLACEABLE_PAGES
