"""The brief as read from its files: frozen dataclasses shared by every stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.errors import Problem

if TYPE_CHECKING:
    from briefgen.dates import DateSpan


@dataclass(frozen=True)
class Place:
    """Where something was written: a file and a 1-based line (``None`` when unknown)."""

    file: str
    line: int | None = None


@dataclass(frozen=True)
class Source:
    """A publication that events cite; ``published`` anchors its relative dates."""

    id: str
    publisher: str = ""
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    place: Place | None = None


@dataclass(frozen=True)
class Figure:
    """A number a reader should remember: its value, what it counts, and who says so."""

    value: str
    label: str
    source: str | None = None
    place: Place | None = None


@dataclass(frozen=True)
class NextItem:
    """Something expected to happen; ``date`` is an expression, often in the future."""

    date: str
    text: str
    source: str | None = None
    span: DateSpan | None = None
    place: Place | None = None
    # "past" or "future" for its bare months and weekdays; None: future, as next items are
    tense: str | None = None


@dataclass(frozen=True)
class Event:
    """One dated event. ``span`` is ``None`` until the dates stage resolves ``date``.

    ``anchor`` is what the brief file said (a date or a source id), or ``None`` for the default.
    ``index`` is the event's position in the input, used to keep the author's order on ties.
    ``id`` is the brief's stable id for the event ("" when the brief gives none; see
    ``briefgen.eventids`` for the id a pack uses then).
    """

    date: str
    title: str
    detail: str = ""
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    key: bool = False
    anchor: dt.date | str | None = None
    index: int = 0
    span: DateSpan | None = None
    place: Place | None = None
    id: str = ""
    # "past" or "future" for its bare months and weekdays; None: the brief's ``tense``
    tense: str | None = None
    # the id of the event an anaphoric date ("the following year") is read against
    relative_to: str = ""


@dataclass(frozen=True)
class Brief:
    """Everything a brief file (and its optional events CSV) says."""

    title: str
    as_of: dt.date
    subtitle: str = ""
    author: str = ""
    organisation: str = ""
    marking: str = ""
    audience: str = ""
    summary: str = ""
    key_points: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    next: tuple[NextItem, ...] = ()
    sources: tuple[Source, ...] = ()
    events: tuple[Event, ...] = ()
    path: str = ""
    name: str = ""  # output file stem, from the brief file's name
    # the brief's setting: True reads "03/04/2025" as 4 March, False (default) as 3 April
    month_first: bool = False
    # "past" or "future": how the events' bare months and weekdays are read (None: the
    # parser's own conventions); next items are "future" unless they say otherwise
    tense: str | None = None
    # (month, day) the financial / academic year starts on; None: the UK defaults
    financial_year_start: tuple[int, int] | None = None
    academic_year_start: tuple[int, int] | None = None
    # how the events were chosen ("tag government; 5 of 20 events"), "" when all are shown
    filtered: str = ""
    # what the reader found but did not refuse (characters it removed, say)
    warnings: tuple[Problem, ...] = field(default=(), hash=False, compare=False)

    def source(self, source_id: str) -> Source | None:
        """Return the source with this id, or ``None`` if the brief has none."""
        for s in self.sources:
            if s.id == source_id:
                return s
        return None
