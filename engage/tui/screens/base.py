"""What every mode screen shares: the header and footer, the database, a reload when the data
changed elsewhere, and failures shown as notifications instead of crashes."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from engage.tui.failures import WorkFailed
from engage.tui.widgets.footer import KeysFooter
from engage.tui.widgets.mode_bar import ModeBar
from engage.tui.widgets.tables import highlighted_key

if TYPE_CHECKING:
    import sqlite_utils


class OfficeApp(Protocol):
    """What a mode screen needs of the app it runs in: the office's database, a count of
    changes written (to reload what is stale) and the app's clock."""

    db: sqlite_utils.Database
    data_version: int
    today: Callable[[], date]

    def data_changed(self) -> None: ...


def key(keys: str, action: str, footer: str, palette: str = "", show: bool = True) -> Binding:
    """A key of a screen: ``footer`` is its word in the footer; ``palette`` (if any) is what
    the command palette and the help screen call it — every such key is in both."""
    return Binding(keys, action, footer, show=show, tooltip=palette)


class ModeScreen(Screen[None]):
    """The base screen of one mode. Subclasses compose their body and load their data in
    ``reload``; a mode whose data changed while it was hidden reloads when shown again.

    A list screen names its main table in ``MAIN_TABLE`` and opens a row in ``open_row``:
    enter opens the highlighted row wherever the focus is on the screen."""

    MODE: ClassVar[str] = ""
    MAIN_TABLE: ClassVar[str] = ""
    BINDINGS = [Binding("enter", "open_highlighted", "Open", show=False)]
    loaded_version = -1

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A new screen is styled as its widgets mount. Marking it up to date spares the first
        # visit of each mode Textual's full re-parse and re-style of every screen (a quarter
        # of a second and more), which only a change of the app's stylesheet needs.
        self._css_update_count = self.app._css_update_count
        self._fresh = True

    def first_shown(self, event: events.ScreenResume) -> None:
        """The screen was just built and is shown for the first time.

        - Textual restyles a screen each time it is shown again, in case the app's styles
          changed while it was hidden; the first time, it was styled as it mounted.
        - What the app built to show it (classes, widgets, styles: most of the objects the
          process holds) lives as long as the app. Frozen out of the garbage collector's
          sight, it is no longer walked by every full collection, which otherwise grow to a
          tenth of a second and land on a key press or a search at random.
        """
        event.refresh_styles = False
        self.call_after_refresh(gc.freeze)

    def on_screen_suspend(self) -> None:
        self._fresh = False

    @property
    def engage(self) -> OfficeApp:
        return cast("OfficeApp", self.app)

    @property
    def db(self) -> sqlite_utils.Database:
        return self.engage.db

    def today(self) -> str:
        """Today's date as YYYY-MM-DD (the app's clock, fixed in tests)."""
        return self.engage.today().isoformat()

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        with Vertical(id="bottom-bars"):
            yield KeysFooter()
            yield ModeBar(self.MODE)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._fresh:
            self.first_shown(event)
        if self.loaded_version != self.engage.data_version:
            self.loaded_version = self.engage.data_version
            self.reload()

    def reload(self) -> None:
        """Load (again) what the screen shows."""

    def on_work_failed(self, message: WorkFailed) -> None:
        self.notify(message.text, title="Not done", severity="error", timeout=8)

    def changed(self) -> None:
        """Tell every mode that the data changed, and reload this one now."""
        self.engage.data_changed()
        self.loaded_version = self.engage.data_version
        self.reload()

    # Opening the highlighted row

    def main_table(self) -> DataTable | None:
        return self.query_one(self.MAIN_TABLE, DataTable) if self.MAIN_TABLE else None

    def highlighted_row(self) -> str | None:
        table = self.main_table()
        return highlighted_key(table) if table is not None else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.MAIN_TABLE and event.data_table is self.main_table():
            event.stop()
            self.open_row(event.row_key.value)

    def action_open_highlighted(self) -> None:
        """Enter, wherever the focus is: open the main table's highlighted row."""
        row_key = self.highlighted_row()
        if row_key is not None:
            self.open_row(row_key)

    def open_row(self, row_key: str) -> None:
        """Open one row of the main table (its record, its form, its paper ...)."""

    def show_empty(self, note: str) -> None:
        """Show ``note`` (what to do next) instead of the empty main table, or the table
        again when ``note`` is empty."""
        table = self.main_table()
        holder = self.query("#empty-note")
        if table is None or not holder:
            return
        empty = holder.first(Static)
        empty.update(note)
        empty.display = bool(note)
        if note and self.focused is table:
            self.set_focus(None)  # not into a search box, where mode keys would be typed
        table.display = not note
        if not note and self.focused is None:
            table.focus()
