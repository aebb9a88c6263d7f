"""Memory the server no longer uses goes back to the system once it is idle.

glibc keeps what a crowd of page threads freed in its heaps — holes between blocks still in
use, which its own trimming (the top of a heap only) never returns — so after a busy hour
the server stayed tens of MB above where it started (the load test, `python -m bench
load`). malloc_trim(0) walks every arena and hands whole free pages back. It is called only
when no session has been open for a while: the walk holds each arena's lock, and a page
answered while it runs would wait for it.
"""

from __future__ import annotations

import ctypes
import gc
import threading
import time
from collections.abc import Callable

IDLE_SECONDS = 8.0  # nobody connected this long before the memory is given back


def give_back() -> bool:
    """Free what only the cycle collector can, then return the heaps' free pages; False where
    the C library has no malloc_trim (not glibc)."""
    gc.collect()
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # the C library already loaded
    if trim is None:
        return False
    trim(0)
    return True


def give_back_when_idle(
    sessions_open: Callable[[], int],
    idle_seconds: float = IDLE_SECONDS,
    stop: threading.Event | None = None,
) -> threading.Thread:
    """A daemon thread that gives memory back once per quiet spell: when `sessions_open()`
    has been 0 for `idle_seconds` since it was last above 0 (until `stop` is set)."""
    stop = stop or threading.Event()

    def watch() -> None:
        busy_until: float | None = time.monotonic()  # the start-up itself counts as work
        while not stop.wait(idle_seconds / 4):
            now = time.monotonic()
            if _busy(sessions_open):
                busy_until = now
            elif busy_until is not None and now - busy_until >= idle_seconds:
                give_back()
                busy_until = None  # once, until somebody comes again

    thread = threading.Thread(target=watch, name="thidua-give-back-memory", daemon=True)
    thread.start()
    return thread


def _busy(sessions_open: Callable[[], int]) -> bool:
    """Sessions open, or a count that could not be taken (the server's threads change the
    sessions while it is taken): busy, either way."""
    try:
        return sessions_open() > 0
    except Exception:  # noqa: BLE001 — the watcher must outlive any one count
        return True
