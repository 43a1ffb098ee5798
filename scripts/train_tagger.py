"""Train transcheck's part-of-speech tagger on Universal Dependencies English EWT.

    .venv/bin/python scripts/train_tagger.py UD_English-EWT [--iterations 5]

UD_English-EWT is a checkout of https://github.com/UniversalDependencies/UD_English-EWT
(release r2.16 for the shipped model). When ``en_ewt-ud-train.conllu`` is missing (a
shallow or size-limited copy), the training split is rebuilt from the per-document files
under ``not-to-release/sources`` listed in ``not-to-release/file-lists/files.train``.

The tagger is NLTK's averaged perceptron trained on the Penn Treebank tags (XPOS) of
the train and dev splits; it is scored on the test split and written, with tiny weights
pruned and the tags each word form has in the treebank, to ``src/transcheck/data/tagger/ewt-perceptron.npz``.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
from nltk.tag.perceptron import PerceptronTagger

OUT = Path(__file__).resolve().parents[1] / "src" / "transcheck" / "data" / "tagger" / "ewt-perceptron.npz"
Sentence = list[tuple[str, str]]


def read_conllu(text: str) -> list[Sentence]:
    """(form, XPOS) of the syntactic words of every sentence (ranges and empty nodes skipped)."""
    sentences, current = [], []
    for line in text.splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                current.append((cols[1], cols[4]))
    if current:
        sentences.append(current)
    return sentences


def split(ud: Path, name: str) -> list[Sentence]:
    path = ud / f"en_ewt-ud-{name}.conllu"
    if path.is_file() and path.stat().st_size:
        return read_conllu(path.read_text(encoding="utf-8"))
    listing = ud / "not-to-release" / "file-lists" / f"files.{name}"
    docs = listing.read_text(encoding="utf-8").split()
    return [s for doc in docs for s in read_conllu((ud / "not-to-release" / "sources" / doc).read_text(encoding="utf-8"))]


def accuracy(tagger: PerceptronTagger, sentences: list[Sentence]) -> float:
    right = total = 0
    for sentence in sentences:
        words = [w for w, _ in sentence]
        for (_, guess), (_, gold) in zip(tagger.tag(words), sentence):
            right += guess == gold
            total += 1
    return right / total


def prune(weights: dict[str, dict[str, float]], threshold: float) -> dict[str, dict[str, float]]:
    """Drop weights too small to change a decision, and round the rest (a smaller file)."""
    kept = {}
    for feature, classes in weights.items():
        small = {tag: round(w, 3) for tag, w in classes.items() if abs(w) >= threshold}
        if small:
            kept[feature] = small
    return kept


def lexicon(sentences: list[Sentence]) -> dict[str, str]:
    """Every word form (lower case) with the tags the treebank gives it, space-separated."""
    seen: dict[str, set[str]] = {}
    for sentence in sentences:
        for word, tag in sentence:
            seen.setdefault(word.lower(), set()).add(tag)
    return {word: " ".join(sorted(tags)) for word, tags in sorted(seen.items())}


def save(path: Path, weights: dict[str, dict[str, float]], tagdict: dict[str, str], classes: list[str], words: dict[str, str]) -> None:
    """Write the model as NumPy arrays (fast to load, no pickle): the weights as
    (feature, class, value) triples, the tag dictionary and the lexicon as parallel arrays."""
    classes = sorted(classes)
    column = {tag: n for n, tag in enumerate(classes)}
    features = sorted(weights)  # sorted, so that a rebuild gives the same file
    triples = [(row, column[tag], w) for row, f in enumerate(features) for tag, w in sorted(weights[f].items())]
    rows, cols, values = zip(*triples)
    np.savez_compressed(
        path,
        features=np.array(features),
        rows=np.array(rows, dtype=np.int32),
        cols=np.array(cols, dtype=np.int16),
        values=np.array(values, dtype=np.float64),
        classes=np.array(classes),
        tagdict_words=np.array(sorted(tagdict)),
        tagdict_tags=np.array([tagdict[w] for w in sorted(tagdict)]),
        lexicon_words=np.array(list(words)),
        lexicon_tags=np.array(list(words.values())),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ud", type=Path, help="a checkout of UD_English-EWT")
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--prune", type=float, default=0.05, help="drop weights below this magnitude")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    random.seed(0)
    train, dev, test = (split(args.ud, name) for name in ("train", "dev", "test"))
    print(f"train {len(train)} dev {len(dev)} test {len(test)} sentences")
    tagger = PerceptronTagger(load=False)
    start = time.perf_counter()
    tagger.train(train + dev, nr_iter=args.iterations)
    print(f"trained in {time.perf_counter() - start:.0f} s; test accuracy {accuracy(tagger, test):.4f}")
    tagger.model.weights = prune(tagger.model.weights, args.prune)
    print(f"pruned at {args.prune}: test accuracy {accuracy(tagger, test):.4f}")
    weights, tagdict, classes = tagger.encode_json_obj()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save(args.out, weights, tagdict, list(classes), lexicon(train + dev))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
