"""Write a ``Document`` as a Word file (DOCX) that feels native in Word.

Every paragraph and table uses a named style defined in the styles part (sizes, colours
and spacing from the shared style spec), so restyling in Word's Styles pane restyles the
whole document. Body XML is generated in one pass and parsed once (a 10,000-row
chronology takes about a second), and the package is written with fixed zip timestamps
and sequential ids, so the same input always gives the same bytes.

``template`` builds on an organisation's own Word template (.docx or .dotx): its styles,
page set-up, headers and footers are kept, its body is replaced, and our styles are added
only where it has none of the same name.

Layers, one job each: ``xml`` (WordprocessingML snippets), ``styles`` (the named styles),
``inline`` and ``blocks`` (one translation per block type, with ``tables`` and
``timeline`` for the two big ones), ``template``, ``stylepart``, ``hdrftr`` and
``package`` (the parts of the file), ``render`` (the entry point); ``frame`` reads the
page a template lays out, for fitting the briefing to it.
"""

from briefgen.write.docx.frame import page_frame
from briefgen.write.docx.render import render_docx

__all__ = ["page_frame", "render_docx"]
