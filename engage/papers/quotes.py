"""Quotes for papers: only from submitters who consented to quotation, only from active
submissions, only their redacted text — and never one that repeats, word for word, the text
of someone who did not consent."""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from engage.db.submissions import unquotable_texts
from engage.db.themes import quotable_members
from engage.papers.participation import channel_name
from engage.privacy import quotable, redact

QUOTES_PER_THEME = 3
QUOTE_MAX_CHARS = 320
QUOTE_MIN_CHARS = 40
# Texts of people who did not consent that a quote may not contain, from this length on
# (shorter ones, "Too slow.", are everyone's words).
WITHHELD_MIN_CHARS = 30
_SPACES = re.compile(r"\s+")


class Withheld:
    """Texts no quote may contain, found fast: every such text is at least
    WITHHELD_MIN_CHARS long, so a quote holding one holds its first WITHHELD_MIN_CHARS
    characters, which index it."""

    def __init__(self, texts: list[str] | tuple[str, ...] = ()) -> None:
        self.by_head: dict[str, list[str]] = {}
        for text in texts:
            if len(text) >= WITHHELD_MIN_CHARS:
                self.by_head.setdefault(text[:WITHHELD_MIN_CHARS], []).append(text)

    def found_in(self, quote: str) -> bool:
        for start in range(len(quote) - WITHHELD_MIN_CHARS + 1):
            for text in self.by_head.get(quote[start : start + WITHHELD_MIN_CHARS], ()):
                if quote.startswith(text, start):
                    return True
        return False


def withheld_texts(db: sqlite_utils.Database, run_id: str) -> Withheld:
    """The consultation's texts that no quote may reproduce: not consented or withdrawn."""
    texts = unquotable_texts(db, run_id, WITHHELD_MIN_CHARS)
    return Withheld(sorted({_one_line(text) for text in texts}))


def theme_quotes(
    db: sqlite_utils.Database, theme: dict[str, Any], withheld: Withheld | None = None
) -> list[dict[str, Any]]:
    """Up to QUOTES_PER_THEME distinct quotes for a theme, best first, none repeating a
    ``withheld`` text."""
    withheld = withheld or Withheld()
    chosen, seen = [], set()
    for _, submission_id, text, channel in sorted(_candidates(db, theme)):
        text = quote_text(text)
        key = _quote_key(text)
        if key in seen or len(text) < QUOTE_MIN_CHARS or withheld.found_in(text):
            continue
        seen.add(key)
        chosen.append({"id": submission_id, "text": text, "channel": channel})
        if len(chosen) == QUOTES_PER_THEME:
            break
    return chosen


def _candidates(db: sqlite_utils.Database, theme: dict[str, Any]) -> list[tuple]:
    """(rank, id, text, channel) of every quotable submission of the theme: its
    representative quotes first, then the most typical; plain answers before texts with
    redaction placeholders, form letters and texts too long to quote whole. Consent and
    status are checked again here, at render time."""
    preferred = {sid: i for i, sid in enumerate(theme["quote_ids"])}
    rows = quotable_members(db, theme["id"])
    candidates = []
    for row in rows:
        text = _one_line(row["text_redacted"])
        if not quotable(row["consent_to_quote"], row["status"]) or len(text) < QUOTE_MIN_CHARS:
            continue
        rank = (
            "[" in text,
            row["campaign"] is not None,
            len(text) > QUOTE_MAX_CHARS,
            preferred.get(row["id"], len(preferred)),
            -(row["probability"] or 0.0),
        )
        candidates.append((rank, row["id"], text, channel_name(row["channel"])))
    return candidates


def _quote_key(text: str) -> str:
    """Quotes that open with the same 60 letters are the same quote for a reader."""
    return re.sub(r"[^a-z0-9]", "", text.lower())[:60]


def quote_text(text: str) -> str:
    """The redacted text on one line (redacted again, in case), cut at a word near
    QUOTE_MAX_CHARS with an ellipsis."""
    text = _one_line(redact(text or "").text)
    if len(text) <= QUOTE_MAX_CHARS:
        return text
    cut = text[:QUOTE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:.-–— ")
    return cut + " …"


def label_quotes(quotes: list[dict[str, Any]]) -> None:
    """Give each quote its footnote label ``ref``: the first 8 characters of its submission
    id (what ``engage submissions show`` accepts), longer where two quotes share them."""
    width = 8
    while width < 32 and len({q["id"][:width] for q in quotes}) < len(quotes):
        width += 4
    for quote in quotes:
        quote["ref"] = quote["id"][:width]


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()
