"""Compose the one-page briefing, choosing what to show so that it fits on one page.

Compose decides; it may ask a writer to measure (``measure`` returns a page count) but
never shrinks text: it shows fewer events, points and figures, and shortens long text,
then says what it left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from briefgen.compose.common import (
    as_at,
    byline,
    cite,
    filtered_line,
    pack_document,
    shorten,
    source_numbers,
)
from briefgen.compose.timeline import build_timeline, fits
from briefgen.datelabels import day_label
from briefgen.document import (
    Block,
    Bullets,
    Document,
    FigureItem,
    Figures,
    Heading,
    Paragraph,
    Run,
    inline_text,
    runs,
)
from briefgen.model import Brief, Event, Source
from briefgen.snapshot import KEY, briefing_snapshot

Measure = Callable[[Document], int]
# what the briefing says when even its smallest budget runs over one page
OVER_ONE_PAGE = "cannot be cut any further and still runs over one page"


@dataclass(frozen=True)
class Budget:
    """How much of each part the briefing shows; compose tries budgets from large to small."""

    marks: int
    points: int
    figures: int
    nexts: int
    summary_chars: int
    item_chars: int
    sources: int
    title_chars: int


# The cut order: what the briefing gives up, in turn, to fit one page. Budgets are made
# round by round; each round takes every row below one step further down its values (a
# row at its last value stays there), in the order of this table, so the first cut is a
# shorter summary, the second shorter items, then fewer key points, fewer next items,
# fewer timeline events, fewer figures, fewer sources and a shorter title, then the
# summary again. The budgets run from the most content to the least, so the first one
# that fits is found by bisection.
CUT_ORDER: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("summary_chars", (900, 700, 560, 450, 360, 280, 200, 150)),  # 1st: the summary
    ("item_chars", (260, 200, 160, 120, 90, 70)),  # 2nd: long points and next items
    ("points", (6, 5, 4, 3, 2)),  # 3rd: key points
    ("nexts", (4, 3, 2, 1)),  # 4th: 'what happens next' items
    ("marks", (8, 7, 6, 5, 4, 3)),  # 5th: events on the timeline
    ("figures", (4, 3, 2)),  # 6th: key figures
    ("sources", (6, 4, 3)),  # 7th: listed sources
    ("title_chars", (400, 200, 120)),  # 8th: an overlong title
)


# The last resort, once every row of ``CUT_ORDER`` is at its last value: for a page with
# little room (a Word template's wide margins, tall header and spaced-out headings), one
# cut after another, down to one item of each part and then no key figures at all.
LAST_CUTS: tuple[tuple[str, int], ...] = (
    ("points", 1),
    ("marks", 2),
    ("figures", 1),
    ("summary_chars", 100),
    ("figures", 0),
)


def _budgets() -> tuple[Budget, ...]:
    """Return every budget, from the most content to the least, following ``CUT_ORDER``
    and then ``LAST_CUTS``."""
    level = [0] * len(CUT_ORDER)
    at = [values[0] for _, values in CUT_ORDER]
    names = [name for name, _ in CUT_ORDER]
    out = [Budget(**dict(zip(names, at, strict=True)))]
    while any(level[i] < len(v) - 1 for i, (_, v) in enumerate(CUT_ORDER)):
        for i, (_, values) in enumerate(CUT_ORDER):
            if level[i] < len(values) - 1:
                level[i] += 1
                at[i] = values[level[i]]
                out.append(Budget(**dict(zip(names, at, strict=True))))
    for name, value in LAST_CUTS:
        out.append(replace(out[-1], **{name: value}))
    return tuple(out)


def _steps(name: str) -> tuple[int, ...]:
    """Return the values a budget's ``name`` takes, from the most to the least."""
    return dict(CUT_ORDER)[name] + tuple(v for n, v in LAST_CUTS if n == name)


BUDGETS = _budgets()


@dataclass(frozen=True)
class Briefing:
    """The composed briefing and the warnings about what it left out."""

    document: Document
    omitted: tuple[str, ...]


def choose_events(
    events: tuple[Event, ...], n: int, new: frozenset[int] = frozenset()
) -> list[Event]:
    """Pick ``n`` events for the strip: key events first, then the most recent; in date order.

    ``new`` holds the positions of events new since an earlier pack: new key events come
    first of all, then new events among the rest.
    """
    ranked = sorted(
        range(len(events)),
        key=lambda i: (not events[i].key, i not in new, -i),
    )
    chosen = sorted(ranked[:n])
    return [events[i] for i in chosen]


