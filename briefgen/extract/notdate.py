"""What only looks like a date in running text: laws' names, reference numbers, ages,
counts, ordinals that count a noun, programme names. ``not_a_date`` says why a window of
tokens that ``parse_date`` reads is not a date mention (``briefgen.extract.mentions``)."""

from __future__ import annotations

import re

from briefgen.extract.quantities import (
    _MEASURE_OR_CLOCK,
    _SPANS,
    _SUPERLATIVE,
    a_quantity,
    looks_back,
)
from briefgen.extract.tokens import Token
from briefgen.extract.vocab import (
    _AGE_CUES,
    _AMBIGUOUS,
    _APPROXIMATORS,
    _DATE_WORDS,
    _FUNCTION_WORDS,
    _GENERIC,
    _MONTH_CUES,
    _MONTHS,
    _NAME_ENDINGS,
    _POSSESSIVES,
    _PREPOSITIONS,
    _QUANTITY_CUES,
    _SEASON_CUES,
    _VOCAB,
    _WEEKDAY_ABBREVIATIONS,
    _WEEKDAYS,
    _YEAR_KINDS,
    _YEAR_PREPOSITIONS,
)

# nouns an ordinal counts ("our 20th year", "the 50th anniversary"): not a day of the month
_COUNTED_NOUNS = frozenset(
    "year years anniversary birthday century centuries season term session edition time "
    "times decade generation place floor round".split()
)


# plurals without an "s" that a number before them counts ("1954 men")
_UNMARKED_PLURALS = frozenset(
    "people men women children staff personnel police cattle sheep feet square sq cubic"
    .split()
)


# capitalised nouns that make the year before them part of a name
_NAMED_AFTER_A_YEAR = frozenset(
    "Committee Club Group Society Association Road Street Avenue Lane Drive Act Acts "
    "Regulations Rules Order Agenda Vision Strategy Programme Fund".split()
)


def _names_after(tokens: list[Token], e: int) -> bool:
    """Tell whether the capitalised words just after ``e`` (up to three) end in a noun that
    makes a year before it part of a name ("the 1922 Committee", "1914 Main Road")."""
    for tok in tokens[e + 1 : e + 4]:
        if not (tok.is_word and tok.text[:1].isupper()):
            return False
        if tok.text in _NAMED_AFTER_A_YEAR or (
            tok.text.isupper() and tok.text.capitalize() in _NAMED_AFTER_A_YEAR
        ):
            return True  # "the 1922 Committee", "2036 VISION AND FRAMEWORK"
    return False


def _in_a_number(tokens: list[Token], y: int, text: str) -> bool:
    """Tell whether the year-like token ``y`` is one group of a longer number written in
    groups ("0800 2024 123", a telephone number): a digit group beside it, one space apart."""
    for a, b in ((y - 1, y), (y, y + 1)):  # the group before, then the one after
        if a < 0 or b >= len(tokens):
            continue
        other = tokens[a if b == y else b]
        one_space = text[tokens[a].end : tokens[b].start] == " "
        if one_space and other.text.isdigit() and len(other.text) >= 3:
            return True
    return False


# nouns a number after them counts or labels, never dates ("table 2019", "page 1984")
_NUMBERED_THINGS = frozenset(
    "table tables figure figures fig chart annex appendix page pages paragraph para section "
    "clause schedule item question room box line column col cols row volume vol issue number no "
    "unit flat suite ward bay plot gate platform junction route bus flight".split()
)


def _word_before(tokens: list[Token], s: int, n: int = 1) -> list[Token]:
    """Up to ``n`` word tokens before ``s`` (nearest last), stopping at sentence punctuation."""
    out: list[Token] = []
    j = s - 1
    while j >= 0 and len(out) < n:
        tok = tokens[j]
        if tok.is_word:
            out.insert(0, tok)
        elif tok.text in '.!?;:"“”()[]':
            break
        j -= 1
    return out


def _sentence_initial(tokens: list[Token], s: int, text: str) -> bool:
    if s == 0:
        return True
    prev = tokens[s - 1]
    return prev.text in ".!?:\"“”‘'`(—-" or "\n" in text[prev.end : tokens[s].start]


