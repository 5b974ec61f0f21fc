"""reportlab paragraph styles and fragment templates built from the shared style spec."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paraparser import ParaParser

from briefgen.styles import Style
from briefgen.stylespec import resolve, spec
from briefgen.write.pdf.fonts import register_fonts


class Styles:
    """The paragraph styles and colours of one ``Style``, with fragment templates."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.fonts = register_fonts(style.font)
        self.colour = {k: colors.HexColor(v) for k, v in style.colours.items()}
        self.sizes = style.sizes
        self._para: dict[str, ParagraphStyle] = {}
        self._frag_templates: dict[tuple[str, bool, bool, str | None], Any] = {}

    def font(self, bold: bool = False, italic: bool = False) -> str:
        return self.fonts[(2 if italic else 0) + (1 if bold else 0)]

    def para(self, name: str) -> ParagraphStyle:
        """Return the reportlab style for semantic style ``name`` (unknown: ``ValueError``)."""
        ps = self._para.get(name)
        if ps is None:
            s = spec(name)
            r = resolve(name, self.style)
            bold, size = r.bold, r.size
            fonts = register_fonts(r.font) if r.font != self.style.font else self.fonts
            face = fonts[1 if bold else 0]
            ps = ParagraphStyle(
                name=f"briefgen-{name}",
                fontName=face,
                fontSize=size,
                leading=r.leading,
                textColor=self.colour[s.colour],
                spaceBefore=r.before,
                spaceAfter=r.after,
                alignment=TA_LEFT,
                leftIndent=r.hanging,
                firstLineIndent=0,
                bulletIndent=0,
                bulletFontName=face,
                bulletFontSize=size,
                bulletColor=self.colour[s.colour],
                splitLongWords=1,
                allowWidows=1,
                allowOrphans=0,
                keepWithNext=1 if s.keep_next else 0,
                linkUnderline=0,
                underlineWidth=0.5,
                underlineOffset=-0.12 * size,
            )
            ps.briefgen_bold = bold
            ps.briefgen_contextual = r.contextual
            self._para[name] = ps
        return ps

    def frag(self, ps: ParagraphStyle, bold: bool, italic: bool, colour: str | None) -> Any:
        """A text fragment template for ``ps`` in the given face and colour (parsed once)."""
        key = (ps.name, bold, italic, colour)
        tmpl = self._frag_templates.get(key)
        if tmpl is None:
            markup = "x"
            if italic:
                markup = f"<i>{markup}</i>"
            if bold:
                markup = f"<b>{markup}</b>"
            if colour:
                markup = f'<font color="{colour}">{markup}</font>'
            _, frags, _ = ParaParser().parse(markup, ps)
            tmpl = frags[0]
            self._frag_templates[key] = tmpl
        return tmpl
