"""The submissions search waits for a pause in typing. In tests the pause is not waited
for: the screen's timers are held here, and the test ends the pause when it chooses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engage.tui.screens.submissions import SubmissionsScreen


class HeldTimer:
    """A timer of the screen that goes off only when the test says so."""

    def __init__(self, callback: Callable[[], object]):
        self.callback = callback
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class TypingPause:
    """Every timer the submissions screen sets, held until ``end()``."""

    def __init__(self) -> None:
        self.timers: list[HeldTimer] = []

    def set_timer(self, delay: float, callback: Callable[[], object], **_: object) -> HeldTimer:
        timer = HeldTimer(callback)
        self.timers.append(timer)
        return timer

    @property
    def waiting(self) -> list[HeldTimer]:
        return [timer for timer in self.timers if not timer.stopped]

    def end(self) -> None:
        """The person stops typing: every timer still set goes off."""
        for timer in self.waiting:
            timer.stopped = True
            timer.callback()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> TypingPause:
        monkeypatch.setattr(SubmissionsScreen, "set_timer", self.set_timer)
        return self