def _compose_at(
    brief: Brief, budget: Budget, new: frozenset[int] = frozenset(), since: str = ""
) -> tuple[Document, list[str]]:
    numbers = source_numbers(brief)
    snap: dict[str, Any] = {"summary": "", "key_points": [], "next": []}
    omitted: list[str] = []
    used: set[str] = set()  # ids of the sources the shown content cites
    title = shorten(brief.title, budget.title_chars)
    if title != " ".join(brief.title.split()):
        omitted.append("shortens the title")
    blocks: list[Block] = [Paragraph(runs(title), "title")]
    if brief.subtitle:
        subtitle = shorten(brief.subtitle, budget.title_chars)
        if subtitle != " ".join(brief.subtitle.split()):
            omitted.append("shortens the subtitle")
        # at the date line's size, not the chronology's larger subtitle: the page is tight
        blocks.append(Paragraph((Run(subtitle, bold=True),), "dateline"))
    # one line where it fits: who wrote it and for whom, beside the date
    dateline = ["Briefing", as_at(brief)]
    if by := byline(brief):
        dateline.append(by)
    if brief.audience:
        dateline.append(f"For: {brief.audience}")
    blocks.append(Paragraph(runs(" · ".join(dateline)), "dateline"))
    if filtered := filtered_line(brief):
        blocks.append(Paragraph(runs(filtered), "dateline"))
    if since:
        blocks.append(
            Paragraph(runs(f"{len(new)} event{'s' * (len(new) != 1)} new since {since}"), "note")
        )

    if brief.summary:
        summary = shorten(brief.summary, budget.summary_chars)
        if summary != " ".join(brief.summary.split()):
            omitted.append("shortens the summary")
        blocks += [Heading("Summary", 1, bookmark=False), Paragraph(runs(summary), "lead")]
        snap["summary"] = summary

    if brief.key_points:
        points = brief.key_points[: budget.points]
        if len(points) < len(brief.key_points):
            omitted.append(_left_out(points, brief.key_points, "key points"))
        items = tuple(runs(shorten(p, budget.item_chars)) for p in points)
        cut = sum(inline_text(i) != " ".join(p.split()) for i, p in zip(items, points, strict=True))
        if cut:
            omitted.append(f"shortens {cut} key point{'s' * (cut != 1)}")
        blocks += [Heading("Key points", 1, bookmark=False), Bullets(items)]
        snap["key_points"] = [inline_text(i) for i in items]

    if brief.figures:
        figures = brief.figures[: budget.figures]
        used.update(f.source for f in figures if f.source)
        if len(figures) < len(brief.figures):
            omitted.append(_left_out(figures, brief.figures, "key figures"))
        items_f = tuple(
            FigureItem(
                shorten(f.value, 14),
                shorten(f.label, 90),
                cite([f.source] if f.source else [], numbers),
            )
            for f in figures
        )
        if items_f:  # the last resort leaves the section out
            blocks += [Heading("Key figures", 1, bookmark=False), Figures(items_f)]

    events = brief.events
    if events:
        n = budget.marks
        while n > 1 and not fits(n):
            n -= 1
        shown = choose_events(events, n, new)
        timeline = None
        while shown and timeline is None:
            caption = _timeline_caption(events, shown)
            timeline = build_timeline(shown, caption, brief.as_of)
            if timeline is None:
                shown = choose_events(events, len(shown) - 1, new)
        if timeline is not None:
            used.update(sid for e in shown for sid in e.sources)
            blocks += [Heading("Timeline", 1, bookmark=False), timeline]
        not_shown_key = sum(e.key for e in events) - sum(e.key for e in shown)
        if not_shown_key > 0:
            omitted.append(
                f"leaves {not_shown_key} key event{'s' * (not_shown_key != 1)} off the timeline"
            )

    if brief.next:
        nexts = brief.next[: budget.nexts]
        used.update(n.source for n in nexts if n.source)
        if len(nexts) < len(brief.next):
            omitted.append(_left_out(nexts, brief.next, "'what happens next' items"))
        items_n = []
        cut = sum(
            shorten(item.text, budget.item_chars) != " ".join(item.text.split()) for item in nexts
        )
        if cut:
            omitted.append(f"shortens {cut} 'what happens next' item{'s' * (cut != 1)}")
        for item in nexts:
            label = item.span.label if item.span else item.date
            ref = cite([item.source] if item.source else [], numbers)
            text = shorten(item.text, budget.item_chars) + (f" {ref}" if ref else "")
            items_n.append((Run(f"{label}: ", bold=True), Run(text)))
            snap["next"].append(
                {"label": label, "text": shorten(item.text, budget.item_chars), "cite": ref}
            )
        blocks += [Heading("What happens next", 1, bookmark=False), Bullets(tuple(items_n))]

    cited, more = _cited_sources(brief, used, budget.sources)
    if cited:
        items_s = []
        for n_, source in cited:
            when = f", {day_label(source.published)}" if source.published else ""
            items_s.append(runs(f"[{n_}] {shorten(source.publisher or source.id, 60)}{when}"))
        if more:
            items_s.append(runs(f"and {more} more, listed in full in the chronology"))
        blocks += [
            Heading("Sources", 1, bookmark=False),
            Bullets(tuple(items_s), style="source-list"),
        ]

    doc = pack_document(brief, "briefing", blocks, meta={KEY: briefing_snapshot(brief, snap)})
    return doc, omitted


