"""Where running text breaks: whether it is hard-wrapped, and whether a gap between two
words ends a line of thought (a mention never runs across one)."""

from __future__ import annotations


def is_wrapped(text: str) -> bool:
    """Is ``text`` hard-wrapped (paragraphs broken into lines of at most ~100 characters),
    rather than one paragraph per line?"""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 4:
        return False
    long = sum(len(line) > 100 for line in lines)
    lengths = sorted(len(line) for line in lines)
    return long <= 0.1 * len(lines) and lengths[len(lengths) // 2] >= 50


def line_break(text: str, start: int, end: int, wrapped: bool) -> bool:
    """Does the gap ``text[start:end]`` break the text? Any newline does, unless the text
    is hard-wrapped: there only a blank line, a line ending in punctuation, a short line (a
    heading) or an indented next line does."""
    gap = text[start:end]
    if "\n" not in gap:
        return False
    if not wrapped or gap.count("\n") > 1:
        return True
    after = start + gap.rindex("\n") + 1
    if text[after : after + 1] in (" ", "\t"):
        return True
    line = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
    return len(line) < 40 or line[-1:] in '.!?:;"”’)]|'