# plurals a year before them dates rather than counts ("Includes 2014 results")
_DATED_PLURALS = frozenset(
    "results figures accounts elections estimates statistics exams returns prices rates "
    "levels data".split()
)
# words a weekday or a run of them describes, not dates ("a Saturday service", "open
# Monday to Friday")
_TIMETABLE_WORDS = frozenset(
    "service services timetable timetables open opening operates operate operating "
    "runs staffed available daily".split()
)
_HOLIDAY_THINGS = frozenset(
    "list lists tree trees card cards present presents gift gifts decorations jumper jumpers "
    "cracker crackers pudding puddings egg eggs bonnet bonnets".split()
)
_SEASON_WORDS = frozenset("spring summer autumn winter".split())
_GENERIC_DETERMINERS = frozenset("a an every each any most some".split())
_TIME_PREPOSITIONS = frozenset(
    "in since during until till by early late mid last next this".split()
)
_AUXILIARIES = frozenset(
    "will would could should might must can may shall is was were are has had have".split()
)


def not_a_date(tokens: list[Token], s: int, e: int, text: str) -> str | None:
    """Why the window ``s..e`` only looks like a date (a law's name, an age, a count, an
    ordinal, a programme's name ...), or ``None`` if it is a date."""
    words = [t for t in tokens[s : e + 1] if t.is_word]
    lows = [t.low for t in words]
    content = [w for w in lows if w not in _PREPOSITIONS and w != "the"]
    before = _word_before(tokens, s, 3)
    prev = before[-1] if before else None
    prev_low = prev.low if prev else ""
    after = tokens[e + 1] if e + 1 < len(tokens) else None
    after_word = after if after is not None and after.is_word else None
    before_text = " ".join(t.low for t in before)
    tail = text[tokens[e].end : tokens[e].end + 14].lower()
    head = text[max(0, tokens[s].start - 6) : tokens[s].start]
    if re.fullmatch(r"[0-9]{4}", lows[0]) and re.search(
        r"\b(?:Bill|Act)(?: \[HL\])? $", text[max(0, tokens[s].start - 12) : tokens[s].start]
    ):
        return "law's name"  # "the Agriculture Bill 2019-20", "the Bill [HL] 2019-21"
    if re.fullmatch(r"[0-9]{4}", lows[0]) and re.search(
        r"\b(?:ref(?:erence)?s?(?: numbers?| nos?\.?)?|quoting|incident|log|crime|serial)"
        r"\s*:?\s*$", text[max(0, tokens[s].start - 30) : tokens[s].start], re.I
    ):
        return "reference"  # "quoting reference 1762", "reference numbers 1106/07"
    if re.fullmatch(r"[0-9]{4}", lows[0]) and (
        re.match(r"/[0-9]{3}", tail) or re.match(r"\s*\(no\.? ?[0-9]", tail)
        or re.match(r",? No\.? ?[0-9]", text[tokens[e].end : tokens[e].end + 8])
        or re.search(r"(?:\bS\.? ?I\.?|\bHC|\bHL|\bCmn?d?\.?|\bNo\.?|\b[Cc]ols?\.) ?$", head)
    ):  # fmt: skip
        return "reference"  # "S.I. 2024/540", "HC 1132", "Regulations 2024 (No. 2)"
    if e == s and re.fullmatch(r"[0-9]{4}", lows[0]) and re.search(
        r"(?<![\w.])[A-Z]{1,5}A $", text[max(0, tokens[s].start - 8) : tokens[s].start]
    ) and re.search(r"\bAct\b|\([A-Z]+A $", text[max(0, tokens[s].start - 300) : tokens[s].start]):
        return "law's name"  # "(EAA 1979)", "the DPA 2018" after its Act: an Act's short name
    if (
        words[-1].low == "year" and after is not None
        and re.fullmatch(r"[0-9]{1,2}", after.text)
    ):  # fmt: skip
        return "school year group"  # "The Year 6 pupils", "Year 11", "the end of year 2"
    if lows[0] in ("c", "cc") and re.search(
        r"\b(?:vol|cols?|official report)\b[^;()]{0,30}$",
        text[max(0, tokens[s].start - 40) : tokens[s].start],
        re.I,
    ):
        return "column"  # "Official Report, Vol. 530, c. 1234": Hansard's column, not circa
    if lows and lows[-1] in ("of", "the"):
        return "unfinished"  # "a fall of 0.1%": no date ends on "of"
    if len(content) == 2 and content[0] in _YEAR_KINDS and prev_low in _GENERIC:
        return "any such year"  # "each and every financial year"

    approximate = [w for w in content if w not in _APPROXIMATORS]
    if (
        len(approximate) == 1 and len(content) == 2 and re.fullmatch(r"[0-9]{4}", approximate[0])
        and after_word is not None and after_word.text.islower()
        and after_word.low not in _VOCAB and after_word.low not in _FUNCTION_WORDS
    ):  # fmt: skip
        return "count"  # "about 2024 staff"
    before_text_80 = text[max(0, tokens[s].start - 80) : tokens[s].start]
    if (
        lows[0] == "in" and len(content) == 2 and content[1] in _SPANS
        and (_SUPERLATIVE.search(before_text_80) or re.search(r"\bthan $", before_text_80))
    ):  # fmt: skip
        return "comparison"  # "the biggest push in 50 years", "the fastest rate in a decade"
    if lows[0] == "in" and len(content) == 2 and content[1] in _SPANS and (
        looks_back(text, tokens[s].start, tokens[e].end) or tail.startswith(" of ")
    ):
        return "duration"  # "has not happened in 20 years", "in 20 years of service",
        # "completed in two years"
    if (
        len(words) == 2 and all(re.fullmatch(r"[0-9]{2}", w.low) for w in words)
        and text[words[0].end : words[1].start] == "/"
        and prev_low not in _YEAR_PREPOSITIONS and prev_low not in ("the", "for", "by", "in")
        and not _sentence_initial(tokens, s, text)
    ):  # fmt: skip
        return "fraction"  # "only 19/20 patients", "scored 18/19"; not "in 19/20"
    bare_year = len(content) == 1 and re.fullmatch(r"[0-9]{4}", content[0]) is not None
    if bare_year:
        if content[0].startswith("0") or int(content[0]) >= 2200:
            return "not a year"  # "0735 GMT", "Cm 9123"
        if prev_low in _NUMBERED_THINGS:
            return "reference"  # "table 2019/3", "page 1984", "question 2020"
        if prev is not None and prev.text.endswith(("'s", "’s")) and len(before) > 0:
            return "name"  # "Kopp's 1987 Chevrolet"
        if (
            prev is not None
            and prev.text[0].isupper()
            and prev_low not in _YEAR_PREPOSITIONS
            and prev_low not in _MONTHS
            and not _sentence_initial(tokens, s - 1, text)
            and "," not in text[prev.end : tokens[s].start]
        ) or prev_low in _NAME_ENDINGS:
            return "name"  # "Inquiries Act 2005", "Vision 2030"; not "England and Wales, 2016"
        if _names_after(tokens, e):
            return "name"  # "the 1922 Committee", "the 1944 Act", "1914 Main Road" is no year
        year_at = next(i for i in range(s, e + 1) if tokens[i].low == content[0])
        if _in_a_number(tokens, year_at, text):
            return "number"  # "0800 2024 123"
        if prev_low not in _YEAR_PREPOSITIONS and _MEASURE_OR_CLOCK.match(
            text, tokens[year_at].end
        ):
            return "count"  # "2000 mg", "at 1600 BST", "1850 of them"; not "in 2019 hours"
        if a_quantity(text, tokens[year_at].start, tokens[year_at].end):
            return "count"  # "rose by 1762", "1762 were injured", "1701 in 2023"
        if prev_low in _QUANTITY_CUES or before_text.endswith(
            ("more than", "less than", "fewer than", "up to", "a total of", "a further")
        ):
            return "count"  # "a total of 2019 pupils", "a further 1850 staff"
        if tail.startswith(("%", " per ", " percent", "-page", " pages")) or (
            after_word is not None and after_word.low in _UNMARKED_PLURALS
            and prev_low not in _YEAR_PREPOSITIONS
        ):  # fmt: skip
            return "count"  # "1954 men", but "in 2022 people moved" is the year
        if (
            after_word is not None and after_word.text.islower() and after_word.low not in _VOCAB
            and after_word.low.endswith("s") and not after_word.low.endswith("ss")
            and len(after_word.low) > 3 and prev_low not in _YEAR_PREPOSITIONS
            and after_word.low not in _DATED_PLURALS
            and not (s > 0 and tokens[s - 1].text == "-")
        ):  # fmt: skip
            return "count"  # "2000 cases"
        if s > 0 and tokens[s - 1].text in "£$€#," and tokens[s - 1].end == tokens[s].start:
            return "count"
        if s > 1 and tokens[s - 1].text == ":" and tokens[s - 2].text.isdigit():
            return "ratio"  # "a ratio of 1:2020"
        if (after is not None and after.text in "%") or (
            after is not None
            and after.text in ",."
            and after.end < len(text)
            and tokens[e].end == after.start
            and text[after.end : after.end + 1].isdigit()
        ):
            return "count"  # "2,000", "2005.5"
    if tail.startswith((" years old", "-year-old", " year old", "-years-old", " old", "-old")):
        return "age"
    if any(before_text.endswith(cue) for cue in _AGE_CUES) and (
        len(content) == 1 and re.fullmatch(r"[0-9]{1,2}0?s?", content[0] or "")
    ):
        return "age"
    if len(content) == 2 and content[0] in _POSSESSIVES and re.fullmatch(r"[0-9]0s", content[1]):
        return "age"  # "in their 20s"
    if (
        len(content) == 1
        and re.fullmatch(r"'?[0-9]0'?s", content[0])
        and (
            prev_low in _POSSESSIVES
            or prev_low in ("under", "over")
            or (
                before_text.endswith(("in their", "in his", "in her", "early", "late", "mid"))
                and any(b.low in _POSSESSIVES for b in before)
            )
        )
    ):
        return "age"  # "in their 20s", "under-10s"
    counted = [w for w in content if w not in _POSSESSIVES]
    if (
        len(counted) == 1
        and re.fullmatch(r"[0-9]{1,3}(?:st|nd|rd|th)", counted[0])
        and after_word is not None
        and after_word.low in _COUNTED_NOUNS
    ):
        return "ordinal"  # "our 20th year in business", "the 50th anniversary"
    if (
        len(counted) == 1 and len(content) == 2 and content[0] in _POSSESSIVES
        and re.fullmatch(r"[0-9]{1,3}(?:st|nd|rd|th)", counted[0])
    ):  # fmt: skip
        return "ordinal"  # "its 2nd worst winter", "our 3rd"
    ordinals = [w for w in content if w not in ("and", "&", "or", "to")]
    if (
        len(ordinals) > 1 and all(re.fullmatch(r"[0-9]{1,3}(?:st|nd|rd|th)", w) for w in ordinals)
        and after_word is not None and after_word.low not in _VOCAB
        and after_word.low not in _FUNCTION_WORDS
    ):  # fmt: skip
        return "ordinals"  # "the 22nd, 23rd and 24th Reports", "15th and 18th meetings"
    if len(words) == 1 and (
        (words[0].low in _WEEKDAYS and prev_low in _GENERIC_DETERMINERS)
        or (
            (words[0].low in _MONTHS or words[0].low in _SEASON_WORDS or "weekend" in words[0].low)
            and prev_low in ("every", "each", "any")
        )
    ):  # "after a weekend of bitter accusations" is the last one
        return "any such day"  # "on a Thursday", "every Monday", "every weekend", "each May"
    if (
        words[0].low in _WEEKDAYS and words[-1].low in _WEEKDAYS
        and (prev_low in _TIMETABLE_WORDS or (after_word is not None
                                              and after_word.low in _TIMETABLE_WORDS))
    ):  # fmt: skip
        return "any such day"  # "the same service Monday to Friday", "a Saturday service"
    if (
        len(words) == 1 and words[0].low in ("christmas", "easter") and after_word is not None
        and after_word.low in _HOLIDAY_THINGS
    ):  # fmt: skip
        return "any such day"  # "nobody's Christmas list", "an Easter egg"
    if words[-1].low == "ahead" and tail.startswith((" of ", " of\n")):
        return "comparison"  # "three months ahead of schedule"
    if len(content) == 1 and re.fullmatch(r"(?:the )?[0-9]{1,2}(?:st|nd|rd|th)", content[0]):
        if prev_low not in ("on", "by", "until", "till", "from", "since", "of"):
            return "ordinal"  # "the 19th report"
        if after_word is not None and after_word.low not in _VOCAB:
            return "ordinal"  # "on the 19th floor"
    if len(content) == 1 and content[0] in _AMBIGUOUS:
        word = words[-1]
        if word.low in ("may", "march", "jan", "dec", "aug"):
            if (
                not word.text[0].isupper()
                or prev_low not in _MONTH_CUES
                or (
                    after_word is not None
                    and after_word.text.islower()
                    and after_word.low not in _VOCAB
                    and after_word.low not in _FUNCTION_WORDS
                    and not (prev_low in _TIME_PREPOSITIONS and after_word.low in _AUXILIARIES)
                )  # "in March will be": the month; "Theresa May will", "with May said": a name
            ):
                return "verb or name"  # "Theresa May", "they may march"
        elif word.low in ("fall", "spring"):
            if prev_low not in _SEASON_CUES:
                return "verb"
            if tail.startswith(" of "):
                return "noun"  # "the fall of the government"
        elif word.low in _WEEKDAY_ABBREVIATIONS:
            return "name"  # "The Sun", "Sat"
        elif word.low in ("second", "present", "moment") and len(lows) == 1:
            return "not a date"
    if len(words) == 1 and words[0].low in ("today", "tonight", "now"):
        if words[0].text[0].isupper() and not _sentence_initial(tokens, s, text):
            return "name"  # "the Today programme", "USA Today"
        if (
            after_word is not None and after_word.text[0].isupper() and after_word.text != "I"
            and words[0].text[0].isupper()
        ):  # fmt: skip
            return "name"  # "Today Programme", but "Today I am talking about ..." is today
        if s > 0 and tokens[s - 1].text in "'’" and words[0].text[0].isupper():
            return "name"
    if (
        words[0].text[0].isupper()
        and len(words) == 1
        and prev is not None
        and (prev.text.endswith(("'s", "’s")) and words[0].low in ("today", "tonight"))
    ):
        return "name"  # "Radio 4's Today"
    if _in_a_title(words, prev, after_word):
        return "name"  # "the Winter Fuel Payment", "The Sunday Times", "Black Friday"
    if (
        after_word is not None and after_word.text in _NAME_HEADS
        and all(w.text[:1].isupper() for w in words if w.low != "the")
    ):  # fmt: skip
        return "name"  # "the Good Friday Agreement", "the Monday Club", "The Sixties Club"
    if words[0].low in _WEEKDAYS and re.search(
        r"\b(?:Mail|Independent|Scotland|Wales|Sport|Express) on $",
        text[max(0, tokens[s].start - 14) : tokens[s].start],
    ):
        return "name"  # "the Mail on Sunday", "Scotland on Sunday"
    return None


