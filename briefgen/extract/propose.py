"""From date mentions to proposed events: one candidate per dated sentence (page furniture
and captions left out), then candidates that tell the same event merged across articles."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from briefgen.dates import DateSpan
from briefgen.extract.lines import is_wrapped, line_break
from briefgen.extract.mentions import Mention, find_mentions, read_span

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sir no nos vs v c ca gen col lt sgt rev jan feb mar apr jun jul "
    "aug sep sept oct nov dec approx etc inc ltd co corp fig e g i e al u s uk".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(]?[A-Z0-9])|\n+")
_FURNITURE = (
    "sign up", "newsletter", "subscribe", "cookie", "privacy notice", "privacy policy",
    "open image in gallery", "click here", "read more", "follow us", "share this",
    "all rights reserved", "©", "copyright", "getty images", "image caption", "photograph:",
    "picture:", "image:", "photo:", "more follows", "advertisement", "related articles",
    "most read", "sign in", "log in", "download the app", "terms and conditions",
    "listen to this article", "minute read", "min read", "comments", "what do you think",
)  # fmt: skip
_CREDIT = re.compile(r"\(\s*(?:[A-Z][\w/&.-]*\s*){1,4}\)\s*$")  # "( EPA )", "(PA Wire)"
_BYLINE = re.compile(
    r"\W*(?:(?:first |last )?(?:published|updated|modified|posted)|last modified|by [A-Z]\w+ "
    r"[A-Z]\w+\W*(?:published|updated)?)\b",
    re.I,
)
# "LONDON, June 16 (Reuters) -": a dateline repeats the publication date, it is no event
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+,\s*$")
_STOPWORDS = frozenset(
    """about above after again against also although among another because been before
    being below between both came could does doing down during each even every from further
    have having here into itself just made make many more most much must only other over
    said says same should since some such than that their them then there these they this
    those through told under until very want were what when where which while will with
    would your year years month months week weeks today monday tuesday wednesday thursday
    friday saturday sunday earlier later first last next time told added according""".split()
)
_LEADING = re.compile(
    r"^(?:however|but|and|meanwhile|then|also|so|earlier|later|now|yet|still|indeed)\b[,\s]*",
    re.I,
)
_LOWER_FIRST = frozenset(
    "on in at during over by earlier later this last the next from since between".split()
)
TITLE_LENGTH = 80


@dataclass(frozen=True)
class Sentence:
    offset: int
    text: str


@dataclass(frozen=True)
class Candidate:
    """One dated sentence of one article, proposed as an event."""

    source: str
    mention: Mention
    phrase: str  # the date as the sentence writes it, with its preposition ("on Monday")
    sentence: Sentence
    title: str
    order: int


@dataclass
class Proposal:
    """A proposed event: candidates that tell the same event, the first one leading."""

    candidates: list[Candidate] = field(default_factory=list)
    words: set[str] = field(default_factory=set)

    @property
    def lead(self) -> Candidate:
        return self.candidates[0]

    @property
    def span(self) -> DateSpan | None:
        return self.lead.mention.span

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(c.source for c in self.candidates))


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences and lines, keeping each one's offset."""
    out: list[Sentence] = []
    start = 0
    wrapped = is_wrapped(text)
    for m in _BOUNDARY.finditer(text):
        if m[0][0] == "\n" and not line_break(text, m.start(), m.end(), wrapped):
            continue  # a hard-wrapped line: the sentence goes on
        if m[0][0] == ".":
            word = re.search(r"([^\W\d_]+)\s*$", text[start : m.start()])
            if word and (word[1].lower() in _ABBREVIATIONS or len(word[1]) == 1):
                continue
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        out.append(Sentence(start + chunk.index(stripped[0]), stripped))


def is_furniture(sentence: str, mention: Mention | None = None) -> bool:
    """Page furniture, captions and bylines: not sentences that state events."""
    low = sentence.lower()
    if any(marker in low for marker in _FURNITURE):
        return True
    if _CREDIT.search(sentence):
        return True
    if _BYLINE.match(sentence):
        return True  # "Last modified on Mon 16 Jun 2025 10.32 BST"
    words = re.findall(r"[^\W_]+", sentence)
    if len(words) < 5:
        return True  # "3 days ago", "Updated 16 June 2025"
    return bool(mention is not None and mention.text.lower().endswith("ago") and len(words) < 8)


