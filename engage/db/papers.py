"""Papers generated from a consultation: which template and theme run, when, the Markdown
and its SHA-256 (and the written file's), so a paper on disk can be checked later."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from engage.db import records


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class WrittenPaper:
    """A generated paper to record: the consultation and theme run it speaks of, its
    template, format (md or html) and Markdown, and the file it was written to (with that
    file's SHA-256) if any."""

    consultation_id: str
    run_id: str | None
    template: str
    fmt: str
    markdown: str
    path: str | Path | None = None
    file_sha256: str | None = None


def store_paper(db: sqlite_utils.Database, paper: WrittenPaper) -> dict[str, Any]:
    """Record a generated paper (audited). ``partners_named`` lists the partners whose name
    the Markdown holds, so a bundle carries the paper only if all of them share that far."""
    values = {
        "consultation_id": paper.consultation_id,
        "run_id": paper.run_id,
        "template": paper.template,
        "format": paper.fmt,
        "path": str(Path(paper.path).resolve()) if paper.path else None,
        "markdown": paper.markdown,
        "sha256": sha256_text(paper.markdown),
        "file_sha256": paper.file_sha256,
        "partners_named": json.dumps(partners_named(db, paper.markdown)),
    }
    return records.insert(db, "papers", values)


def partners_named(db: sqlite_utils.Database, markdown: str) -> list[str]:
    """Ids of the registered partners whose name appears in ``markdown``."""
    return [
        partner_id
        for partner_id, name in db.execute("SELECT id, name FROM partners ORDER BY name")
        if name and name in markdown
    ]


def list_papers(db: sqlite_utils.Database, consultation: str | None = None) -> list[dict]:
    """Papers, newest first, with whether the file on disk still matches (``file``:
    'matches', 'changed' or 'missing') and how many of the submissions a paper quotes were
    withdrawn after it was written (``quotes_withdrawn``: the paper should not be shared
    again as it is)."""
    where, params = "", []
    if consultation:
        where, params = (
            "WHERE p.consultation_id = ?",
            [records.resolve(db, "consultations", consultation)],
        )
    rows = list(
        db.query(
            f"""SELECT p.id, p.created_at, p.template, p.format, p.run_id, p.path, p.sha256,
                  p.file_sha256, c.title AS consultation, length(p.markdown) AS characters,
                  ({WITHDRAWN_SINCE}) AS quotes_withdrawn
           FROM papers p JOIN consultations c ON c.id = p.consultation_id {where}
           ORDER BY p.created_at DESC""",
            params,
        )
    )
    for row in rows:
        row["file"] = file_state(row)
    return rows


# Submissions withdrawn after paper p was written whose footnote label (the first 8 or more
# characters of the id) the paper holds.
WITHDRAWN_SINCE = (
    "SELECT COUNT(*) FROM tombstones t WHERE t.table_name = 'submissions' "
    "AND t.withdrawn_at > p.created_at AND instr(p.markdown, '[^' || substr(t.id, 1, 8)) > 0"
)


def file_state(paper: dict[str, Any]) -> str:
    path = Path(paper["path"]) if paper.get("path") else None
    if path is None or not path.is_file():
        return "missing"
    return "matches" if sha256_file(path) == paper["file_sha256"] else "changed"


def get_paper(db: sqlite_utils.Database, ref: str) -> dict[str, Any]:
    paper = records.get(db, "papers", records.resolve(db, "papers", ref))
    paper["partners_named"] = json.loads(paper["partners_named"])
    paper["file"] = file_state(paper)
    return paper
