"""Dashboard: the office at a glance — counts, participation, partner coverage, themes and
recommendations, drawn as charts where a manager would rather look than read; the follow-ups
that are due are one key away (f)."""

from __future__ import annotations

import asyncio
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from engage.db.overview import overview
from engage.tui.failures import post_or_fail
from engage.tui.screens.base import ModeScreen, key
from engage.tui.screens.follow_ups import FollowUpsScreen
from engage.tui.widgets.charts import Bar, BarChart, InfluenceInterestGrid, Tile
from engage.tui.widgets.labels import clipped, escape, words
from engage.tui.widgets.tables import Column, FittedTable

TILES = (
    # count, label, label on a narrow tile, what a click does
    ("partners", "partners", "partners", "app.switch_mode('partners')"),
    ("consultations", "consultations", "consult.", "app.switch_mode('consultations')"),
    ("sessions", "sessions", "sessions", "app.switch_mode('sessions')"),
    ("attendance", "attended", "attended", ""),
    ("submissions", "submissions", "feedback", "app.switch_mode('submissions')"),
    ("quotable", "quotable", "quotable", ""),
    ("follow_ups_due", "follow-ups due", "follow-ups", "screen.show_follow_ups"),
)
NOT_HEARD_SHOWN = 7
CLOSED = ("done", "declined")
RECENT_COLUMNS = (
    Column("date", keep=9),
    Column("kind", keep=7),
    Column("channel", keep=6),
    Column("community", keep=8, flex=True, min_width=10),
    Column("people", keep=4),
    Column("partners", keep=3),
)
GETTING_STARTED = (
    "[b]Nothing here yet.[/b] Start with a consultation: [b]c[/b] then [b]n[/b]. Add partners "
    "with [b]p[/b] then [b]n[/b], log a session with [b]s[/b] then [b]n[/b], or import a survey "
    "export with [b]u[/b] then [b]i[/b]. [b]ctrl+p[/b] lists every action; [b]?[/b] every key."
)
NO_SUBMISSIONS = "no submissions yet: u, then i imports a file"


class DashboardLoaded(Message):
    """The dashboard's figures were read from the database."""

    def __init__(self, figures: dict[str, Any]) -> None:
        super().__init__()
        self.figures = figures


