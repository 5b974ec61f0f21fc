"""Load YAML safely into plain values that remember their line numbers.

PyYAML composes the node tree; we convert it ourselves so that we can refuse duplicate
keys, bound nesting depth and alias expansion ("billion laughs"), and keep the line of
every mapping key and list item for error messages.
"""

from __future__ import annotations

from typing import Any

import yaml

from briefgen.errors import BriefgenError, Problem

MAX_DEPTH = 40
MAX_NODES = 200_000


def node_limit(text: str) -> int:
    """Return how many values ``text`` may expand to.

    Every value a file writes out takes at least one character, so only aliases can
    take a file past its own length: the limit never stops a large brief.
    """
    return max(MAX_NODES, len(text))


class LineDict(dict[str, Any]):
    """A mapping from YAML that knows its own line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A list from YAML that knows its own line and each item's line (1-based)."""

    line: int = 0
    item_lines: list[int]


class _Converter:
    def __init__(self, loader: yaml.SafeLoader, path: str, limit: int = MAX_NODES) -> None:
        self.loader = loader
        self.path = path
        self.visited = 0
        self.limit = limit
        self.repeats = 0
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str, hint: str) -> BriefgenError:
        return BriefgenError(
            Problem(message, file=self.path, line=node.start_mark.line + 1, hint=hint)
        )

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.visited += 1
        # An alias makes the composer hand us the same node again: count those repeats,
        # which only aliases can make many of ("billion laughs").
        if id(node) in self.seen:
            self.repeats += 1
        else:
            self.seen.add(id(node))
        if self.visited > self.limit or self.repeats > MAX_NODES:
            raise self.fail(
                node,
                f"the file expands to more than {min(self.limit, MAX_NODES):,} values",
                "a brief file does not need YAML aliases (*name); write the values out",
            )
        if depth > MAX_DEPTH:
            raise self.fail(
                node,
                f"nesting is deeper than {MAX_DEPTH} levels",
                "a brief file is only a few levels deep",
            )
        if isinstance(node, yaml.MappingNode):
            out = LineDict()
            out.line = node.start_mark.line + 1
            out.key_lines = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.fail(
                        key_node, "YAML merge keys (<<) are not supported", "write the keys out"
                    )
                key = self.convert(key_node, depth + 1)
                if not isinstance(key, str):
                    key = str(key)
                if key in out:
                    raise self.fail(
                        key_node,
                        f"the key {key!r} appears twice in the same mapping "
                        f"(first on line {out.key_lines[key]})",
                        "remove or rename one of them",
                    )
                out.key_lines[key] = key_node.start_mark.line + 1
                out[key] = self.convert(value_node, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = LineList()
            items.line = node.start_mark.line + 1
            items.item_lines = []
            for item in node.value:
                items.item_lines.append(item.start_mark.line + 1)
                items.append(self.convert(item, depth + 1))
            return items
        if node.tag in _AS_WRITTEN:
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        # PyYAML's constructors fail in many ways on explicit tags ("!!int" with no value
        # raises IndexError, "!!bool" KeyError, "!!timestamp" AttributeError): any failure
        # to build one scalar is that value's problem
        except Exception as exc:
            if isinstance(exc, (yaml.YAMLError, ValueError, OverflowError)):
                # a MarkedYAMLError's str() adds lines quoting "<unicode string>": keep one
                reason = getattr(exc, "problem", None) or exc
            else:
                reason = f"it is not a valid {node.tag.rpartition(':')[2]}"
            raise self.fail(
                node,
                f"cannot read the value {node.value!r}: {reason}",
                "quote it to keep it as text",
            ) from None


class _Unusual(Exception):
    """The fast reader met something it leaves to the node converter (aliases, errors...)."""


class _TooDeep(Exception):
    """Nesting deeper than the fast reader follows; libyaml's composer recurses in C."""


_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_STR_TAG = "tag:yaml.org,2002:str"
# A brief holds no numbers, only text that may look like one: keep "10:30" and "0.50" as
# written instead of YAML 1.1's 630 and 0.5.
_AS_WRITTEN = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _fast_load(text: str) -> Any:
    """Build LineDict/LineList/scalars straight from libyaml's events, in one flat loop.

    Handles the plain YAML that brief files are made of. Anything else (anchors and
    aliases, explicit tags on collections, merge or duplicate keys, a value that cannot be
    constructed, too many values) raises ``_Unusual`` so that the node converter, which
    knows the exact messages, deals with it; nesting past ``MAX_DEPTH`` raises ``_TooDeep``.
    """
    loader = yaml.CSafeLoader(text)
    stack: list[Any] = []  # open containers
    try:
        return _build(loader, stack, node_limit(text))
    except _Unusual:
        # libyaml's composer, which the node converter will use, recurses in C: make sure
        # the rest of the file is not nested deeper than it can follow.
        _check_depth(loader, len(stack))
        raise
    finally:
        loader.dispose()


def _check_depth(loader: Any, depth: int) -> None:
    while (event := loader.get_event()) is not None:
        if isinstance(event, _START):
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeep
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _build(loader: Any, stack: list[Any], limit: int) -> Any:
    resolve, construct = loader.resolve, loader.construct_object
    keys: list[str | None] = []  # per open mapping, the key waiting for its value
    root: Any = None
    visited = 0
    documents = 0
    while True:
        event = loader.get_event()
        cls = type(event)
        if cls is yaml.ScalarEvent:
            visited += 1
            if event.anchor is not None:
                raise _Unusual
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag == _STR_TAG or tag in _AS_WRITTEN:
                value: Any = event.value
            else:
                if tag == _MERGE_TAG:
                    raise _Unusual
                node = yaml.ScalarNode(
                    tag, event.value, event.start_mark, event.end_mark, event.style
                )
                try:
                    value = construct(node, deep=True)
                except Exception:
                    raise _Unusual from None
                loader.constructed_objects.clear()
            line = event.start_mark.line + 1
        elif cls in _START:
            visited += 1
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                raise _Unusual
            if len(stack) >= MAX_DEPTH:
                raise _TooDeep
            line = event.start_mark.line + 1
            if cls is yaml.MappingStartEvent:
                container: Any = LineDict()
                container.key_lines = {}
            else:
                container = LineList()
                container.item_lines = []
            container.line = line
            value = container
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            value = stack.pop()
            keys.pop()
            line = -1  # already placed in its parent
        elif cls is yaml.AliasEvent:
            raise _Unusual
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual  # the node converter reports "a single document"
            continue
        elif cls is yaml.StreamEndEvent:
            if visited > limit:
                raise _Unusual
            return root
        else:  # stream and document start/end
            continue
        if visited > limit:
            raise _Unusual
        if line >= 0:
            if not stack:
                root = value
            else:
                parent = stack[-1]
                if type(parent) is LineList:
                    parent.item_lines.append(line)
                    parent.append(value)
                elif keys[-1] is None:
                    if cls is not yaml.ScalarEvent:
                        raise _Unusual
                    key = value if isinstance(value, str) else str(value)
                    if key in parent:
                        raise _Unusual
                    parent.key_lines[key] = line
                    keys[-1] = key
                else:
                    parent[keys[-1]] = value
                    keys[-1] = None
            if cls is not yaml.ScalarEvent:
                stack.append(value)
                keys.append(None)


def load_yaml(text: str, path: str) -> Any:
    """Parse ``text`` (from ``path``, for messages) into LineDict/LineList/scalars.

    Raises ``BriefgenError`` with the file and line for malformed YAML, tabs, duplicate
    keys, over-deep nesting and alias bombs.
    """
    if getattr(yaml, "__with_libyaml__", False):
        # libyaml reads a large brief ten times faster than PyYAML's pure-Python parser.
        # Every file with a problem is read again by the pure-Python parser, so messages
        # (which quote PyYAML's wording and snippets) stay exactly as they were.
        try:
            return _fast_load(text)
        except _Unusual:
            try:
                return _load_nodes(yaml.CSafeLoader, text, path)
            except BriefgenError:
                pass
        except (yaml.YAMLError, _TooDeep):
            pass
    return _load_nodes(yaml.SafeLoader, text, path)


def _load_nodes(loader_class: type, text: str, path: str) -> Any:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _Converter(loader, path, node_limit(text)).convert(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        hint = "check the indentation and quoting around this line"
        if "\\t" in problem or "tab" in problem.lower():
            problem = "a tab character is used for indentation"
            hint = "indent with spaces, not tabs"
        elif ": " in (mark.get_snippet() or "" if mark else ""):
            hint = 'text that contains ": " or starts with a special character needs quotes'
        raise BriefgenError(
            Problem(f"this is not valid YAML: {problem}", file=path, line=line, hint=hint)
        ) from None
    except yaml.YAMLError as exc:
        raise BriefgenError(Problem(f"this is not valid YAML: {exc}", file=path)) from None
    except RecursionError:
        raise BriefgenError(
            Problem(
                "nesting is too deep to read",
                file=path,
                hint="a brief file is only a few levels deep",
            )
        ) from None
    finally:
        loader.dispose()
