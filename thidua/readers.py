"""The pages' read connections: one per (warehouse, scope), to the snapshot published now.

When an import publishes a new snapshot, the connection to the one before is dropped at
once instead of waiting its turn in a cache: each holds a DuckDB instance with its buffers
and keeps its file open (the file itself is already deleted two publications later), so
keeping stale ones grew the server by tens of MB an import — and, with a large warehouse,
kept gigabytes of deleted snapshots on the disk. A connection is not closed while dropped:
a page still reading it holds the last reference, and it is freed when that page is done.
"""

from __future__ import annotations

import threading
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


def open_reader(master: str, scope: str | None) -> duckdb.DuckDBPyConnection:
    """The whole province reads the snapshot itself; anyone else through views that hold
    only their unit's rows (thidua.scope)."""
    if scope == access.PROVINCE:
        return db.open_snapshot(Path(master))
    return open_scoped(str(snapshot_path(Path(master))), scope)


class Readers:
    def __init__(self, opener: Opener = open_reader, most: int = MOST_SCOPES) -> None:
        self._opener = opener
        self._most = most
        self._lock = threading.Lock()
        self._held: OrderedDict[tuple[str, str | None], tuple[Version, duckdb.DuckDBPyConnection]]
        self._held = OrderedDict()

    def get(self, master: str, version: Version, scope: str | None) -> duckdb.DuckDBPyConnection:
        key = (master, scope)
        with self._lock:
            held = self._held.get(key)
            if held is not None and held[0] == version:
                self._held.move_to_end(key)
                return held[1]
            if held is not None and version[1] < held[0][1]:
                # A page that read the version just before a publication: it gets the old
                # snapshot for this run, without displacing the newer one.
                return self._opener(master, scope)
            connection = self._opener(master, scope)
            self._held[key] = (version, connection)  # the stale one, if any, is dropped
            self._held.move_to_end(key)
            while len(self._held) > self._most:
                self._held.popitem(last=False)
            return connection

    def held(self) -> int:
        return len(self._held)
