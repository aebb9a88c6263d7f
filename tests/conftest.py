from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pytest

from deploy import postgres_local
from etl.importer import import_files
from etl.load import Report
from tests.accounts import OPERATOR
from thidua import accounts, db, lake, settings, warehouse
from thidua.warehouse import Warehouse

if TYPE_CHECKING:
    from demo_province import DemoProvince

SAMPLES = (
    Path(__file__).parent / "samples"
)  # a copy of ../shared/samples, so a clone is self-contained
TRUTH = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))

Importer = Callable[..., list[Report]]


@pytest.fixture
def master(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture(params=["file", "lake_sqlite", "lake_postgres"])
def where(
    request: pytest.FixtureRequest, master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Warehouse:
    """A warehouse of the test's own on each engine (issue 22): a DuckDB file, a lake on a
    SQLite catalog, and a lake on the session's PostgreSQL (whose accounts and audit trail
    are in that PostgreSQL too)."""
    if request.param == "file":
        return master
    if request.param == "lake_sqlite":
        return lake.lake_of(f"ducklake:sqlite:{tmp_path / 'lake' / 'catalog.sqlite'}")
    cluster: postgres_local.Cluster = request.getfixturevalue("postgres")
    data = str(tmp_path / "data") + "/"
    monkeypatch.setenv("THIDUA_LAKE_DATA", data)
    database = cluster.new_database("test_" + uuid.uuid4().hex[:10])
    return lake.lake_of(f"ducklake:postgres:{database}", data)


def rows_of(where: Warehouse, sql: str) -> list[tuple[Any, ...]]:
    """What a reader of `where` gets for `sql` now (nothing before the first import)."""
    if warehouse.version(where) is None:
        return []
    con = warehouse.open_for_reading(where)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def fingerprint_of(where: Warehouse) -> dict[str, object]:
    """table_fingerprint of what a reader of `where` sees now."""
    con = warehouse.open_for_reading(where)
    try:
        return table_fingerprint(con)
    finally:
        con.close()


@pytest.fixture
def import_into(master: Path) -> Importer:
    def run(*files: Path) -> list[Report]:
        return import_files(list(files), master, OPERATOR)

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


@pytest.fixture(autouse=True)
def _navigation_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest re-detects the pages/ folder before every run and would then run a page
    without app.py (Streamlit's legacy mode); serve.py turns that mode off, so do the tests."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


DEMO_AWARDS_PER_YEAR = 600


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoProvince]:
    """A small demo province imported through the analysts' code, and its truth."""
    from demo_province import build_province
    from etl.demo_import import import_demo

    root = tmp_path_factory.mktemp("demo")
    master = root / "warehouse.duckdb"
    reports = import_demo(master, awards_per_year=DEMO_AWARDS_PER_YEAR, out_dir=root / "files")
    assert reports and all(r.status == "imported" for r in reports), [
        r.message() for r in reports if not r.ok
    ]
    return master, build_province(awards_per_year=DEMO_AWARDS_PER_YEAR)


@pytest.fixture
def access_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The dashboard's account file for this test, holding its first admin «quantri»."""
    path = tmp_path / "access.sqlite"
    monkeypatch.setenv(settings.ACCESS_DB.name, str(path))
    accounts.add_user(path, None, "quantri", "matkhau-dai", "admin", display_name="Lê Quản Trị")
    return path


@pytest.fixture(scope="session")
def postgres() -> Iterator[postgres_local.Cluster]:
    """The test session's own PostgreSQL (deploy/postgres_local.py, as `.ci/run` starts it):
    a lake's catalog; each test makes a database of its own in it."""
    try:
        postgres_local.binaries()
    except postgres_local.PostgresMissing:
        if os.environ.get("REQUIRE_POSTGRES"):
            raise
        pytest.skip("PostgreSQL is not installed")
    folder = Path(tempfile.mkdtemp(prefix="thidua-pg-"))  # under /tmp: its owner can reach it
    try:
        with postgres_local.running(folder) as cluster:
            yield cluster
    finally:
        shutil.rmtree(folder, ignore_errors=True)
