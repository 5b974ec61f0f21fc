"""Apply an ``Update`` to the brief's YAML text with ruamel.yaml, keeping comments and layout.

ruamel.yaml's round-trip mode keeps the author's comments, key order, quoting and block
styles of everything it is not asked to change. Changed values keep the scalar style
(folded, literal, quoted) of the value they replace.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
    SingleQuotedScalarString,
)

from briefgen.eventids import event_ids
from briefgen.model import Brief
from briefgen.pull.changes import Update


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap the author's lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _like(old: Any, new: str) -> Any:
    """Return ``new`` in the scalar style of ``old`` (plain if ``old`` was plain)."""
    if isinstance(old, FoldedScalarString):
        return FoldedScalarString(new)
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(new)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(new)
    if isinstance(old, ScalarString):
        return DoubleQuotedScalarString(new)
    if "\n" in new:
        return LiteralScalarString(new)
    return DoubleQuotedScalarString(new) if old is None else new


def _flow_list(items: tuple[str, ...] | list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _set(item: CommentedMap, key: str, value: Any) -> None:
    if isinstance(value, tuple):
        old = item.get(key)
        if isinstance(old, CommentedSeq):
            del old[:]
            old.extend(value)
        else:
            item[key] = _flow_list(value)
    else:
        item[key] = _like(item.get(key), value)


def _delete(seq: CommentedSeq, index: int) -> None:
    """Delete ``seq[index]``, moving the comment lines that follow it onto the item before.

    ruamel.yaml files the comment lines between two items under the earlier item's last
    key; they speak of the next event, so they must outlive the deleted one.
    """
    item = seq[index]
    trailing = None
    if isinstance(item, CommentedMap) and item:
        last = list(item.keys())[-1]
        entry = item.ca.items.get(last)
        if entry and len(entry) > 2 and entry[2] is not None:
            trailing = entry[2]
    del seq[index]
    if trailing is None:
        return
    if index > 0 and isinstance(seq[index - 1], CommentedMap) and seq[index - 1]:
        prev = seq[index - 1]
        last = list(prev.keys())[-1]
        entry = prev.ca.items.setdefault(last, [None, None, None, None])
        while len(entry) < 4:
            entry.append(None)
        if entry[2] is None:
            entry[2] = trailing
        else:
            entry[2].value = entry[2].value.rstrip("\n") + "\n" + trailing.value.lstrip("\n")
    elif index < len(seq) and isinstance(seq[index], CommentedMap):
        seq.yaml_set_comment_before_after_key(
            index, before=trailing.value.strip().lstrip("#").strip(), indent=2
        )


def apply_update(text: str, brief: Brief, update: Update, *, deletions: bool) -> str:
    """Return the brief's YAML ``text`` with ``update`` applied and every missing id written.

    ``deletions`` removes the events deleted in Word (otherwise they are only reported).
    """
    y = _yaml()
    data = y.load(text)
    if not isinstance(data, CommentedMap):
        raise ValueError("the brief is not a mapping")
    seq = data.get("events")
    if seq is None:
        seq = data["events"] = CommentedSeq()
    ids = event_ids(brief.events)
    # position in the YAML events list of each event id (events from the CSV have none)
    index = {
        eid: e.index
        for eid, e in zip(ids, brief.events, strict=True)
        if e.place is None or e.place.file == brief.path
    }
    for eid, pos in index.items():
        item = seq[pos]
        if isinstance(item, CommentedMap) and "id" not in item:
            item.insert(0, "id", eid)
    for c in update.changes:
        item = seq[index[c.event_id]]
        _set(item, c.field, c.new)
    for key, value in update.briefing:
        if key.startswith("next["):
            item = data["next"][int(key[5 : key.index("]")]) - 1]
            item["text"] = _like(item.get("text"), value)
        elif key == "key_points" and isinstance(data.get(key), CommentedSeq):
            old_seq = data[key]
            styled = [_like(old_seq[0] if old_seq else None, v) for v in value]
            for i, v in enumerate(styled):  # assign in place: comments stay on their items
                if i < len(old_seq):
                    if old_seq[i] != v:
                        old_seq[i] = v
                else:
                    old_seq.append(v)
            del old_seq[len(styled) :]
        else:
            data[key] = _like(data.get(key), value) if isinstance(value, str) else value
    for new in update.added:
        m = CommentedMap()
        m["id"] = new.id
        m["date"] = DoubleQuotedScalarString(new.date)
        m["title"] = DoubleQuotedScalarString(new.title)
        if new.detail:
            m["detail"] = _like(None, new.detail)
        if new.sources:
            m["sources"] = _flow_list(new.sources)
        seq.append(m)
    if deletions:
        for pos in sorted((index[eid] for eid, _t in update.deleted if eid in index), reverse=True):
            _delete(seq, pos)
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()
