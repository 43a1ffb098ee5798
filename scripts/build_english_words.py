#!/usr/bin/env python3
"""Rebuild src/transcheck/data/english-words.txt.gz, the case-keeping English dictionary.

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson) as packaged by Debian:
`wamerican` and `wbritish` 2020.12.07-2 (SCOWL size 50, the lists behind
/usr/share/dict/words), installed with `apt-get install wamerican wbritish`. The two
lists are joined (American and British spellings), possessives (`Germany's`) dropped,
case kept. Licence: SCOWL's permissive licence (copied to data/LICENSE-SCOWL.txt).

Usage: python3 scripts/build_english_words.py [DICT_DIR]   (default /usr/share/dict)
"""

from __future__ import annotations

import gzip
import shutil
import sys
from pathlib import Path

LISTS = ("american-english", "british-english")
DATA = Path(__file__).resolve().parent.parent / "src" / "transcheck" / "data"
LICENCE = Path("/usr/share/doc/wamerican/copyright")


def main(dict_dir: str = "/usr/share/dict") -> None:
    words: set[str] = set()
    for name in LISTS:
        text = (Path(dict_dir) / name).read_text(encoding="utf-8")
        words.update(w for w in text.split("\n") if w and "'" not in w)
    # mtime=0: the same lists give the same bytes
    with open(DATA / "english-words.txt.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write("\n".join(sorted(words)).encode("utf-8") + b"\n")
    if LICENCE.exists():
        shutil.copyfile(LICENCE, DATA / "LICENSE-SCOWL.txt")
    print(f"{len(words):,} words -> {DATA / 'english-words.txt.gz'}")


if __name__ == "__main__":
    main(*sys.argv[1:])
