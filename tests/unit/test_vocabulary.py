"""Each vocabulary (partner kinds, channels, priorities, statuses, sharing levels...) is
defined once, in engage.models: the database's checks accept exactly its words, the CLI's
help lists them, and no other module keeps a copy that could drift from it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import typer

from engage import models, schema
from engage.cli.app import app
from engage.cli.output import one_of
from engage.db import consultations, contacts, interactions, partners, recommendations, sessions
from engage.errors import UserError

ENGAGE = Path(models.__file__).parent
VOCABULARIES = {
    name: value
    for name, value in vars(models).items()
    if name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value)
}
# The first migrations wrote the vocabularies into the schema as it was then; a migration is
# history and is never edited, so their CHECK constraints are not copies to keep in step.
HISTORY = {ENGAGE / "db" / "migrations.py"}

# (vocabulary, the database's check of one field, the command and option that set it)
CHECKED = [
    ("PARTNER_KINDS", lambda v: partners.clean_partner({"kind": v}), "partners add", "--kind"),
    (
        "RELATIONSHIPS",
        lambda v: partners.clean_partner({"relationship": v}),
        "partners edit",
        "--relationship",
    ),
    (
        "SHARING_LEVELS",
        lambda v: partners.clean_partner({"sharing_consent": v}),
        "partners add",
        "--sharing",
    ),
    ("SESSION_KINDS", lambda v: sessions.clean_session({"kind": v}), "sessions log", "--kind"),
    ("CHANNELS", lambda v: sessions.clean_session({"channel": v}), "sessions log", "--channel"),
    (
        "INTERACTION_KINDS",
        lambda v: interactions.clean_interaction({"kind": v}),
        "partners interaction",
        "--kind",
    ),
    (
        "CONSULTATION_STATUSES",
        lambda v: consultations.clean_consultation({"status": v}),
        "consultations add",
        "--status",
    ),
    (
        "RECOMMENDATION_PRIORITIES",
        lambda v: recommendations.clean_values({"priority": v}),
        "recommend add",
        "--priority",
    ),
    (
        "RECOMMENDATION_STATUSES",
        lambda v: recommendations.clean_values({"status": v}),
        "recommend edit",
        "--status",
    ),
    (
        "CHANNELS",
        lambda v: contacts.clean_contact({"preferred_channel": v}),
        None,
        None,
    ),
]


def option_help(command_path: str, option: str) -> str:
    command = typer.main.get_command(app)
    for name in command_path.split():
        command = command.commands[name]
    (found,) = [p for p in command.params if option in getattr(p, "opts", ())]
    return found.help


@pytest.mark.parametrize(("name", "check", "command", "option"), CHECKED)
def test_the_database_accepts_the_vocabulary_and_the_cli_lists_it(name, check, command, option):
    words = VOCABULARIES[name]
    for word in words:
        check(word)
    with pytest.raises(UserError):
        check("not_a_" + words[0])
    if command is not None:
        assert one_of(words) in option_help(command, option)


def _copies(path: Path, root: Path = ENGAGE.parent) -> list[str]:
    """Literal tuples, lists or sets of strings in ``path`` holding a whole vocabulary, and
    strings spelling one out ("high, medium or low")."""
    found, where = [], path.relative_to(root)
    spelled = {name: one_of(words) for name, words in VOCABULARIES.items() if len(words) > 2}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            strings = {e.value for e in node.elts if isinstance(e, ast.Constant)}
            for name, words in VOCABULARIES.items():
                if len(words) > 2 and set(words) <= strings:
                    found.append(f"{where}:{node.lineno} copies {name}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [
                f"{where}:{node.lineno} spells {n}" for n, t in spelled.items() if t in node.value
            ]
    return found


def test_no_module_keeps_its_own_copy_of_a_vocabulary():
    modules = set(ENGAGE.rglob("*.py")) - {Path(models.__file__)} - HISTORY
    copies = [copy for path in sorted(modules) for copy in _copies(path)]
    assert copies == []


def test_a_copied_vocabulary_would_be_found(tmp_path):
    copied = tmp_path / "copy.py"
    copied.write_text(
        'PRIORITIES = ("high", "medium", "low")\n'
        'HELP = "proposed, accepted, in_progress, done or declined."\n'
    )
    assert _copies(copied, tmp_path) == [
        "copy.py:1 copies RECOMMENDATION_PRIORITIES",
        "copy.py:2 spells RECOMMENDATION_STATUSES",
    ]


TABLES = {
    "partners": schema.Partner,
    "contacts": schema.Contact,
    "interactions": schema.Interaction,
    "consultations": schema.Consultation,
    "sessions": schema.Session,
    "submissions": schema.Submission,
    "themes": schema.ThemeRecord,
    "recommendations": schema.Recommendation,
}


@pytest.mark.parametrize("table", TABLES)
def test_every_field_of_a_record_is_a_column_of_its_table(fresh_db, table):
    stored = set(fresh_db[table].columns_dict)
    assert set(schema.columns(TABLES[table])) | {"id", *schema.BOOKKEEPING} <= stored
