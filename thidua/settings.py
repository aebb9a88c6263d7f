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
    """Bounds that keep a hostile or broken file from eating the machine."""

    max_file_bytes: int = 50 * MB
    # An .xlsx is a zip: refuse before inflating when the declared sizes are absurd.
    max_unzipped_bytes: int = 400 * 1024 * 1024
    max_zip_ratio: float = 200.0
    max_rows: int = 1_000_000
    # How many errors are listed per file before "và N lỗi khác".
    max_reported_errors: int = 50


LIMITS = ImportLimits()
UPLOAD_KINDS = ("xlsx", "xls", "csv")  # the files the upload page takes


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
