"""The paper templates there are, by name: ``NAME.md.j2`` files in the built-in ``templates/``
folder and in a user's ``--template-dir``. Kept apart from rendering so that listing them
(the app's Papers mode does on its first visit) does not load Jinja2."""

from __future__ import annotations

from pathlib import Path

from engage.config import templates_dir

SUFFIX = ".md.j2"
BUILT_IN = ("recommendation-paper", "what-we-heard", "briefing-note")


def template_file(name: str) -> str:
    """'what-we-heard' or 'what-we-heard.md.j2' -> 'what-we-heard.md.j2'."""
    name = Path(name.strip()).name
    return name if name.endswith(SUFFIX) else name + SUFFIX


def template_name(name: str) -> str:
    return template_file(name)[: -len(SUFFIX)]


def available_templates(template_dir: Path | None = None) -> list[str]:
    """Names of the templates a paper can use (built-in and the user's), sorted."""
    folders = [templates_dir()] + ([Path(template_dir)] if template_dir else [])
    names = {
        path.name[: -len(SUFFIX)]
        for folder in folders
        if folder.is_dir()
        for path in folder.glob("*" + SUFFIX)
        if not path.name.startswith("_")
    }
    return sorted(names)
