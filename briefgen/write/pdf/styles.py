"""reportlab paragraph styles and fragment templates built from the shared style spec."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paraparser import ParaParser

from briefgen.styles import Style
from briefgen.write.pdf.fonts import register_fonts
from briefgen.write.pdf.text import leading

# semantic style -> (size key, bold, colour key, space before, space after)
_PARA_STYLES: dict[str, tuple[str, bool, str, float, float]] = {
    "title": ("title", True, "accent", 0, 4),
    "subtitle": ("subtitle", False, "muted", 0, 6),
    "doc-type": ("heading1", True, "accent", 6, 2),
    "dateline": ("body", False, "muted", 0, 2),
    "meta": ("body", False, "muted", 0, 10),
    "body": ("body", False, "text", 0, 6),
    "lead": ("body", False, "text", 0, 6),
    "small": ("small", False, "muted", 0, 4),
    "note": ("small", False, "muted", 0, 4),
    "event-date": ("body", True, "text", 0, 0),
    "event-title": ("body", True, "text", 0, 0),
    "event-detail": ("body", False, "text", 2, 0),
    "event-sources": ("small", False, "muted", 0, 0),
    "table-header": ("body", True, "header_text", 0, 0),
    "source-entry": ("small", False, "text", 0, 3),
    # writer-internal styles
    "heading1": ("heading1", True, "accent", 10, 4),
    "heading2": ("heading2", True, "accent", 8, 3),
    "bullet": ("body", False, "text", 0, 2),
    "source-list": ("small", False, "text", 0, 3),
    "figure-value": ("figure", True, "accent", 0, 0),
    "figure-label": ("small", False, "text", 0, 0),
    "timeline": ("small", False, "text", 0, 0),
}


_HANGING = {"bullet": 12.0, "source-list": 16.0}


class Styles:
    """The paragraph styles and colours of one ``Style``, with fragment templates."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.fonts = register_fonts(style.font)
        self.colour = {k: colors.HexColor(v) for k, v in style.colours.items()}
        self.sizes = style.sizes
        self._para: dict[str, ParagraphStyle] = {}
        self._frag_templates: dict[tuple, object] = {}

    def font(self, bold: bool = False, italic: bool = False) -> str:
        return self.fonts[(2 if italic else 0) + (1 if bold else 0)]

    def para(self, name: str) -> ParagraphStyle:
        """Return the reportlab style for semantic style ``name`` (unknown names: body)."""
        if name not in _PARA_STYLES:
            name = "body"
        ps = self._para.get(name)
        if ps is None:
            size_key, bold, colour_key, before, after = _PARA_STYLES[name]
            size = self.sizes[size_key]
            hanging = _HANGING.get(name, 0.0)
            ps = ParagraphStyle(
                name=f"briefgen-{name}",
                fontName=self.font(bold),
                fontSize=size,
                leading=leading(size),
                textColor=self.colour[colour_key],
                spaceBefore=before,
                spaceAfter=after,
                alignment=TA_LEFT,
                leftIndent=hanging,
                firstLineIndent=0,
                bulletIndent=0,
                bulletFontName=self.font(bold),
                bulletFontSize=size,
                bulletColor=self.colour[colour_key],
                splitLongWords=1,
                allowWidows=1,
                allowOrphans=0,
                keepWithNext=1 if name in ("heading1", "heading2") else 0,
                linkUnderline=0,
                underlineWidth=0.5,
                underlineOffset=-0.12 * size,
            )
            ps.briefgen_bold = bold
            self._para[name] = ps
        return ps

    def frag(self, ps: ParagraphStyle, bold: bool, italic: bool, colour: str | None):
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
