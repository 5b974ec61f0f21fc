"""``briefgen extract`` as one function: load each article, propose, merge, render."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefgen.extract.load import Article, load_article
from briefgen.extract.mentions import Mention, find_mentions
from briefgen.extract.output import (
    SourceInfo,
    mentions_json,
    mentions_yaml,
    source_id,
    to_json,
    to_yaml,
)
from briefgen.extract.propose import Candidate, merge, propose

# a progress callback: (file name, characters done, characters in all)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ExtractOptions:
    published: date | None = None
    source_id: str | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    fmt: str = "yaml"
    mentions: bool = False


def _source(article: Article, index: int, count: int, options: ExtractOptions) -> SourceInfo:
    if options.source_id:
        sid = options.source_id if count == 1 else f"{options.source_id}-{index + 1}"
    else:
        sid = source_id(article.path)
    published = options.published or article.published
    where = "--published option" if options.published else article.published_from
    return SourceInfo(
        sid, article.path, options.publisher or article.publisher,
        options.title or article.title, options.url or article.url, published, where,
    )  # fmt: skip


def extract(
    paths: list[Path], options: ExtractOptions, today: date, progress: Progress | None = None
) -> tuple[str, list[str]]:
    """Return the output text and notes for standard error (what could not be resolved)."""
    articles = [load_article(p) for p in paths]
    total = sum(len(a.text) for a in articles)
    notes: list[str] = []
    done = 0
    sources: list[SourceInfo] = []
    ids: dict[str, int] = {}
    for i, article in enumerate(articles):
        info = _source(article, i, len(articles), options)
        if info.id in ids:  # two files with the same name in different folders
            ids[info.id] += 1
            info = SourceInfo(f"{info.id}-{ids[info.id]}", *list(vars(info).values())[1:])
        ids.setdefault(info.id, 1)
        sources.append(info)
        if info.published is None:
            notes.append(f"{article.path}: no publication date found (no --published, no <meta> "
                         "date, no dateline): relative dates are left unresolved")  # fmt: skip

    def reporter(name: str, base: int) -> Callable[[int], None] | None:
        if progress is None:
            return None
        return lambda reached: progress(name, base + reached, total)

    if options.mentions:
        per_file: list[tuple[Path, list[Mention]]] = []
        for article, info in zip(articles, sources, strict=True):
            found = find_mentions(article.text, info.published,
                                  progress=reporter(article.path.name, done))  # fmt: skip
            done += len(article.text)
            per_file.append((article.path, found))
        text = mentions_json(per_file) if options.fmt == "json" else mentions_yaml(per_file)
        return text, notes

    candidates: list[Candidate] = []
    for article, info in zip(articles, sources, strict=True):
        candidates += propose(article.text, info.id, info.published, order_base=len(candidates),
                              progress=reporter(article.path.name, done))  # fmt: skip
        done += len(article.text)
    proposals = merge(candidates)
    proposals.sort(
        key=lambda p: (p.span is None, p.span.start if p.span else date.min,
                       p.span.end if p.span else date.min, p.lead.order)
    )  # fmt: skip
    if options.fmt == "json":
        return to_json(proposals), notes
    known = [s.published for s in sources if s.published]
    as_of = max(known) if known else today
    return to_yaml(proposals, sources, as_of), notes
