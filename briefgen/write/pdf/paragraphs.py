"""Inline runs as reportlab paragraphs, every character literal, fast in long tables."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph

from briefgen.document import (
    Inline,
    Run,
    is_link_url,
)
from briefgen.write.pdf.styles import Styles
from briefgen.write.pdf.text import clean, escape


class _Para(RLParagraph):
    """A reportlab Paragraph made for speed in long tables.

    It remembers its last wrap (tables wrap each cell more than once), and a paragraph of
    one plain fragment that fits on one line is measured and drawn as a single string,
    at the same place reportlab would draw it, without the line-breaking machinery.
    """

    width: float
    height: float
    _wrap_key: tuple[float, float] | None = None
    _one_line: str | None = None
    _simple = False  # one fragment, no link, no bullet: eligible for the one-line path

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        key = self._wrap_key
        if (
            key is not None
            and key[0] == availWidth
            and (key[1] == availHeight or self.height <= availHeight)
        ):
            return self.width, self.height
        self._wrap_key = (availWidth, availHeight)
        if self._simple:
            style = self.style
            frag = self.frags[0]
            text = frag.text.strip(" ")
            room = availWidth - style.leftIndent - style.rightIndent - style.firstLineIndent
            if pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize) <= room:
                self._one_line = text
                self.width = availWidth
                self.height = style.leading if text else 0
                return self.width, self.height
        self._one_line = None
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._one_line is not None and self._wrap_key and self._wrap_key[0] == availWidth:
            return [] if availHeight < self.height else [self]
        self._wrap_key = None
        self._one_line = None
        return super().split(availWidth, availHeight)

    def getActualLineWidths0(self) -> list[float]:
        if self._one_line is not None:
            frag = self.frags[0]
            return [pdfmetrics.stringWidth(self._one_line, frag.fontName, frag.fontSize)]
        return super().getActualLineWidths0()

    def draw(self) -> None:
        text = self._one_line
        if text is None:
            super().draw()
            return None
        if not text:
            return None
        frag = self.frags[0]
        canv = self.canv  # drawOn has saved the graphics state and restores it after
        canv.setFillColor(frag.textColor)
        canv.setFont(frag.fontName, frag.fontSize)
        x = self.style.leftIndent + self.style.firstLineIndent
        canv.drawString(x, self.height - frag.fontSize, text)
        return None


def rl_paragraph(
    st: Styles,
    content: Inline,
    style_name: str,
    bullet: str | None = None,
    extra: Sequence[tuple[Run, str]] = (),
) -> RLParagraph:
    """Build a reportlab paragraph from inline runs, every character literal.

    ``extra`` appends (run, colour) pairs, e.g. a figure's note in the muted colour.
    """
    ps = st.para(style_name)
    style_bold = getattr(ps, "briefgen_bold", False)
    pieces: list[tuple[Run, str | None]] = [(r, None) for r in content]
    pieces.extend((r, c) for r, c in extra)
    if any(is_link_url(r.url) for r, _ in pieces):
        markup = []
        accent = st.style.colours["accent"]
        for r, colour in pieces:
            text = escape(clean(r.text))
            if r.italic:
                text = f"<i>{text}</i>"
            if r.bold and not style_bold:
                text = f"<b>{text}</b>"
            if colour:
                text = f'<font color="{colour}">{text}</font>'
            if is_link_url(r.url):
                href = escape(clean(r.url or "").strip(), quote=True)
                text = f'<a href="{href}" color="{accent}"><u>{text}</u></a>'
            markup.append(text)
        return _Para("".join(markup), ps, bulletText=bullet)
    frags = []
    for r, colour in pieces:
        text = clean(r.text)
        if not text:
            continue
        tmpl = st.frag(ps, r.bold or style_bold, r.italic, colour)
        frags.append(tmpl.clone(text=text))
    if not frags:
        frags.append(st.frag(ps, style_bold, False, None).clone(text=""))
    para = _Para("".join(f.text for f in frags), ps, bulletText=bullet, frags=frags)
    para._simple = len(frags) == 1 and bullet is None
    return para


def hanging_only(ps: ParagraphStyle) -> ParagraphStyle:
    """A list style without a marker: the first line starts at the margin, the rest hang."""
    hanging = ps.leftIndent
    clone = ParagraphStyle(name=ps.name + "-plain", parent=ps)
    clone.leftIndent = hanging
    clone.firstLineIndent = -hanging
    clone.briefgen_bold = getattr(ps, "briefgen_bold", False)
    clone.briefgen_contextual = getattr(ps, "briefgen_contextual", False)
    return clone


def contextual(ps: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    """A list item's style with no space between it and its neighbours in the list, as
    Word's "don't add space between paragraphs of the same style" lays it out."""
    if first and last:
        return ps
    clone = ParagraphStyle(name=f"{ps.name}-{'f' * first}{'l' * last}in-list", parent=ps)
    clone.spaceBefore = ps.spaceBefore if first else 0
    clone.spaceAfter = ps.spaceAfter if last else 0
    for attr in ("briefgen_bold", "briefgen_contextual"):
        setattr(clone, attr, getattr(ps, attr, False))
    return clone
