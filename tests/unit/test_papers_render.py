"""Paper templates: the sandbox, strict variables, one-line errors with template and line,
overriding built-in templates by name, and escaping in HTML."""

from __future__ import annotations

import pytest
from papers_support import small_consultation

from engage.errors import UserError
from engage.papers.context import build_context
from engage.papers.render import prune_footnotes, render_markdown, table_cell
from engage.papers.templates import BUILT_IN, available_templates


@pytest.fixture
def context(fresh_db) -> dict:
    small_consultation(fresh_db)
    return build_context(fresh_db, "Counter services review")


def write_template(folder, name: str, text: str):
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.md.j2").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "escape",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ consultation.__class__ }}",
        "{{ themes.__class__.__base__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ (lambda: 0).__code__ }}",
        "{% for c in ''.__class__.__mro__ %}{{ c }}{% endfor %}",
        "{{ consultation.title.format.__globals__ }}",
    ],
)
def test_a_template_reaching_for_python_internals_fails_with_one_line(context, tmp_path, escape):
    folder = write_template(tmp_path / "mine", "evil", f"# Paper\n\nLine two\n{escape}\n")
    with pytest.raises(UserError) as error:
        render_markdown(context, "evil", folder)
    message = str(error.value)
    assert message.startswith("template evil.md.j2")
    assert "\n" not in message
    if "lambda" not in escape:  # that one is a syntax error, reported with its line too
        assert "line 4" in message


def test_an_unknown_variable_is_an_error_not_a_blank(context, tmp_path):
    folder = write_template(tmp_path / "mine", "typo", "# Paper\n\n{{ consultation.titel }}\n")
    with pytest.raises(UserError, match=r"template typo.md.j2, line 3: .*titel"):
        render_markdown(context, "typo", folder)


def test_a_syntax_error_names_the_template_and_line(context, tmp_path):
    folder = write_template(tmp_path / "mine", "broken", "# Paper\n\n{% if %}\n")
    with pytest.raises(UserError, match=r"template broken.md.j2, line 3"):
        render_markdown(context, "broken", folder)


def test_an_unknown_template_lists_the_ones_there_are(context):
    with pytest.raises(UserError, match="no paper template 'memo'.*briefing-note"):
        render_markdown(context, "memo")


def test_a_template_in_the_users_folder_overrides_a_built_in_one_by_name(context, tmp_path):
    folder = write_template(
        tmp_path / "mine", "what-we-heard", "# Our own: {{ consultation.title }}\n"
    )
    assert render_markdown(context, "what-we-heard", folder) == (
        "# Our own: Counter services review\n"
    )
    # The others still come from the built-in folder, and the user's own names are offered.
    write_template(folder, "memo", "memo")
    assert render_markdown(context, "briefing-note", folder).startswith("# Briefing note")
    assert set(available_templates(folder)) == {*BUILT_IN, "memo"}


def test_the_shared_macros_can_be_overridden_too(context, tmp_path):
    folder = write_template(
        tmp_path / "mine", "_macros", "{% macro footnotes(q) %}(no footnotes){% endmacro %}"
    )
    folder = write_template(
        folder, "short", '{% import "_macros.md.j2" as m %}{{ m.footnotes(quotes) }}'
    )
    assert render_markdown(context, "short", folder) == "(no footnotes)\n"


def test_a_missing_template_folder_is_reported(context, tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        render_markdown(context, "what-we-heard", tmp_path / "nowhere")


def test_html_rendering_escapes_submission_text(context, tmp_path):
    context["themes"][0]["quotes"][0]["text"] = (
        "<script>alert(1)</script> [click](javascript:alert(2)) ![x](http://example.com/a.png)"
    )
    folder = write_template(
        tmp_path / "mine", "q", "{{ themes[0].quotes[0].text }} {{ chart('theme_sizes') }}"
    )
    html = render_markdown(context, "q", folder, html=True)
    assert "<script>" not in html and "](" not in html
    assert "&lt;script&gt;" in html and "&#91;click&#93;" in html
    assert '<div class="chart" data-chart="theme_sizes"></div>' in html
    assert render_markdown(context, "q", folder).startswith("<script>")  # Markdown keeps text


def test_unreferenced_footnotes_are_dropped():
    text = "A quote[^aa]\n\n[^aa]: Submission aa.\n[^bb]: Submission bb.\n"
    assert prune_footnotes(text) == "A quote[^aa]\n\n[^aa]: Submission aa.\n"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, "—"),
        ("", "—"),
        ("a | b", "a \\| b"),
        ("two\nlines", "two lines"),
        (["x", "y"], "x, y"),
    ],
)
def test_table_cells_are_never_empty_and_never_break_the_table(value, cell):
    assert table_cell(value) == cell
