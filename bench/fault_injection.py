"""Kill -9 at random moments: export, merge, import and withdraw, over many trials.

Each trial copies a prepared office (and provincial) database, starts one ``engage``
command in its own process, kills it (SIGKILL) after 20 % to 110 % of the time the
command takes uncut (start-up included), and checks what a privacy office would ask:

- export bundle: the target folder holds nothing or the finished bundle, whose manifest
  holds; no planted personal detail is in the folder; the office database is sound.
- merge: the provincial database is sound and holds all of the bundle or none of it; no
  copy is left in the temporary folder or beside the input; no planted detail arrived.
- import: the database is sound and holds all of the file or none of it; importing again
  completes it, never twice.
- withdraw: the submission is either untouched or withdrawn, erased and tombstoned; once
  engage has opened the database again, its words are in none of its files.

A trial "survived" when every check held, "lost" when data was lost or half-written.

    .venv/bin/python bench/fault_injection.py [--trials 40] [--seed 16] [--answers 4000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from _common import table  # noqa: E402

from engage.db import open_db  # noqa: E402
from tests.office_support import build_office, files_hold  # noqa: E402

WITHDRAWN_WORDS = b"Quokkaberry"


def engage(*args: str, db: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "engage", "--db", str(db), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def query(path: Path, sql: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def sound(path: Path) -> bool:
    return query(path, "PRAGMA integrity_check") == [("ok",)]


class Bench:
    def __init__(self, work: Path, answers: int) -> None:
        self.work = work
        self.env = {**os.environ, "ENGAGE_HOME": str(work / "home"), "TMPDIR": str(work / "tmp")}
        (work / "tmp").mkdir()
        self.office = work / "prepared" / "office.db"
        db = open_db(self.office)
        ids = build_office(db, work / "prepared", answers=answers)
        from engage.db.submissions import add_submission

        said = add_submission(db, ids["consultation"], "Quokkaberry told me, call 705-555-0199")
        self.consultation, self.said = ids["consultation"], said["id"]
        db.close()
        self.survey = work / "prepared" / "second.csv"
        self.survey.write_text(
            "Comments\n" + "".join(f"Second wave answer {i} about hours\n" for i in range(answers))
        )
        self.bundle = work / "prepared" / "office.engage"
        self.run(["export", "bundle", str(self.bundle)], self.office)
        self.before = {"submissions": self.count(self.office)}

    def count(self, path: Path, where: str = "1") -> int:
        return query(path, f"SELECT COUNT(*) FROM submissions WHERE {where}")[0][0]

    def run(self, args: list[str], db: Path) -> float:
        started = time.perf_counter()
        engage(*args, db=db, env=self.env).wait()
        return time.perf_counter() - started

    def fresh(self, trial: int) -> Path:
        folder = self.work / f"trial{trial}"
        folder.mkdir()
        shutil.copy(self.office, folder / "office.db")
        return folder

    def killed(self, args: list[str], db: Path, after: float) -> None:
        process = engage(*args, db=db, env=self.env)
        time.sleep(after)
        process.send_signal(signal.SIGKILL)
        process.wait()


def trial_export(bench: Bench, folder: Path, after: float) -> bool:
    usb = folder / "usb"
    usb.mkdir()
    bench.killed(["export", "bundle", str(usb / "b.engage")], folder / "office.db", after)
    names = sorted(p.name for p in usb.iterdir())
    if names not in ([], ["b.engage"]) or files_hold(usb) or not sound(folder / "office.db"):
        return False
    if files_hold(bench.work / "tmp"):  # a killed export's private folder: redacted only
        return False
    if names:
        check = subprocess.run(
            [
                sys.executable,
                "-m",
                "engage",
                "--db",
                str(folder / "p.db"),
                "merge",
                str(usb / "b.engage"),
            ],
            env=bench.env,
            capture_output=True,
        )
        return check.returncode == 0
    return True


def trial_merge(bench: Bench, folder: Path, after: float) -> bool:
    province = folder / "province" / "province.db"
    open_db(province).close()
    temporary = set((bench.work / "tmp").iterdir())
    bench.killed(["merge", str(bench.bundle)], province, after)
    if not sound(province) or set((bench.work / "tmp").iterdir()) - temporary:
        return False
    if sorted(p.name for p in bench.bundle.parent.iterdir()) != sorted(bench.prepared_listing):
        return False
    merged = bench.count(province)
    return merged in (0, bench.bundle_submissions) and not files_hold(province.parent)


def trial_import(bench: Bench, folder: Path, after: float) -> bool:
    db = folder / "office.db"
    bench.killed(["import", str(bench.survey), "-c", bench.consultation], db, after)
    if not sound(db):
        return False
    added = bench.count(db) - bench.before["submissions"]
    if added not in (0, bench.survey_answers):
        return False
    bench.run(["import", str(bench.survey), "-c", bench.consultation], db)
    return bench.count(db) - bench.before["submissions"] == bench.survey_answers


def trial_withdraw(bench: Bench, folder: Path, after: float) -> bool:
    db = folder / "office.db"
    bench.killed(["submissions", "withdraw", bench.said, "--reason", "asked"], db, after)
    if not sound(db):
        return False
    bench.run(["db", "check"], db)  # engage opens and closes it again
    status, text = query(
        db, f"SELECT status, text_original FROM submissions WHERE id = '{bench.said}'"
    )[0]
    tombstoned = query(db, f"SELECT COUNT(*) FROM tombstones WHERE id = '{bench.said}'")[0][0]
    if status == "active":
        return "Quokkaberry" in text and tombstoned == 0
    files = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("office.db"))
    return text == "" and tombstoned == 1 and WITHDRAWN_WORDS not in files


TRIALS = {
    "export": trial_export,
    "merge": trial_merge,
    "import": trial_import,
    "withdraw": trial_withdraw,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--answers", type=int, default=4000)
    args = parser.parse_args()
    randomness = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        bench = Bench(Path(scratch), args.answers)
        bench.prepared_listing = [p.name for p in bench.bundle.parent.iterdir()]
        bench.bundle_submissions = query(bench.bundle, "SELECT COUNT(*) FROM submissions")[0][0]
        bench.survey_answers = args.answers
        uncut = {}
        for name, arguments in (
            ("export", ["export", "bundle", str(Path(scratch) / "uncut.engage")]),
            ("merge", ["merge", str(bench.bundle)]),
            ("import", ["import", str(bench.survey), "-c", bench.consultation]),
            ("withdraw", ["submissions", "withdraw", bench.said]),
        ):
            folder = bench.fresh(len(uncut) + 10_000)
            target = folder / ("province/province.db" if name == "merge" else "office.db")
            uncut[name] = bench.run(arguments, target)
        counts = {name: Counter() for name in TRIALS}
        for trial in range(args.trials):
            name = list(TRIALS)[trial % len(TRIALS)]
            folder = bench.fresh(trial)
            after = randomness.uniform(0.2, 1.1) * uncut[name]
            held = TRIALS[name](bench, folder, after)
            counts[name]["trials"] += 1
            counts[name]["survived" if held else "lost"] += 1
            shutil.rmtree(folder, ignore_errors=True)
        rows = [
            [name, f"{uncut[name]:.1f}", c["trials"], c["survived"], c["lost"]]
            for name, c in counts.items()
        ]
        total = sum((c for c in counts.values()), Counter())
        rows.append(["all", "", total["trials"], total["survived"], total["lost"]])
        print(table(["command killed", "uncut s", "trials", "survived", "lost"], rows))


if __name__ == "__main__":
    main()
