"""Charts for the HTML paper, drawn by matplotlib as inline SVG: no network, no files.

matplotlib is imported only when an HTML paper is written, so the CLI starts fast.
Text stays text in the SVG (searchable, readable by a screen reader) and each chart has
a <title> saying what it shows.
"""

from __future__ import annotations

import io
import re
import textwrap
from typing import Any

from markupsafe import escape

from engage.papers.numbers import share

INK = "#1a1a1a"
FONT_POINTS = 9  # 12 px in the SVG; drawn 7.2 in wide, it is printed at about 7 in, so ≥ 11 px
INCHES_PER_BAR = 0.36
BAR = "#1f5f8b"
MUTED = "#9aa5ad"
LABEL_WIDTH = 42


def paper_charts(context: dict[str, Any]) -> dict[str, str]:
    """The SVG of each chart a template may place with ``chart(name)``; bars are labelled
    with the same counts and shares as the paper's tables."""
    theme_bars = [
        (f"{t['number']}. {t['label']}", t["size"], share(t["share_pct"], t["size"]), BAR)
        for t in context["themes"]
    ]
    unthemed = context["unthemed"]
    if unthemed["count"]:
        theme_bars.append(
            ("Unthemed", unthemed["count"], share(unthemed["share_pct"], unthemed["count"]), MUTED)
        )
    channel_bars = [
        (c["name"], c["count"], share(c["share_pct"], c["count"]), BAR)
        for c in context["participation"]["submissions_by_channel"]
    ]
    return {
        "theme_sizes": bar_chart("theme_sizes", "Submissions in each theme", theme_bars),
        "channels": bar_chart("channels", "Submissions by channel", channel_bars),
    }


def bar_chart(name: str, title: str, bars: list[tuple[str, int, str, str]]) -> str:
    """A horizontal bar chart, largest bar on top, each bar labelled with count and share;
    as tall as its bars need, so labels stay readable however many there are. A single bar
    ("Not recorded 100%") says nothing a sentence does not: no chart ("")."""
    if len(bars) < 2:
        return ""
    # lazy: matplotlib loads only when a paper with charts is written as HTML
    import matplotlib
    from matplotlib.figure import Figure

    labels = [textwrap.shorten(label, LABEL_WIDTH, placeholder="…") for label, *_ in bars]
    values = [value for _, value, _, _ in bars]
    height = 0.9 + INCHES_PER_BAR * len(bars)
    with matplotlib.rc_context(_style(name)):
        figure = Figure(figsize=(7.2, height))
        axes = figure.subplots()
        positions = list(range(len(bars)))[::-1]
        axes.barh(positions, values, color=[colour for *_, colour in bars], height=0.7)
        axes.set_yticks(positions, labels)
        for position, (_, value, percent, _) in zip(positions, bars, strict=True):
            axes.annotate(f" {value:,} ({percent})", (value, position), va="center", color=INK)
        axes.set_xlim(0, max(values, default=1) * 1.22 or 1)
        axes.spines[["top", "right"]].set_visible(False)
        axes.tick_params(axis="y", length=0)
        axes.set_xlabel("submissions")
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title})
    return _inline(buffer.getvalue(), title)


def _style(name: str) -> dict[str, Any]:
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": name,
        "font.family": "sans-serif",
        "font.size": FONT_POINTS,
        "axes.edgecolor": MUTED,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
    }


def _inline(svg: str, title: str) -> str:
    """The <svg> element alone (no XML prologue or doctype), labelled for assistive tech,
    scaling to the page width."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(
        r'<svg ([^>]*?)width="[^"]*" height="[^"]*"',
        rf'<svg \1role="img" aria-label="{escape(title)}"',
        svg,
        count=1,
    )
    return svg.strip()
