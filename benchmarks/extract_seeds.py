"""Score ``briefgen extract`` on the two seed articles against a hand-written gold list.

Usage: ``python -m benchmarks.extract_seeds [--seeds DIR] [--gold FILE]``.
The articles (not part of the project) are read from ``../shared/seeds``; the gold list,
``benchmarks/seeds_gold.yaml``, states their dated events in the project's own words.
Every proposal counts, the ones ``extract`` files under ``next:`` too.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
DEFAULT_GOLD = Path(__file__).with_name("seeds_gold.yaml")


def main(argv: list[str] | None = None) -> int:
    from briefgen.extract.propose import Proposal, merge, propose

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="seed articles folder")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold list (YAML)")
    args = parser.parse_args(argv)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    published = gold["published"]
    paths = sorted(args.seeds.glob("*.txt"))
    if not paths:
        print(f"no seed articles in {args.seeds}; pass --seeds DIR", file=sys.stderr)
        return 2
    candidates = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        candidates += propose(text, path.name, published, order_base=len(candidates))
    proposals = merge(candidates)

    def matches(p: Proposal, item: dict[str, object]) -> bool:
        span = p.span
        if span is None or (span.start, span.end) != (item["start"], item["end"]):
            return False
        keywords = [str(k).lower() for k in item["keywords"]]  # type: ignore[attr-defined]
        return any(
            c.source == item["article"] and any(k in c.sentence.text.lower() for k in keywords)
            for c in p.candidates
        )

    items = gold["events"]
    found = [any(matches(p, item) for p in proposals) for item in items]
    right = [any(matches(p, item) for item in items) for p in proposals]
    recall = sum(found) / len(items)
    precision = sum(right) / len(proposals) if proposals else 0.0
    print(f"articles: {len(paths)} (published {published}), gold events: {len(items)}, "
          f"proposed: {len(proposals)} ({len(candidates)} candidates before merging)")  # fmt: skip
    print(f"recall {recall:.1%} ({sum(found)}/{len(items)}), "
          f"precision {precision:.1%} ({sum(right)}/{len(proposals)})")  # fmt: skip
    for item, hit in zip(items, found, strict=True):
        if not hit:
            print(f"  missed: {item['date']}: {item['fact']}")
    for p, hit in zip(proposals, right, strict=True):
        if not hit:
            label = p.span.label if p.span else "unresolved"
            print(f"  not in gold: {label}: {p.lead.title}")
    assert isinstance(published, date)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
