"""Turn the rows of an export into submission drafts, and say which rows cannot be used.

Pure: no database. Each non-blank answer in a free-text column becomes one
``SubmissionDraft``; a row with an unreadable date, satisfaction, consent or
channel becomes one ``BadRow`` naming every problem, and yields no drafts.
"""

from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from engage.errors import DataError, NoTextColumn, UserError
from engage.importers.cells import read_field_column
from engage.importers.fields import ColumnMapping
from engage.importers.readers import text_cells, unique_names
from engage.importers.values import read_channel
from engage.models import CHANNELS, BadRow, SubmissionDraft

if TYPE_CHECKING:
    import pandas


@dataclass
class ImportPlan:
    """What importing a file would add: drafts to store, rows refused and why, and counts."""

    mapping: ColumnMapping
    drafts: list[SubmissionDraft]
    bad_rows: list[BadRow]
    n_rows: int
    n_blank_answers: int
    source_name: str = ""

    def preview(self, n: int = 5) -> list[SubmissionDraft]:
        """The first ``n`` drafts, to show before anything is stored."""
        return self.drafts[:n]


def plan_import(
    df: pandas.DataFrame,
    mapping: ColumnMapping,
    source_name: str,
    default_channel: str | None = None,
    channel: str | None = None,
) -> ImportPlan:
    """Plan the import of an export: one draft per non-blank answer, bad rows set aside.

    ``channel`` is the channel of every row of the file (a channel column is then not read);
    ``default_channel`` applies only to rows whose channel the file does not give.
    """
    if channel is not None:
        mapping = ColumnMapping(
            {f: c for f, c in mapping.fields.items() if f != "channel"},
            list(mapping.text_columns),
            list(mapping.ignored) + [c for f, c in mapping.fields.items() if f == "channel"],
            list(mapping.unmapped),
        )
    channel = _default_channel(channel if channel is not None else default_channel)
    names = unique_names([str(column) for column in df.columns])
    columns = [text_cells(df.iloc[:, i].tolist()) for i in range(len(names))]
    index = {name: i for i, name in enumerate(names)}
    _check_columns(mapping, index, source_name)
    field_cells = [columns[index[column]] for column in mapping.fields.values()]
    fields, problems = _read_fields(mapping, field_cells, len(df))
    texts = [(column, columns[index[column]]) for column in dict.fromkeys(mapping.text_columns)]
    answers = _Answers(texts, fields, channel)
    plan = ImportPlan(mapping, [], [], len(df), 0, source_name)
    with _collector_paused():
        for row, (raw, source_key) in enumerate(_source_rows(names, columns)):
            if row in problems:
                plan.bad_rows.append(BadRow(row + 1, "; ".join(problems[row])))
            else:
                plan.n_blank_answers += answers.add_drafts(plan.drafts, row, raw, source_key)
    return plan


@dataclass
class _Answers:
    """The free-text columns of a file and the other fields read for each row."""

    texts: list[tuple[str, list[str]]]
    fields: dict[str, list[Any]]
    channel: str | None

    def add_drafts(
        self, drafts: list[SubmissionDraft], row: int, raw: dict[str, str], source_key: str
    ) -> int:
        """Append one draft per non-blank answer in a row (0-based); return the blanks skipped."""
        blanks = 0
        wide = len(self.texts) > 1
        for column, cells in self.texts:
            answer = cells[row].strip()
            if not answer:
                blanks += 1
                continue
            question = column if wide else self.fields["question"][row]
            draft_hash = row_hash(source_key, question)
            drafts.append(self.draft(answer, row, question, raw, draft_hash))
        return blanks

    def draft(
        self, answer: str, row: int, question: str | None, raw: dict[str, str], draft_hash: str
    ) -> SubmissionDraft:
        """One submission draft from an answer and its row's other fields (row is 0-based)."""
        fields = self.fields
        # Positional: quicker than keywords, which counts on large files (bench/import.py).
        return SubmissionDraft(
            answer,  # text
            row + 1,  # row
            question,
            fields["partner"][row],  # partner_name
            fields["respondent_type"][row],
            fields["community"][row],
            fields["channel"][row] or self.channel,
            fields["received_at"][row],
            fields["satisfaction"][row],
            bool(fields["consent_to_quote"][row]),
            raw,
            draft_hash,  # row_hash
        )


