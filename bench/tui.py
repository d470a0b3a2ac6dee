"""How quick the app feels on a 100,000-submission database, against an empty one measured in
the same run: time to the first painted dashboard, to switch to each mode (its data shown),
and for search-as-you-type to show its matches.

Builds both databases, then runs, as whole cold processes (headless, so no terminal is
needed), several times each and interleaved:

- an app that exits as soon as the dashboard has painted its figures (first paint);
- an app that, once painted, visits every mode (key press to data shown, the first visit),
  then searches the Submissions for a few words as a person types them (query start, after
  the pause the app waits for while typing, to matches and count shown).

Prints the medians and their ratios to the empty database (targets: first paint under 1 s,
switching under 300 ms, search under 150 ms, at 100,000 submissions).

    .venv/bin/python bench/tui.py [--rows 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import COMMUNITIES, SUBJECTS, median, table, write_feedback_csv  # noqa: E402

TARGET_SECONDS = 1.0
TARGET_SWITCH = 0.300
TARGET_SEARCH = 0.150

# The child process: open the app on the database and leave once the dashboard has painted.
FIRST_PAINT = """
import asyncio, sys, time
from engage.db import open_db
from engage.tui.app import make_app

app = make_app(open_db(sys.argv[1]))

async def leave_after_first_paint(pilot):
    while not hasattr(pilot.app.screen, "figures_painted"):
        await asyncio.sleep(0.001)
    await pilot.app.screen.figures_painted.wait()
    pilot.app.exit(time.time())

print(app.run(headless=True, size=(120, 40), auto_pilot=leave_after_first_paint))
"""
# The child process: once painted, visit every mode, then search as a person types. A key is
# sent as the terminal sends it, and timed until what the mode shows is painted; Textual's own
# pilot.press would add the test harness's wait for two 20 ms spells of an idle CPU.
LATENCIES = """
import asyncio, json, sys, time
from textual import events
from engage.db import open_db
from engage.tui.app import make_app
from engage.tui.widgets.mode_bar import MODES

app = make_app(open_db(sys.argv[1]))
WORDS = sys.argv[2].split(",")

async def shown(pilot):
    # until every message is handled, every worker has finished, and the result is painted
    app = pilot.app
    while True:
        await pilot._wait_for_screen()
        if not any(worker.is_running for worker in app.workers):
            await pilot._wait_for_screen()
            if not any(worker.is_running for worker in app.workers):
                break
        await asyncio.sleep(0.001)
    painted = asyncio.Event()
    app.call_after_refresh(painted.set)
    await painted.wait()

def press(app, key):
    event = events.Key(key, key)
    event.set_sender(app)
    app._driver.send_message(event)

async def measure(pilot):
    while not hasattr(pilot.app.screen, "figures_painted"):
        await asyncio.sleep(0.001)
    await pilot.app.screen.figures_painted.wait()
    await pilot.pause()
    switches = {}
    for mode in [*MODES[1:], MODES[0]]:
        started = time.perf_counter()
        press(pilot.app, mode.key)
        while (
            pilot.app.current_mode != mode.name
            or pilot.app.screen.loaded_version != pilot.app.data_version
        ):
            await asyncio.sleep(0.0005)
        await shown(pilot)
        switches[mode.name] = time.perf_counter() - started
        await pilot.pause()  # as a person would, look before pressing the next key
    await pilot.press("u")
    await shown(pilot)
    screen = pilot.app.screen
    searches = {}
    for word in WORDS:
        search = screen.query_one("#search")
        with search.prevent(search.Changed):  # the pause the app waits for while a person
            search.value = word  # types is its choice, not load: the query starts right away
        started = time.perf_counter()
        screen.start_query()
        while screen.total is None or screen.fetching:
            await asyncio.sleep(0.001)
        await shown(pilot)
        searches[word] = time.perf_counter() - started
    pilot.app.exit(json.dumps({"switch": switches, "search": searches}))

