"""Cross-checks of a dated brief: references that must exist (errors) and doubts (warnings)."""

from __future__ import annotations

import difflib
from collections import defaultdict

from briefgen.document import is_link_url
from briefgen.errors import Problem
from briefgen.model import Brief, Place

DUPLICATE_TITLE_RATIO = 0.85
LINK_HINT = "links start with http://, https:// or mailto: and hold no spaces, <, > or quotes"


def _at(place: Place | None, brief: Brief) -> tuple[str, int | None]:
    return (place.file, place.line) if place else (brief.path, None)


def check_brief(brief: Brief) -> list[Problem]:
    """Return the problems of a brief whose dates are resolved: errors first, then warnings.

    Errors: a cited source id that the brief does not define. Warnings: an event with no
    source, an event that starts after ``as_of``, two events on the same day with very
    similar titles, and a source URL that will not become a link.
    """
    ids = {s.id for s in brief.sources}
    known = ", ".join(sorted(ids)) or "none defined yet"
    errors: list[Problem] = []
    warnings: list[Problem] = []

    def unknown(source_id: str, place: Place | None, field: str) -> None:
        close = difflib.get_close_matches(source_id, ids, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"the brief's source ids: {known}"
        file, line = _at(place, brief)
        errors.append(Problem(f"unknown source id {source_id!r}", file, line, field, hint))

    for event in brief.events:
        file, line = _at(event.place, brief)
        for sid in event.sources:
            if sid not in ids:
                unknown(sid, event.place, "sources")
        if not event.sources:
            warnings.append(
                Problem(f"the event {event.title!r} cites no source", file, line, "sources",
                        "add 'sources: [id]' so readers can check it", "warning")
            )  # fmt: skip
        if event.span and event.span.start > brief.as_of:
            warnings.append(
                Problem(
                    f"the event {event.title!r} ({event.span.label}) is after as_of "
                    f"({brief.as_of.isoformat()})", file, line, "date",
                    "move it to 'next:' if it is expected, or check its date and anchor", "warning",
                )
            )  # fmt: skip
    for figure in brief.figures:
        if figure.source and figure.source not in ids:
            unknown(figure.source, figure.place, "figures.source")
    for item in brief.next:
        if item.source and item.source not in ids:
            unknown(item.source, item.place, "next.source")
    for source in brief.sources:
        if source.url and not is_link_url(source.url):
            file, line = _at(source.place, brief)
            warnings.append(
                Problem(f"the URL {source.url[:80]!r} will be shown as text, not a link",
                        file, line, "url", LINK_HINT, "warning")
            )  # fmt: skip

    by_day = defaultdict(list)
    for event in brief.events:
        if event.span and event.span.start == event.span.end:
            by_day[event.span.start].append(event)
    for day_events in by_day.values():
        for i, a in enumerate(day_events):
            for b in day_events[i + 1 :]:
                same = difflib.SequenceMatcher(None, a.title.casefold(), b.title.casefold())
                # the quick ratios are upper bounds of ratio(), and far cheaper to rule out with
                if (
                    same.real_quick_ratio() >= DUPLICATE_TITLE_RATIO
                    and same.quick_ratio() >= DUPLICATE_TITLE_RATIO
                    and same.ratio() >= DUPLICATE_TITLE_RATIO
                ):
                    file, line = _at(b.place, brief)
                    first = a.place.line if a.place else "?"
                    warnings.append(
                        Problem(
                            f"the event {b.title!r} looks like a duplicate of {a.title!r} "
                            f"(line {first}, same day)", file, line, "title",
                            "remove one, or make the titles say how they differ", "warning",
                        )
                    )  # fmt: skip
    return errors + warnings
