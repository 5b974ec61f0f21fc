"""Proposing dated events from articles: load text, find date mentions, propose, merge, write.

``briefgen extract`` drives it: ``load`` reads plain text, Markdown or HTML; ``mentions``
finds date expressions with ``briefgen.dates.parse_date``; ``propose`` turns the sentences
that carry them into candidate events and merges candidates from several articles;
``output`` writes a brief file (or JSON) for a person to review.
"""
