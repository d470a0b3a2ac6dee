"""A paper as one standalone HTML file: the Markdown converted with tables, footnotes and a
table of contents, the print-friendly stylesheet and the charts inline. Nothing in it
refers to another file or to the network."""

from __future__ import annotations

import re
from html import escape

import markdown

from engage import __version__

_CHART = re.compile(r'<div class="chart" data-chart="([\w-]+)"></div>')
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
EXTENSIONS = ["toc", "tables", "footnotes", "sane_lists"]
EXTENSION_CONFIGS = {
    "toc": {"toc_depth": "2-3"},
    "footnotes": {"BACKLINK_TITLE": "Back to the text", "SUPERSCRIPT_TEXT": "{}"},
}


def markdown_to_html(markdown_text: str, charts: dict[str, str], css: str) -> str:
    """The whole HTML document for ``markdown_text`` (which may hold chart markers)."""
    converter = markdown.Markdown(
        extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS, output_format="html"
    )
    body = converter.convert(markdown_text)
    body = _CHART.sub(lambda m: _figure(m.group(1), charts), body)
    title_match = _H1.search(body)
    title = _TAG.sub("", title_match.group(1)).strip() if title_match else "Paper"
    toc = getattr(converter, "toc", "")
    body = _insert_toc(body, toc)
    return _PAGE.format(title=title, css=css.strip(), body=body, version=escape(__version__))


def _figure(name: str, charts: dict[str, str]) -> str:
    svg = charts.get(name)
    if not svg:
        return ""
    return f'<figure class="chart chart-{name}">\n{svg}\n</figure>'


def _insert_toc(body: str, toc: str) -> str:
    """The table of contents goes before the first section heading."""
    if "<li>" not in toc:
        return body
    nav = f'<nav class="toc" aria-label="Contents">\n<h2>Contents</h2>\n{toc}</nav>\n'
    at = body.find("<h2")
    return body[:at] + nav + body[at:] if at >= 0 else nav + body


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="engage {version}">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""
