"""The page a Word template lays a briefing out on, as the PDF measure can draw it.

``write/docx`` reads the facts from the template (paper, margins, its styles' fonts and
spacing, its header and footer); this module turns them into a measuring ``Style`` whose
per-style looks make the PDF lay the briefing out as Word and LibreOffice would.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from briefgen.styles import PAGE_SIZES_MM, Look, Style
from briefgen.stylespec import SPEC, leading, spec

_PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class WordLook:
    """One paragraph style (or header paragraph) as a template lays it out, in points.

    ``line`` is a multiple of the font's own line height when ``line_rule`` is "auto",
    else a height in points ("atLeast", "exact"). ``size`` is None when not known.
    """

    font: str  # the family the template names ("Calibri"); "" when it names none
    size: float | None = None
    bold: bool = False
    before: float = 0.0
    after: float = 0.0
    line: float = 1.0
    line_rule: str = "auto"
    border: float = 0.0  # height a top or bottom paragraph border adds (rule and its space)
    indent: float = 0.0  # left indent of the text (a list's hanging indent)
    contextual: bool = False  # no space between neighbouring paragraphs of this style
    image: float = 0.0  # the tallest inline picture in the paragraph (header logos)
    tracking: float = 0.0  # space added after each character (points)


@dataclass(frozen=True)
class FontMetrics:
    """How the PDF measures a family: the face it draws, how much wider the widest face
    a reader may see is (regular, bold), and its line height in ems."""

    face: str  # one of styles.FONTS
    width: float
    bold_width: float
    line: float


_SANS = FontMetrics("Arial", 1.0, 1.0, 1.149)
_SERIF = FontMetrics("Times New Roman", 1.0, 1.0, 1.149)
_MONO = FontMetrics("Courier New", 1.0, 1.0, 1.133)
# A family a machine lacks is drawn in a stand-in; LibreOffice on Linux takes DejaVu, which
# is wider than the Liberation faces the PDF measures with (by the factors below, over
# English lower-case text). Calibri and Cambria, where installed, are narrower than DejaVu but have
# taller lines (1.22 and 1.17 ems): the measure takes the wider and the taller of each.
_SANS_STAND_IN = FontMetrics("Arial", 1.15, 1.2, 1.22)
_SERIF_STAND_IN = FontMetrics("Times New Roman", 1.26, 1.3, 1.172)
KNOWN_FONTS: dict[str, FontMetrics] = {
    **dict.fromkeys(("arial", "helvetica", "liberation sans", "arimo"), _SANS),
    **dict.fromkeys(("times new roman", "times", "liberation serif", "tinos"), _SERIF),
    **dict.fromkeys(("courier new", "courier", "liberation mono", "cousine"), _MONO),
}
_SERIF_WORDS = ("times", "serif", "georgia", "garamond", "cambria", "caladea", "book", "roman")


def font_metrics(family: str) -> FontMetrics:
    """Return how the PDF measures ``family``: itself when it is a Liberation-compatible
    family, else the serif or sans serif stand-in, as wide as the widest a reader sees."""
    name = family.strip().lower()
    known = KNOWN_FONTS.get(name)
    if known is not None:
        return known
    serif = any(w in name for w in _SERIF_WORDS) and "sans" not in name
    return _SERIF_STAND_IN if serif else _SANS_STAND_IN


@dataclass(frozen=True)
class PageFrame:
    """A template's page and styles: paper and margins in millimetres, header and footer
    distances, the looks of the styles it defines for us (by semantic style name), its
    Normal (whose font our own styles inherit) and its header and footer paragraphs."""

    page_mm: tuple[float, float]
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    normal: WordLook
    looks: tuple[tuple[str, WordLook], ...] = ()
    header_mm: float = 12.7  # from the page's top edge to the header
    footer_mm: float = 12.7
    header: tuple[tuple[WordLook, str], ...] = ()  # the template's header paragraphs
    footer: tuple[tuple[WordLook, str], ...] = ()
    footer_has_page: bool = False  # the template's footer numbers its pages itself

    @property
    def font(self) -> str:
        return self.normal.font

    def look(self, name: str) -> WordLook | None:
        """Return the template's look of semantic style ``name`` (None: briefgen's own)."""
        return dict(self.looks).get(name)

    def measure_look(self, name: str, style: Style) -> Look:
        """Return style ``name`` as the template draws it, for the PDF to measure with.

        A style the template defines is its own throughout; one it leaves to briefgen has
        the style sheet's size and spacing (lines "at least" 1.2 times the size) in the
        template's Normal font. The size is widened by the font's width factor and the
        line height kept, so that lines break as in the wider face.
        """
        s = spec(name)
        own = self.look(name)
        if own is not None and s.hanging and not own.indent:  # a list style without a
            own = replace(own, indent=s.hanging)  # numbering of its own gets briefgen's
        word = own or replace(
            self.normal, size=style.sizes[s.size], bold=s.bold, before=s.before, after=s.after,
            line=leading(style.sizes[s.size]), line_rule="atLeast", border=0.0,
            indent=s.hanging, contextual=False,
        )  # fmt: skip
        size = word.size if word.size is not None else style.sizes[s.size]
        metrics = font_metrics(word.font)
        line = line_height(word, size, metrics)
        widen = metrics.bold_width if word.bold else metrics.width
        widen += word.tracking / (0.5 * size)  # half an em a character
        return Look(
            metrics.face, round(size * widen, 2), line, word.bold, word.before,
            word.after + word.border, word.indent, word.contextual,
        )  # fmt: skip

    def measuring_style(self, style: Style, marking: str = "") -> Style:
        """Return ``style`` laid out in this frame, for measuring what fits on a page.

        Every paragraph style takes its look from ``measure_look``; the margins grow to
        clear the header and footer as Word lays them out (the template's paragraphs,
        and the ``marking`` and "Page N of M" briefgen adds).
        """
        looks = tuple((name, self.measure_look(name, style)) for name in SPEC)
        width_mm = self.page_mm[0] - self.margins[1] - self.margins[3]
        top, right, bottom, left = self.margins
        top = max(top, self.header_mm + self._extent(self._header(marking), style, width_mm))
        footer = self._footer(marking)
        bottom = max(bottom, self.footer_mm + self._extent(footer, style, width_mm))
        # the page size is carried as the nearest named paper with the frame's margins
        # scaled to it, so the text block keeps the frame's width and height
        w, h = self.page_mm
        paper = min(PAGE_SIZES_MM, key=lambda k: abs(PAGE_SIZES_MM[k][0] - w))
        pw, ph = PAGE_SIZES_MM[paper]
        grow_x, grow_y = (pw - w) / 2, (ph - h) / 2
        margins = (
            max(0.0, top + grow_y), max(0.0, right + grow_x),
            max(0.0, bottom + grow_y), max(0.0, left + grow_x),
        )  # fmt: skip
        return replace(
            style, paper="A4" if paper == "A4" else "Letter", margins=margins,
            font=font_metrics(self.font).face, looks=looks,
        )  # fmt: skip

    def _header(self, marking: str) -> list[tuple[WordLook | str, str]]:
        """The header's paragraphs: briefgen's marking first unless the template has it."""
        paras: list[tuple[WordLook | str, str]] = list(self.header)
        texts = {t.strip().lower() for _, t in self.header}
        if marking.strip() and marking.strip().lower() not in texts:
            paras.insert(0, ("marking", marking))
        return paras

    def _footer(self, marking: str) -> list[tuple[WordLook | str, str]]:
        """The footer's paragraphs: the template's, then the marking and the page line
        where the template has none."""
        paras: list[tuple[WordLook | str, str]] = list(self.footer)
        texts = {t.strip().lower() for _, t in self.footer}
        if marking.strip() and marking.strip().lower() not in texts:
            paras.append(("marking", marking))
        if not self.footer_has_page:
            paras.append(("footer", "Page 1 of 1"))
        return paras

    def _extent(
        self, paras: list[tuple[WordLook | str, str]], style: Style, width_mm: float
    ) -> float:
        """Return the height (mm) of header or footer paragraphs, as Word stacks them."""
        total = 0.0
        for what, text in paras:
            if isinstance(what, str):  # a paragraph in one of our semantic styles
                look = self.measure_look(what, style)
                size, line = look.size, look.leading
                before, after = look.before, look.after
            else:
                metrics = font_metrics(what.font)
                plain = what.size or self.normal.size or 10.0
                size = plain * (metrics.bold_width if what.bold else metrics.width)
                line = max(line_height(what, plain, metrics), what.image)
                before, after = what.before, what.after + what.border
            # a header line is short; a long one wraps (half an em a character)
            lines = max(1, math.ceil(0.5 * size * len(text) / (width_mm * _PT_PER_MM)))
            total += before + lines * line + after
        return total / _PT_PER_MM


def line_height(word: WordLook, size: float, metrics: FontMetrics) -> float:
    """Return a line's height (points) for a style's line spacing rule."""
    natural = metrics.line * size
    if word.line_rule == "exact":
        return word.line
    if word.line_rule == "atLeast":
        return max(word.line, natural)
    return word.line * natural
