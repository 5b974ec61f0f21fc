"""Which kind of year a bare "2022/23" names, from the words of its sentence.

``parse_date`` reads a bare "2022/23" as a financial year (1 April to 31 March): the UK's
public-finance default. In running text the sentence says more: a sentence about tax
returns, HMRC, National Insurance or tax allowances and bands means the tax year (6 April
to 5 April; council tax runs by the financial year), one about students, pupils or term
dates the academic year (from 1 September), and one about money (funding, budgets,
spending, "£") the financial year even when it names pupils ("pupil premium funding in
2024-25"), except tuition fees and the expected standard, counted in academic years.
``extract`` re-reads such a mention as "the tax year 2022/23", so its label
says which year it is.
"""

from __future__ import annotations

import re

_TAX = re.compile(
    r"\b(?:tax returns?|self[- ]assessment|tax years?|hmrc|personal allowances?|"
    r"payments? on account|inheritance tax|capital gains tax|isa allowances?|"
    r"(?<!council )tax bills?|national insurance|(?:dividend|marriage) allowances?|"
    r"(?:higher|basic|additional)[- ]rate (?:threshold|band|taxpayers?)|"
    r"tax codes?|paye|p60s?|p11ds?|(?:online|paper|late) returns?|returns? (?:for|due)|"
    r"tax (?:dates|deadlines?|calendar)|owe[sd]? (?:\S+ ){0,2}tax|tax (?:owed|due) for|"
    r"fil(?:e|ed|ing) (?:\S+ ){0,3}returns?|isas?|making tax digital|p45s?|tax credits?|"
    r"pension (?:annual )?allowances?)\b",
    re.I,
)
_MONEY = re.compile(
    r"£|\b(?:funding|funded|budgets?|spending|spent|grants?|allocations?|allocated|"
    r"billion|million|borrowing|outturn|revenue)\b",
    re.I,
)
_ACADEMIC = re.compile(
    r"\b(?:academic|school years?|term dates|(?:autumn|spring|summer) terms?|students?|"
    r"pupils?|undergraduates?|postgraduates?|enrolments?|entrants|semesters?|trimesters?|"
    r"hesa|ucas|universit(?:y|ies)|inset|half[- ]terms?|graduates?|graduation|freshers|"
    r"schools?|ofsted|exams?|gcses?|a[- ]levels?|key stage \d|ks[1-5]|qualifications?|"
    r"fsm|apprenticeships?|further education|teachers?|classrooms?|attainment|attendance|"
    r"absences?|exclusions?|suspensions?|(?-i:SEND)|special educational needs|ehcps?|"
    r"ehc plans?|admissions?|colleges?|curriculum|learners?|phonics|academ(?:y|ies)|"
    r"free school meals|sixth[- ]forms?|t[- ]levels?|degrees?|intakes?)\b",
    re.I,
)
# what is always counted in academic years, money or not ("tuition fees in 2024/25 are
# capped at £9,250")
_ALWAYS_ACADEMIC = re.compile(r"\b(?:tuition fees?|expected standard)\b", re.I)
_PAIR = r"[0-9]{4}(?: ?[-–/] ?| to )(?:[0-9]{4}|[0-9]{2})"
_BARE_YEARS = re.compile(
    rf"(?P<pre>(?:since|from|by|until|in|during|for) )?(?:the )?"
    rf"(?P<years>{_PAIR}(?:(?:,? and |,? to |, | ?– ?| & ){_PAIR})*)(?P<post> onwards?)?"
)


def year_kind(sentence: str) -> str | None:
    """ "tax" or "academic" when the sentence says so; ``None`` for the financial year."""
    if _TAX.search(sentence):
        return "tax"
    if _ALWAYS_ACADEMIC.search(sentence):
        return "academic"
    if _MONEY.search(sentence):
        return None
    if _ACADEMIC.search(sentence):
        return "academic"
    return None


def as_named_years(mention: str, kind: str) -> str | None:
    """ "2022/23" -> "the tax year 2022/23", "since 2021/22" -> "since the academic year
    2021/22", "2026-27 to 2030-31" -> "tax years 2026-27 to 2030-31"; ``None`` when the
    mention is not bare years of that form."""
    m = _BARE_YEARS.fullmatch(mention.strip().lower())
    if m is None:
        return None
    years, pre, post = m["years"], m["pre"] or "", m["post"] or ""
    if len(re.findall(_PAIR, years)) == 1:
        return f"{pre}the {kind} year {years}{post}"
    return f"{pre}{kind} years {years}{post}"
