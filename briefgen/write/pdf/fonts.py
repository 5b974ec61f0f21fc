"""The embedded Liberation fonts, fast string widths, and what they cannot show."""

from __future__ import annotations

import functools
import re
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.write.pdf.text import clean

FONT_DIR = Path(__file__).resolve().parents[2] / "data" / "fonts"


_FONT_FILES = {
    "Arial": "LiberationSans",
    "Times New Roman": "LiberationSerif",
    "Courier New": "LiberationMono",
}


_VARIANTS = ("Regular", "Bold", "Italic", "BoldItalic")


_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]*")


_font_lock = threading.Lock()


_WIDTH_CACHE_LIMIT = 200_000


class _TTFont(TTFont):
    """A TrueType font whose string widths are computed from a per-character table and
    cached per string (line breaking asks for the same words again and again).

    The result is exactly reportlab's own ``0.001 * size * sum(widths)``.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        face = self.face
        self._char_w = {chr(code): w for code, w in face.charWidths.items()}
        self._default_w = face.defaultWidth
        self._text_w: dict[str, float] = {}
        # with "ASCII readable" subsets, printable ASCII is always subset 0, code = char
        self._ascii_identity = bool(self._asciiReadable) and all(
            code in face.charToGlyph for code in range(32, 127)
        )

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        units = self._text_w.get(text)
        if units is None:
            try:
                units = sum(map(self._char_w.__getitem__, text))
            except KeyError:
                get, dw = self._char_w.get, self._default_w
                units = sum(get(ch, dw) for ch in text)
            if len(self._text_w) > _WIDTH_CACHE_LIMIT:
                self._text_w.clear()
            self._text_w[text] = units
        return 0.001 * size * units

    def splitString(
        self, text: str | bytes, doc: object, encoding: str = "utf-8"
    ) -> list[tuple[int, bytes]]:
        """Reportlab's own result, without its per-character loop for printable ASCII."""
        if (
            self._ascii_identity
            and isinstance(text, str)
            and doc in self.state
            and _PRINTABLE_ASCII.fullmatch(text)
        ):
            return [(0, text.encode("ascii"))] if text else []
        return super().splitString(text, doc, encoding)


@functools.cache
def register_fonts(font: str) -> tuple[str, str, str, str]:
    """Register the Liberation family standing in for ``font`` (once); return its 4 names.

    The names are (regular, bold, italic, bold italic), registered with reportlab and as a
    family so that bold and italic runs find their faces.
    """
    base = _FONT_FILES.get(font, "LiberationSans")
    names = tuple(f"briefgen-{base}-{v}" for v in _VARIANTS)
    with _font_lock:
        for name, variant in zip(names, _VARIANTS, strict=True):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(_TTFont(name, str(FONT_DIR / f"{base}-{variant}.ttf")))
        pdfmetrics.registerFontFamily(
            names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
        )
    return names[0], names[1], names[2], names[3]


# Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko...) and their
# presentation forms: reportlab draws them in reading order, left to right.
# right-to-left scripts, and the controls that ask for right-to-left display (RLM, RLE, RLO,
# RLI): the PDF draws every run left to right, so either is shown out of its order
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067]")


def limitations(text: str, font: str) -> list[str]:
    """Return what the PDF cannot show of ``text`` as written, in words (empty: nothing).

    The embedded font has no glyphs for some scripts and for emoji (they come out blank),
    and right-to-left text is drawn left to right.
    """
    import unicodedata

    face = pdfmetrics.getFont(register_fonts(font)[0]).face
    missing = [
        c
        for c in dict.fromkeys(clean(text))
        if ord(c) not in face.charToGlyph and unicodedata.category(c) not in ("Cf", "Zs", "Cc")
    ]
    out = []
    if missing:
        shown = ", ".join(f"U+{ord(c):04X}" for c in missing[:5])
        out.append(
            f"{len(missing)} kind{'s' * (len(missing) != 1)} of character ({shown}"
            f"{', ...' if len(missing) > 5 else ''}) that its font has no glyphs for"
        )
    if _RTL.search(text):
        out.append("right-to-left text in its right order")
    return out


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so that it fits ``width`` (page furniture only)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid].rstrip() + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"
