"""The pages' read connections: one per (warehouse, scope), to the snapshot published now.

When an import publishes a new snapshot, the connection to the one before is dropped at
once instead of waiting its turn in a cache: each holds a DuckDB instance with its buffers
and keeps its file open (the file itself is already deleted two publications later), so
keeping stale ones grew the server by tens of MB an import — and, with a large warehouse,
kept gigabytes of deleted snapshots on the disk. A dropped connection is closed GRACE
seconds later, not at once (a page run still reading it finishes first) and not when the
last reference goes: a page's globals can outlive its run (a function of the page kept by
a cache or a widget), and each such namespace held a whole DuckDB instance of an old
snapshot — the load test saw +100 MB after 36 imports. Cursors taken from it before keep
working (each is a connection of its own to the same database).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import duckdb

from thidua import access, db
from thidua.scope import open_scoped
from thidua.settings import snapshot_path

Version = tuple[int, int]  # db.snapshot_version: (inode, mtime_ns)
Opener = Callable[[str, str | None], duckdb.DuckDBPyConnection]
MOST_SCOPES = 64  # distinct unit scopes held at once; the least recently used goes first
GRACE = (
    20.0  # seconds a dropped connection stays open: ten times the slowest page run seen under load
)


def open_reader(master: str, scope: str | None) -> duckdb.DuckDBPyConnection:
    """The whole province reads the snapshot itself; anyone else through views that hold
    only their unit's rows (thidua.scope)."""
    try:
        if scope == access.PROVINCE:
            return db.open_snapshot(Path(master))
        return open_scoped(str(snapshot_path(Path(master))), scope)
    except duckdb.IOException as error:  # the snapshot itself cannot be read
        if "lock" in str(error):
            raise
        raise db.WarehouseUnreadable(db.unreadable(str(error))) from error


class Readers:
    def __init__(
        self,
        opener: Opener = open_reader,
        most: int = MOST_SCOPES,
        clock: Callable[[], float] = time.monotonic,
        sweep_every: float | None = GRACE / 4,
    ) -> None:
        self._opener = opener
        self._most = most
        self._clock = clock
        self._lock = threading.Lock()
        self._held: OrderedDict[tuple[str, str | None], tuple[Version, duckdb.DuckDBPyConnection]]
        self._held = OrderedDict()
        self._dropped: list[tuple[float, duckdb.DuckDBPyConnection]] = []  # (close at, it)
        if sweep_every:  # closes the dropped ones even when no page asks for a connection
            threading.Thread(target=self._sweeper, args=(sweep_every,), daemon=True).start()

    def get(self, master: str, version: Version, scope: str | None) -> duckdb.DuckDBPyConnection:
        key = (master, scope)
        with self._lock:
            self._close_due()
            held = self._held.get(key)
            if held is not None and held[0] == version:
                self._held.move_to_end(key)
                return held[1]
            if held is not None and version[1] < held[0][1]:
                # A page that read the version just before a publication: it gets the old
                # snapshot for this run, without displacing the newer one.
                late = self._opener(master, scope)
                self._drop(late)
                return late
            connection = self._opener(master, scope)
            if held is not None:
                self._drop(held[1])
            self._held[key] = (version, connection)
            self._held.move_to_end(key)
            while len(self._held) > self._most:
                self._drop(self._held.popitem(last=False)[1][1])
            return connection

    def held(self) -> int:
        return len(self._held)

    def open_dropped(self) -> int:
        """Dropped connections not closed yet (their grace not over)."""
        return len(self._dropped)

    def sweep(self) -> None:
        with self._lock:
            self._close_due()

    def _drop(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._dropped.append((self._clock() + GRACE, connection))

    def _close_due(self) -> None:
        now = self._clock()
        due = [c for at, c in self._dropped if at <= now]
        self._dropped = [(at, c) for at, c in self._dropped if at > now]
        for connection in due:
            with contextlib.suppress(duckdb.Error):
                connection.close()

    def _sweeper(self, every: float) -> None:
        while True:
            time.sleep(every)
            self.sweep()
