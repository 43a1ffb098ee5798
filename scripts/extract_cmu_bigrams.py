#!/usr/bin/env python3
"""Write the word pairs (and triples) of CMU Sphinx's generic US English language model.

Resource: the trigram model ``en-us.lm.bin`` that the pocketsphinx 5.1.1 wheel on PyPI
ships (``pocketsphinx/model/en-us/``; the same file as Debian's pocketsphinx-en-us
0.8+5prealpha+1-15): 72,547 words, 2,051,547 bigrams, 1,669,625 trigrams of news-like
US English from before 2015. Licence BSD-2-Clause, Copyright 1995-2014 Carnegie Mellon
University, 2014-2015 Alpha Cephei Inc.

    .venv/bin/python scripts/extract_cmu_bigrams.py OUT_BIGRAMS [--trigrams OUT_TRIGRAMS] [--model en-us.lm.bin]

Without --model the wheel is fetched with ``pip download pocketsphinx==5.1.1`` into a
temporary folder and the model read from it. The model's binary trie format is read
directly (pocketsphinx's own ARPA writer fails on this model): the header, the n-gram
counts, the 16-bit quantisation tables, the unigrams (log probability, backoff, index of
the first bigram) and the bit-packed bigrams (word, backoff, probability, index of the
first trigram) and trigrams (word, probability), then the word strings.

Each output line is "word word count", the format of symspellpy's and wordsegment's
bigram lists (``build_calques.bigram_list`` reads it): the count is the model's joint
probability of the pair, P(w1) x P(w2 | w1), per billion words, at least 1. Sentence
markers are left out. Trigram lines are "word word word count", the count the conditional
probability P(w3 | w1 w2) per million. The output is sorted, so it is the same on every run.

Checked against what pocketsphinx's ARPA writer prints before it fails (on 2026-12-01):
the same bigrams with the same counts, 1,985,872 pairs, of which the writer drops the last
25; its trigrams are garbage, the ones read here are sane (P(conference | a press) = 0.55).
The header counts 6 bigram slots the trie does not use; the unigrams' last index is the truth.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

HEADER = b"Trie Language Model"
WHEEL = "pocketsphinx==5.1.1"
MEMBER = "pocketsphinx/model/en-us/en-us.lm.bin"
MARKERS = {"<s>", "</s>", "<unk>"}
QUANT_BITS = 16  # every quantised probability and backoff is a 16-bit bin index
LOG_BASE = np.log10(1.0001)  # probabilities are stored in log base 1.0001 (sphinx's logmath)


def bit_width(max_value: int) -> int:
    """The bits needed to store values up to max_value (0 needs none)."""
    return int(max_value).bit_length()


def read_fields(mem: np.ndarray, index: np.ndarray, total: int, offset: int, width: int) -> np.ndarray:
    """The width-bit field at bit offset of entries index of a little-endian bit-packed array."""
    bits = index.astype(np.uint64) * np.uint64(total) + np.uint64(offset)
    first = (bits >> np.uint64(3)).astype(np.int64)
    word = np.zeros(len(index), dtype=np.uint64)
    for k in range(4):  # a field of at most 25 bits spans at most 4 bytes
        word |= mem[first + k].astype(np.uint64) << np.uint64(8 * k)
    return (word >> (bits & np.uint64(7))) & np.uint64((1 << width) - 1)


def packed_size(entries: int, total_bits: int) -> int:
    """Bytes a packed array of entries (plus its end marker and 8 bytes of slack) takes."""
    return ((1 + entries) * total_bits + 7) // 8 + 8


def read_model(data: bytes) -> dict:
    """Words, unigram log10 probabilities, and bigram and trigram index arrays of a trie model."""
    if not data.startswith(HEADER):
        raise ValueError("not a CMU Sphinx trie language model")
    pos = len(HEADER)
    order = data[pos]
    counts = np.frombuffer(data, dtype="<u4", count=order, offset=pos + 1).astype(np.int64)
    pos += 1 + 4 * order
    if order != 3:
        raise ValueError(f"expected a trigram model, got order {order}")
    n_values = 3 * (1 << QUANT_BITS)  # bigram probabilities, bigram backoffs, trigram probabilities
    quant = np.frombuffer(data, dtype="<f4", count=n_values, offset=pos + 4)
    pos += 4 + 4 * n_values
    unigrams = np.frombuffer(data, dtype=[("prob", "<f4"), ("bo", "<f4"), ("next", "<u4")], count=counts[0] + 1, offset=pos)
    pos += 12 * (counts[0] + 1)
    word_bits, next_bits = bit_width(counts[0]), bit_width(counts[2])
    middle_total, longest_total = word_bits + 2 * QUANT_BITS + next_bits, word_bits + QUANT_BITS
    middle_bytes, longest_bytes = packed_size(counts[1], middle_total), packed_size(counts[2], longest_total)
    mem = np.frombuffer(data, dtype=np.uint8, count=middle_bytes + longest_bytes, offset=pos)
    pos += middle_bytes + longest_bytes
    size = int(np.frombuffer(data, dtype="<u4", count=1, offset=pos)[0])
    words = data[pos + 4 : pos + 4 + size].decode("utf-8").split("\0")[: counts[0]]
    middle, longest = mem[:middle_bytes], mem[middle_bytes:]
    bigram_starts = unigrams["next"].astype(np.int64)
    bigram_index = np.arange(bigram_starts[-1] + 1)  # the header may count a few unused slots
    trigram_starts = read_fields(middle, bigram_index, middle_total, word_bits + 2 * QUANT_BITS, next_bits).astype(np.int64)
    trigram_index = np.arange(trigram_starts[-1])
    return {
        "words": words,
        "unigram_log10": unigrams["prob"][:-1].astype(np.float64) * LOG_BASE,
        "bigram_starts": bigram_starts,
        "bigram_word": read_fields(middle, bigram_index[:-1], middle_total, 0, word_bits).astype(np.int64),
        "bigram_log10": quant[read_fields(middle, bigram_index[:-1], middle_total, word_bits + QUANT_BITS, QUANT_BITS).astype(np.int64)] * LOG_BASE,
        "trigram_starts": trigram_starts,
        "trigram_word": read_fields(longest, trigram_index, longest_total, 0, word_bits).astype(np.int64),
        "trigram_log10": quant[2 * (1 << QUANT_BITS) + read_fields(longest, trigram_index, longest_total, word_bits, QUANT_BITS).astype(np.int64)] * LOG_BASE,
    }


def owners(starts: np.ndarray, n: int) -> np.ndarray:
    """For each of n child entries, the parent whose [start, next start) range holds it."""
    return np.searchsorted(starts, np.arange(n), side="right") - 1


def bigram_lines(model: dict) -> list[str]:
    """ "w1 w2 count" for every bigram without a sentence marker, count per billion words.

    The trie is keyed by the predicted word: a unigram's bigram entries hold the words before it.
    """
    words, second = model["words"], owners(model["bigram_starts"], len(model["bigram_word"]))
    joint = model["unigram_log10"][model["bigram_word"]] + model["bigram_log10"]
    lines = []
    for a, b, log10 in zip(model["bigram_word"], second, joint):
        pair = (words[a], words[b])
        if MARKERS.isdisjoint(pair):
            lines.append(f"{pair[0]} {pair[1]} {max(1, round(10 ** log10 * 1e9))}")
    return sorted(lines)


def trigram_lines(model: dict) -> list[str]:
    """ "w1 w2 w3 count" for every trigram without a sentence marker, count P(w3 | w1 w2) per million."""
    words = model["words"]
    pair = owners(model["trigram_starts"], len(model["trigram_word"]))
    third = owners(model["bigram_starts"], len(model["bigram_word"]))
    lines = []
    for p, a, log10 in zip(pair, model["trigram_word"], model["trigram_log10"]):
        triple = (words[a], words[model["bigram_word"][p]], words[third[p]])
        if MARKERS.isdisjoint(triple):
            lines.append(f"{' '.join(triple)} {max(1, round(10 ** log10 * 1e6))}")
    return sorted(lines)


def fetch_model() -> bytes:
    """The model file from the pocketsphinx wheel, downloaded from PyPI into a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", tmp, WHEEL], check=True)
        wheel = next(Path(tmp).glob("pocketsphinx-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            return archive.read(MEMBER)


def main(argv: list[str]) -> int:
    """Read the model and write the lists named on the command line."""
    out = Path(argv[0])
    option = {argv[i]: argv[i + 1] for i in range(1, len(argv) - 1, 2)}
    data = Path(option["--model"]).read_bytes() if "--model" in option else fetch_model()
    model = read_model(data)
    lines = bigram_lines(model)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines):,} bigrams")
    if "--trigrams" in option:
        triples = trigram_lines(model)
        Path(option["--trigrams"]).write_text("\n".join(triples) + "\n", encoding="utf-8")
        print(f"{option['--trigrams']}: {len(triples):,} trigrams")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
