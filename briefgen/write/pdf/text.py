"""Text for reportlab: control characters dropped, markup escaped, the spec's leading."""

from __future__ import annotations

import re

from briefgen.document import printable

FUZZ = 1e-6


_BREAKING_SPACE = re.compile(r"[ \t\r\n]+")


def clean(text: str) -> str:
    """Return ``text`` without characters a PDF text string cannot hold; whitespace folded."""
    return _BREAKING_SPACE.sub(" ", printable(text))


def escape(text: str, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#39;")
    return text
