"""Page furniture (marking, footer, "Page N of M"), the canvas and the doc template."""

from __future__ import annotations

from collections.abc import Callable

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
)

from briefgen.document import (
    Document,
)
from briefgen.stylespec import leading
from briefgen.write.pdf.fonts import fit
from briefgen.write.pdf.styles import Styles
from briefgen.write.pdf.tagging import Element, artifact, content
from briefgen.write.pdf.text import clean

# told (table rows laid out, table rows in the document, pages done) after each page
PageProgress = Callable[[int, int, int], None]


HEADER_DISTANCE = 8 * mm


FOOTER_DISTANCE = 8 * mm


# PDF string escapes, as reportlab's escapePDF makes them, for str.translate
# plain Flate streams: smaller files, and much faster than ASCII85 on top of Flate
rl_config.useA85 = 0

_PDF_ESCAPES = {
    c: (f"\\{c:03o}" if c < 32 or c >= 127 else "\\" + chr(c) if chr(c) in "\\()" else chr(c))
    for c in range(256)
}


# called with the canvas and the doc template at the start or end of each page
PageHook = Callable[[Canvas, BaseDocTemplate], None]


class PageCanvas(Canvas):
    """A canvas that writes "Page N of M" once the total M is known.

    Each page draws a form XObject named for its number; the forms are defined in
    ``save``, when the page count is known (forms may be used before they are defined).
    """

    briefgen_page_text: tuple[str, float, str, float, float] | None = None
    briefgen_pages = 0

    def _escape(self, s: str | bytes) -> str:
        # same output as reportlab's escapePDF, without a Python loop per byte
        if isinstance(s, bytes):
            s = s.decode("latin-1")
        return s.translate(_PDF_ESCAPES)

    def save(self) -> None:
        total = self.getPageNumber() - 1
        if self._code:  # an unfinished page would be added by save()
            total += 1
        self.briefgen_pages = total
        spec = self.briefgen_page_text
        if spec:
            font, size, colour, x, y = spec
            for n in range(1, total + 1):
                self.beginForm(f"briefgenPage{n}")
                self.setFont(font, size)
                self.setFillColor(colors.HexColor(colour))
                self.drawRightString(x, y, f"Page {n} of {total}")
                self.endForm()
        if getattr(self, "briefgen_outline", False):
            self.showOutline()
        super().save()


class DocTemplate(BaseDocTemplate):
    """Draws a table's header row again at the top of each page the table continues on,
    and reports table rows laid out and pages done to ``briefgen_progress``."""

    briefgen_progress: PageProgress | None = None
    briefgen_rows_total = 0
    briefgen_rows_done = 0

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        head = flowables[0] if flowables else None
        make_header = getattr(head, "briefgen_header", None)
        if make_header is not None and self.frame._atTop:
            flowables.insert(0, make_header())
            head = flowables[0]
        result = super().handle_flowable(flowables)
        # a chunk counts once it has left the queue: placed whole, or split and partly placed
        if head is not None and (not flowables or flowables[0] is not head):
            self.briefgen_rows_done += getattr(head, "briefgen_rows", 0)
            head.briefgen_rows = 0  # the same chunk may come back if a split is undone
        return result

    def afterPage(self) -> None:
        if self.briefgen_progress is not None:
            self.briefgen_progress(self.briefgen_rows_done, self.briefgen_rows_total, self.page)


_HEADER = "<</Type /Pagination /Subtype /Header>>"
_FOOTER = "<</Type /Pagination /Subtype /Footer>>"


def page_furniture(
    doc: Document,
    st: Styles,
    page_w: float,
    page_h: float,
    marking_elem: Element | None = None,
) -> tuple[PageHook, PageHook]:
    """Return the hooks that draw each page's furniture, all of it as artifacts when tagged.

    ``marking_elem`` (tagged documents with a marking) takes the top marking of page 1 as
    its content, so that a screen reader, which skips artifacts, hears the marking once.
    """
    style = st.style
    _top, right, _bottom, left = (m * mm for m in style.margins)
    marking = clean(doc.marking).strip()
    footer = clean(doc.footer).strip()
    small = style.sizes["small"]
    mark_size = style.sizes["marking"]
    regular, bold = st.font(False), st.font(True)
    muted = style.colours["muted"]
    footer_y = FOOTER_DISTANCE + 0.3 * small
    mark_bottom_y = footer_y + leading(small) + 0.2 * mark_size
    mark_top_y = page_h - HEADER_DISTANCE - mark_size
    right_x = page_w - right
    reserve = pdfmetrics.stringWidth("Page 8888 of 8888", regular, small) + 12
    footer_text = fit(footer, regular, small, right_x - left - reserve) if footer else ""
    page_text = (regular, small, muted, right_x, footer_y)
    marking_text = fit(marking, bold, mark_size, right_x - left) if marking else ""

    def top_marking(canv: Canvas) -> None:
        canv.saveState()
        canv.setFillColor(st.colour["marking"])
        canv.setFont(bold, mark_size)
        canv.drawCentredString(page_w / 2, mark_top_y, marking_text)
        canv.restoreState()

    def on_page(canv: Canvas, _doc: BaseDocTemplate) -> None:
        # the top marking comes first in the content stream (reading order)
        canv.briefgen_page_text = page_text
        if not marking:
            return
        if marking_elem is not None and canv.getPageNumber() == 1:
            with content(canv, marking_elem):
                top_marking(canv)
        else:
            with artifact(canv, _HEADER):
                top_marking(canv)

    def on_page_end(canv: Canvas, _doc: BaseDocTemplate) -> None:
        with artifact(canv, _FOOTER):
            footer_furniture(canv)

    def footer_furniture(canv: Canvas) -> None:
        # the bottom marking and the footer come last
        canv.saveState()
        if marking:
            canv.setFillColor(st.colour["marking"])
            canv.setFont(bold, mark_size)
            canv.drawCentredString(page_w / 2, mark_bottom_y, marking_text)
        if footer_text:
            canv.setFillColor(st.colour["muted"])
            canv.setFont(regular, small)
            canv.drawString(left, footer_y, footer_text)
        canv.restoreState()
        canv.doForm(f"briefgenPage{canv.getPageNumber()}")

    return on_page, on_page_end


def pdf_date(doc: Document) -> str:
    d = doc.created
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}000000+00'00'"
