"""Normalising a date expression's text before the rules read it."""

from __future__ import annotations

import re
import unicodedata

from briefgen.dates.vocab import _NUM, _NUMBER_WORDS, _UNIT, _Y

# --- normalising and the top level -----------------------------------------------------

_DASHES = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u2012": "–", "\u2013": "–", "\u2014": "–", "\u2015": "–",
     "\u2212": "–", "\u2043": "-", "\ufe58": "–", "\ufe63": "-", "\u2192": "–",
     "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
     ",": " ", "\u00a0": " "}
)  # fmt: skip
_LETTER_DOT = re.compile(r"(?<=[a-z])\.")
# ONS's "YE March 2024" and "year ending (YE) June 2023": the year ending
_YEAR_ENDING = re.compile(r"\byear ending \(ye\)|\bye\b(?= (?:[a-z]+ )?[a-z]+ [0-9]{4})")
_AD_YEAR = re.compile(r"\b(?:ad ?([0-9]{1,4})|([0-9]{1,4}) ?(?:ad|ce))\b")
_PREPOSITION = re.compile(
    rf"(?:(?:some ?time|at some point) |back (?=in |on |at |during ))?"
    rf"(?:(?:on|in|at|during|by|over|throughout|within|as of|as at) )?(?!{_NUM} {_UNIT}s?\b|or )"
)
_APPROX = re.compile(
    r"(?:c(?: |(?=[0-9]))|ca(?: |(?=[0-9]))|circa |around |about |approximately |approx "
    r"|roughly |on or about |on or around |some ?time around |almost |nearly |some )(?P<rest>.+)"
    r"|(?P<rest2>.+) or so"
)
_SHORT_RANGE = re.compile(rf"(?P<y>{_Y}) ?[-–/] ?(?P<yy>[0-9]{{2}})")
_SPELLED_YEAR = re.compile(
    r"\b(?P<c>(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty)) (?:(?P<hundred>hundred)(?: and (?P<x>[a-z]+(?:[- ][a-z]+)?))?"
    r"|(?:oh|o) (?P<u>one|two|three|four|five|six|seven|eight|nine)"
    r"|(?P<yy>[a-z]+(?:-[a-z]+| (?:one|two|three|four|five|six|seven|eight|nine)\b)?))"
    r"|\btwo thousand(?:(?: and)? (?P<tx>[a-z]+(?:[- ][a-z]+)?))?\b"
)


def _spell_years(text: str) -> str:
    """Replace spelled-out years with digits: "nineteen ninety-six" -> "1996",
    "two thousand and five" -> "2005", "twenty twenty-five" -> "2025"."""

    def small(word: str | None) -> int | None:
        value = _NUMBER_WORDS.get(word or "")
        return value if value is not None and value < 100 else None

    def convert(m: re.Match[str]) -> str:
        if m["c"]:
            century = _NUMBER_WORDS[m["c"]]
            if m["hundred"]:
                tail = small(m["x"]) if m["x"] else 0
            elif m["u"]:
                tail = _NUMBER_WORDS[m["u"]]
            else:
                tail = small(m["yy"])
                if tail is not None and tail < 10:
                    tail = None
            if tail is None:
                return m.group(0)
            return str(century * 100 + tail)
        tail = small(m["tx"]) if m["tx"] else 0
        if tail is None:
            return m.group(0)
        return str(2000 + tail)

    return _SPELLED_YEAR.sub(convert, text)


def _normalise(text: str) -> str:
    """Lower-case, fold look-alike characters, drop abbreviation dots, commas and
    surrounding punctuation, and collapse spaces."""
    s = unicodedata.normalize("NFKC", text).lower().translate(_DASHES)
    s = _LETTER_DOT.sub("", s)
    s = " ".join(s.split())
    if " st " in s or " nd " in s or " rd " in s or " th " in s:
        s = re.sub(r"\b([0-9]{1,2}) (st|nd|rd|th)\b", r"\1\2", s)  # "18 th May 2017"
    if "ye" in s:
        s = _YEAR_ENDING.sub("year ending", s)
    s = s.strip(' .;:!?"()[]{}*' if s.count("(") != s.count(")") else ' .;:!?"[]{}*')
    if s.startswith("(") and s.endswith(")") and s.count("(") == 1:
        s = s[1:-1].strip(" .;:!?")  # "(2024)"; but "Tuesday (18 February)" keeps its own
    while s.endswith("'") and not s.endswith("s'"):
        s = s[:-1].rstrip()
    if s.startswith("'") and not s[1:2].isdigit():
        s = s[1:].lstrip()
    if s.endswith("'s") and s[-3:-2].isalpha():
        s = s[:-2]  # "Friday's", "last year's" (not "1990's")
    if s.startswith(("its ", "their ", "our ")):
        s = "the " + s.split(" ", 1)[1]
    s = s.replace(" – ", "–").replace(" - ", "–") if " - " in s or " – " in s else s
    if "ad" in s or "ce" in s:
        s = _AD_YEAR.sub(lambda m: f"{int(m[1] or m[2]):04d}", s)
    if "thousand" in s or "teen " in s or "twenty " in s:
        s = _spell_years(s)
    return s
