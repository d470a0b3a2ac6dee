"""Recommendations drawn from themes: what the office will do about what it heard, with a
SMART KPI (indicator, baseline, measurable target, due date), a status and dated actions
("you said, we did"). Every change is audited; every multi-row write is one transaction."""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from engage import validate
from engage.db import audit, records
from engage.db.connection import transaction
from engage.db.theme_runs import resolve_run
from engage.db.themes import resolve_theme
from engage.errors import MissingChoice, NotFound, UserError
from engage.ids import today, utc_now
from engage.models import RECOMMENDATION_PRIORITIES, RECOMMENDATION_STATUSES
from engage.schema import Recommendation, editable

# Columns a user may change with ``edit`` (themes are changed through their own argument).
EDITABLE = editable(Recommendation)
_NUMBER = re.compile(r"^[Rr]?(\d+)$")
_DIGIT = re.compile(r"\d")


def smart_gaps(recommendation: dict[str, Any]) -> list[str]:
    """What keeps a recommendation from being SMART: no indicator, no measurable target
    (a target holds a number), no due date. An empty list means it is SMART."""
    gaps = []
    if not (recommendation.get("kpi_indicator") or "").strip():
        gaps.append("no indicator")
    if not _DIGIT.search(recommendation.get("kpi_target") or ""):
        gaps.append("no measurable target")
    if not recommendation.get("kpi_due"):
        gaps.append("no due date")
    return gaps