_NAME_HEADS = _NAMED_AFTER_A_YEAR | frozenset("Agreement Accord Rising Uprising Offensive".split())


# capitalised seasons and holidays that start a proper name when a capitalised word that is
# no date word follows ("the Winter Fuel Payment", "the Easter Rising"): UK text writes a
# season lowercase. A weekday is capitalised anyway (and news writes "Clinton Saturday
# vowed"), so it is a name's only beside the few words that make one.
_NAMEABLE = frozenset("spring summer autumn winter christmas easter new year".split())
_WEEKDAY_NAME_HEADS = frozenset(
    "times telegraph mirror express post people herald mail club league school".split()
)
_WEEKDAY_NAME_MODIFIERS = frozenset("black cyber super blue giving".split())
# words that go on a date in a capitalised run: "Easter Monday", "Good Friday", "Christmas
# Eve", "the Summer Term", "New Year's Day"
_VOCAB_DATES = (
    frozenset(_MONTHS) | _WEEKDAYS | _DATE_WORDS | _NAMEABLE
    | frozenset("day eve bank holiday holidays term half-term recess break good maundy shrove "
                "ash holy palm whit year's".split())
)  # fmt: skip


def _in_a_title(words: list[Token], prev: Token | None, after: Token | None) -> bool:
    """Tell whether a window of capitalised seasons, holidays or a weekday is part of a
    proper name: "the Autumn Statement", "the New Year Honours", "The Sunday Times",
    "Black Friday"."""
    words = [w for w in words if w.low != "the"]
    if not words or not all(w.text[:1].isupper() for w in words):
        return False
    capital_after = after is not None and after.text[:1].isupper()
    if all(w.low in _NAMEABLE for w in words):
        return capital_after and after is not None and after.low not in _VOCAB_DATES
    if len(words) == 1 and words[0].low in _WEEKDAYS:
        return (capital_after and after is not None and after.low in _WEEKDAY_NAME_HEADS) or (
            prev is not None and prev.low in _WEEKDAY_NAME_MODIFIERS
            and prev.text[:1].isupper() and prev.end + 1 == words[0].start
        )  # fmt: skip
    return False
