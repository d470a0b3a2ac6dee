"""What the app says when the core refuses: the core's message, with the app's key instead of
a command line."""

from __future__ import annotations

import sqlite3

from engage.errors import UserError
from engage.tui.failures import problem_text


def test_a_missing_theme_run_says_which_keys_run_theming():
    text = problem_text(UserError("no theme run yet: run 'engage theme CONSULTATION' first"))
    assert text == "no theme run yet: press t, then g, to theme the consultation"


def test_a_message_without_a_command_line_gets_the_key_too():
    assert problem_text(UserError("no theme run yet")) == (
        "no theme run yet: press t, then g, to theme the consultation"
    )


def test_a_command_to_list_things_is_left_out_where_the_app_lists_them():
    text = problem_text(UserError("no partner matches 'zz' (see 'engage partners list')"))
    assert text == "no partner matches 'zz'"
    assert problem_text(UserError("no recommendation R9 (see 'engage recommend list')")) == (
        "no recommendation R9: r lists the recommendations"
    )


def test_other_refusals_and_store_failures_are_said_as_they_are():
    assert problem_text(UserError("title is required")) == "title is required"
    busy = problem_text(sqlite3.OperationalError("database is locked"))
    assert busy.startswith("the database is busy") and busy.endswith("try again")
