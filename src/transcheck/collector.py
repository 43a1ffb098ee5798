"""Python's cyclic garbage collector paused while a burst of long-lived objects is made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while tens of thousands of objects are made that the run
    keeps (loaded rules, imported modules, a parsed file's entries): otherwise it walks
    every object of the process again and again. Reference counting still frees what is
    dropped. On the way out, the objects made meanwhile join the oldest generation at once
    (``gc.freeze`` then ``gc.unfreeze``: two list splices) instead of being walked twice on
    their way there; when some other code keeps objects frozen, they are left as they are."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
