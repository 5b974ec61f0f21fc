"""The one ordered table of date rules, and the reader of a single expression that runs it.

Order is priority: for a normalised text, the first rule (top to bottom) whose pattern
matches the whole text and whose handler returns a span wins; a handler returns ``None`` to
pass the text on. Each family keeps its rules in its own module (``absolute``,
``relative``, ``parts``, ``fiscal``, ``ending``); ranges and "since X" are read around this table by
``spans``. To add a form, write its rule in its family's module and list it here, above
any rule that would otherwise take its text.
"""

from __future__ import annotations

from dataclasses import replace

from briefgen.datelabels import lower_first
from briefgen.dates import absolute, ending, fiscal, ordinals, parts, relative
from briefgen.dates.core import Rule, _Ctx, _Groups, _Span
from briefgen.dates.normalise import _APPROX, _PREPOSITION

RULES: tuple[Rule, ...] = (
    # absolute: unambiguous numeric forms first, then years, decades and centuries
    absolute._iso_date,  # 2025-06-16, 2025-06-16T10:00Z
    fiscal._financial_short,  # 2023-24, 2019/20: financial years (before ISO months)
    absolute._iso_month,  # 2025-06
    absolute._iso_week,  # 2025-W24, week 24 2025
    absolute._numeric_date,  # 14/06/2025
    absolute._numeric_month,  # 06/2025
    absolute._year,  # 2025, the year 2025
    absolute._decade,  # the 2010s, the '90s, the nineties
    absolute._century,  # the 20th century, this century
    absolute._day_month,  # 16 June 2025, June 16, Monday 16th June
    absolute._bare_day,  # the 16th; "14" inside "14–15 June"
    absolute._month_year,  # June 2025, June '25
    absolute._month_name,  # in January, last June, June this year
    # periods counted back from the month or day they end (before ranges read "X to Y")
    ending._period_to,  # the year to June 2024, the three months to August 2024
    # relative to the anchor
    relative._day_word,  # today, this morning, yesterday, currently
    relative._weekday,  # Monday, last Monday, Thursday afternoon
    relative._weekend,  # at the weekend, next weekend
    relative._year_ahead,  # the year ahead, the coming year (before "coming year": next year)
    relative._relative_unit,  # this week, last month, next year, the latest quarter
    relative._earlier_later,  # earlier this year, later this month
    parts._year_end,  # year-end, end-of-year
    relative._ago,  # two years ago, in two weeks' time
    relative._recent_coming,  # in recent weeks, in the coming weeks and months
    relative._new_year,  # in the new year
    relative._rolling_period,  # the past week, the last three months
    relative._week_of,  # the week of / commencing / ending a day, w/c a day
    # ordinal and counted weekdays (after absolute._day_month: "the 20th of June" is its)
    ordinals._nth_of,  # the first Monday of this month, the last day of October 2015
    ordinals._day_of,  # the 20th of next month
    ordinals._day_of_old_month,  # the 14th instant, the 3rd ultimo (older Hansard)
    ordinals._weekday_of,  # Monday of this week, Wednesday of next week
    ordinals._weekdays_count,  # two Thursdays ago, 3 Fridays from now
    ordinals._after_next,  # Friday after next, the Friday before last
    # parts and periods
    parts._week_of_month,  # the first week of June
    fiscal._year_quarter,  # Q1 2011/12, the first quarter of 2024-25 (before calendar quarters)
    parts._quarter,  # Q1 2025, the third quarter
    parts._half,  # H2 2024, the first half of 2025
    parts._season,  # spring 2025, last autumn
    parts._pair_winter,  # the 2023/24 winter period
    parts._part_of,  # early 2025, the end of June, the mid-1990s
    parts._first_months,  # the first eight months of 2024-25, the last three weeks of June
    # named days, clock times
    absolute._holiday,  # Christmas Day 2024, Easter Monday
    absolute._with_time,  # 9am on Tuesday, 16 June 2025 at 3.30pm
    # financial, tax, academic and fiscal years; refusals
    fiscal._named_years,  # tax years 2026-27 to 2030-31, the 2024/25 and 2025/26 academic years
    fiscal._named_year,  # the financial year 2023-24, FY2023/24, the tax year 2024-25
    fiscal._relative_named_year,  # this financial year, next academic year
    fiscal._fiscal,  # anything naming a fiscal or financial year
    fiscal._before_christ,  # 500 BC
)


def point(s: str, ctx: _Ctx) -> _Span | None:
    """Read a single expression (no range) by the first rule that takes it, or ``None``."""
    stripped = _PREPOSITION.match(s)
    if stripped and stripped.end():
        s = s[stripped.end() :]
    approx = _APPROX.fullmatch(s)
    if approx:
        inner = point(approx["rest"] or approx["rest2"], ctx)
        if inner is None:
            return None
        return replace(inner, approximate=True, label=f"c. {lower_first(inner.label)}")
    for rule in RULES:
        for pattern in rule.patterns:
            m = pattern.fullmatch(s)
            if m is None:
                continue
            groups = _Groups(m.groupdict())
            groups["_all"] = s
            reads = ctx.reads.count
            span = rule.handler(groups, ctx)
            if span is not None:
                return span
            ctx.reads.count = reads  # the anchor decided nothing: the rule passed it on
    return None