def content_words(text: str) -> set[str]:
    words = set()
    for w in re.findall(r"[^\W\d_]+(?:['’]s)?", text.lower()):
        w = w.removesuffix("'s").removesuffix("’s")
        if len(w) >= 4 and w not in _STOPWORDS:
            words.add(w)
    return words


def make_title(sentence: Sentence, mention: Mention, phrase_offset: int) -> str:
    """A short title: the sentence without its date, its opening connective and quotation
    marks, cut at a word boundary."""
    start = phrase_offset - sentence.offset
    end = mention.end - sentence.offset
    text = sentence.text[:start] + sentence.text[end:]
    text = re.sub(r"^\W+", "", text)
    text = _LEADING.sub("", text)
    text = re.sub(r"[\"“”‘]|(?<![\w])['’]|['’](?![\w])", "", text)
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    text = re.sub(r"\(\s*\)|,\s*,", "", text).strip(" ,;:-–.")
    if len(text) > TITLE_LENGTH:
        cut = text[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(" ,;:-–")
        text = cut + "…"
    return text[:1].upper() + text[1:]


def propose(
    text: str,
    source: str,
    anchor: date | None,
    *,
    order_base: int = 0,
    progress: Callable[[int], None] | None = None,
) -> list[Candidate]:
    """The candidate events of one article: one per date mention in a sentence that is not
    page furniture; mentions too vague to date anything ("now") are skipped."""
    mentions = find_mentions(text, anchor, progress=progress)
    out: list[Candidate] = []
    spans = sentences(text)
    k = 0
    for mention in mentions:
        while k + 1 < len(spans) and spans[k + 1].offset <= mention.offset:
            k += 1
        sentence = spans[k]
        if mention.weak or is_furniture(sentence.text, mention):
            continue
        line_start = text.rfind("\n", 0, mention.offset) + 1
        if _DATELINE.fullmatch(text[line_start : mention.offset]):
            continue
        phrase, phrase_offset = _phrase(text, mention, sentence, anchor)
        title = make_title(sentence, mention, phrase_offset)
        if len(title.split()) < 3:
            continue  # nothing happens in it: a dateline or a heading
        out.append(Candidate(source, mention, phrase, sentence, title, order_base + len(out)))
    return out


def _phrase(
    text: str, mention: Mention, sentence: Sentence, anchor: date | None
) -> tuple[str, int]:
    """The mention with the preposition before it ("on Monday", "at the weekend"), if the
    date still reads the same with it; else the mention as found."""
    before = text[sentence.offset : mention.offset]
    m = re.search(r"\b(on|in|at|during|over|by)\s+$", before, re.I)
    start = mention.offset - len(m[0]) if m else mention.offset
    phrase = " ".join(text[start : mention.end].split())
    if start != mention.offset:
        span, _, ok = read_span(phrase, anchor)
        same = ok and (
            (span is None and mention.span is None)
            or (span is not None and mention.span is not None
                and (span.start, span.end) == (mention.span.start, mention.span.end))
        )  # fmt: skip
        if not same:
            start, phrase = mention.offset, " ".join(mention.text.split())
    first = phrase.split(" ", 1)[0]
    if first[:1].isupper() and first.lower() in _LOWER_FIRST:
        phrase = phrase[:1].lower() + phrase[1:]
    return phrase, start


def merge(
    candidates: list[Candidate], *, min_shared: int = 2, min_overlap: float = 0.2
) -> list[Proposal]:
    """Group candidates with the same interval and similar wording into one proposal.

    Candidates from two articles are similar when their sentences share at least
    ``min_shared`` content words and that is at least ``min_overlap`` of the shorter one's
    content words; from the same article, when they share at least three and 40%.
    """
    proposals: list[Proposal] = []
    by_interval: dict[object, list[Proposal]] = {}
    for c in candidates:
        span = c.mention.span
        key = (span.start, span.end) if span else ("unresolved", c.mention.text.lower())
        words = content_words(c.sentence.text) - content_words(c.mention.text)
        target = None
        for p in by_interval.get(key, []):
            shared = len(words & p.words)
            smaller = max(1, min(len(words), len(p.words)))
            if c.source in p.sources:  # one article telling two things about the same day
                similar = shared >= max(3, min_shared) and shared >= 0.4 * smaller
            else:
                similar = shared >= min_shared and shared >= min_overlap * smaller
            if similar:
                target = p
                break
        if target is None:
            target = Proposal()
            proposals.append(target)
            by_interval.setdefault(key, []).append(target)
        target.candidates.append(c)
        target.words |= words
    return proposals
