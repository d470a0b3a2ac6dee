"""Theme a spreadsheet without a database: every row back, with its theme added.

For an intern with a survey export: ``theme_file("survey.csv", "Comments",
"themed.csv")`` writes every input row and column plus ``theme_id`` (-1 =
unthemed, non-answers included), ``theme_label`` and, for unthemed rows,
``theme_note``: why ("non-answer", or "fits no theme"). Columns of those names
already in the file are kept as "theme_id (input)"...; it returns a summary
(number of texts and themes, unthemed share, seconds per stage, the themes).

As everywhere in engage, theming reads the *redacted* answers: e-mail addresses,
phone numbers, postal codes and the like never reach a theme's title, keyphrases
or quoted answers, nor the summary. The rows written back are the file's own,
unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engage.errors import DataError
from engage.importers import read_table
from engage.privacy import redact
from engage.theming.pipeline import theme_texts
from engage.theming.result import UNTHEMED
from engage.theming.run import ThemingOptions

if TYPE_CHECKING:
    import pandas  # lazy: pandas is heavy

Progress = Callable[[str, float], None]


OUT_COLUMNS = ("theme_id", "theme_label", "theme_note")


def theme_file(
    path: Path | str,
    text_column: str,
    out: Path | str,
    options: ThemingOptions | None = None,
    summary_json: Path | str | None = None,
) -> dict[str, Any]:
    """Theme the ``text_column`` of a CSV/XLSX file into ``out`` (``options``: the backend,
    seed, number of themes and progress callback, as for ``theme_texts``); return the run's
    summary, also written to ``summary_json`` when given."""
    path, out = Path(path), Path(out)
    table = read_feedback_table(path)
    redactions = [redact(text) for text in table[_column(table, text_column, path)].astype(str)]
    texts = [redaction.text for redaction in redactions]
    result = theme_texts(texts, options)
    labels = result.labels_by_id()
    kept = {name: f"{name} (input)" for name in OUT_COLUMNS if name in table.columns}
    table = table.rename(columns=kept)  # an earlier run's columns are kept, not overwritten
    table["theme_id"] = result.assignments
    table["theme_label"] = [labels[theme] for theme in result.assignments]
    table["theme_note"] = [
        _unthemed_because(theme, flag)
        for theme, flag in zip(result.assignments, result.flags, strict=True)
    ]
    _write_table(table, out)
    summary = {"file": str(path), "text_column": text_column, "out": str(out)}
    summary.update(result.summary())
    summary["renamed_columns"] = kept
    summary["n_redacted"] = sum(1 for redaction in redactions if redaction.kinds)
    if summary_json is not None:
        Path(summary_json).write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    return summary


def _unthemed_because(theme: int, flag) -> str:
    """Why a row has no theme: a non-answer ("n/a", a bare "No"), or an answer no theme
    fits; nothing for a themed row."""
    if theme != UNTHEMED:
        return ""
    return "non-answer" if flag.non_answer else "fits no theme"


def read_feedback_table(path: Path) -> pandas.DataFrame:
    """The file as a table of text cells, read as ``engage import`` reads it."""
    return read_table(path)


def _column(table: pandas.DataFrame, wanted: str, path: Path) -> str:
    """The column called ``wanted`` (exactly, else ignoring case and spacing)."""
    if wanted in table.columns:
        return wanted
    relaxed = {" ".join(str(name).split()).casefold(): name for name in table.columns}
    found = relaxed.get(" ".join(wanted.split()).casefold())
    if found is not None:
        return found
    available = ", ".join(repr(str(name)) for name in table.columns) or "none"
    raise DataError(f"{path.name} has no column {wanted!r}; available columns: {available}")


def _write_table(table: pandas.DataFrame, out: Path) -> None:
    """CSV (UTF-8 with a byte-order mark, so Excel shows accents) or XLSX by extension."""
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        if out.suffix.lower() in {".xlsx", ".xlsm"}:
            table.to_excel(out, index=False)
        else:
            table.to_csv(out, index=False, encoding="utf-8-sig")
    except OSError as problem:
        raise DataError(f"cannot write {out}: {problem.strerror or problem}") from problem
