"""The warehouse on DuckLake (issue 22): the setting that names it, the extensions it needs,
and attaching it.

`THIDUA_DB` (or `--db`) is either a path to a DuckDB file — one machine, the default — or a
DuckLake address: `ducklake:sqlite:PATH` (several processes on one machine, no server) or
`ducklake:postgres:dbname=… host=… port=…` (many machines). The lake's Parquet files go to
`THIDUA_LAKE_DATA`, by default a folder beside a SQLite catalog.

The extensions come from their PyPI packages (duckdb-extension-ducklake, -sqlite-scanner,
-postgres-scanner, -httpfs, each built for one DuckDB version): `INSTALL`/`LOAD` by name try
to download, which a province's server cannot; each is loaded from its package's file.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import duckdb

from thidua.sql_files import named_statements

PREFIX = "ducklake:"
# The extension each catalog needs, besides ducklake itself.
CATALOGS = {"sqlite": "sqlite_scanner", "postgres": "postgres_scanner"}
PACKAGES = {
    "ducklake": "duckdb_extension_ducklake",
    "sqlite_scanner": "duckdb_extension_sqlite_scanner",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
    "httpfs": "duckdb_extension_httpfs",
}


# How a setting names a past snapshot: «ducklake:sqlite:kho.sqlite#snapshot=42».
SNAPSHOT_MARK = "#snapshot="


class LakeUnavailable(Exception):
    """The lake cannot be used as set: the sentence says which setting or package to mend."""


@dataclass(frozen=True)
class Lake:
    """A DuckLake named by the warehouse setting."""

    catalog: str  # "sqlite" or "postgres"
    target: str  # the SQLite file, or PostgreSQL's connection string
    data_path: str  # a folder, or s3://… through httpfs
    snapshot: int | None = None  # read as it was at this snapshot (thidua.warehouse.as_of)

    @property
    def address(self) -> str:
        """What ATTACH takes (without the snapshot: see `setting`)."""
        return f"{PREFIX}{self.catalog}:{self.target}"

    @property
    def setting(self) -> str:
        """The text that names it again, a past snapshot included (lake_of reads it back)."""
        pinned = f"{SNAPSHOT_MARK}{self.snapshot}" if self.snapshot is not None else ""
        return self.address + pinned

    @property
    def extensions(self) -> tuple[str, ...]:
        remote = ("httpfs",) if "://" in self.data_path else ()
        return ("ducklake", CATALOGS[self.catalog], *remote)


def is_lake(setting: str | Path) -> bool:
    return str(setting).startswith(PREFIX)


def lake_of(setting: str, data_path: str | None = None) -> Lake:
    """The lake a `ducklake:` setting names, its data where THIDUA_LAKE_DATA says or beside a
    SQLite catalog; refused with the reason when it cannot be used."""
    setting, mark, pinned = setting.partition(SNAPSHOT_MARK)
    snapshot = int(pinned) if mark and pinned.isdigit() else None
    catalog, _, target = setting.removeprefix(PREFIX).partition(":")
    if catalog not in CATALOGS or not target.strip():
        raise LakeUnavailable(
            f"Địa chỉ kho «{setting}» không dùng được: cần dạng ducklake:sqlite:ĐƯỜNG_DẪN "
            "hoặc ducklake:postgres:dbname=… host=… port=…"
        )
    if not data_path:
        if catalog != "sqlite":
            raise LakeUnavailable(
                "Kho DuckLake trên PostgreSQL cần THIDUA_LAKE_DATA: thư mục dùng chung (hoặc "
                "s3://…) nơi mọi máy chủ cùng đọc, ghi tệp dữ liệu Parquet."
            )
        catalog_file = Path(target)
        data_path = str(catalog_file.with_name(f"{catalog_file.stem}.files")) + "/"
    return Lake(catalog, target.strip(), data_path, snapshot)


def extension_file(name: str) -> Path:
    """The extension's file in its PyPI package, for the DuckDB this process runs."""
    spec = importlib.util.find_spec(PACKAGES[name])
    folders = list(spec.submodule_search_locations or []) if spec else []
    version = duckdb.__version__
    for folder in folders:
        found = Path(folder) / "extensions" / f"v{version}" / f"{name}.duckdb_extension"
        if found.is_file():
            return found
    package = PACKAGES[name].replace("_", "-")
    raise LakeUnavailable(
        f"Thiếu phần mở rộng {name} của DuckDB {version}: cài gói {package}=={version} "
        "(có trong requirements.lock)."
    )


def load_extensions(con: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    for name in lake.extensions:
        con.execute(f"LOAD '{_literal(str(extension_file(name)))}'")


def attach(
    con: duckdb.DuckDBPyConnection, lake: Lake, alias: str = "lake", read_only: bool = False
) -> None:
    """Attach the lake to `con` under `alias` (made if it does not exist yet)."""
    load_extensions(con, lake)
    if lake.catalog == "sqlite":
        Path(lake.target).parent.mkdir(parents=True, exist_ok=True)
        if not read_only:
            _write_ahead_log(Path(lake.target))
    options = [f"DATA_PATH '{_literal(lake.data_path)}'"] + (["READ_ONLY"] if read_only else [])
    if lake.snapshot is not None:  # the past is read, never written
        if not read_only:
            raise ValueError("a lake at a past snapshot is attached read-only")
        options.append(f"SNAPSHOT_VERSION {int(lake.snapshot)}")
    try:
        con.execute(
            f"ATTACH '{_literal(lake.address)}' AS {_identifier(alias)} ({', '.join(options)})"
        )
    except duckdb.IOException as error:
        if _UNREACHABLE not in str(error):
            raise
        reason = str(error).partition(_UNREACHABLE)[2].partition('": ')[2].splitlines()[0]
        raise LakeUnavailable(
            f"Không kết nối được PostgreSQL giữ danh mục của kho DuckLake "
            f"({without_password(lake.target)}): {reason}"
        ) from error
    if "://" not in lake.data_path:  # after the catalog answered: nothing made for a lake not there
        Path(lake.data_path).mkdir(parents=True, exist_ok=True)


_UNREACHABLE = "Unable to connect to Postgres at "  # what DuckDB's postgres extension says


def without_password(conninfo: str) -> str:
    """A connection string as a message or a log may show it."""
    return re.sub(r"password\s*=\s*\S+", "password=…", conninfo)


def _write_ahead_log(catalog: Path) -> None:
    """A SQLite catalog in WAL mode: in its default mode a reader between two queries (a
    page's connection, the data-version probe) held a lock that kept every writer waiting
    («database is locked») until it closed. The mode is kept in the file; setting it needs a
    moment when nobody else uses the file, so a lake already in use is left as it is until then."""
    try:
        with contextlib.closing(sqlite3.connect(catalog, timeout=1)) as con:
            con.execute(named_statements("lake/schema.sql")["catalog_wal"])
    except sqlite3.Error:
        pass


def _literal(text: str) -> str:
    return text.replace("'", "''")


def _identifier(name: str) -> str:
    if not name.isidentifier():
        raise ValueError(f"not an identifier: {name!r}")
    return name
