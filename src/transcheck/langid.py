"""Language identification with py3langid, its model unpacked once into transcheck's cache.

py3langid ships its model LZMA-compressed and unpacks it (about 68 MB of arrays) in every
process that classifies a text: some 0.6 s and 75 MiB. Here the unpacked arrays are kept
in ``<cache>/tables/`` (``tables.cached``, rebuilt when py3langid's model file changes),
the two large ones — the feature weights (27 MB) and the automaton's transition table
(37 MB) — as raw files from which a run reads the rows its sentences reach, when they
reach them (a run classifies a few sentences that look German: it reads some kilobytes).
They are not memory-mapped: the page cache holds such files in 2 MB folios, and the
kernel maps a whole folio into the process at the first read of any byte of it. The
identifier is py3langid's own, on the same values, so every verdict is py3langid's
(``tests/test_langid_cache.py`` compares the scores). Should py3langid change its model
layout, its own loader is used.
"""

from __future__ import annotations

import json
import lzma
import os
import shutil
import tempfile
from functools import lru_cache, partial
from array import array
from pathlib import Path

from transcheck.tables import cached

ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")  # py3langid 0.4's model.npz
ON_DISK = ("ptc", "nextmove")  # the large arrays, kept as raw files and read a row at a time
UINTS = {2: "H", 4: "I", 8: "L"}  # an unsigned integer array's item size → memoryview format
ALPHABET = 256  # py3langid's automaton reads bytes: a state's row has 256 transitions
ROWS_KEPT = 4096  # transition rows kept in memory (1 KB each)


def language(text: str) -> str:
    """The ISO 639-1 code of the language py3langid identifies ``text`` as."""
    identifier = _identifier()
    if identifier is None:
        import py3langid

        return py3langid.classify(text)[0]
    return identifier.classify(text)[0]


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier on the cached arrays, or None (then py3langid loads its model)."""
    from py3langid import langid

    model = Path(langid.MODEL_DIR) / langid.MODEL_FILE
    try:
        stat = model.stat()
        version = f"py3langid|{model}|{stat.st_size}|{stat.st_mtime_ns}|rows on disk"
        arrays = cached("py3langid", version, partial(_unpack, model), _save, _load)
        nextmove = arrays["nextmove"]
        if not isinstance(nextmove, Transitions):  # in memory: an unwritable cache folder, or no pread
            nextmove = _uints(nextmove)
        identifier = langid.LanguageIdentifier(
            arrays["ptc"], arrays["pc"], arrays["classes"].tolist(), nextmove,
            _int64s(arrays["out_feat"]), tk_row=array("H"),
        )
        # the automaton's row offsets, pre-shifted as py3langid does, in an array of machine
        # integers: its list of 100,000 int objects (and that of out_feat) held 8 MiB
        identifier.tk_row = _uints(arrays["nextmove_row"])
        identifier._rowbase = _int64s(arrays["nextmove_row"].astype("int64") << 8)
        return identifier
    except Exception:  # another model layout
        return None


def _unpack(model: Path):
    """The model's arrays, as an open npz file (a mapping that reads an array when asked
    for it): the LZMA file is decompressed into an anonymous temporary file, a megabyte at
    a time, so that building the cache holds one array at a time, not the compressed
    model, its decompressed bytes and all of its arrays (about 170 MiB)."""
    import numpy as np

    spool = tempfile.TemporaryFile()
    with lzma.open(model) as source:
        shutil.copyfileobj(source, spool, 1 << 20)
    spool.seek(0)
    data = np.load(spool, allow_pickle=False)
    missing = set(ARRAYS) - set(data.files)
    if missing:
        raise KeyError(f"{model}: no array {sorted(missing)[0]}")
    return data


def _save(arrays: dict, folder: Path) -> None:
    import numpy as np

    np.savez(folder / "model.npz", **{name: arrays[name] for name in ARRAYS if name not in ON_DISK})
    layout = {}
    for name in ON_DISK:
        values = np.ascontiguousarray(arrays[name])
        values.tofile(folder / f"{name}.raw")  # no copy of its bytes
        layout[name] = [values.dtype.str, list(values.shape)]
        del values  # one large array at a time
    (folder / "layout.json").write_text(json.dumps(layout), encoding="utf-8")


def _load(folder: Path) -> dict:
    import numpy as np

    with np.load(folder / "model.npz", allow_pickle=False) as data:
        arrays = {name: data[name] for name in ARRAYS if name not in ON_DISK}
    layout = json.loads((folder / "layout.json").read_text(encoding="utf-8"))
    (ptc_type, ptc_shape), (move_type, move_shape) = layout["ptc"], layout["nextmove"]
    if not hasattr(os, "pread"):  # not a POSIX system: the arrays are read whole, as py3langid does
        for name, (dtype, shape) in layout.items():
            arrays[name] = np.fromfile(folder / f"{name}.raw", dtype=np.dtype(dtype)).reshape(shape)
        return arrays
    arrays["ptc"] = Weights(folder / "ptc.raw", np.dtype(ptc_type), tuple(ptc_shape))
    arrays["nextmove"] = Transitions(folder / "nextmove.raw", np.dtype(move_type), move_shape[0])
    return arrays


class Weights:
    """py3langid's feature × language weights in a raw file: ``weights[rows]`` reads those
    rows (a numpy array of indexes) and gives them as ``array[rows]`` would."""

    def __init__(self, path: Path, dtype, shape: tuple[int, int]) -> None:
        self._fd = _open(path, dtype.itemsize * shape[0] * shape[1])
        self.dtype, self.shape = dtype, shape
        self._row_bytes = dtype.itemsize * shape[1]

    def __getitem__(self, rows):
        import numpy as np

        size, fd = self._row_bytes, self._fd
        data = b"".join([os.pread(fd, size, row * size) for row in rows.tolist()])
        if len(data) != size * len(rows):
            raise IndexError("feature row out of range")
        return np.frombuffer(data, dtype=self.dtype).reshape(len(rows), self.shape[1])


class Transitions:
    """py3langid's transition table in a raw file: ``table[row * 256 + byte]`` is the next
    state, its row read when the walk first reaches it (the last ``ROWS_KEPT`` kept)."""

    def __init__(self, path: Path, dtype, length: int) -> None:
        self._fd = _open(path, dtype.itemsize * length)
        self._format = UINTS[dtype.itemsize] if dtype.kind == "u" else UINTS[dtype.itemsize].lower()
        self._row_bytes = dtype.itemsize * ALPHABET
        self._row = lru_cache(maxsize=ROWS_KEPT)(self._read)

    def __getitem__(self, index: int) -> int:
        return self._row(index >> 8)[index & 0xFF]

    def _read(self, row: int) -> memoryview:
        data = os.pread(self._fd, self._row_bytes, row * self._row_bytes)
        if len(data) != self._row_bytes:
            raise IndexError("transition row out of range")
        return memoryview(data).cast(self._format)


def _open(path: Path, size: int) -> int:
    """A read-only descriptor on ``path``, kept open for the process (forked workers share
    it: ``pread`` has no file position); a file of another size is refused."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    if os.fstat(fd).st_size != size:
        os.close(fd)
        raise ValueError(f"{path}: not the size its layout says")
    return fd


def _int64s(values) -> array:
    """A numpy array of integers as a stdlib array of 64-bit integers (indexed as its list)."""
    import numpy as np

    return array("q", np.ascontiguousarray(values, dtype=np.int64).tobytes())


def _uints(values) -> array:
    """A numpy array of unsigned integers as the stdlib array py3langid walks (as its loader does)."""
    import numpy as np

    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out
