"""``find_mentions`` on financial, tax and academic years in sentences: the kind of year a
bare "2022/23" names from its sentence, named years and lists taken whole, and what only
looks like a year (statutory instrument numbers, "every financial year", decimals). The
sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.extract.mentions import find_mentions
from briefgen.extract.yearkind import as_named_years, year_kind

ANCHOR = date(2024, 6, 3)  # a Monday in the financial year 2024-25


def found(text: str) -> list[tuple[str, str, str]]:
    return [
        (m.text, m.span.start.isoformat(), m.span.end.isoformat())
        for m in find_mentions(text, ANCHOR)
        if m.span is not None
    ]


@pytest.mark.parametrize(
    ("sentence", "mention", "start", "end"),
    [
        # tax returns, HMRC, allowances: the tax year
        ("Most people filed their tax returns for 2022/23 online.", "2022/23",
         "2022-04-06", "2023-04-05"),
        ("HMRC said penalties for 2021-22 would be waived.", "2021-22",
         "2021-04-06", "2022-04-05"),
        ("The allowance is frozen for a further tax year, 2027-28.", "2027-28",
         "2027-04-06", "2028-04-05"),
        ("These are the main tax dates for 2026/2027 to note.", "2026/2027",
         "2026-04-06", "2027-04-05"),
        # students, pupils, term dates: the academic year
        ("Fewer students enrolled in 2021/22 than the year before.", "2021/22",
         "2021-09-01", "2022-08-31"),
        ("Pupils who started secondary school in 2022/23 sat the test.", "2022/23",
         "2022-09-01", "2023-08-31"),
        ("Apprenticeship starts fell in 2022/23.", "2022/23", "2022-09-01", "2023-08-31"),
        ("Tuition fees in 2025/26 are capped at £9,535.", "2025/26", "2025-09-01",
         "2026-08-31"),
        ("In 2022/23, 60% of pupils met the expected standard.", "2022/23", "2022-09-01",
         "2023-08-31"),
        ("National Insurance rates for 2024/25 fell.", "2024/25", "2024-04-06", "2025-04-05"),
        ("The higher rate threshold stays frozen for 2026-27.", "2026-27", "2026-04-06",
         "2027-04-05"),
        # council tax runs by the financial year
        ("Council tax bills for 2024/25 rose by 5%.", "2024/25", "2024-04-01", "2025-03-31"),
        ("The share of FSM-eligible children rose in 2021/22.", "2021/22", "2021-09-01",
         "2022-08-31"),
        # money wins over pupils; no cue at all: the financial year
        ("Funding per pupil rises to £6,000 in 2024-25.", "2024-25", "2024-04-01", "2025-03-31"),
        ("The council underspent in 2023/24.", "2023/24", "2023-04-01", "2024-03-31"),
        ("GCSE entries have risen since 2021/22.", "since 2021/22", "2021-09-01", "2024-06-03"),
        ("Pupils sat the new KS4 tests in 2023/24.", "2023/24", "2023-09-01", "2024-08-31"),
        ("Consultation: 22 November 2021 → 31 January 2022", "22 November 2021 → 31 January 2022",
         "2021-11-22", "2022-01-31"),
        ("We are planning for the 2024/25 winter period.", "the 2024/25 winter period",
         "2024-12-01", "2025-02-28"),
        ("Borrowing fell in 2023 to 2024, the Treasury said.", "2023 to 2024",
         "2023-04-01", "2024-03-31"),
        ("Our plans for 2024 to 25 protect front-line services.", "2024 to 25",
         "2024-04-01", "2025-03-31"),
        ("The guidance for 24/25 was published late.", "24/25", "2024-04-01", "2025-03-31"),
        ("NHS spending in 19/20 rose.", "19/20", "2019-04-01", "2020-03-31"),
        ("The 22/23 accounts are late.", "22/23", "2022-04-01", "2023-03-31"),
        ("It was noted that the 2024/25 budget had grown.", "2024/25",
         "2024-04-01", "2025-03-31"),
        ("Prices rose in the year 2023-24.", "the year 2023-24", "2023-04-01", "2024-03-31"),
        ("The scheme stays open from 2024-25 onwards.", "from 2024-25 onwards",
         "2024-04-01", "2024-06-03"),
        ("Figures for financial year 2023 to 2024 are final.", "financial year 2023 to 2024",
         "2023-04-01", "2024-03-31"),
        ("The new financial year began with a deficit.", "The new financial year",
         "2024-04-01", "2025-03-31"),
        ("Borrowing in the first eight months of 2024-25 was high.",
         "the first eight months of 2024-25", "2024-04-01", "2024-11-30"),
        # a possessive is no part of the year, and the sentence still says which year
        ("Most people filed their 2023/24 returns on time.", "2023/24", "2023-04-06",
         "2024-04-05"),
        ("Anyone who owes tax for 2024-25 must pay it in January.", "2024-25", "2024-04-06",
         "2025-04-05"),
        # named years and lists taken whole
        ("The limit is fixed for tax years 2026-27 to 2030-31.", "tax years 2026-27 to 2030-31",
         "2026-04-06", "2031-04-05"),
        ("The rate holds for tax years 2028-29, 2029-30, and 2030-31.",
         "tax years 2028-29, 2029-30, and 2030-31", "2028-04-06", "2031-04-05"),
        ("Term dates for the 2024/25 and 2025/26 academic years are below.",
         "the 2024/25 and 2025/26 academic years", "2024-09-01", "2026-08-31"),
        ("Inset days: Monday 1st September 2025, Thursday 23rd October 2025 and Friday 24th "
         "October 2025.", "Monday 1st September 2025, Thursday 23rd October 2025 and Friday "
         "24th October 2025", "2025-09-01", "2025-10-24"),
        ("Clinics run on 1, 8 and 15 July.", "1, 8 and 15 July", "2024-07-01", "2024-07-15"),
        ("The plan covers the years ahead.", "the years ahead", "2024-06-04", "2027-06-03"),
        ("In 20 years the coast will have moved.", "In 20 years", "2044-01-01", "2044-12-31"),
        ("Accounts for the year ending with 31 March 2024 were late.",
         "the year ending with 31 March 2024", "2023-04-01", "2024-03-31"),
        ("Returns were filed on Christmas Eve.", "Christmas Eve", "2023-12-24", "2023-12-24"),
        ("Data for the previous academic year are final.", "the previous academic year",
         "2022-09-01", "2023-08-31"),
        ("Since the deal I signed in May there were fewer delays.", "May",
         "2024-05-01", "2024-05-31"),  # "May there": a month before a function word
    ],
)  # fmt: skip
def test_years_in_sentences(sentence: str, mention: str, start: str, end: str) -> None:
    assert (mention, start, end) in found(sentence)


@pytest.mark.parametrize(
    ("sentence", "looks_like"),
    [
        ("S.I. 2024/540 extends the staging period.", "2024"),
        ("The order, SI 2023/959, was laid in error.", "2023"),
        ("The Income Tax (Charge) Order 2024/25 (No. 2) was revoked.", "2024"),
        ("The report, HC 1132, was debated.", "1132"),
        ("The budget must balance each and every financial year.", "financial year"),
        ("Councils set a budget every financial year.", "financial year"),
        ("Appointments rose in 2023 – 19.4 million more than before.", "19"),
        ("He paid £2,023 for the car.", "2,023"),
        ("The meeting starts at 1600 BST.", "1600"),
        ("He took 2000 mg of the drug.", "2000"),
        ("There are 1850 of them.", "1850"),
        ("A total of 2019 pupils sat the exam.", "2019"),
        ("The trust took on a further 1850 staff.", "1850"),
        ("Only 19/20 patients were seen on time.", "19/20"),  # a fraction, not 2019-20
        ("She scored 18/19 in the test.", "18/19"),
        # a superlative "in N years" compares with the past; it names no date
        ("It is the biggest building programme in 50 years.", "in 50 years"),
        ("Wages grew at the fastest rate in a decade.", "in a decade"),
        ("It was unprecedented in 50 years.", "in 50 years"),
        # looking back over "in N years" (a perfect, a negation, a change): a span, no date
        ("This has not happened in 20 years.", "in 20 years"),
        ("Wages have not grown in a decade.", "in a decade"),
        ("In 10 years, the number of nurses has doubled.", "In 10 years"),
        ("Crime is down 20% in five years.", "in five years"),
        ("There are more officers than in 10 years under the last Government.", "in 10 years"),
        ("Nothing like this happened in 20 years of records.", "in 20 years"),
        ("The project, completed in two years, won awards.", "in two years"),
        ("It was built in 10 years.", "in 10 years"),
        # ordinals before what they count, a weekday of no one week, a lead on a schedule
        ("The 22nd, 23rd and 24th Reports were agreed.", "22nd, 23rd and 24th"),
        ("They insisted on leaving at 6 o'clock on a Thursday.", "Thursday"),
        ("The committee meets every Monday.", "Monday"),
        ("He works every weekend.", "weekend"),
        ("Each May the fair comes to town.", "May"),
        # names: a newspaper, an agreement, a club
        ("She wrote in the Mail on Sunday.", "Sunday"),
        ("Good Friday Agreement talks resumed.", "Good Friday"),
        ("The Monday Club met.", "Monday"),
        ("The Sixties Club met.", "Sixties"),
        # a weekday that describes a timetable; a holiday that describes a thing
        ("We cannot keep the same level of service Monday to Friday.", "Monday to Friday"),
        ("A temporary Saturday service will run.", "Saturday"),
        ("Homelessness is on nobody's Christmas list.", "Christmas"),
        ("2036 VISION AND FRAMEWORK FOR THE STRATEGY", "2036"),
        ("The work is three months ahead of schedule.", "months ahead"),
    ],
)
def test_not_years(sentence: str, looks_like: str) -> None:
    at = sentence.index(looks_like)
    end = at + len(looks_like)
    mentions = find_mentions(sentence, ANCHOR)
    # a year that is really there ("2023" before "19.4") may stay, but no mention may reach
    # into the number or the reference
    assert [m.text for m in mentions if m.offset < end and at < m.end] == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Self-assessment returns for 2022/23 are due.", "tax"),
        ("The personal allowance for 2025-26 is unchanged.", "tax"),
        ("Students starting in 2024/25 pay higher fees.", "academic"),
        ("Half-term dates for 2024/25 are set.", "academic"),
        ("Online returns for 2024/25 must reach us by 31 January.", "tax"),
        ("Most people filed their 2023-24 returns early.", "tax"),
        ("Ofsted inspected 600 schools in 2023/24.", "academic"),
        ("Persistent absence fell in 2022/23.", "academic"),
        ("SEND pupils in 2023/24 waited longer.", "academic"),
        ("ISA limits for 2024/25 are frozen.", "tax"),
        ("Spending on SEND rose to £10bn in 2023/24.", None),
        ("Schools will get £1bn more in 2025-26.", None),  # money: the financial year
        ("Returns on investment fell in 2023-24.", None),
        ("Pupil premium funding for 2024-25 rises.", None),
        ("The budget for 2024-25 was agreed.", None),
        ("Income tax receipts rise in 2029-30.", None),  # receipts are counted by financial year
    ],
)
def test_year_kind(sentence: str, kind: str | None) -> None:
    assert year_kind(sentence) == kind


@pytest.mark.parametrize(
    ("mention", "kind", "named"),
    [
        ("2022/23", "tax", "the tax year 2022/23"),
        ("the 2021-22", "academic", "the academic year 2021-22"),
        ("2024 to 2025", "tax", "the tax year 2024 to 2025"),
        ("2026-27 to 2030-31", "tax", "tax years 2026-27 to 2030-31"),
        ("2024/25 and 2025/26", "academic", "academic years 2024/25 and 2025/26"),
        ("since 2021/22", "academic", "since the academic year 2021/22"),
        ("from 2024-25 onwards", "tax", "from the tax year 2024-25 onwards"),
        ("the tax year 2022/23", "tax", None),  # already named
        ("June 2024", "tax", None),
    ],
)
def test_as_named_years(mention: str, kind: str, named: str | None) -> None:
    assert as_named_years(mention, kind) == named
