"""What an edited briefing DOCX changes in its brief: the summary, key points and next steps.

The briefing may shorten text to fit its page, so each part is compared with what the
page showed (kept in the pack's snapshot), not with the brief: only text edited in Word
is taken back, and a part the brief has changed since the build is a conflict.
"""

from __future__ import annotations

import difflib
from typing import Any

from briefgen.model import Brief
from briefgen.pull.changes import Conflict, Update
from briefgen.read.docx_pack import Pack

SECTIONS = ("Summary", "Key points", "Key figures", "Timeline", "What happens next", "Sources")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _sections(pack: Pack) -> dict[str, list[str]]:
    """Return the non-empty paragraphs under each known heading of the briefing."""
    out: dict[str, list[str]] = {}
    current = ""
    for p in pack.paragraphs:
        text = _norm(p.text)
        if text in SECTIONS:
            current = text
            out.setdefault(current, [])
        elif current and text:
            out[current].append(text)
    return out


def _merge(given: list[str], shown: list[str], word: list[str]) -> list[str]:
    """Return the brief's list with Word's edits of the shown items applied.

    Items the briefing left out (beyond what it showed) are kept after the shown ones.
    """
    result: list[str] = []
    matcher = difflib.SequenceMatcher(a=shown, b=word, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            result.extend(given[a0:a1])  # unchanged: keep the brief's full text
        else:
            result.extend(word[b0:b1])
    return result + given[len(shown) :]


def briefing_update(brief: Brief, pack: Pack) -> Update:
    """Return what the edited briefing ``pack`` changes in ``brief``."""
    snap: dict[str, Any] = pack.snapshot or {}
    given, shown = snap.get("given", {}), snap.get("shown", {})
    sections = _sections(pack)
    update = Update()

    def take(key: str, now: Any, was: Any, new: Any) -> None:
        if now != was and now != new:
            update.conflicts.append(Conflict("", key, key, now, new))
        elif now != new:
            update.briefing.append((key, new))

    if "Summary" in sections and shown.get("summary"):
        word = "\n".join(sections["Summary"])
        if _norm(word) != _norm(shown["summary"]):
            take("summary", _norm(brief.summary), _norm(given.get("summary", "")), word)

    if "Key points" in sections:
        word_points = sections["Key points"]
        if word_points != [_norm(p) for p in shown.get("key_points", [])]:
            new = _merge(list(given.get("key_points", [])), shown["key_points"], word_points)
            take("key_points", list(brief.key_points), list(given.get("key_points", [])), new)

    if "What happens next" in sections:
        items = shown.get("next", [])
        word_next = sections["What happens next"]
        texts = []
        for i, line in enumerate(word_next):
            label = items[i]["label"] if i < len(items) else ""
            cite = items[i]["cite"] if i < len(items) else ""
            text = (
                line[len(label) + 1 :].strip() if label and line.startswith(label + ":") else line
            )
            if cite and text.endswith(cite):
                text = text[: -len(cite)].strip()
            texts.append(text)
        was = [_norm(n["text"]) for n in items]
        if len(texts) != len(was):
            update.notes.append(
                "what happens next: items were added or removed in Word; edit the brief's "
                "'next:' list by hand (pull takes back changed wording only)"
            )
        else:
            for i, (old, word_text) in enumerate(zip(was, texts, strict=True)):
                if old != word_text and i < len(brief.next):
                    before = (
                        _norm(given.get("next", [])[i]["text"])
                        if i < len(given.get("next", []))
                        else ""
                    )
                    take(f"next[{i + 1}].text", _norm(brief.next[i].text), before, word_text)
    return update
