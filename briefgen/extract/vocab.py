"""The words date mentions are made of, and the words around a date that say it is not one
(laws' names, ages, counts): the vocabulary of ``briefgen.extract.mentions``."""

from __future__ import annotations

from briefgen.dates import _ENGLISH_WORDS

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_WEEKDAY_ABBREVIATIONS = {"mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri",
                          "sat", "sun"}  # fmt: skip
_DATE_WORDS = {
    "today", "to-day", "tonight", "yesterday", "tomorrow", "to-morrow", "morrow", "now",
    "currently", "weekend", "weekends",
    "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
    "centuries", "quarter", "quarters", "fortnight", "morning", "afternoon", "evening",
    "night", "lunchtime", "overnight", "spring", "summer", "autumn", "winter", "fall", "ago",
    "noughties", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
    "eighties", "nineties", "present", "moment", "presently", "day", "days", "weekday",
    "q1", "q2", "q3", "q4", "h1", "h2", "midday", "noon", "nineteen", "eighteen", "thousand",
    "christmas", "easter", "hogmanay", "halloween", "whitsun", "whitsunday", "pentecost",
}  # fmt: skip
_EXTRA_VOCAB = {
    "c", "ca", "circa", "approximately", "approx", "roughly", "ago", "hence", "onwards",
    "onward", "through", "till", "until", "up", "right", "ad", "bc", "ce", "bce", "first",
    "second", "third", "fourth", "half", "year-end", "yearend", "the", "same", "latter",
    "former", "most", "recent", "latest", "complete", "full", "following", "preceding",
    "current", "st", "nd", "rd", "th", "ending", "beginning", "starting", "late", "early",
    "mid", "middle", "back", "around", "about", "of", "fiscal", "financial", "calendar",
    "new", "ahead", "date", "to-day", "to-morrow", "to-night", "mondays", "tuesdays",
    "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "after", "working",
    "tax", "academic", "school", "fy", "ended", "previous", "eve", "boxing", "years", "with",
    "good", "maundy", "shrove", "whit", "instant", "inst", "ultimo", "ult", "proximo", "prox",
    "ye", "bank", "holiday", "mothering", "palm", "pancake", "ash",
}  # fmt: skip
# words before "financial year" that make it any such year, not one ("every financial year")
_GENERIC = frozenset("every each a an per any one another".split())
_YEAR_KINDS = frozenset("financial tax academic school fiscal".split())
_VOCAB = (
    frozenset(_ENGLISH_WORDS)
    | _MONTHS
    | _WEEKDAYS
    | _WEEKDAY_ABBREVIATIONS
    | frozenset(_DATE_WORDS | _EXTRA_VOCAB)
)
_ABBREVIATED = frozenset(m for m in _MONTHS if len(m) <= 4) | {
    "c", "ca", "approx", "inst", "ult", "prox"
}  # fmt: skip
_INNER_PUNCT = frozenset("-–—/.,'’→")  # "22 November 2021 → 31 January 2022"
_PREPOSITIONS = frozenset("on in at during over of for by within throughout".split())
# expressions too vague to date an event by themselves ("That must end now.")
WEAK = frozenset(
    "now right now currently at present at the moment presently the year the quarter "
    "the moment the present today's".split("  ")
) | {"now", "currently", "presently", "at present", "at the moment", "right now", "the year",
     "the quarter", "the present", "the moment", "the day", "this time"}  # fmt: skip
_AMBIGUOUS = {
    "may", "march", "jan", "dec", "aug", "fall", "spring", "sun", "sat", "wed", "mon", "fri",
    "tue", "thu", "second", "present", "moment",
}  # fmt: skip
_MONTH_CUES = frozenset(
    "in since by until till during from of last next this early late mid before after "
    "between and to on end start beginning through throughout or until".split()
)
_SEASON_CUES = frozenset("the this last next in by since during early late mid until of".split())
_AGE_CUES = ("as young as", "as old as", "aged", "age of", "ages of", "age", "ages", "under",
             "over", "children of")  # fmt: skip
_QUANTITY_CUES = frozenset(
    "than over nearly almost some least about around approximately roughly just only "
    "another additional extra £ $ € # no number".split()
)
_NAME_ENDINGS = frozenset(
    "act acts bill order regulations rules convention directive treaty agreement code "
    "vision agenda strategy plan euro expo olympics cup games windows census report".split()
)
_YEAR_PREPOSITIONS = frozenset(
    "in since by from until till during before after of to and between around about circa "
    "c early late mid ca throughout through spring summer autumn winter".split()
)
_APPROXIMATORS = frozenset("about around approximately roughly c ca circa some nearly".split())
_FUNCTION_WORDS = frozenset(
    "he she it they we i you there who which that when while as was were had has is are "
    "did so but yet".split()
)
_POSSESSIVES = frozenset("their his her my your our its".split())