print(app.run(headless=True, size=(120, 40), auto_pilot=measure))
"""
SEARCH_WORDS = ("wait", "kiosk", "fren", "saturday hours", "screen reader")
KINDS = ("community", "advocacy", "business", "labour", "government", "other")
CHANNELS = ("in_person", "phone", "online", "survey", "kiosk")


def build_database(path: Path, rows: int, work: Path) -> Path:
    """A database with partners, sessions and ``rows`` imported survey answers."""
    from engage.db import open_db
    from engage.db.consultations import ConsultationFields, add_consultation
    from engage.db.partners import add_partner
    from engage.db.sessions import SessionFields, log_session
    from engage.services.imports import ImportOptions, import_file

    db = open_db(path)
    consultation = add_consultation(
        db, ConsultationFields(title="Bench", opens_on="2026-01-01", closes_on="2026-06-30")
    )
    rng = random.Random(5)
    partners = [
        add_partner(
            db,
            name=f"Partner {number:03d}",
            kind=rng.choice(KINDS),
            community=rng.choice(COMMUNITIES),
            influence=rng.randint(1, 5),
            interest=rng.randint(1, 5),
        )["id"]
        for number in range(60)
    ]
    for number in range(40):
        log_session(
            db,
            consultation["id"],
            SessionFields(
                held_on=f"2026-{1 + number % 6:02d}-{1 + number % 28:02d}",
                kind="town_hall",
                channel=rng.choice(CHANNELS),
                community=rng.choice(COMMUNITIES),
                attendance=rng.randint(5, 80),
            ),
            invited=rng.sample(partners, 6),
            attended=rng.sample(partners, 3),
        )
    if rows:
        csv_path = write_feedback_csv(work / f"feedback-{rows}.csv", rows)
        import_file(db, csv_path, consultation["id"], ImportOptions(channel="survey"))
        store_theme_run(db, consultation["id"])
    db.close()
    return path


def store_theme_run(db, consultation_id: str) -> None:
    """A theme run over every submission (one theme per subject the texts talk about), stored
    as theming would store it, so the dashboard's theme figures have a real run to read."""
    import numpy as np

    from engage.db.theme_runs import StoredRun, select_submissions
    from engage.services.theme import store_run
    from engage.theming.result import DocFlags, Theme, ThemingResult

    submissions = select_submissions(db, consultation_id)
    assignments = [
        next((n for n, subject in enumerate(SUBJECTS) if subject in s["text_redacted"]), -1)
        for s in submissions
    ]
    themes = [
        Theme(n, subject.capitalize(), subject.split(), assignments.count(n), [], np.zeros(4))
        for n, subject in enumerate(SUBJECTS)
    ]
    result = ThemingResult(
        assignments=assignments,
        probabilities=[0.5] * len(assignments),
        themes=themes,
        flags=[DocFlags()] * len(assignments),
        campaigns=[],
        params={},
        seed=0,
        versions={},
        seconds={},
        stability=None,
    )
    run = StoredRun(
        consultation_id=consultation_id, backend="fast", submissions=submissions, result=result
    )
    store_run(db, run)


def first_paint_seconds(db_path: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds from launching the process to the painted dashboard, seconds of the whole
    process including leaving the app)."""
    launched, started = time.time(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(db_path)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    whole = time.perf_counter() - started
    painted_at = float(done.stdout.strip().splitlines()[-1])
    return painted_at - launched, whole


def latencies(db_path: Path, env: dict[str, str]) -> dict[str, dict[str, float]]:
    """Seconds to switch to each mode and to search for each word, in one warm app."""
    done = subprocess.run(
        [sys.executable, "-c", LATENCIES, str(db_path), ",".join(SEARCH_WORDS)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        env = {**os.environ, "ENGAGE_HOME": str(work / "home")}
        os.environ["ENGAGE_HOME"] = env["ENGAGE_HOME"]
        empty = build_database(work / "empty.db", 0, work)
        full = build_database(work / "full.db", args.rows, work)
        paint: dict[str, list[tuple[float, float]]] = {"empty": [], "full": []}
        warm: dict[str, list[dict]] = {"empty": [], "full": []}
        for _ in range(args.repeat):  # interleaved, so both see the same machine state
            for name, path in (("empty", empty), ("full", full)):
                paint[name].append(first_paint_seconds(path, env))
                warm[name].append(latencies(path, env))
    print_report(paint, warm, args.rows, args.repeat)


def medians(runs: list[dict], kind: str) -> dict[str, float]:
    """Per mode (or word): the median over the runs."""
    keys = runs[0][kind]
    return {key: median([run[kind][key] for run in runs]) for key in keys}


def print_report(paint, warm, rows: int, repeat: int) -> None:
    first = {name: median([t[0] for t in runs]) for name, runs in paint.items()}
    whole = {name: median([t[1] for t in runs]) for name, runs in paint.items()}
    switch = {name: medians(runs, "switch") for name, runs in warm.items()}
    search = {name: medians(runs, "search") for name, runs in warm.items()}
    lines = [
        row("launch to painted dashboard", first, TARGET_SECONDS),
        row("whole process, leaving the app included", whole, None),
    ]
    lines += [
        row(f"switch to {mode}", {n: switch[n][mode] for n in switch}, TARGET_SWITCH)
        for mode in switch["full"]
    ]
    lines += [
        row(f"search '{word}'", {n: search[n][word] for n in search}, TARGET_SEARCH)
        for word in search["full"]
    ]
    print(f"engage app latency, {repeat} cold processes each, medians (seconds)\n")
    print(
        table(
            ["measure", f"{rows:,} submissions", "empty database", "ratio", "target"],
            [line[0] for line in lines],
        )
    )
    missed = [line[0][0] for line in lines if not line[1]]
    print("\ntargets met" if not missed else f"\nTARGETS MISSED: {', '.join(missed)}")


def row(what: str, seconds: dict[str, float], target: float | None):
    """A table row and whether the 100k figure meets its target."""
    full, empty = seconds["full"], seconds["empty"]
    cells = [what, f"{full:.3f}", f"{empty:.3f}", f"{full / empty:.2f}x" if empty else "–"]
    cells.append(f"< {target:g} s" if target else "")
    return cells, target is None or full < target


if __name__ == "__main__":
    main()