def clean_values(values: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise the columns of a recommendation a user gave."""
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise UserError(f"a recommendation has no field '{key}'")
        if isinstance(value, str):
            value = value.strip() or None
        if key in ("title", "text"):
            value = validate.required_text(value, key)
        elif key == "priority":
            value = validate.choice(value, RECOMMENDATION_PRIORITIES, "priority")
        elif key == "status":
            value = validate.choice(value, RECOMMENDATION_STATUSES, "status")
        elif key == "kpi_due":
            value = validate.iso_date(value, "due date")
        cleaned[key] = value
    return cleaned


def add_recommendation(
    db: sqlite_utils.Database,
    consultation: str,
    themes: list[str],
    *,
    run: str | None = None,
    **values: Any,
) -> dict[str, Any]:
    """Store a recommendation for one or more themes of a run (default: the latest run of
    the consultation). ``values`` are the EDITABLE columns; title and text are required."""
    consultation_id = records.resolve(db, "consultations", consultation)
    run_id = _run_of(db, consultation_id, run)
    theme_ids = _theme_ids(db, run_id, themes)
    row = clean_values({"priority": "medium", "status": "proposed", **values})
    for required in ("title", "text"):
        if required not in row:
            raise UserError(f"a recommendation needs a {required}")
    with transaction(db):
        number = _next_number(db, consultation_id)
        stored = records.insert(
            db,
            "recommendations",
            {"consultation_id": consultation_id, "run_id": run_id, "number": number, **row},
        )
        _link_themes(db, stored["id"], theme_ids)
    return recommendation_detail(db, stored["id"])


def edit_recommendation(
    db: sqlite_utils.Database,
    ref: str,
    themes: list[str] | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """Change some fields (None = leave as is) and, if ``themes`` is given, replace the
    themes it answers. One transaction, audited."""
    rec_id = resolve_recommendation(db, ref)
    cleaned = clean_values({k: v for k, v in changes.items() if v is not None})
    with transaction(db):
        if cleaned:
            records.update(db, "recommendations", rec_id, cleaned)
        if themes is not None:
            run_id = records.get(db, "recommendations", rec_id)["run_id"]
            _replace_themes(db, rec_id, _theme_ids(db, run_id, themes))
    return recommendation_detail(db, rec_id)


def record_action(
    db: sqlite_utils.Database,
    ref: str,
    action: str,
    *,
    acted_on: str | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    """Record what was done ("we did") on a date (default today), optionally moving the
    recommendation to a new status in the same transaction."""
    rec_id = resolve_recommendation(db, ref)
    values = {
        "recommendation_id": rec_id,
        "acted_on": validate.iso_date(acted_on, "action date") or today().isoformat(),
        "action": validate.required_text(action, "action"),
        "status": validate.optional_choice(status, RECOMMENDATION_STATUSES, "status"),
    }
    with transaction(db):
        records.insert(db, "recommendation_actions", values)
        if values["status"]:
            records.update(db, "recommendations", rec_id, {"status": values["status"]})
    return recommendation_detail(db, rec_id)


def resolve_recommendation(
    db: sqlite_utils.Database, ref: str, consultation_id: str | None = None
) -> str:
    """A recommendation by its number ('3' or 'R3', unique across consultations unless one
    is given) or by id prefix."""
    match = _NUMBER.match(str(ref).strip())
    if match and len(match.group(1)) < records.MIN_PREFIX:
        sql = "SELECT id FROM recommendations WHERE number = ?"
        params: list[Any] = [int(match.group(1))]
        if consultation_id:
            sql += " AND consultation_id = ?"
            params.append(consultation_id)
        found = [r[0] for r in db.execute(sql, params)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise UserError(
                f"several consultations have a recommendation R{params[0]}; give its id"
            )
        raise NotFound(f"no recommendation R{params[0]}", "recommendations")
    return records.resolve(db, "recommendations", ref)


def list_recommendations(
    db: sqlite_utils.Database, consultation: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    """Recommendations, by consultation and number, each with its theme labels, SMART gaps,
    number of actions and the latest one."""
    where, params = [], []
    if consultation:
        where.append("consultation_id = ?")
        params.append(records.resolve(db, "consultations", consultation))
    if status:
        where.append("status = ?")
        params.append(validate.choice(status, RECOMMENDATION_STATUSES, "status"))
    sql = "SELECT * FROM recommendations" + (" WHERE " + " AND ".join(where) if where else "")
    rows = list(db.query(sql + " ORDER BY consultation_id, number", params))
    labels = _theme_labels(db)
    actions = _actions_by_recommendation(db)
    for row in rows:
        _describe(row, labels.get(row["id"], []), actions.get(row["id"], []))
    return rows


def recommendation_detail(db: sqlite_utils.Database, ref: str) -> dict[str, Any]:
    """One recommendation with its themes (number and label), SMART gaps and actions."""
    rec_id = resolve_recommendation(db, ref)
    row = records.get(db, "recommendations", rec_id)
    themes = list(
        db.query(
            """SELECT t.id, t.number, t.label FROM recommendation_themes l
           JOIN themes t ON t.id = l.theme_id WHERE l.recommendation_id = ?
           ORDER BY t.number""",
            [rec_id],
        )
    )
    actions = _actions_by_recommendation(db, rec_id).get(rec_id, [])
    _describe(row, [t["label"] for t in themes], actions)
    row["themes"] = themes
    return row


def _describe(row: dict[str, Any], labels: list[str], actions: list[dict]) -> None:
    row["theme_labels"] = labels
    row["smart_gaps"] = smart_gaps(row)
    row["smart"] = not row["smart_gaps"]
    row["actions"] = actions
    row["last_action"] = actions[-1] if actions else None


def _run_of(db: sqlite_utils.Database, consultation_id: str, run: str | None) -> str:
    run_id = resolve_run(db, run, consultation_id)
    owner = records.get(db, "theme_runs", run_id)["consultation_id"]
    if owner != consultation_id:
        raise UserError("that theme run belongs to another consultation")
    return run_id


def _theme_ids(db: sqlite_utils.Database, run_id: str, themes: list[str]) -> list[str]:
    if not themes:
        raise MissingChoice("a recommendation answers at least one theme", "theme")
    return list(dict.fromkeys(resolve_theme(db, ref, run_id) for ref in themes))


def _next_number(db: sqlite_utils.Database, consultation_id: str) -> int:
    row = db.execute(
        "SELECT MAX(number) FROM recommendations WHERE consultation_id = ?", [consultation_id]
    ).fetchone()
    return (row[0] or 0) + 1


def _link_themes(db: sqlite_utils.Database, rec_id: str, theme_ids: list[str]) -> None:
    for theme_id in theme_ids:
        records.insert(
            db, "recommendation_themes", {"recommendation_id": rec_id, "theme_id": theme_id}
        )


def earlier_in_scope(db: sqlite_utils.Database, run_id: str) -> list[str]:
    """The recommendations written on the other runs of run ``run_id``'s scope (its
    consultation as a whole, or the same question), by id."""
    return [
        row[0]
        for row in db.execute(
            "SELECT r.id FROM recommendations r JOIN theme_runs t ON t.id = r.run_id "
            "JOIN theme_runs latest ON latest.id = ? "
            "WHERE r.consultation_id = latest.consultation_id AND r.run_id != latest.id "
            "AND t.question IS latest.question",
            [run_id],
        )
    ]


def linked_themes(db: sqlite_utils.Database, rec_id: str) -> list[str]:
    """The themes a recommendation answers, in the order they were linked."""
    return [
        row[0]
        for row in db.execute(
            "SELECT theme_id FROM recommendation_themes WHERE recommendation_id = ? ORDER BY rowid",
            [rec_id],
        )
    ]


def relink(db: sqlite_utils.Database, rec_id: str, run_id: str, theme_ids: list[str]) -> None:
    """Answer the themes ``theme_ids`` of run ``run_id`` instead (a newer run of the same
    consultation: the recommendation follows its themes there)."""
    db.execute("UPDATE recommendations SET run_id = ? WHERE id = ?", [run_id, rec_id])
    _replace_themes(db, rec_id, theme_ids)


def _replace_themes(db: sqlite_utils.Database, rec_id: str, theme_ids: list[str]) -> None:
    current = [
        r[0]
        for r in db.execute(
            "SELECT theme_id FROM recommendation_themes WHERE recommendation_id = ?", [rec_id]
        )
    ]
    if current == theme_ids:
        return
    db.execute("DELETE FROM recommendation_themes WHERE recommendation_id = ?", [rec_id])
    _link_themes(db, rec_id, theme_ids)
    db.execute("UPDATE recommendations SET updated_at = ? WHERE id = ?", [utc_now(), rec_id])
    audit.record(db, "relink", "recommendations", rec_id, {"from": current, "to": theme_ids})


def _theme_labels(db: sqlite_utils.Database) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    for rec_id, label in db.execute(
        """SELECT l.recommendation_id, t.label FROM recommendation_themes l
           JOIN themes t ON t.id = l.theme_id ORDER BY t.number"""
    ):
        labels.setdefault(rec_id, []).append(label)
    return labels


def _actions_by_recommendation(
    db: sqlite_utils.Database, rec_id: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    where, params = ("WHERE recommendation_id = ?", [rec_id]) if rec_id else ("", [])
    actions: dict[str, list[dict[str, Any]]] = {}
    for row in db.query(
        "SELECT id, recommendation_id, acted_on, action, status FROM recommendation_actions "
        f"{where} ORDER BY acted_on, created_at",
        params,
    ):
        actions.setdefault(row["recommendation_id"], []).append(row)
    return actions


def themes_answered(db: sqlite_utils.Database, rec_ids: list[str]) -> dict[str, set[str]]:
    """The themes each recommendation answers, a merged theme counting as the theme it was
    merged into."""
    answered: dict[str, set[str]] = {}
    if not rec_ids:
        return answered
    marks = ", ".join("?" for _ in rec_ids)
    for rec_id, theme_id in db.execute(
        "SELECT l.recommendation_id, COALESCE(t.merged_into, l.theme_id) "
        "FROM recommendation_themes l JOIN themes t ON t.id = l.theme_id "
        f"WHERE l.recommendation_id IN ({marks})",
        rec_ids,
    ):
        answered.setdefault(rec_id, set()).add(theme_id)
    return answered
