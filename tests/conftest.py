from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl.importer import Report, import_files
from thidua import db

SAMPLES = (
    Path(__file__).parent / "samples"
)  # a copy of ../shared/samples, so a clone is self-contained
TRUTH = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))

Importer = Callable[..., list[Report]]


@pytest.fixture
def master(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def import_into(master: Path) -> Importer:
    def run(*files: Path) -> list[Report]:
        return import_files(list(files), master)

    return run


@pytest.fixture
def snapshot(master: Path) -> Callable[[], duckdb.DuckDBPyConnection]:
    def open_() -> duckdb.DuckDBPyConnection:
        return db.open_snapshot(master)

    return open_


def table_fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Row count and a content hash of every table: equal fingerprints = unchanged database."""
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    return {
        t: con.execute(f"SELECT count(*), sum(hash(t::VARCHAR)) FROM {t} AS t").fetchone()  # noqa: S608
        for t in tables
    }
