"""The footer of every screen: Textual's, recomposed only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


def keys_shown(screen: Screen) -> tuple:
    """What a footer on ``screen`` shows: each shown key, its words and whether it is on."""
    return tuple(
        (binding.key, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeysFooter(Footer):
    """Textual's footer rebuilds its keys whenever the screen's bindings are refreshed: every
    change of focus, and several times while a screen first mounts. This one rebuilds them
    only when what it shows changed, which spares a mode's first visit a tenth of its time."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self.shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and self.is_attached and screen.app.app_focus:
            shown = keys_shown(screen)
            if shown == self.shown:
                return
            self.shown = shown
        super().bindings_changed(screen)
