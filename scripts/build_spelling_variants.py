#!/usr/bin/env python3
"""Rebuild src/transcheck/data/spelling-variants.tsv: British spellings and their American twins.

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson) as packaged by Debian:
`wamerican` and `wbritish` 2020.12.07-2 (/usr/share/dict/american-english and
british-english), installed with `apt-get install wamerican wbritish`. A British-only
word is paired with an American-only word when one regular spelling change turns the
one into the other (colour/color, realise/realize, analyse/analyze, centre/center,
defence/defense, catalogue/catalog, travelled/traveled). Lower-case forms only.
Licence: SCOWL's permissive licence (data/LICENSE-SCOWL.txt).

Usage: python3 scripts/build_spelling_variants.py [DICT_DIR]   (default /usr/share/dict)
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "transcheck" / "data" / "spelling-variants.tsv"
# British -> American, each applied once at one position
CHANGES = (("our", "or"), ("is", "iz"), ("ys", "yz"), ("tre", "ter"), ("ence", "ense"), ("ogue", "og"), ("ll", "l"))


def _words(path: Path) -> set[str]:
    return {w for w in path.read_text(encoding="utf-8").split("\n") if w.isalpha() and w.islower()}


def _twins(word: str, american: set[str]) -> list[str]:
    """American-only words one spelling change away from ``word``."""
    found = []
    for old, new in CHANGES:
        i = word.find(old)
        while i != -1:
            candidate = word[:i] + new + word[i + len(old) :]
            if candidate in american:
                found.append(candidate)
            i = word.find(old, i + 1)
    return found


def main(dict_dir: str = "/usr/share/dict") -> None:
    us = _words(Path(dict_dir) / "american-english")
    gb = _words(Path(dict_dir) / "british-english")
    us_only, gb_only = us - gb, gb - us
    pairs = sorted({(w, twin) for w in gb_only for twin in _twins(w, us_only)})
    header = "# British\tAmerican spelling, from SCOWL 2020.12.07 (Debian wbritish/wamerican); scripts/build_spelling_variants.py\n"
    OUT.write_text(header + "".join(f"{b}\t{a}\n" for b, a in pairs), encoding="utf-8")
    print(f"{len(pairs):,} pairs -> {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:])
