"""What a theme run found, as a paper tells it: themes ranked by size with their share,
keyphrases and satisfaction, who raised them, and their quotes (see quotes.py)."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from engage.db.themes import breakdown, list_themes, unthemed_count
from engage.papers.numbers import percentages
from engage.papers.participation import channel_name, kind_name
from engage.papers.quotes import label_quotes, theme_quotes, withheld_texts

KEYPHRASES_PER_THEME = 6
DIMENSIONS = {"partner_kind": kind_name, "channel": channel_name}
DIMENSION_NAMES = {"partner_kind": "partner kind", "channel": "channel"}
# A theme is notably raised by a group when the group's share of the theme is this many
# points above its share of all themed submissions (and it sent at least NOTABLE_MIN).
NOTABLE_POINTS = 15
NOTABLE_MIN = 5


def findings(db: sqlite_utils.Database, run_id: str) -> dict[str, Any]:
    """Themes (largest first) with quotes and breakdowns, the unthemed remainder, crosstabs
    by partner kind and channel, and every quote in order of appearance (for footnotes)."""
    themes = list_themes(db, run_id)
    unthemed = unthemed_count(db, run_id)
    shares = percentages([t["size"] for t in themes] + [unthemed])
    withheld = withheld_texts(db, run_id)
    quotes: list[dict[str, Any]] = []
    for rank, (theme, share) in enumerate(zip(themes, shares, strict=False), start=1):
        theme.update(rank=rank, share_pct=share)
        theme["keyphrases"] = theme["keyphrases"][:KEYPHRASES_PER_THEME]
        theme["quotes"] = theme_quotes(db, theme, withheld)
        theme["breakdown"] = _theme_breakdown(db, run_id, theme["id"])
        quotes.extend(theme["quotes"])
    label_quotes(quotes)
    themed = sum(t["size"] for t in themes)
    crosstabs = {name: crosstab(themes, name) for name in DIMENSIONS}
    for theme in themes:
        theme["notable"] = notable(theme, crosstabs)
    return {
        "themes": themes,
        "themed": themed,
        "total": themed + unthemed,
        "unthemed": {
            "count": unthemed,
            "share": unthemed / (themed + unthemed) if themed + unthemed else 0.0,
            "share_pct": shares[-1],
        },
        "crosstabs": crosstabs,
        "quotes": quotes,
    }


def _theme_breakdown(db: sqlite_utils.Database, run_id: str, theme_id: str) -> dict[str, list]:
    """[{name, count, share_pct}] per dimension for one theme, largest first."""
    counts = breakdown(db, run_id, theme_id, by=tuple(DIMENSIONS))
    result = {}
    for dimension, namer in DIMENSIONS.items():
        values = next(iter(counts[dimension].values()), {})
        merged: dict[str, int] = {}
        for value, count in values.items():
            merged[namer(value)] = merged.get(namer(value), 0) + count
        ordered = sorted(merged.items(), key=lambda item: (-item[1], item[0]))
        shares = percentages([count for _, count in ordered])
        result[dimension] = [
            {"name": name, "count": count, "share_pct": share}
            for (name, count), share in zip(ordered, shares, strict=True)
        ]
    return result


def crosstab(themes: list[dict[str, Any]], dimension: str) -> dict[str, Any]:
    """Themes (rows) by the values of a dimension (columns, largest first), with totals."""
    totals: dict[str, int] = {}
    for theme in themes:
        for cell in theme["breakdown"][dimension]:
            totals[cell["name"]] = totals.get(cell["name"], 0) + cell["count"]
    columns = [name for name, _ in sorted(totals.items(), key=lambda i: (-i[1], i[0]))]
    rows = []
    for theme in themes:
        counts = {cell["name"]: cell["count"] for cell in theme["breakdown"][dimension]}
        rows.append(
            {
                "label": theme["label"],
                "rank": theme["rank"],
                "number": theme["number"],
                "cells": [counts.get(name, 0) for name in columns],
                "total": theme["size"],
            }
        )
    return {
        "columns": columns,
        "rows": rows,
        "totals": [totals[name] for name in columns],
        "total": sum(totals.values()),
    }


def notable(theme: dict[str, Any], crosstabs: dict[str, dict[str, Any]]) -> list[dict]:
    """Per dimension, the group that raised this theme far more than it raised themes
    overall (for the analysis: who this theme matters to)."""
    found = []
    for dimension, table in crosstabs.items():
        overall = dict(zip(table["columns"], table["totals"], strict=True))
        gaps = [
            _gap(dimension, cell, theme["size"], overall[cell["name"]], table["total"])
            for cell in theme["breakdown"][dimension]
            if cell["count"] >= NOTABLE_MIN
        ]
        gaps = [gap for gap in gaps if gap["gap"] >= NOTABLE_POINTS]
        if gaps:
            found.append(max(gaps, key=lambda gap: gap["gap"]))
    return found


def _gap(dimension: str, cell: dict, size: int, overall: int, total: int) -> dict[str, Any]:
    theme_pct = 100 * cell["count"] / size if size else 0
    overall_pct = 100 * overall / total if total else 0
    return {
        "dimension": DIMENSION_NAMES[dimension],
        "name": cell["name"],
        "share_pct": round(theme_pct),
        "overall_pct": round(overall_pct),
        "gap": theme_pct - overall_pct,
    }
