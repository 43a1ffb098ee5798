#!/usr/bin/env python3
"""Build the list of abstract mass nouns that English uses without an article as a subject
(`Employment rose`, `Inflation slowed`), for rule TC363.

German puts the definite article before an abstract noun named in general (`Die
Erwerbstätigkeit stieg`, `Die Inflation schwächte sich ab`) and machine translation keeps
it: `The employment rose`. A noun is kept when

1. LanguageTool's English part-of-speech dictionary (english-pos-dict 0.6, LGPL 2.1) tags
   it `NN:U`, always uncountable;
2. it ends in an abstract-noun suffix (-ment, -tion, -sion, -ism, -ity, -ness, -ance, -ence,
   -ancy, -ency), the English counterparts of German -ung, -keit, -heit, -ismus, -tät;
3. its first WordNet 3.0 sense names an act, state, process, event, cognition, feeling,
   phenomenon or group (unemployment, inflation, tourism), not an attribute, a time, a
   text or a thing (`duration`, `availability`, `documentation`), which English takes
   with `the` when the thing it belongs to is given (`The duration is two hours`);
4. native English shows it at least ``MIN_SEEN`` times and never as `the` + noun + a word
   that cannot continue a noun phrase (a verb, a conjunction, a preposition other than
   `of`): UD English EWT r2.16 sentences (CC BY-SA 4.0), the WMT21-23 de-en human
   references and the project's native test texts.

    # EWT: a checkout of UD_English-EWT (train split from not-to-release/sources)
    # WMT: the folder holding wmt*-deen/ref*.en;  JARS: LanguageTool's jar folder
    # WN:  Princeton WordNet 3.0's database folder (Debian package wordnet-base: /usr/share/wordnet)
    .venv/bin/python scripts/build_bare_mass_nouns.py EWT WMT JARS WN
"""

from __future__ import annotations

import collections
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from transcheck.phrases import likely_tag  # noqa: E402
from transcheck.tagger import model  # noqa: E402

OUT = ROOT / "src" / "transcheck" / "data" / "grammar" / "bare-mass-nouns.txt"
SUFFIXES = ("ment", "tion", "sion", "ism", "ity", "ness", "ance", "ence", "ancy", "ency")
MIN_SEEN = 5
NOUN_CONTINUATION = frozenset("NN NNS NNP NNPS POS CD".split())
# WordNet lexicographer files (data.noun's lex_filenum) of general phenomena.
PHENOMENA = frozenset({"04", "09", "11", "12", "14", "19", "22", "26"})  # act cognition event feeling group phenomenon process state
WORD = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
DUMP = """
import morfologik.stemming.*;
public class DumpUncountable {
  public static void main(String[] a) throws Exception {
    Dictionary d = Dictionary.read(DumpUncountable.class.getResource("/org/languagetool/resource/en/english.dict"));
    for (WordData w : new DictionaryLookup(d))
      if (w.getTag().toString().equals("NN:U")) System.out.println(w.getWord());
  }
}
"""


def uncountable(jars: Path) -> set[str]:
    """Lower-case words LanguageTool's English dictionary tags NN:U."""
    classpath = ":".join(str(p) for p in jars.glob("*.jar") if p.name.startswith(("english-pos-dict", "morfologik-", "hppc")))
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "DumpUncountable.java").write_text(DUMP)
        subprocess.run(["javac", "-cp", classpath, "DumpUncountable.java"], cwd=tmp, check=True)
        out = subprocess.run(["java", "-cp", f"{classpath}:{tmp}", "DumpUncountable"], capture_output=True, text=True, check=True)
    return {w for w in out.stdout.split() if w.islower() and w.isalpha()}


def phenomena(wordnet: Path) -> set[str]:
    """Nouns whose first WordNet sense lies in one of ``PHENOMENA``."""
    lexfile = {}
    for line in (wordnet / "data.noun").read_text(encoding="utf-8").splitlines():
        if not line.startswith(" "):
            offset, filenum = line.split(maxsplit=2)[:2]
            lexfile[offset] = filenum
    found = set()
    for line in (wordnet / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        first = fields[4 + int(fields[3]) + 2]  # lemma pos synset_cnt p_cnt [ptrs] sense_cnt tagsense_cnt offsets
        if lexfile.get(first) in PHENOMENA:
            found.add(fields[0])
    return found


def native_lines(ewt: Path, wmt: Path) -> list[str]:
    lines = []
    for f in sorted((ewt / "not-to-release" / "sources").rglob("*.conllu")):
        lines += [line[9:] for line in f.read_text(encoding="utf-8").splitlines() if line.startswith("# text = ")]
    for f in sorted(wmt.glob("wmt*-deen/ref*.en")):
        lines += f.read_text(encoding="utf-8").splitlines()
    for f in sorted((ROOT / "tests" / "data" / "native").rglob("*.txt")):
        lines += f.read_text(encoding="utf-8").splitlines()
    return lines


def counts(nouns: set[str], lines: list[str]) -> tuple[collections.Counter, collections.Counter]:
    """How often each noun occurs, and how often as `the` + noun ending its noun phrase."""
    lexicon = model().lexicon
    seen: collections.Counter = collections.Counter()
    definite: collections.Counter = collections.Counter()
    for line in lines:
        words = [w.lower() for w in WORD.findall(line)]
        for i, word in enumerate(words):
            if word not in nouns:
                continue
            seen[word] += 1
            after = words[i + 1] if i + 1 < len(words) else "."
            if i and words[i - 1] == "the" and after not in ("of", "'", "’") and not lexicon.get(after, frozenset()) & NOUN_CONTINUATION:
                definite[word] += 1
    return seen, definite


def main(ewt: Path, wmt: Path, jars: Path, wordnet: Path) -> None:
    nouns = {w for w in uncountable(jars) if w.endswith(SUFFIXES) and likely_tag(w) in ("NN", None)} & phenomena(wordnet)
    seen, definite = counts(nouns, native_lines(ewt, wmt))
    kept = sorted(w for w in nouns if seen[w] >= MIN_SEEN and not definite[w])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} nouns -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:5]))
