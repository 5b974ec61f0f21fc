"""Build a briefing pack: compose the chosen documents and write each format atomically."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from briefgen.compose.briefing import OVER_ONE_PAGE, compose_briefing
from briefgen.compose.chronology import compose_chronology
from briefgen.document import Document
from briefgen.errors import BriefgenError, Problem
from briefgen.model import Brief
from briefgen.order import apply_selection
from briefgen.pipeline import load_brief
from briefgen.styles import Style, load_style
from briefgen.write.atomic import write_atomic

DOCUMENTS = ("chronology", "briefing")
FORMATS = ("docx", "pdf")
# The briefing is fitted to a page a little shorter than the real one, so that Word and
# LibreOffice, whose line breaking differs slightly from reportlab's, still fit it on one.
FIT_SAFETY_MM = 12.0
# On a template the measure lays the briefing out in the template's own styles, fonts and
# header (``briefgen.pageframe``), taking the wider and taller of each font and the
# stand-in a machine without it draws: over three test templates and six briefs,
# LibreOffice's page 1 ended at most 1 mm lower than the measure's (mostly 3-5 mm
# higher). The band covers that and about one more line.
TEMPLATE_FIT_SAFETY_MM = 4.0


@dataclass(frozen=True)
class Options:
    """What ``briefgen build`` was asked for."""

    outdir: Path = Path("out")
    only: tuple[str, ...] = DOCUMENTS
    formats: tuple[str, ...] = FORMATS
    style: str | None = None
    template: Path | None = None
    paper: str | None = None
    start: date | None = None
    end: date | None = None
    tag: str | None = None
    since: date | Path | None = None  # mark events new since a date or an earlier brief


@dataclass(frozen=True)
class Output:
    """One file the build wrote, with its page count (as the PDF lays it out)."""

    path: Path
    pages: int
    # said after the count when it is the PDF's, not this file's (a DOCX on a template)
    pages_note: str = ""


@dataclass(frozen=True)
class Result:
    """What a build wrote, the warnings it has for the user, and files it could not write."""

    outputs: tuple[Output, ...]
    warnings: tuple[Problem, ...]
    failures: tuple[Problem, ...]


@dataclass(frozen=True)
class Progress:
    """How far a build has got: its current step, and events and pages written in it."""

    step: str  # "writing the chronology PDF"
    done: int = 0  # events (table rows) written so far in this step
    total: int = 0  # events this step writes; 0 when the step does not count them
    pages: int = 0  # pages written so far (PDF steps)


DOCX_TEMPLATE_NOTE = "in the PDF; the DOCX laid out by your template may differ"


def _left_out_hint(what: str, template: Path | None = None) -> str:
    """Say truthfully where a reader finds what the briefing left out, and what gives
    more room: the style sheet's page, or with ``--template`` the template's too."""
    room = "a template or style sheet" if template is not None else "a style sheet"
    if "event" in what:
        return "the chronology holds every event"
    if "title" in what or "summary" in what:
        return f"the brief holds the full text; {room} with smaller text or margins has room"
    return (
        "the chronology lists events only, so these are in the brief alone; "
        f"shorten them, or use {room} with smaller text or margins"
    )


def _template_too_small(template: Path) -> Problem:
    """Say that a template's page, not the brief, keeps the briefing from one page."""
    return Problem(
        "the briefing runs over one page in this Word template even cut to its minimum: "
        "the template's margins, header and heading spacing leave too little room",
        str(template),
        severity="warning",
        hint="the PDF is one page; use a template with more room on the page for the "
        "briefing, or build it without --template",
    )


def fit_style(style: Style, band_mm: float = FIT_SAFETY_MM) -> Style:
    """Return ``style`` with a safety band added to the bottom margin, for fitting one page."""
    top, right, bottom, left = style.margins
    return replace(style, margins=(top, right, bottom + band_mm, left))


