"""What every generated paper must hold to: no personal information, no text of anyone who
did not consent, no template noise, no empty section, and HTML that stands alone."""

from __future__ import annotations

import re
from pathlib import Path

from engage.privacy import find_pii

NOISE = ("None", "{{", "}}", "{%", "%}", "{#", "Undefined", "nan", "[]", "{}")
EMPTY_ROW = re.compile(r"^\|(\s*\|)+\s*$", re.M)
EMPTY_CELL = re.compile(r"\|[ \t]+\|")
# A bold lead-in ("**Gaps.**") glued to the line before it instead of opening a paragraph.
GLUED_PARAGRAPH = re.compile(r"[^\n|]\n\*\*[A-Z]")


def planted_pii(db) -> list[str]:
    """Every piece of personal information found in any submission's original text."""
    found = []
    for (text,) in db.execute("SELECT text_original FROM submissions WHERE pii_kinds != ''"):
        found += [text[m.start : m.end] for m in find_pii(text)]
    return found


def unconsented_texts(db, min_chars: int = 30) -> list[str]:
    """Texts (original and redacted) that no paper may contain: no consent, or withdrawn."""
    texts = []
    for original, redacted in db.execute(
        "SELECT text_original, text_redacted FROM submissions "
        "WHERE consent_to_quote = 0 OR status != 'active'"
    ):
        texts += [t.strip() for t in (original, redacted) if len(t.strip()) >= min_chars]
    return texts


def assert_private(text: str, db, extra: tuple[str, ...] = ()) -> None:
    for secret in planted_pii(db) + list(extra):
        assert secret not in text, f"personal information in a paper: {secret!r}"
    for secret in unconsented_texts(db):
        assert secret not in text, f"unconsented text in a paper: {secret[:60]!r}"
    for original, redacted in db.execute(
        "SELECT text_original, text_redacted FROM submissions WHERE pii_kinds != ''"
    ):
        if original != redacted and len(original) >= 30:
            assert original not in text, "an unredacted original in a paper"


def assert_clean_markdown(markdown: str) -> None:
    for noise in NOISE:
        assert not re.search(rf"(?<![\w]){re.escape(noise)}(?![\w])", markdown), (
            f"template noise {noise!r} in the paper"
        )
    assert not EMPTY_ROW.search(markdown), "a blank table row"
    assert not EMPTY_CELL.search(markdown), "an empty table cell"
    assert not GLUED_PARAGRAPH.search(markdown), "a paragraph glued to the one before"
    parts = re.split(r"^(#{2,4}) .*$", markdown, flags=re.M)
    # parts: text, level, body, level, body, ...: a section is empty when it has no text
    # and the next heading is not one of its subsections.
    levels, bodies = parts[1::2], parts[2::2]
    for index, (level, body) in enumerate(zip(levels, bodies, strict=True)):
        deeper = index + 1 < len(levels) and len(levels[index + 1]) > len(level)
        assert body.strip() or deeper, "an empty section"
    assert "\n\n\n" not in markdown


def assert_standalone_html(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    lowered = html.lower()
    for forbidden in ("<script", " src=", "<link", "@import", "<iframe", "<img", "<object"):
        assert forbidden not in lowered, f"{forbidden} in a standalone paper"
    assert not re.search(r"url\((?!#)", lowered), "a url() to another file"
    assert "<style>" in html and '<nav class="toc"' in html
    assert html.count("<svg") >= 2, "the two charts are inline SVG"
    assert "<table>" in html and 'class="footnote"' in html
    assert 'href="http' not in lowered and "javascript:" not in lowered


def check_papers(db, paths: list[Path]) -> None:
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert_private(text, db)
        if path.suffix == ".html":
            assert_standalone_html(text)
        else:
            assert_clean_markdown(text)