class NotHeard(Static):
    """The partners not yet heard from, as many as the coverage panel has room for, their
    names cut to its width: written again whenever its size changes."""

    coverage: list[dict[str, Any]] | None = None

    def show(self, coverage: list[dict[str, Any]]) -> None:
        self.coverage = coverage
        self.write()

    def on_resize(self) -> None:
        if self.coverage is not None:
            self.write()

    def write(self) -> None:
        coverage = self.coverage or []
        if not coverage:
            self.update("No partners on the register yet: p, then n adds one.")
            return
        not_heard = [p for p in coverage if not p["heard"]]
        room = self.room()
        width = self.content_size.width or 40
        lines = [f"[b]Not yet heard from[/b] ({len(not_heard)} of {len(coverage)})"]
        lines += [
            f"  {escape(clipped(p['name'], max(8, width - len(p['kind']) - 5)))} · {p['kind']}"
            for p in not_heard[:room]
        ]
        if len(not_heard) > room:
            lines.append(f"  … and {len(not_heard) - room} more")
        self.update("\n".join(lines))

    def room(self) -> int:
        """How many not-yet-heard partners the coverage panel has room to name."""
        panel = self.parent
        height = panel.content_size.height if isinstance(panel, Widget) else 0
        return max(NOT_HEARD_SHOWN, height - 11) if height else NOT_HEARD_SHOWN


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
    BINDINGS = [
        key("f", "show_follow_ups", "Follow-ups", "Show the follow-ups due or overdue"),
        key("ctrl+r", "refresh_figures", "Refresh", "Read the dashboard's figures again"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.figures_painted = asyncio.Event()

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="dashboard-body"):
            yield Static(GETTING_STARTED, id="getting-started", classes="hidden")
            with Horizontal(id="tiles"):
                for count, label, short, action in TILES:
                    yield Tile(label, short, action, id=f"tile-{count}", classes="tile")
            with Grid(id="panels"):
                yield from self.compose_panels()

    def compose_panels(self) -> ComposeResult:
        yield panel("Submissions by channel", BarChart(NO_SUBMISSIONS, id="by-channel"))
        yield panel("Submissions by community", BarChart(NO_SUBMISSIONS, id="by-community"))
        yield panel(
            "Submissions by month",
            Sparkline([], id="by-month"),
            Static("", id="by-month-caption"),
            panel_id="months",
        )
        yield panel(
            "Coverage: heard / registered",
            InfluenceInterestGrid(id="coverage-grid"),
            NotHeard("", id="not-heard"),
            panel_id="coverage",
        )
        yield panel(
            "Themes: size, ★ satisfaction",
            BarChart("no theme run yet: t, then g runs theming", 0.55, id="themes"),
            panel_id="themes-panel",
        )
        yield panel(
            "Recommendations by status",
            BarChart("none yet: r, then n, once themed", id="recommendations"),
            panel_id="recommendations-panel",
        )
        yield panel(
            "Recent sessions",
            FittedTable(id="recent-sessions"),
            Static("no sessions yet: s, then n logs one", id="no-sessions", classes="hint"),
            panel_id="recent",
        )

    def reload(self) -> None:
        self.load_figures(self.today())

    def action_refresh_figures(self) -> None:
        self.changed()

    def action_show_follow_ups(self) -> None:
        self.app.push_screen(FollowUpsScreen())

    @work(thread=True, exclusive=True, group="dashboard")
    def load_figures(self, today: str) -> None:
        post_or_fail(self, lambda: DashboardLoaded(overview(self.db, today)))

    def on_dashboard_loaded(self, message: DashboardLoaded) -> None:
        figures = message.figures
        self.show_counts(figures["counts"])
        self.query_one("#by-channel", BarChart).show(
            Bar(words(channel), count) for channel, count in figures["by_channel"]
        )
        self.query_one("#by-community", BarChart).show(
            Bar(community, count) for community, count in figures["by_community"]
        )
        self.show_months(figures["by_month"], figures["undated"])
        self.show_coverage(figures["coverage"])
        self.show_themes(figures["themes"])
        self.show_recommendations(figures["recommendations"])
        self.show_recent_sessions(figures["recent_sessions"])
        self.call_after_refresh(self.figures_painted.set)

    def show_counts(self, counts: dict[str, int]) -> None:
        for count, *_ in TILES:
            value = f"{counts[count]:,}"
            if count == "quotable" and counts["submissions"]:
                value = f"{counts[count] / counts['submissions']:.0%}"
            self.query_one(f"#tile-{count}", Tile).value = value
        nothing = not any(counts[c] for c in ("consultations", "partners", "submissions"))
        self.query_one("#getting-started").set_class(not nothing, "hidden")

    def show_months(self, months: list[tuple[str, int]], undated: int) -> None:
        sparkline = self.query_one("#by-month", Sparkline)
        sparkline.display = bool(months)  # no months, no drawing: an empty chart says so
        sparkline.data = [count for _, count in months]
        if months:
            caption = f"{months[0][0]} … {months[-1][0]} · peak {max(c for _, c in months):,}/month"
        else:
            caption = "no dated submissions yet" if undated else NO_SUBMISSIONS
        if undated:
            caption += f"\n{undated:,} with no date recorded"
        self.query_one("#by-month-caption", Static).update(caption)

    def show_coverage(self, coverage: list[dict[str, Any]]) -> None:
        grid = self.query_one("#coverage-grid", InfluenceInterestGrid)
        grid.show(coverage)
        grid.display = any(p["influence"] and p["interest"] for p in coverage)
        self.query_one("#not-heard", NotHeard).show(coverage)

    def show_themes(self, latest: dict[str, Any]) -> None:
        self.query_one("#themes", BarChart).show(
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
        table = self.query_one("#recent-sessions", FittedTable)
        table.show(RECENT_COLUMNS, rows)
        table.display = bool(rows)
        self.query_one("#no-sessions").display = not rows
