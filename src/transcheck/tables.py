"""Large tables that open in a blink: built once into transcheck's cache folder, then
memory-mapped (or read in one call) by every later run.

A word table is a MARISA trie (word → id), an array of value codes (uint16) and the
table of its distinct values (float64), all memory-mapped (wordfreq's half a million words
have fewer than a thousand distinct frequencies: a quarter of float64's memory, the same values): building a Python dict of 600,000 words costs about half a second a run,
opening a trie nothing, and each lookup a microsecond (runs look up each distinct word
once). ``cached`` keeps any such build in ``<cache>/tables/<name>-<hash of its
version>/``, written as a temporary folder and then renamed, so a concurrent run sees
all of it or none. A table that cannot be read is built again; a cache folder that
cannot be written falls back to the table built in memory. Building a new version of a
table removes its older builds but the newest ``KEEP_VERSIONS``, so upgrades do not pile up.
A build runs in a fresh process (``cachedir.run_apart``) when its functions pickle, so
that the run that first needs a table keeps none of what building it took.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import shutil
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from functools import partial
from pathlib import Path
from typing import TypeVar

from transcheck.cachedir import cache_root, package_digest, run_apart

FORMAT = 2
KEEP_VERSIONS = 3  # builds kept per table: installs used in turn do not rebuild each other's
T = TypeVar("T")


def cached(name: str, version: str, build: Callable[[], T], save: Callable[[T, Path], None],
           load: Callable[[Path], T], apart: bool = True) -> T:
    """``load(folder)`` of the cached build of ``name`` at ``version`` (any string that
    changes when the source data does); on first use ``build()`` it and ``save`` it there,
    when ``apart`` in a fresh process if ``build`` and ``save`` pickle
    (``cachedir.run_apart``), so that this one keeps none of the build's objects."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}|{version}".encode()).hexdigest()[:16]
    folder = cache_root() / "tables" / f"{name}-{digest}"
    try:
        return load(folder)
    except Exception:  # not built yet, or unreadable: build it again
        shutil.rmtree(folder, ignore_errors=True)
    if apart and _store(name, folder, _save_apart(build, save)):
        try:
            return load(folder)
        except Exception:  # removed meanwhile by another run: build it here
            pass
    value = build()
    try:
        if _store(name, folder, partial(save, value)):
            return load(folder)
    except Exception:  # a build that does not load: use the one in memory
        pass
    return value


def _save_apart(build: Callable[[], T], save: Callable[[T, Path], None]) -> Callable[[Path], bool]:
    """A writer for ``_store`` that builds and saves in a fresh process."""
    return lambda tmp: run_apart(_save_built, build, save, tmp, scratch=tmp)


def _save_built(build: Callable[[], T], save: Callable[[T, Path], None], folder: Path) -> None:
    save(build(), folder)


