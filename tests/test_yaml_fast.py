"""The libyaml fast path of load_yaml gives exactly what the pure-Python reader gives."""

from __future__ import annotations

import pytest
import yaml

from benchmarks.generate import generate
from briefgen.errors import BriefgenError
from briefgen.read import yamlnodes
from briefgen.read.yamlnodes import LineDict, LineList, load_yaml

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML is built without libyaml")


def shape(value: object) -> object:
    """Everything load_yaml returns, lines included, as comparable plain data."""
    if isinstance(value, LineDict):
        items = [(k, shape(v)) for k, v in value.items()]
        return ("map", value.line, dict(value.key_lines), items)
    if isinstance(value, LineList):
        return ("list", value.line, list(value.item_lines), [shape(v) for v in value])
    return (type(value).__name__, value)


def outcome(load, text: str) -> object:
    try:
        return shape(load(text))
    except BriefgenError as exc:
        return [str(p) for p in exc.problems]


def pure(text: str) -> object:
    return yamlnodes._load_nodes(yaml.SafeLoader, text, "b.yaml")


def fast(text: str) -> object:
    return load_yaml(text, "b.yaml")


DEEP = "x: " + "[" * 60 + "]" * 60 + "\n"
CASES = [
    "",
    "# only a comment\n",
    "title: T\nas_of: 2025-06-16\n",
    "a: 1\nb: 2.5\nc: true\nd: null\ne: ~\nf: 2025-06-16\ng: '2025-06-16'\nh: 0x1F\n",
    "events:\n- date: 2025\n  title: x\n  sources: [a, b]\n- {date: at the weekend, key: yes}\n",
    "a:\n  b:\n    c: [1, {d: e}]\n  f: |\n    multi\n    line\n  g: >\n    folded\n    text\n",
    "2025: year key\n2025-06-16: date key\nnull: null key\n",
    "a: 1\na: 2\n",
    "a: &x [1, 2]\nb: *x\n",
    "a: *missing\n",
    "<<: {a: 1}\n",
    "a: !!str 12\nb: !!int '12'\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!python/object:os.system x\n",
    "a: !custom [1]\n",
    "? [complex, key]\n: value\n",
    "as_of: 2025-13-45\n",
    "a: b: c\n",
    "title: T\nas_of: 2025-06-16\nevents:\n\t- date: 2025\n",
    "a: [1, 2\n",
    "--- \na: 1\n--- \nb: 2\n",
    "- a\n- b\n",
    "plain text\n",
    DEEP,
    "[" * 1000 + "]" * 1000 + "\n",
    "a: 1\n" + "[" * 200000 + "]" * 200000 + "\n",
    "a: *x\n" + "[" * 200000 + "]" * 200000 + "\n",
    "a: 'ünïcode “quotes” £12m'\nb: \"escaped \\u00e9 \\n\"\n",
]


@pytest.mark.parametrize("text", CASES, ids=[repr(c[:30]) for c in CASES])
def test_fast_path_matches_the_pure_python_reader(text):
    assert outcome(fast, text) == outcome(pure, text)


def test_fast_path_matches_on_a_generated_brief():
    text = yaml.safe_dump(generate(300), allow_unicode=True, sort_keys=False)
    assert shape(fast(text)) == shape(pure(text))


def test_alias_bomb_is_refused_through_the_fast_path():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    result = outcome(fast, "\n".join(lines) + "\n")
    assert "expands to more than" in result[0]
