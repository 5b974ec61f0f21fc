"""Run ``briefgen pull``: read the pack, work out the update, show it, and write it if asked."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.pipeline import load_brief
from briefgen.pull.changes import Update, chronology_update
from briefgen.pull.yamlwrite import apply_update
from briefgen.read.docx_pack import read_pack
from briefgen.read.text import read_text_file
from briefgen.write.atomic import write_atomic


@dataclass(frozen=True)
class PullResult:
    """What a pull found (``update``), the report to print, and whether it wrote the brief."""

    update: Update
    report: str
    diff: str
    written: bool


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    text = str(value)
    return repr(text if len(text) <= 70 else text[:69] + "…")


def describe(update: Update, deletions: bool) -> str:
    """Return the update as lines a person reads: one per change, addition, deletion, conflict."""
    lines = []
    for c in update.changes:
        lines.append(f"changed {c.field} of {c.title!r}: {_show(c.old)} -> {_show(c.new)}")
    for key, value in update.briefing:
        lines.append(
            f"changed {key}: {_show(value if not isinstance(value, list) else tuple(value))}"
        )
    for n in update.added:
        lines.append(f"added {n.title!r} ({n.date}), from {n.where}")
    for _eid, title in update.deleted:
        verb = "removed" if deletions else "deleted in Word, kept (use --apply-deletions)"
        lines.append(f"{verb}: {title!r}")
    for k in update.conflicts:
        lines.append(
            f"conflict in {k.field} of {k.title!r}: the brief now says {_show(k.in_brief)}, "
            f"Word says {_show(k.in_word)}; left as the brief says (edit one of them by hand)"
        )
    lines += update.notes
    if not lines:
        lines.append("nothing to pull: the document matches the brief")
    return "\n".join(lines) + "\n"


def pull(brief_path: Path, docx_path: Path, *, write: bool, deletions: bool) -> PullResult:
    """Work out what ``docx_path`` changes in ``brief_path``; write it atomically if ``write``.

    Raises ``BriefgenError`` for an unreadable brief or document, a document that is not
    a pack of this brief, or rows that cannot be read (nothing is written then).
    """
    from briefgen.pull.briefing import briefing_update

    brief = load_brief(brief_path).brief
    pack = read_pack(docx_path)
    snap = pack.snapshot
    if snap is None:
        raise BriefgenError(
            Problem(
                "this document holds no briefgen snapshot, so its rows cannot be linked to "
                "the brief",
                str(docx_path),
                hint="pull a .docx that 'briefgen build' wrote (an older build: rebuild it first)",
            )
        )
    if snap.get("kind") == "briefing":
        update = briefing_update(brief, pack)
    else:
        update = chronology_update(brief, pack, str(docx_path))
    if update.errors:
        raise BriefgenError([Problem(e) for e in update.errors])
    old = read_text_file(brief_path, 20 * 1024 * 1024)
    new = apply_update(old, brief, update, deletions=deletions)
    diff = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"{brief_path} (now)",
            f"{brief_path} (after pull)",
        )
    )
    written = False
    if write and new != old:
        write_atomic(brief_path, new.encode("utf-8"))
        written = True
    return PullResult(update, describe(update, deletions), diff, written)