def _prepare_outdir(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise BriefgenError(
            Problem("the output folder is a file", str(outdir), hint="choose another -o folder")
        )
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefgenError(
            Problem(f"cannot create the output folder: {exc.strerror}", str(outdir))
        ) from None


def _pdf_limitations(brief: Brief, style: Style) -> list[Problem]:
    """Warn, naming the event, about text that the PDF cannot show as written."""
    from briefgen.write import pdf

    out = []
    for event in brief.events:
        reasons = pdf.limitations(f"{event.title}\n{event.detail}", style.font)
        if reasons:
            place = event.place
            out.append(
                Problem(
                    f"the PDF cannot show {' or '.join(reasons)}, in the event {event.title!r}",
                    place.file if place else brief.path,
                    place.line if place else None,
                    severity="warning",
                    hint="the DOCX shows it as written",
                )
            )
    return out


def _new_since(brief: Brief, since: date | Path | None) -> tuple[frozenset[str], str]:
    """Return the ids of events new since ``since`` and the date it names, as a label."""
    from briefgen.datelabels import day_label
    from briefgen.diff import new_since_brief, new_since_date

    if since is None:
        return frozenset(), ""
    if isinstance(since, date):
        return new_since_date(brief, since), day_label(since)
    old = load_brief(since).brief
    return new_since_brief(old, brief), day_label(old.as_of)


def build_pack(
    brief_path: Path, options: Options, progress: Callable[[Progress], None] | None = None
) -> Result:
    """Build the pack for ``brief_path`` as ``options`` say and return what was written.

    Every file is rendered in memory first and written atomically, so a failure leaves
    earlier files as they were. A file that cannot be replaced (open in Word, say) is
    reported in ``failures`` while the others are still written. ``progress`` (None: no
    reports) is told each step as it starts and, while a file is written, the events and
    pages written so far.
    """
    from briefgen.write import pdf

    report = progress or (lambda _p: None)

    def step(what: str) -> None:
        report(Progress(what))

    step("reading the brief")
    loaded = load_brief(brief_path)
    brief = loaded.brief
    warnings = list(loaded.warnings)
    style = load_style(options.style).with_paper(options.paper)
    template = options.template
    if template is not None and not template.is_file():
        raise BriefgenError(Problem("no such template file", str(template), hint="check the path"))
    _prepare_outdir(options.outdir)

    chosen = apply_selection(brief, start=options.start, end=options.end, tag=options.tag)
    if "pdf" in options.formats:
        warnings += _pdf_limitations(chosen, style)
    new, since = _new_since(brief, options.since)
    docs: list[tuple[str, Document]] = []
    if "chronology" in options.only:
        step("composing the chronology")
        docs.append(("chronology", compose_chronology(chosen, new=new, since=since)))
    if "briefing" in options.only:
        step("composing the briefing")
        # fitted to the PDF's page and, with a template, to the page as the template lays
        # it out (its paper, margins, header, footer and styles), each with a band
        frames = [fit_style(style)]
        if template is not None and "docx" in options.formats:
            from briefgen.write import docx

            framed = docx.page_frame(template).measuring_style(style, chosen.marking)
            frames.append(fit_style(framed, TEMPLATE_FIT_SAFETY_MM))
        briefing = compose_briefing(
            chosen,
            measure=lambda d: max(pdf.count_pages(d, f) for f in frames),
            new=new,
            since=since,
        )
        docs.append(("briefing", briefing.document))
        for what in briefing.omitted:
            # the PDF's page fits: the template's page is what is too small
            if (
                what == OVER_ONE_PAGE
                and template is not None
                and len(frames) > 1
                and pdf.count_pages(briefing.document, frames[0]) <= 1
            ):
                warnings.append(_template_too_small(template))
                continue
            warnings.append(
                Problem(f"to fit one page, the briefing {what}", brief.path,
                        severity="warning", hint=_left_out_hint(what, template))
            )  # fmt: skip

    rendered: list[tuple[Path, bytes, int, str]] = []
    for kind, doc in docs:
        base = options.outdir / f"{brief.name}-{kind}"
        what = f"writing the {kind} PDF"
        step(what)

        def on_page(done: int, total: int, pages: int, what: str = what) -> None:
            report(Progress(what, done, total, pages))

        pdf_bytes, pages = pdf.render_pdf(
            doc, style, progress=None if progress is None else on_page
        )
        if "docx" in options.formats:
            from briefgen.write import docx

            what = f"writing the {kind} DOCX"
            step(what)
            on_rows = (
                None
                if progress is None
                else lambda done, total, what=what: report(Progress(what, done, total))
            )
            data = docx.render_docx(doc, style, template, progress=on_rows)
            # on a template the DOCX's page breaks are Word's, from the template's own
            # styles: the briefing is fitted to the template's page, but the count we
            # know is the PDF's, and the command says so
            note = "" if template is None else DOCX_TEMPLATE_NOTE
            rendered.append((base.with_suffix(".docx"), data, pages, note))
        if "pdf" in options.formats:
            rendered.append((base.with_suffix(".pdf"), pdf_bytes, pages, ""))

    outputs, failures = [], []
    for path, data, pages, note in rendered:
        try:
            write_atomic(path, data)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            failures.append(
                Problem(f"cannot write the file: {reason}", str(path),
                        hint="close it if it is open in Word, or check the folder's permissions")
            )  # fmt: skip
            continue
        outputs.append(Output(path, pages, note))
    return Result(tuple(outputs), tuple(warnings), tuple(failures))


@dataclass(frozen=True)
class Outcome:
    """What became of one brief of several: its result, or why it could not be built."""

    brief: Path
    result: Result | None
    errors: tuple[Problem, ...] = ()  # the brief's errors (``result`` is None)
    crash: str | None = None  # a bug's exception, as "TypeName: message"


def build_one(brief_path: Path, options: Options) -> Outcome:
    """Build one brief and return its outcome instead of raising (for worker processes)."""
    try:
        return Outcome(brief_path, build_pack(brief_path, options))
    except BriefgenError as exc:
        return Outcome(brief_path, None, tuple(exc.problems))
    except Exception as exc:  # a bug: reported with the brief's name, the others go on
        return Outcome(brief_path, None, crash=f"{type(exc).__name__}: {exc}")


def build_many(
    briefs: Sequence[Path], options: Options, workers: int | None = None
) -> Iterator[Outcome]:
    """Build several briefs on every core; yield their outcomes in the order given.

    ``workers`` (None: one per core) caps the worker processes; one brief, or one
    worker, is built in this process.
    """
    workers = min(workers or os.cpu_count() or 1, len(briefs))
    if workers <= 1:
        for brief in briefs:
            yield build_one(brief, options)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(build_one, brief, options) for brief in briefs]
        for brief, future in zip(briefs, futures, strict=True):
            try:
                yield future.result()
            except Exception as exc:  # the worker died (out of memory, say)
                yield Outcome(brief, None, crash=f"{type(exc).__name__}: {exc}")
