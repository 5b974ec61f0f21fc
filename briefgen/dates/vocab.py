"""The words and regular-expression pieces the date rules are written in."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefgen.datelabels import (
    MONTH_NAMES,
)

# --- vocabulary ------------------------------------------------------------------------


def _month_words() -> dict[str, int]:
    words = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
    words.update({name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)})
    return words | {"sept": 9}


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_words() -> dict[str, int]:
    words = {name: number for number, name in enumerate(_WEEKDAY_NAMES)}
    words.update({name[:3]: number for number, name in enumerate(_WEEKDAY_NAMES)})
    return words | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}


def _number_words() -> tuple[dict[str, int], dict[str, int]]:
    """Return the cardinal words ("a", "three", "twenty-one") and the ordinal words
    ("third", "twenty-first"; "last" is -1) with their values."""
    units = "one two three four five six seven eight nine".split()
    teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    unit_ordinals = "first second third fourth fifth sixth seventh eighth ninth".split()
    teen_ordinals = (
        "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
        "eighteenth nineteenth"
    )
    cardinals = {"a": 1, "an": 1, "a couple of": 2, "a dozen": 12}
    cardinals.update({w: i for i, w in enumerate(units, start=1)})
    cardinals.update({w: i for i, w in enumerate(teens.split(), start=10)})
    ordinals = {w: i for i, w in enumerate(unit_ordinals, start=1)}
    ordinals.update({w: i for i, w in enumerate(teen_ordinals.split(), start=10)})
    ordinals.update({"twentieth": 20, "thirtieth": 30, "last": -1, "final": -1, "latter": -1})
    for ten, word in enumerate(tens, start=2):
        cardinals[word] = 10 * ten
        for unit, unit_word in enumerate(units, start=1):
            cardinals[f"{word}-{unit_word}"] = cardinals[f"{word} {unit_word}"] = 10 * ten + unit
            if ten <= 3:
                ordinal_word = unit_ordinals[unit - 1]
                value = 10 * ten + unit
                ordinals[f"{word}-{ordinal_word}"] = ordinals[f"{word} {ordinal_word}"] = value
    return cardinals, ordinals


_MONTHS = _month_words()
_WEEKDAYS = _weekday_words()
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NUMBER_WORDS, _ORDINAL_WORDS = _number_words()


def _alternation(words: Iterable[object]) -> str:
    """Return a regex alternation of ``words``, longest first so none shadows a longer one."""
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_MON = f"(?:{_alternation(_MONTHS)})"
_WD = f"(?:{_alternation(_WEEKDAYS)})"
_SEASON = f"(?:{_alternation(_SEASONS)})"
_DAY_WORDS = _alternation(w for w, n in _ORDINAL_WORDS.items() if 1 <= n <= 31)
_DAY = f"(?:[0-9]{{1,2}}(?:st|nd|rd|th)?|{_DAY_WORDS})"
_NUM = f"(?:[0-9]{{1,4}}|{_alternation(_NUMBER_WORDS)})"
_ORD = f"(?:[0-9]{{1,3}}(?:st|nd|rd|th)|{_alternation(_ORDINAL_WORDS)})"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|lunchtime|overnight|daytime)"
_UNIT = r"(?:day|week|fortnight|month|quarter|year|decade|century)"
_Y = r"[0-9]{4}"
_YR = rf"(?:{_Y}|'[0-9]{{2}})"  # a written year: 2025 or '25
_REL = r"(?:this past|this coming|this|last|next|past|coming|previous|following|current)"


def _number(word: str) -> int:
    """Return the value of a number token ("3", "three", "twenty-one", "a")."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _ordinal_value(word: str) -> int:
    """Return the value of an ordinal token ("3rd", "third", "twenty-first"); last is -1."""
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() else _ORDINAL_WORDS[word]
