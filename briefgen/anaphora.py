"""Placeholder: part B (issue-10b) replaces this file with the full detector and resolver."""

import re

_ANAPHORIC = re.compile(
    r"(?:the )?(?:following|previous|preceding|subsequent) (?:day|week|month|year|decade)"
    r"|(?:the )?(?:day|week|month|year|decade) (?:before|after)"
    r"|(?:[0-9]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r" (?:days?|weeks?|months?|years?|decades?) (?:later|earlier|afterwards?)"
    r"|that (?:day|week|month|year|spring|summer|autumn|fall|winter)"
    r"|(?:later|earlier) that (?:day|week|month|year)",
    re.IGNORECASE,
)


def is_anaphoric(text: str) -> bool:
    """Tell whether ``text`` names a time relative to an earlier event, not to the anchor."""
    return _ANAPHORIC.fullmatch(" ".join(text.strip(" .,;:").split())) is not None