def _source_rows(
    names: list[str], columns: list[list[str]]
) -> Iterator[tuple[dict[str, str], str]]:
    """Yield each row as {column: cell} and a key naming it: its canonical JSON and occurrence.

    The occurrence counts earlier identical rows, so twin rows get different keys while
    reading the same file again gives the same keys.
    """
    occurrences: dict[str, int] = {}
    rows = zip(*columns, strict=True)
    for canonical, values in zip(_canonical_rows(names, columns), rows, strict=True):
        occurrence = occurrences.get(canonical, 0)
        occurrences[canonical] = occurrence + 1
        yield dict(zip(names, values, strict=True)), f"{canonical}\n{occurrence}"


def _canonical_rows(names: list[str], columns: list[list[str]]) -> list[str]:
    """Write each row as ``json.dumps(raw, sort_keys=True, ensure_ascii=False)`` would.

    Built column by column, then joined row by row: several times quicker than
    encoding 100,000 dictionaries one at a time.
    """
    pair_columns = []
    for position in sorted(range(len(names)), key=names.__getitem__):
        key = encode_basestring(names[position]) + ": "
        pair_columns.append([key + encode_basestring(text) for text in columns[position]])
    if not pair_columns:
        return []
    return ["{" + ", ".join(pairs) + "}" for pairs in zip(*pair_columns, strict=True)]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while drafts are built.

    A plan allocates a few objects per row and none of them form cycles; without the
    pause, repeated collections scanning the growing draft list cost about a third of
    the time on 100,000 rows.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _default_channel(channel: str | None) -> str | None:
    """Check the channel given for the whole file, accepting the usual ways to write it."""
    if channel is None:
        return None
    try:
        return read_channel(channel)
    except ValueError:
        raise UserError(f"unknown channel '{channel}' (use one of {', '.join(CHANNELS)})") from None


def row_hash(source_key: str, question: str | None) -> str:
    """Identify (source row, question) stably: same file, same hashes; twin rows differ.

    ``source_key`` is the row's canonical JSON (``json.dumps(raw, sort_keys=True,
    ensure_ascii=False)``), a newline and how many identical rows came before it.
    """
    key = f"{source_key}\n{question or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _check_columns(mapping: ColumnMapping, index: dict[str, int], source_name: str) -> None:
    """Refuse a mapping that names columns the table does not have."""
    wanted = [*mapping.fields.values(), *mapping.text_columns]
    missing = [column for column in wanted if column not in index]
    if missing:
        raise DataError(
            f"{source_name}: no column {', '.join(repr(c) for c in missing)} "
            f"(columns: {', '.join(index)})"
        )
    if not mapping.text_columns:
        raise NoTextColumn(f"{source_name}: no free-text column to import")


def _read_fields(
    mapping: ColumnMapping, cells: list[list[str]], n_rows: int
) -> tuple[dict[str, list[Any]], dict[int, list[str]]]:
    """Read each mapped field column: values by field (None where absent), problems by row."""
    fields: dict[str, list[Any]] = defaultdict(lambda: [None] * n_rows)
    problems: dict[int, list[str]] = defaultdict(list)
    for (name, column), column_cells in zip(mapping.fields.items(), cells, strict=True):
        values, column_problems = read_field_column(name, column, column_cells)
        fields[name] = values
        for row, problem in column_problems.items():
            problems[row].append(problem)
    if "postal_area" in fields:
        places = zip(fields["community"], fields["postal_area"], strict=True)
        fields["community"] = [community or postal for community, postal in places]
    return fields, dict(problems)
