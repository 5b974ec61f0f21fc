"""Write a ``Document`` as a print-ready PDF with reportlab.

The layout follows the shared style spec (``briefgen.stylespec``, which the DOCX writer
reads too): the style's font is replaced by its metric-compatible Liberation font,
embedded; the marking is at the top and bottom of every page and the footer shows
``doc.footer`` and "Page N of M".

All input text is literal. Paragraphs without links are built from reportlab text
fragments directly (no markup parser is involved at all); paragraphs with links go
through reportlab's parser with every piece of input escaped, and ``<a>``/``<b>``/``<i>``
built only from ``Run`` flags. Only http, https and mailto URLs become links.

Long tables are cut into chunks of rows (one reportlab ``Table`` per chunk) so the cost
grows linearly with the number of rows; the header row is drawn again at the top of each
page the table continues on, so the chunks read as one table.

Layers, one job each: ``text`` and ``fonts`` (characters and glyphs), ``styles`` and
``paragraphs`` (inline runs), ``flowables`` (one translation per block type, with
``tables``, ``figures`` and ``timeline`` for the drawn ones), ``page`` (furniture, canvas,
doc template), ``render`` (the entry point).
"""

from briefgen.write.pdf.fonts import limitations
from briefgen.write.pdf.page import PageProgress
from briefgen.write.pdf.render import count_pages, render_pdf

__all__ = ["PageProgress", "count_pages", "limitations", "render_pdf"]