def _store(name: str, folder: Path, write: Callable[[Path], object]) -> bool:
    """Make ``folder`` with ``write(temporary folder)``, then rename (a concurrent run
    sees all of it or none): False when the cache folder cannot be written or ``write``
    returns False or fails. Its temporary folder is removed whatever happens (a signal,
    a child killed mid-write)."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError:  # an unwritable cache folder
        return False
    try:
        if write(tmp) is False:
            return False
        try:
            os.rename(tmp, folder)
        except OSError:  # a concurrent run got there first: its build is the same
            pass
    except Exception:
        return False
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(name, folder.parent)
    return True


def _prune(name: str, tables: Path) -> None:
    """Remove the builds of table ``name`` in ``tables`` but the newest ``KEEP_VERSIONS``
    (a run that still reads a removed build keeps its open files: they go when it ends)."""
    builds = []
    for folder in tables.glob(f"{name}-*"):
        if folder.name.rsplit("-", 1)[0] == name:  # not the builds of `name-other`
            try:
                builds.append((folder.stat().st_mtime_ns, folder))
            except OSError:  # removed meanwhile by another run
                continue
    for _, old in sorted(builds, reverse=True)[KEEP_VERSIONS:]:
        shutil.rmtree(old, ignore_errors=True)


class WordTable(Mapping[str, float]):
    """A read-only mapping of words to floats: a trie of the words, each word's value
    code and the distinct values."""

    def __init__(self, trie, codes, values) -> None:
        self._trie = trie
        self._codes = codes
        self._values = values

    def get(self, word: str, default=None):
        index = self._trie.get(word)
        return default if index is None else self._values[self._codes[index]]

    def __getitem__(self, word: str) -> float:
        index = self._trie.get(word)
        if index is None:
            raise KeyError(word)
        return self._values[self._codes[index]]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


def grouped_words(groups: Callable[[], Iterable[tuple[float, Iterable[str]]]]) -> WordTable:
    """A ``WordTable`` of ``groups()``'s (value, words) pairs, a word's last pair giving its
    value (as a dict built from them would), made without a dict of the words: ``groups``
    is called twice and may stream its pairs (the trie takes the words, then each word's
    trie index its value's code), so a build holds about the trie and one group."""
    import marisa_trie

    trie = marisa_trie.Trie(word for _, words in groups() for word in words)
    values: list[float] = []  # each group's value
    slots = array("H", bytes(2 * len(trie)))  # each word's group, its index into ``values``
    for value, words in groups():
        slot = len(values)
        if slot >= 1 << 16:
            raise ValueError("too many groups for uint16 slots")
        values.append(value)
        for word in words:
            slots[trie[word]] = slot
    used = sorted({values[slot] for slot in set(slots)})
    code = {value: n for n, value in enumerate(used)}
    remap = [code.get(value, 0) for value in values]
    codes = array("H", (remap[slot] for slot in slots))
    return WordTable(trie, memoryview(codes), array("d", used))


def _save_words(table: Mapping[str, float], folder: Path) -> None:
    import marisa_trie

    if isinstance(table, WordTable):  # built as one (grouped_words): its parts as they are
        table._trie.save(str(folder / "words.marisa"))
        (folder / "codes.u16").write_bytes(table._codes.tobytes())
        (folder / "values.f64").write_bytes(array("d", table._values).tobytes())
        return
    trie = marisa_trie.Trie(table)
    values = sorted(set(table.values()))
    if len(values) > 1 << 16:
        raise ValueError("too many distinct values for uint16 codes")  # then the table stays in memory
    code = {value: n for n, value in enumerate(values)}
    codes = array("H", bytes(2 * len(trie)))
    for word, index in trie.iteritems():
        codes[index] = code[table[word]]
    trie.save(str(folder / "words.marisa"))
    (folder / "codes.u16").write_bytes(codes.tobytes())
    (folder / "values.f64").write_bytes(array("d", values).tobytes())


def _load_words(folder: Path) -> WordTable:
    import marisa_trie

    trie = marisa_trie.Trie()
    trie.mmap(str(folder / "words.marisa"))
    with open(folder / "codes.u16", "rb") as handle:
        codes = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)).cast("H")
    values = array("d", (folder / "values.f64").read_bytes())
    if len(codes) != len(trie):
        raise ValueError(f"{folder}: the table's parts do not match")
    return WordTable(trie, codes, values)


def word_table(name: str, version: str, build: Callable[[], Mapping[str, float]]) -> Mapping[str, float]:
    """The word → float table ``name`` at ``version``, memory-mapped; ``build()`` makes it on first use."""
    return cached(name, version, build, _save_words, _load_words)


class WordSet(Set[str]):
    """A read-only set of words, a memory-mapped trie (a quarter of a frozenset's memory);
    ``&``, ``|`` and ``-`` with any set give a frozenset."""

    def __init__(self, trie) -> None:
        self._trie = trie

    @classmethod
    def _from_iterable(cls, words: Iterable[str]) -> frozenset[str]:
        return frozenset(words)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def __iter__(self) -> Iterator[str]:
        return self._trie.iterkeys()

    def __len__(self) -> int:
        return len(self._trie)


def _save_word_set(words: Iterable[str], folder: Path) -> None:
    import marisa_trie

    marisa_trie.Trie(words).save(str(folder / "words.marisa"))


def _load_word_set(folder: Path) -> WordSet:
    import marisa_trie

    trie = marisa_trie.Trie()
    trie.mmap(str(folder / "words.marisa"))
    return WordSet(trie)


def word_set(name: str, build: Callable[[], Iterable[str]]) -> Set[str]:
    """``build()``'s words (from the package's own data) as a memory-mapped ``WordSet``,
    kept in the cache until any file of the package changes."""
    return cached(name, package_digest(), build, _save_word_set, _load_word_set)


def _save_value(value, folder: Path) -> None:
    (folder / "value.marshal").write_bytes(marshal.dumps(value))


def _load_value(folder: Path):
    return marshal.loads((folder / "value.marshal").read_bytes())


def derived(name: str, build: Callable[[], T], depends: str = "") -> T:
    """``build()``, a small table derived from the package's own data and code (plain
    dicts, sets, strings and numbers), kept in the cache until any file of the package
    changes, or ``depends`` (the version of any other data it is built from): a run then
    reads it instead of loading the large data it comes from. Built in this process:
    small, it costs less than starting another (about 0.1 s each)."""
    return cached(name, f"{package_digest()}|{depends}", build, _save_value, _load_value, apart=False)
