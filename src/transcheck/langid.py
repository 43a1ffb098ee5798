"""Language identification with py3langid, its model unpacked once into transcheck's cache.

py3langid ships its model LZMA-compressed and unpacks it (about 68 MB of arrays) in every
process that classifies a text: some 0.6 s. Here the unpacked arrays are kept in
``<cache>/tables/`` (``tables.cached``, rebuilt when py3langid's model file changes) and
read back in a tenth of that; the identifier is py3langid's own, built from the same
arrays, so every verdict is py3langid's. Should py3langid change its model layout, its own
loader is used.
"""

from __future__ import annotations

import io
import lzma
from array import array
from functools import lru_cache
from pathlib import Path

from transcheck.tables import cached

ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")  # py3langid 0.4's model.npz


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
        version = f"py3langid|{model}|{stat.st_size}|{stat.st_mtime_ns}"
        arrays = cached("py3langid", version, lambda: _unpack(model), _save, _load)
        return langid.LanguageIdentifier(
            arrays["ptc"], arrays["pc"], arrays["classes"].tolist(), _uints(arrays["nextmove"]),
            arrays["out_feat"].tolist(), tk_row=_uints(arrays["nextmove_row"]),
        )
    except Exception:  # another model layout
        return None


def _unpack(model: Path) -> dict:
    import numpy as np

    with np.load(io.BytesIO(lzma.decompress(model.read_bytes())), allow_pickle=False) as data:
        return {name: data[name] for name in ARRAYS}


def _save(arrays: dict, folder: Path) -> None:
    import numpy as np

    np.savez(folder / "model.npz", **arrays)


def _load(folder: Path) -> dict:
    import numpy as np

    with np.load(folder / "model.npz", allow_pickle=False) as data:
        return {name: data[name] for name in ARRAYS}


def _uints(values) -> array:
    """A numpy array of unsigned integers as the stdlib array py3langid walks (as its loader does)."""
    import numpy as np

    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out
