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


class LineDict(dict):
    """A mapping from YAML that knows its own line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A list from YAML that knows its own line and each item's line (1-based)."""

    line: int = 0
    item_lines: list[int]


class _Converter:
    def __init__(self, loader: yaml.SafeLoader, path: str) -> None:
        self.loader = loader
        self.path = path
        self.visited = 0

    def fail(self, node: yaml.Node, message: str, hint: str) -> BriefgenError:
        return BriefgenError(
            Problem(message, file=self.path, line=node.start_mark.line + 1, hint=hint)
        )

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise self.fail(
                node,
                f"the file expands to more than {MAX_NODES:,} values",
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
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise self.fail(
                node, f"cannot read the value {node.value!r}: {exc}", "quote it to keep it as text"
            ) from None


def load_yaml(text: str, path: str) -> Any:
    """Parse ``text`` (from ``path``, for messages) into LineDict/LineList/scalars.

    Raises ``BriefgenError`` with the file and line for malformed YAML, tabs, duplicate
    keys, over-deep nesting and alias bombs.
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _Converter(loader, path).convert(node)
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
