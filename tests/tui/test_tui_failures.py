"""What the app says when the core refuses: the core's message, and the app's key for what
it asks, by the kind of refusal."""

from __future__ import annotations

import sqlite3

from engage.errors import NotFound, NoThemeRun, UserError
from engage.tui.failures import problem_text


def test_a_missing_theme_run_says_which_keys_run_theming():
    assert problem_text(NoThemeRun("no theme run yet")) == (
        "no theme run yet: press t, then g, to theme the consultation"
    )


def test_something_not_found_names_the_key_that_lists_its_kind_where_the_app_has_one():
    assert problem_text(NotFound("no recommendation R9", "recommendations")) == (
        "no recommendation R9: r lists the recommendations"
    )
    assert problem_text(NotFound("no theme 9 in this run", "themes")) == (
        "no theme 9 in this run: t lists the themes"
    )
    assert problem_text(NotFound("no partner matches 'zz'", "partners")) == (
        "no partner matches 'zz'"
    )


def test_other_refusals_and_store_failures_are_said_as_they_are():
    assert problem_text(UserError("title is required")) == "title is required"
    busy = problem_text(sqlite3.OperationalError("database is locked"))
    assert busy.startswith("the database is busy") and busy.endswith("try again")
