"""The app starts fast: nothing heavy is imported until a worker needs it, and make_app is the
one entry point the CLI, the demo and the tests use."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    *("pandas", "torch", "bertopic", "sentence_transformers", "sklearn", "umap", "hdbscan"),
    *("scipy", "jinja2", "engage.theming.pipeline"),  # a run, a paper: loaded when first used
)

OPEN_APP = f"""
import sys
from engage.db import open_db
from engage.tui.app import make_app
app = make_app(open_db(sys.argv[1]))
loaded = [name for name in {HEAVY!r} if name in sys.modules]
print(",".join(loaded) or "none")
"""


def test_opening_the_app_imports_nothing_heavy(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", OPEN_APP, str(tmp_path / "office.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "none"


def test_make_app_is_a_textual_app(fresh_db):
    from textual.app import App

    from engage.tui.app import make_app

    app = make_app(fresh_db)
    assert isinstance(app, App)
    assert app.db is fresh_db
