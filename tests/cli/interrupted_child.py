"""Runs the engage CLI in a child process that a test interrupts with SIGINT at a known point.

    python interrupted_child.py MODULE:FUNCTION STAGES -- engage arguments...

MODULE:FUNCTION is replaced by a stand-in that first reports the given progress stages
("prepare=1,embed=0.4", to the progress callback it was given, if any), then says
"BLOCKED" on stderr and waits: the test sends SIGINT then, so the interruption lands inside
that function, as a Ctrl+C would in the middle of the real work.
"""

from __future__ import annotations

import importlib
import signal
import sys
import time


def blocking(stages: list[tuple[str, float]]):
    def stand_in(*args, **kwargs):
        options = kwargs.get("options") or next(
            (arg for arg in args if hasattr(arg, "progress")), None
        )
        progress = kwargs.get("progress") or getattr(options, "progress", None)
        for stage, fraction in stages:
            if progress is not None:
                progress(stage, fraction)
        print("BLOCKED", file=sys.stderr, flush=True)
        time.sleep(120)
        raise AssertionError("was not interrupted")

    return stand_in


def main() -> None:
    # A process started in the background of a script inherits SIGINT ignored; Ctrl+C at a
    # terminal is what is being tested, so take it as a terminal's process would.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    target, stage_text, separator, *cli_args = sys.argv[1:]
    assert separator == "--"
    stages = [
        (name, float(fraction))
        for name, fraction in (part.split("=") for part in stage_text.split(",") if part)
    ]
    module_name, function = target.split(":")
    module = importlib.import_module(module_name)
    setattr(module, function, blocking(stages))
    from engage.cli.app import app

    sys.argv = ["engage", *cli_args]
    app()


if __name__ == "__main__":
    main()
