"""Build the name lists that redaction reads (run once by a maintainer; the lists are
committed, nothing is fetched at run time).

    python -m engage.name_lists.build CENSUS_DIR WORDLIST

CENSUS_DIR holds the 1990 U.S. Census name files ``dist.male.first``,
``dist.female.first`` and ``dist.all.last`` (public domain; shipped, for instance, in the
PyPI package ``names`` 0.3.0). WORDLIST is an English word list with proper nouns
capitalised (SCOWL's, as Debian's ``wcanadian`` installs it in
/usr/share/dict/canadian-english). See README.md for provenance and licences.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
SURNAMES_KEPT = 20_000  # the most frequent; about 78 % of the population
FEMALE_FIRST_KEPT = 3_000


def census(path: Path, limit: int | None = None) -> list[str]:
    names = [line.split()[0].lower() for line in path.read_text().splitlines() if line.strip()]
    return names[:limit] if limit else names


def supplement(name: str) -> list[str]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.startswith("#")]


def main(census_dir: str, wordlist: str) -> None:
    folder = Path(census_dir)
    first = set(census(folder / "dist.male.first"))
    first |= set(census(folder / "dist.female.first", FEMALE_FIRST_KEPT))
    first |= set(supplement("first_names_extra.txt"))
    last = set(census(folder / "dist.all.last", SURNAMES_KEPT))
    last |= set(supplement("surnames_extra.txt"))
    words = {w for w in Path(wordlist).read_text(encoding="utf-8").splitlines() if w.islower()}
    ordinary = (first | last) & words | set(supplement("ordinary_extra.txt"))
    ordinary = sorted(ordinary - set(supplement("not_ordinary_extra.txt")))
    for name, values in (
        ("first_names.txt", sorted(first)),
        ("surnames.txt", sorted(last)),
        ("ordinary_words.txt", ordinary),
    ):
        (HERE / name).write_text("\n".join(values) + "\n", encoding="utf-8")
        print(f"{name}: {len(values)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
