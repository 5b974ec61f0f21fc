"""Text for reportlab: control characters dropped, markup escaped, the spec's leading."""

from __future__ import annotations

import re

from briefgen.document import (
    is_link_url,
)

FUZZ = 1e-6


# control characters (other than tab, newline, carriage return) and lone surrogates
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


_BREAKING_SPACE = re.compile(r"[ \t\r\n]+")


def clean(text: str) -> str:
    """Return ``text`` without characters a PDF text string cannot hold; whitespace folded."""
    return _BREAKING_SPACE.sub(" ", _BAD_CHARS.sub("", text))


def is_link(url: str | None) -> bool:
    # compose only sets safe URLs; checking again keeps a hand-built Document safe too
    return is_link_url(url)


def escape(text: str, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#39;")
    return text
