"""Generate large, realistic brief files for benchmarks and stress tests.

Text lengths, the mix of date expressions and the number of sources per event are set to
resemble real chronologies; the output is the same for the same ``n`` and ``seed``.

    python -m benchmarks.generate 10000 -o /tmp/big.yaml
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

import yaml

from briefgen.datelabels import MONTH_NAMES as MONTHS

WORDS = (
    "council inquiry report police review minister statement evidence hearing committee "
    "recommendation audit victims survivors agency funding data national local court "
    "charity announcement response safeguarding officers case files decision appeal "
    "Łódź Dvořák Zoë “quoted” £12m €5m – commissioner tribunal consultation"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _expression(rng: random.Random, day: date, published: date) -> str:
    """Write ``day`` the way a source might: mostly absolute, some ranges, periods, relative."""
    roll = rng.random()
    if roll < 0.45:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if roll < 0.55:
        return day.isoformat()
    if roll < 0.65:
        return f"{MONTHS[day.month - 1]} {day.year}"
    if roll < 0.70:
        return f"{day.year}-{day.year + rng.randint(1, 4)}"
    if roll < 0.75:
        return f"{rng.choice(('early', 'mid', 'late'))} {day.year}"
    if roll < 0.78:
        return f"c. {day.year}"
    if roll < 0.81:
        first = min(day.day, 27)  # a two-day span that stays inside the month
        return f"{first}-{first + 1} {MONTHS[day.month - 1]} {day.year}"
    if roll < 0.84:
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    return rng.choice(
        ("on Monday", "at the weekend", "earlier this year", "last week", "this morning")
    )


def generate(n: int, seed: int = 1, n_sources: int = 40) -> dict:
    """Return a brief (as plain data) with ``n`` events over about 15 years."""
    rng = random.Random(seed)
    as_of = date(2025, 6, 16)
    start = date(2010, 1, 1)
    span = (as_of - start).days
    sources = []
    for i in range(n_sources):
        published = start + timedelta(days=rng.randint(0, span))
        sources.append(
            {
                "id": f"s{i + 1}",
                "publisher": rng.choice(("The Times", "BBC News", "The Guardian", "Home Office")),
                "title": _sentence(rng, rng.randint(5, 12)).rstrip("."),
                "url": f"https://example.org/articles/{i + 1}",
                "published": published,
            }
        )
    events = []
    for i in range(n):
        cited = rng.sample(sources, k=rng.randint(1, 3))
        published = max(s["published"] for s in cited)
        day = published - timedelta(days=rng.randint(0, 400))
        event = {
            "date": _expression(rng, day, published),
            "title": _sentence(rng, rng.randint(5, 11)).rstrip(".") + f" ({i + 1})",
            "detail": " ".join(
                _sentence(rng, rng.randint(10, 25)) for _ in range(rng.randint(1, 3))
            ),
            "sources": [s["id"] for s in cited],
            "tags": [rng.choice(("police", "government", "inquiry", "courts"))],
        }
        if rng.random() < 0.05:
            event["key"] = True
        events.append(event)
    # Relative expressions are resolved against the first cited source, so put the latest first.
    for event in events:
        event["sources"].sort(key=lambda sid: -sources[int(sid[1:]) - 1]["published"].toordinal())
    return {
        "title": f"A long-running inquiry: {n} events",
        "subtitle": "Generated for benchmarks and stress tests",
        "as_of": as_of,
        "author": "Benchmark",
        "organisation": "briefgen",
        "marking": "OFFICIAL",
        "audience": "Testers",
        "summary": " ".join(_sentence(rng, rng.randint(15, 30)) for _ in range(6)),
        "key_points": [_sentence(rng, rng.randint(15, 35)) for _ in range(9)],
        "figures": [
            {"value": f"{rng.randint(10, 9000):,}", "label": _sentence(rng, 8), "source": "s1"}
            for _ in range(6)
        ],
        "next": [
            {"date": "in the coming weeks", "text": _sentence(rng, 30), "source": "s2"}
            for _ in range(5)
        ],
        "sources": sources,
        "events": events,
    }


def write_brief(path: Path, n: int, seed: int = 1) -> Path:
    """Write a generated brief of ``n`` events to ``path`` and return the path."""
    path.write_text(yaml.safe_dump(generate(n, seed), allow_unicode=True, sort_keys=False), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_brief(args.output, args.events, args.seed)


if __name__ == "__main__":
    main()
