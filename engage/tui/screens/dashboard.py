"""Dashboard: the office at a glance — counts, participation, partner coverage, themes and
recommendations, drawn as charts where a manager would rather look than read."""

from __future__ import annotations

import asyncio
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Sparkline, Static

from engage.tui.screens.base import ModeScreen, post_or_fail
from engage.tui.widgets.charts import Bar, BarChart, InfluenceInterestGrid
from engage.tui.widgets.labels import clipped, escape, words
from engage.tui.widgets.tables import fill_table

TILES = (
    ("partners", "partners"),
    ("consultations", "consultations"),
    ("sessions", "sessions"),
    ("attendance", "attended"),
    ("submissions", "submissions"),
    ("quotable", "quotable"),
    ("open_follow_ups", "follow-ups due"),
)
NOT_HEARD_SHOWN = 7
CLOSED = ("done", "declined")
RECENT_COLUMNS = ("date", "kind", "channel", "community", "people", "partners")


class DashboardLoaded(Message):
    """The dashboard's figures were read from the database."""

    def __init__(self, figures: dict[str, Any]) -> None:
        super().__init__()
        self.figures = figures


def panel(title: str, *children, panel_id: str = "") -> Vertical:
    box = Vertical(*children, classes="panel", id=panel_id or None)
    box.border_title = title
    return box


def satisfaction_level(mean: float | None) -> str:
    if mean is None:
        return ""
    return "good" if mean >= 3.5 else "fair" if mean >= 2.5 else "poor"


class DashboardScreen(ModeScreen):
    """Counts, participation by channel and community, coverage, themes, recommendations."""

    MODE = "dashboard"
    BINDINGS = [("ctrl+r", "refresh_figures", "Refresh")]

    def __init__(self) -> None:
        super().__init__()
        self.figures_painted = asyncio.Event()

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="tiles"):
            for key, label in TILES:
                yield Static(f"–\n{label}", id=f"tile-{key}", classes="tile")
        with Grid(id="panels"):
            yield panel("Submissions by channel", BarChart(id="by-channel"))
            yield panel("Submissions by community", BarChart(id="by-community"))
            yield panel(
                "Submissions by month",
                Sparkline([], id="by-month"),
                Static("", id="by-month-caption"),
            )
            yield panel(
                "Coverage: heard / registered",
                InfluenceInterestGrid(id="coverage-grid"),
                Static("", id="not-heard"),
                panel_id="coverage",
            )
            yield panel(
                "Themes: size, ★ satisfaction",
                BarChart(label_share=0.55, id="themes"),
                panel_id="themes-panel",
            )
            yield panel(
                "Recommendations by status",
                BarChart(empty="no recommendations yet", id="recommendations"),
                panel_id="recommendations-panel",
            )
            yield panel(
                "Recent sessions",
                DataTable(id="recent-sessions", cursor_type="row"),
                panel_id="recent",
            )

    def reload(self) -> None:
        self.load_figures()

    def action_refresh_figures(self) -> None:
        self.changed()

    @work(thread=True, exclusive=True, group="dashboard")
    def load_figures(self) -> None:
        from engage.db.overview import overview

        post_or_fail(self, lambda: DashboardLoaded(overview(self.db)))

    def on_dashboard_loaded(self, message: DashboardLoaded) -> None:
        figures = message.figures
        self.show_counts(figures["counts"])
        self.query_one("#by-channel", BarChart).show(
            Bar(words(channel), count) for channel, count in figures["by_channel"]
        )
        self.query_one("#by-community", BarChart).show(
            Bar(community, count) for community, count in figures["by_community"]
        )
        self.show_months(figures["by_month"])
        self.show_coverage(figures["coverage"])
        self.show_themes(figures["themes"])
        self.show_recommendations(figures["recommendations"])
        self.show_recent_sessions(figures["recent_sessions"])
        self.call_after_refresh(self.figures_painted.set)

    def show_counts(self, counts: dict[str, int]) -> None:
        for key, label in TILES:
            value = f"{counts[key]:,}"
            if key == "quotable" and counts["submissions"]:
                value = f"{counts[key] / counts['submissions']:.0%}"
            self.query_one(f"#tile-{key}", Static).update(f"[b]{value}[/b]\n{label}")

    def show_months(self, months: list[tuple[str, int]]) -> None:
        self.query_one("#by-month", Sparkline).data = [count for _, count in months] or [0]
        caption = (
            f"{months[0][0]} … {months[-1][0]} · peak {max(c for _, c in months):,}/month"
            if months
            else "no submissions yet"
        )
        self.query_one("#by-month-caption", Static).update(caption)

    def show_coverage(self, coverage: list[dict[str, Any]]) -> None:
        self.query_one("#coverage-grid", InfluenceInterestGrid).show(coverage)
        not_heard = [p for p in coverage if not p["heard"]]
        lines = [f"[b]Not yet heard from[/b] ({len(not_heard)} of {len(coverage)})"]
        lines += [
            f"  {escape(clipped(p['name'], 20))} · {p['kind']}" for p in not_heard[:NOT_HEARD_SHOWN]
        ]
        if len(not_heard) > NOT_HEARD_SHOWN:
            lines.append(f"  … and {len(not_heard) - NOT_HEARD_SHOWN} more")
        self.query_one("#not-heard", Static).update("\n".join(lines))

    def show_themes(self, latest: dict[str, Any]) -> None:
        chart = self.query_one("#themes", BarChart)
        chart.empty = "no theme run yet (t, then g to run theming)"
        chart.show(
            Bar(
                theme["label"],
                theme["size"],
                note=f"★{theme['mean_satisfaction']:.1f}"
                if theme["mean_satisfaction"] is not None
                else "",
                level=satisfaction_level(theme["mean_satisfaction"]),
            )
            for theme in latest["themes"]
        )
        if latest["consultation"]:
            self.query_one("#themes-panel").border_subtitle = latest["consultation"]

    def show_recommendations(self, by_status: list[tuple[str, int]]) -> None:
        self.query_one("#recommendations", BarChart).show(
            Bar(words(status), count, level="good" if status == "done" else "")
            for status, count in by_status
        )
        still_open = sum(count for status, count in by_status if status not in CLOSED)
        self.query_one("#recommendations-panel").border_subtitle = (
            f"{still_open} open" if by_status else ""
        )

    def show_recent_sessions(self, sessions: list[dict[str, Any]]) -> None:
        rows = [
            (
                session["id"],
                (
                    session["held_on"],
                    words(session["kind"]),
                    words(session["channel"]),
                    session["community"] or "",
                    "" if session["attendance"] is None else str(session["attendance"]),
                    str(session["partners_attended"]),
                ),
            )
            for session in sessions
        ]
        fill_table(self.query_one("#recent-sessions", DataTable), RECENT_COLUMNS, rows)