def _left_out(kept: tuple[object, ...], everything: tuple[object, ...], what: str) -> str:
    return f"leaves out {len(everything) - len(kept)} of {len(everything)} {what}"


def _timeline_caption(events: tuple[Event, ...], shown: list[Event]) -> str:
    total = len(events)
    caption = f"The chronology holds {total} event{'s' * (total != 1)}"
    if len(shown) < total:
        caption += f"; {len(shown)} key or recent events are shown here"
    return caption + ". Spacing is not to scale."


def _cited_sources(brief: Brief, ids: set[str], limit: int) -> tuple[list[tuple[int, Source]], int]:
    """Return up to ``limit`` numbered sources among ``ids``, and how many more there are."""
    numbers = source_numbers(brief)
    cited = [(numbers[s.id], s) for s in brief.sources if s.id in ids]
    return cited[:limit], max(0, len(cited) - limit)


def compose_briefing(
    brief: Brief,
    measure: Measure | None = None,
    new: frozenset[str] = frozenset(),
    since: str = "",
) -> Briefing:
    """Return the one-page briefing of ``brief`` and what it left out to fit.

    ``measure`` returns the page count a document would take; with ``None`` the largest
    budget is used unchecked (for golden tests of the content). ``new`` holds the ids
    (``briefgen.eventids``) of events new since ``since`` (a label; empty: no such line).
    """
    from briefgen.eventids import event_ids

    positions = frozenset(i for i, eid in enumerate(event_ids(brief.events)) if eid in new)

    def _compose(b: Brief, budget: Budget) -> tuple[Document, list[str]]:
        return _compose_at(b, budget, positions, since)

    first = _compose(brief, BUDGETS[0])
    if measure is None or measure(first[0]) <= 1:
        return Briefing(first[0], tuple(first[1]))
    lo, hi = 1, len(BUDGETS) - 1  # the answer is in lo..hi, or nothing fits
    last = _compose(brief, BUDGETS[hi])
    if measure(last[0]) > 1:
        return Briefing(last[0], (*last[1], OVER_ONE_PAGE))
    best, best_budget = last, BUDGETS[hi]
    while lo < hi:
        mid = (lo + hi) // 2
        candidate = _compose(brief, BUDGETS[mid])
        if measure(candidate[0]) <= 1:
            best, best_budget, hi = candidate, BUDGETS[mid], mid
        else:
            lo = mid + 1
    best = _fill(lambda budget: _compose(brief, budget), best_budget, best, measure)
    return Briefing(best[0], tuple(best[1]))


# What the fitter gives back, in turn, when the first budget that fits leaves room: whole
# key points, figures and next items before longer text.
FILL_ORDER = ("points", "figures", "nexts", "marks", "item_chars", "summary_chars", "sources",
              "title_chars")  # fmt: skip


def _fill(
    compose: Callable[[Budget], tuple[Document, list[str]]],
    budget: Budget,
    best: tuple[Document, list[str]],
    measure: Measure,
) -> tuple[Document, list[str]]:
    """Give back content, one step at a time in ``FILL_ORDER``, while the page still fits.

    A budget found by bisection cuts every part about equally; a page with room left
    takes back whole items first.
    """
    for name in FILL_ORDER:
        steps = _steps(name)
        while True:
            at = steps.index(getattr(budget, name))
            if at == 0:
                break
            bigger = replace(budget, **{name: steps[at - 1]})
            candidate = compose(bigger)
            if candidate[0] == best[0] or measure(candidate[0]) > 1:
                break
            budget, best = bigger, candidate
    return best
