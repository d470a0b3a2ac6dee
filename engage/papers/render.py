"""Rendering a paper template: Jinja2 in a sandbox with strict undefined variables.

Templates are Markdown (``NAME.md.j2``) from the built-in ``templates/`` folder; a user's
``--template-dir`` is searched first, so a file there overrides a built-in one by name.
A template that reaches for Python internals, uses an unknown variable or has a syntax
error fails with a one-line UserError naming the template and line.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from engage.config import templates_dir
from engage.errors import UserError
from engage.papers import numbers
from engage.papers.templates import (
    available_templates,
    template_file,
    template_name,
)

# Data characters that would turn into HTML or a link once the Markdown becomes HTML.
_HTML_SPECIAL = {"[": "&#91;", "]": "&#93;"}
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:.*$", re.M)
_CHART_MARK = '<div class="chart" data-chart="{name}"></div>'
_PY_ERRORS = (TypeError, ValueError, ArithmeticError, LookupError, AttributeError)


def environment(template_dir: Path | None = None, html: bool = False) -> SandboxedEnvironment:
    """The sandbox for a template folder, kept so that templates compile once per process;
    a template edited on disk is reloaded, and one added to the user's folder gives a new
    sandbox (so it overrides a built-in one already compiled)."""
    if template_dir and not Path(template_dir).is_dir():
        raise UserError(f"template folder {template_dir} does not exist")
    folder = str(Path(template_dir).resolve()) if template_dir else None
    names = tuple(sorted(p.name for p in Path(folder).iterdir())) if folder else ()
    return _environment(folder, names, str(templates_dir()), html)


@functools.lru_cache(maxsize=16)
def _environment(
    template_dir: str | None, names: tuple[str, ...], built_in: str, html: bool
) -> SandboxedEnvironment:
    """The sandbox templates run in; with ``html``, every value a template prints is
    escaped (autoescape, plus link brackets) so that submission text can never become
    markup or a link in the HTML paper."""
    folders = [template_dir] if template_dir else []
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([*folders, built_in]),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize_html if html else _finalize_text,
    )
    env.filters.update(
        num=numbers.number,
        pct=numbers.percent,
        share=numbers.share,
        date=numbers.long_date,
        rating=numbers.rating,
        cell=table_cell,
        count=count_of,
        join_and=join_and,
    )
    env.globals["chart"] = (
        (lambda name: Markup(_CHART_MARK.format(name=name))) if html else (lambda name: "")
    )
    return env


def render_markdown(
    context: dict[str, Any],
    template: str,
    template_dir: Path | None = None,
    html: bool = False,
) -> str:
    """The Markdown of ``template`` filled from ``context`` (for HTML: with chart markers
    and escaped values). Template mistakes become a UserError with name and line."""
    env = environment(template_dir, html)
    filename = template_file(template)
    try:
        text = env.get_template(filename).render(context)
    except jinja2.TemplateNotFound as missing:
        raise _not_found(missing, filename, template_dir) from None
    except jinja2.TemplateSyntaxError as error:
        where = f"{Path(error.filename or filename).name}, line {error.lineno}"
        raise UserError(f"template {where}: {error.message}") from None
    except (jinja2.TemplateError, *_PY_ERRORS) as error:
        raise _template_error(error, filename) from None
    return tidy(prune_footnotes(text))


def prune_footnotes(text: str) -> str:
    """Drop footnote definitions nothing refers to (a template may show fewer quotes than
    the context holds), so no footnote dangles at the end of a paper."""
    defined = _FOOTNOTE_DEF.findall(text)
    body = _FOOTNOTE_DEF.sub("", text)
    unused = {label for label in defined if f"[^{label}]" not in body}
    if not unused:
        return text
    return "".join(
        line
        for line in text.splitlines(keepends=True)
        if not ((m := _FOOTNOTE_DEF.match(line)) and m.group(1) in unused)
    )


def read_asset(name: str, template_dir: Path | None = None) -> str:
    """A file that goes with the templates (the HTML stylesheet), user's folder first."""
    for folder in ([Path(template_dir)] if template_dir else []) + [templates_dir()]:
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise UserError(f"the template folder has no {name}")


def tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one final newline."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def table_cell(value: Any) -> str:
    """A value as one Markdown table cell: on one line, pipes escaped, never empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "—"
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value) or "—"
    return re.sub(r"\s+", " ", str(value)).replace("|", "\\|").strip()


def count_of(value: int, word: str, plural: str | None = None) -> str:
    """3 | count('theme') -> '3 themes'; 1 -> '1 theme'."""
    return f"{numbers.number(value)} {word if value == 1 else plural or word + 's'}"


def join_and(values: list[Any], last: str = "and") -> str:
    items = [str(v) for v in values if v not in (None, "")]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _finalize_text(value: Any) -> Any:
    return "—" if value is None else value


def _finalize_html(value: Any) -> Any:
    """Data printed into an HTML paper: escaped, with [ and ] as entities so that no text
    can form a Markdown link or image. Markup (a macro's output, a chart) passes as is."""
    if value is None:
        return "—"
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = str(escape(value))
    for char, entity in _HTML_SPECIAL.items():
        text = text.replace(char, entity)
    return Markup(text)


def _not_found(missing: jinja2.TemplateNotFound, filename: str, template_dir) -> UserError:
    if missing.name == filename:
        names = ", ".join(available_templates(template_dir))
        return UserError(f"no paper template '{template_name(filename)}'; choose one of {names}")
    return UserError(f"template {filename}: includes '{missing.name}', which does not exist")


def _template_error(error: Exception, filename: str) -> UserError:
    """One line saying which template and line failed and why."""
    name, line = filename, None
    traceback = error.__traceback__
    while traceback is not None:
        code = traceback.tb_frame.f_code.co_filename
        if code.endswith(".j2"):
            name, line = Path(code).name, traceback.tb_lineno
        traceback = traceback.tb_next
    if line is None and not isinstance(error, jinja2.TemplateError):
        raise error
    where = f"{name}, line {line}" if line else name
    reason = str(error).splitlines()[0].rstrip(".") if str(error) else type(error).__name__
    if isinstance(error, jinja2.exceptions.SecurityError) or "unsafe" in reason:
        reason = f"not allowed in a paper template ({reason})"
    return UserError(f"template {where}: {reason}")
