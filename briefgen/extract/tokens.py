"""The tokens date mentions are found in: words (with a possessive 's), numbers and single
punctuation marks, each with its offsets in the text. A number or month run into a capitalised word,
as text scraped from a listing often is ("02.02.2016Regional Schools", "Tuesday 7 MaySecond
reading"), is two tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

_RUN_IN_MONTH = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_TOKEN = re.compile(
    rf"[0-9]+(?=[A-Z][a-z]{{2}})|(?<=[0-9]\.)[0-9]{{4}}(?=[A-Z])|(?<![A-Za-z]){_RUN_IN_MONTH}(?=[A-Z][a-z]{{2}})"
    r"|[^\W_]+(?:['’][sS](?![^\W_]))?|[^\w\s]"
)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    low: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Words (with a possessive 's), numbers and single punctuation marks, with offsets."""
    return [Token(m.start(), m.end(), m[0], _low(m[0])) for m in _TOKEN.finditer(text)]


def _low(word: str) -> str:
    low = word.lower()
    if low.endswith(("'s", "’s")) and len(low) > 2:
        low = low[:-2]
    return low


def _is_number(low: str) -> bool:
    return low[:1].isdigit()
