"""briefgen: turn dated, sourced events into a briefing pack (chronology and one-page briefing)."""

__version__ = "0.1.0"
