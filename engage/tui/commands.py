"""The command palette (ctrl+p): every action of every mode, findable by name, with its key.

The commands are read from the screens' own key bindings (each key that has a palette
description is a command), so the palette, the footer and the help screen cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from engage.tui.widgets.mode_bar import MODES

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


class PaletteCommand(NamedTuple):
    title: str
    help: str
    mode: str  # the mode to go to first ("" to stay on the current screen)
    action: str  # an action ("screen.add_partner", "app.help"), or "" to just go there


def bindings_of(screen_class: type) -> list[Binding]:
    """A screen class's key bindings, its own overriding those it inherits for the same key,
    one Binding per key."""
    by_key: dict[str, Binding] = {}
    for cls in reversed(screen_class.__mro__):
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding):
                binding = Binding(*binding)
            for key in binding.key.split(","):
                by_key[key.strip()] = Binding(
                    key.strip(),
                    binding.action,
                    binding.description,
                    show=binding.show,
                    key_display=binding.key_display,
                    tooltip=binding.tooltip,
                )
    return list(by_key.values())


def described(bindings: list[Binding]) -> Iterator[tuple[Binding, list[str]]]:
    """Each described action once, with all the keys bound to it."""
    keys: dict[str, list[str]] = {}
    first: dict[str, Binding] = {}
    for binding in bindings:
        if binding.tooltip:
            keys.setdefault(binding.action, []).append(binding.key)
            first.setdefault(binding.action, binding)
    for action, binding in first.items():
        yield binding, keys[action]


def key_names(app: App, keys: list[str]) -> str:
    return " or ".join(app.get_key_display(Binding(key, "")) for key in keys)


def palette_commands(app: App) -> list[PaletteCommand]:
    """Every command: going to each mode, each mode's actions, the current screen's own
    actions (a dialog-free screen such as the follow-ups) and the app's."""
    commands = [
        PaletteCommand(
            f"Go to {mode.label}",
            f"mode · {key_names(app, [mode.key, mode.function_key])}",
            mode.name,
            "",
        )
        for mode in MODES
    ]
    for mode in MODES:
        for binding, keys in described(bindings_of(app.MODES[mode.name])):
            commands.append(
                PaletteCommand(
                    binding.tooltip,
                    f"{mode.label} · {key_names(app, keys)}",
                    mode.name,
                    f"screen.{binding.action}",
                )
            )
    mode_screens = tuple(app.MODES.values())
    if not isinstance(app.screen, mode_screens):
        for binding, keys in described(bindings_of(type(app.screen))):
            commands.append(
                PaletteCommand(
                    binding.tooltip,
                    f"here · {key_names(app, keys)}",
                    "",
                    f"screen.{binding.action}",
                )
            )
    for binding, keys in described(bindings_of(type(app))):
        commands.append(
            PaletteCommand(binding.tooltip, key_names(app, keys), "", f"app.{binding.action}")
        )
    return commands


def mode_screen(app: App, mode: str) -> Screen:
    """Go to ``mode`` and back to its own screen (closing what was opened on top of it)."""
    app.switch_mode(mode)
    base = app.MODES[mode]
    while not isinstance(app.screen, base) and len(app.screen_stack) > 1:
        app.pop_screen()
    return app.screen


def run_command(app: App, command: PaletteCommand) -> None:
    """Go to the command's mode, then run its action there."""
    if command.mode:
        mode_screen(app, command.mode)
    if command.action:
        app.call_after_refresh(app.run_action, command.action)


class EngageCommands(Provider):
    """Every action of engage: add a partner, log a session, import a file, run theming ..."""

    async def discover(self) -> Hits:
        for command in palette_commands(self.app):
            yield DiscoveryHit(
                command.title, partial(run_command, self.app, command), help=command.help
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in palette_commands(self.app):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(run_command, self.app, command),
                    help=command.help,
                )
