"""What makes a number a quantity and "in N years" a span rather than a date: the words
around them ("rose by 1762", "1762 were injured", "2000 mg", "the biggest rise in 50
years", "has not happened in 20 years"). ``notdate`` asks these."""

from __future__ import annotations

import re

# "the biggest ... in 50 years" compares with the past, it names no date
_SUPERLATIVE = re.compile(
    r"\b(?:biggest|largest|highest|lowest|greatest|fastest|slowest|strongest|weakest|best|"
    r"worst|sharpest|steepest|deepest|longest|shortest|smallest|most|least|first time|"
    r"record|unprecedented)\b[^.,;:!?]*$|\b(?:first|only)(?: [a-z]+){1,2} $",
    re.I,
)
# a sentence that looks back over "in 20 years": a perfect tense, a negation, a change told
_LOOKS_BACK = re.compile(
    r"\b(?:has|have|had|hasn['’]t|haven['’]t|hadn['’]t|not|never|no|was|were|"
    r"(?:is|are|was|were) (?:down|up)|rose|fell|grew|doubled|halved|trebled|tripled|"
    r"increased|decreased|declined)\b",
    re.I,
)
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|shall|would|could|going to|expected|plans?|aims?|time|due|set to)\b|['’]ll\b",
    re.I,
)


def looks_back(text: str, start: int, end: int) -> bool:
    """Does the sentence around ``text[start:end]`` ("in 20 years") look back over that
    span rather than ahead to its end?"""
    first = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    sentence = text[first : min(ends) if ends else len(text)]
    done = re.search(r"\w{3,}ed,? $", text[max(0, start - 20) : start]) is not None
    return _LOOKS_AHEAD.search(sentence) is None and (
        done or _LOOKS_BACK.search(sentence) is not None
    )  # "completed in two years"; "would be redeemed in five years" looks ahead


_SPANS = frozenset(
    "year years decade decades month months week weeks generation generations century "
    "centuries".split()
)


# what only a quantity follows or precedes ("rose by 1762", "an increase of 1762", "1762
# were injured", "up from 1701 in 2023", "stands at 1762")
_CHANGE = (
    r"(?:rose|risen|rises|rising|fell|fallen|falls|falling|increased|increases|decreased|"
    r"decreases|grew|grown|grows|dropped|drops|declined|climbed|jumped|went up|went down|"
    r"up|down)"
)
_QUANTITY_BEFORE = re.compile(
    rf"(?:\b{_CHANGE} by|\ban? (?:increase|decrease|rise|fall|drop|reduction|gain|loss) of|"
    r"\b(?:totall?ed|totall?ing|stands? at|stood at|standing at|out of|numbered|numbering)|"
    r"\b(?:number|no\.?|ref(?:erence)?|code|id) (?:is|was))\s+$",
    re.I,
)
_QUANTITY_TO = re.compile(rf"\b(?:{_CHANGE} to|reached|hit)\s+$", re.I)
_PLURAL_VERB = re.compile(r"\s+(?:were|are|have been|had been)\b")
_TIME_AFTER = re.compile(
    r"\s+(?:last|this|next) (?:year|month|week|quarter)|\s+in [0-9]{4}\b|\s+in total\b"
    r"|\s+a year (?:ago|earlier)",
    re.I,
)
_ENDS_A_PHRASE = re.compile(r"\s*(?:[.,;:)!?]|$)|\s+(?:in|on|from|to|this|last|a year|compared)\b")


_MEASURE_OR_CLOCK = re.compile(
    r"\s?(?:mg|g|kg|km|ml|l|ft|mph|kw|kwh|mw|gw|tonnes?|tons?|litres?|metres?|miles?|acres?|"
    r"hectares?|ha|sq|bst|gmt|utc|cet|hrs?|hours|h)\b|\s+of (?:them|those|these|us|you|which|"
    r"whom)\b",
    re.I,
)


def a_quantity(text: str, start: int, end: int) -> bool:
    """Is the four-digit number at ``text[start:end]`` a quantity by the words around it:
    a change or total before it, a plural verb or another date after it?"""
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    if _QUANTITY_BEFORE.search(before) or _TIME_AFTER.match(after):
        return True
    if _PLURAL_VERB.match(after) and re.search(r"(?:^|[.!?,:;]|\n)\s*$", before):
        return True  # "1762 were injured", "In total, 1995 were arrested"
    return _QUANTITY_TO.search(before) is not None and _ENDS_A_PHRASE.match(after) is not None
