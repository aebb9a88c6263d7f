"""Where the warehouse lives and the limits the importer enforces.

Everything here can be overridden from the environment so that the CLI, the
dashboard and the tests agree without passing paths around.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from thidua.formatting import number

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DB = DATA_DIR / "warehouse.duckdb"
DEMO_DIR = DATA_DIR / "demo"
REFERENCE_DIR = DATA_DIR / "reference"

DB_ENV = "THIDUA_DB"


MB = 1024 * 1024  # as Streamlit's uploader counts its «50 MB» (server.maxUploadSize)


@dataclass(frozen=True)
class ImportLimits:
    """Bounds that keep a hostile or broken file from eating the machine. Every file is read
    in a child process (etl.reading) that these bound; a province never needs to change them."""

    max_file_bytes: int = 50 * MB
    # An .xlsx is a zip: counted in the bytes its members really inflate to, never their
    # declared sizes; a member may not inflate to more than this many times its packed size.
    max_unzipped_bytes: int = 400 * MB
    max_zip_ratio: float = 200.0
    max_zip_members: int = 2_000
    max_rows: int = 1_000_000
    max_columns: int = 512  # Excel allows 16,384; no list of awards is wider than a few dozen
    max_cells: int = 20_000_000  # rows × columns of a sheet's used range, after stray cells
    max_cell_chars: int = 32_767  # Excel's own limit for one cell
    # The reading child: wall time and address space; past either, the file is refused.
    read_seconds: float = 60.0
    read_memory_mb: int = 2_048
    # How many errors are listed per file before "và N lỗi khác".
    max_reported_errors: int = 50


LIMITS_ENV = "THIDUA_LIMIT_"  # THIDUA_LIMIT_READ_SECONDS=30 overrides read_seconds, …


def limits_from_env(environ: dict[str, str] | None = None) -> ImportLimits:
    """The defaults, each overridable as THIDUA_LIMIT_<NAME> (e.g. a slow server given
    THIDUA_LIMIT_READ_SECONDS=120); a value that is not a number is a start-up error."""
    environ = dict(os.environ) if environ is None else environ
    changed: dict[str, float | int] = {}
    for name, kind in ImportLimits.__annotations__.items():
        value = environ.get(LIMITS_ENV + name.upper())
        if value is not None:
            changed[name] = float(value) if kind == "float" else int(value)
    return ImportLimits(**changed)  # type: ignore[arg-type]


LIMITS = limits_from_env()
# the files the upload page takes (.txt/.tsv: Excel's «Unicode Text», tab-separated)
UPLOAD_KINDS = ("xlsx", "xls", "csv", "txt", "tsv")


def too_big(size: int, limits: ImportLimits = LIMITS) -> str:
    """«tệp quá lớn (61,2 MB); giới hạn là 50 MB.» — in the MB the uploader shows (the
    message said «giới hạn là 52 MB» when it divided by a million)."""
    return (
        f"tệp quá lớn ({number(size / MB, 1)} MB); giới hạn là "
        f"{number(limits.max_file_bytes / MB, 0)} MB."
    )


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The master warehouse: --db wins, then $THIDUA_DB, then data/warehouse.duckdb."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    return Path(env) if env else DEFAULT_DB


def snapshot_path(master: Path) -> Path:
    """The read-only copy published after every import (see thidua.db)."""
    return master.with_name(f"{master.stem}.snapshot{master.suffix}")


# Debian's Chromium drives the slide export (and the browser tests); never `playwright install`.
CHROMIUM = os.environ.get("THIDUA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
