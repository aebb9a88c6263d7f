"""Every setting of the dashboard and the importer, as one table: name, default, meaning.

This module is the only one that reads the environment, so a setting cannot be read in one
place and documented in another: the README's Settings section is generated from the table
below (`python -m thidua.settings`) and a test checks that it still is.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from thidua.formatting import number

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DB = DATA_DIR / "warehouse.duckdb"
DEMO_DIR = DATA_DIR / "demo"
REFERENCE_DIR = DATA_DIR / "reference"

MB = 1024 * 1024  # as Streamlit's uploader counts its «50 MB» (server.maxUploadSize)


@dataclass(frozen=True)
class Setting:
    """One environment variable. `admin_key`: the Quản trị page may override the value (kept
    in the access file, audited); the environment then only gives the default. `label`: its
    Vietnamese name on that page."""

    name: str
    default: str
    meaning: str
    admin_key: str = ""
    label: str = ""

    def value(self) -> str:
        return os.environ.get(self.name, self.default)


DB = Setting(
    "THIDUA_DB",
    "data/warehouse.duckdb",
    "the master warehouse (the command line's `--db PATH` wins); its read-only snapshot sits "
    "beside it. Or a DuckLake: `ducklake:sqlite:PATH` or `ducklake:postgres:dbname=… host=…` "
    "(README, «The warehouse on DuckLake»)",
)
LAKE_DATA = Setting(
    "THIDUA_LAKE_DATA",
    "`<catalog>.files/` beside a SQLite catalog",
    "where a DuckLake warehouse keeps its Parquet files: a shared folder, or `s3://…` through "
    "httpfs; needed with a PostgreSQL catalog (README, «The warehouse on DuckLake»)",
)
LAKE_LEASE = Setting(
    "THIDUA_LAKE_LEASE_SECONDS",
    "60",
    "on a lake, a writer holds the writers' turn at most this long: a writer killed mid-import "
    "holds up the others this long, never more",
)
ACCESS_DB = Setting(
    "THIDUA_ACCESS_DB",
    "`<warehouse>.access.sqlite`",
    "the SQLite file of accounts, sessions, settings and the audit trail (beside a warehouse "
    "file or a lake's SQLite catalog); a lake on PostgreSQL keeps them in that PostgreSQL, "
    "schema `thidua_access`, and does not read this",
)
AUTH = Setting(
    "THIDUA_AUTH",
    "local",
    "`oidc` also offers sign-in through the province's identity provider (st.login; configure "
    "`[auth]` in `.streamlit/secrets.toml`, never committed)",
)
OIDC_PROVIDER = Setting(
    "THIDUA_OIDC_PROVIDER",
    "",
    "the `[auth.<name>]` section to use when secrets.toml names several",
)
NON_LEADER_TARGET = Setting(
    "THIDUA_NON_LEADER_TARGET",
    "0.6",
    "target line of the non-leader share, until an admin sets it on the Quản trị page",
    admin_key="non_leader_target",
    label="Chỉ tiêu tỷ lệ khen thưởng cá nhân cho người lao động trực tiếp",
)
ANONYMOUS = Setting(
    "THIDUA_ANONYMOUS",
    "0",
    "`1`: read-only viewing without signing in (aggregates only: no search, no lists of names; "
    "`make run` sets it for the demo), until an admin sets it on the Quản trị page",
    admin_key="anonymous",
    label="Cho phép xem không cần đăng nhập (màn hình công cộng, chỉ số liệu tổng hợp)",
)
CHROMIUM_PATH = Setting(
    "THIDUA_CHROMIUM",
    "/usr/bin/chromium",
    "the browser the slide export (and the browser tests) drive; Debian's, never "
    "`playwright install`",
)
# glibc reads these only when a process starts: serve.py starts itself once more with them so
# that freed memory (an upload, a query's frame) goes back to the system (see the load test).
ALLOCATOR = (
    Setting("MALLOC_ARENA_MAX", "2", "set by `serve.py`: script threads share two arenas"),
    Setting(
        "MALLOC_MMAP_THRESHOLD_",
        str(MB),
        "set by `serve.py`: a freed block of 1 MB or more is given back to the system",
    ),
)


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


LIMIT_MEANINGS = {
    "max_file_bytes": "largest file taken, in bytes",
    "max_unzipped_bytes": "an .xlsx's members may inflate to at most this many bytes, counted "
    "as they inflate (never their declared sizes)",
    "max_zip_ratio": "no .xlsx member may inflate to more than this many times its packed size",
    "max_zip_members": "most members an .xlsx may hold",
    "max_rows": "most rows a sheet may have",
    "max_columns": "most columns a sheet may have (Excel allows 16,384)",
    "max_cells": "most cells (rows × columns of the used range) a sheet may have",
    "max_cell_chars": "longest text a cell may hold (Excel's own limit)",
    "read_seconds": "wall time the reading child may take; past it the file is refused",
    "read_memory_mb": "address space of the reading child, in MB; past it the file is refused",
    "max_reported_errors": "errors listed per file before «và N lỗi khác»",
}
LIMIT_PREFIX = "THIDUA_LIMIT_"  # THIDUA_LIMIT_READ_SECONDS=30 overrides read_seconds, …


def _written(value: object) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


LIMIT_SETTINGS = tuple(
    Setting(LIMIT_PREFIX + field.name.upper(), _written(field.default), LIMIT_MEANINGS[field.name])
    for field in fields(ImportLimits)
)

SETTINGS: tuple[Setting, ...] = (
    DB,
    LAKE_DATA,
    LAKE_LEASE,
    ACCESS_DB,
    AUTH,
    OIDC_PROVIDER,
    NON_LEADER_TARGET,
    ANONYMOUS,
    CHROMIUM_PATH,
    *LIMIT_SETTINGS,
    *ALLOCATOR,
)
ADMIN_SETTINGS = {setting.admin_key: setting for setting in SETTINGS if setting.admin_key}

# What is set in files rather than the environment (name, meaning), listed after the table.
FILES = (
    ("`PORT` (`make run PORT=8600`)", "the dashboard's port, 8501 by default"),
    (
        "`data/reference/position_rules.csv`",
        "the initial leader / direct-worker rules of a new warehouse",
    ),
    ("`data/reference/units.csv`", "units with validity dates and successors"),
    (
        "`data/reference/individual_classes.csv`",
        "the five classes of individuals of forms 0602/0603, from the position rule, the "
        "position and the unit's kind (the first row that fits decides)",
    ),
    (
        "`data/reference/calendar_days.csv`",
        "the weekdays off (public holidays, Tết, days moved) and the Saturdays worked, "
        "2018–2026, for counting working days; check each year against the Government's "
        "notice and add the next year's",
    ),
    (
        "`data/reference/ladder_rules.csv`",
        "the eligibility ladder's first rules of a new warehouse: which run of awards makes a "
        "candidate for which award, with the article it comes from (then the admins keep them)",
    ),
    (
        "`.streamlit/config.toml`",
        "theme, upload size, and three server settings for a dashboard in service: "
        '`server.fileWatcherType = "none"` (the watcher registered every module for each new '
        "browser session while its first script ran: 0,4–0,7 s per page load; "
        "`STREAMLIT_SERVER_FILE_WATCHER_TYPE=auto` for development), "
        "`runner.postScriptGC = false` (a full garbage collection after every run held the "
        "server ~0,5 s), `runner.magicEnabled = false`",
    ),
)


def limits_from_env(environ: dict[str, str] | None = None) -> ImportLimits:
    """The defaults, each overridable as THIDUA_LIMIT_<NAME> (e.g. a slow server given
    THIDUA_LIMIT_READ_SECONDS=120); a value that is not a number is a start-up error."""
    environ = dict(os.environ) if environ is None else environ
    changed: dict[str, float | int] = {}
    for field in fields(ImportLimits):
        value = environ.get(LIMIT_PREFIX + field.name.upper())
        if value is not None:
            changed[field.name] = float(value) if field.type == "float" else int(value)
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
    chosen = Path(explicit) if explicit else Path(os.environ.get(DB.name) or DEFAULT_DB)
    if str(chosen).startswith("ducklake:"):
        # Not a file: without this the warehouse would be made in a folder named «ducklake:…».
        raise ValueError(
            f"Kho «{chosen}» là một DuckLake: việc này mới chạy trên tệp DuckDB (DuckLake: "
            "đang làm); hãy đặt THIDUA_DB là đường dẫn tệp DuckDB."
        )
    return chosen


def lake_data() -> str | None:
    """$THIDUA_LAKE_DATA: where a DuckLake keeps its data files (thidua.lake)."""
    return os.environ.get(LAKE_DATA.name) or None


def lake_lease_seconds() -> float:
    written = LAKE_LEASE.value().strip()
    try:
        return max(float(written), 1.0)
    except ValueError:
        raise ValueError(f"{LAKE_LEASE.name}={written!r}: cần một số giây") from None


def access_path(master: Path) -> Path:
    """$THIDUA_ACCESS_DB, else `<warehouse>.access.sqlite` beside the master warehouse."""
    env = os.environ.get(ACCESS_DB.name)
    return Path(env) if env else master.with_name(f"{master.stem}.access.sqlite")


def snapshot_path(master: Path) -> Path:
    """The read-only copy published after every import (see thidua.db)."""
    return master.with_name(f"{master.stem}.snapshot{master.suffix}")


def oidc_enabled() -> bool:
    return AUTH.value().strip().lower() == "oidc"


def chromium() -> str:
    """Read at each use, so a test (or an operator) can point it elsewhere without a restart."""
    return CHROMIUM_PATH.value()


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


def allocator_missing() -> dict[str, str]:
    """The allocator settings this process was not started with (serve.py restarts with them)."""
    return {s.name: s.default for s in ALLOCATOR if os.environ.get(s.name) != s.default}


def child_environment(**extra: str) -> dict[str, str]:
    """The environment a reading child starts with: this process's, plus `extra`."""
    return {**os.environ, **extra}


def markdown() -> str:
    """The README's Settings section body (between its two markers)."""
    rows = ["| environment variable | default | meaning |", "|---|---|---|"]
    for setting in SETTINGS:
        default = setting.default if "`" in setting.default else f"`{setting.default}`"
        rows.append(
            f"| `{setting.name}` | {default if setting.default else '—'} | {setting.meaning} |"
        )
    rows += ["", "| file | meaning |", "|---|---|"]
    rows += [f"| {name} | {meaning} |" for name, meaning in FILES]
    return "\n".join(rows) + "\n"


README_BEGIN = "<!-- settings: generated by `python -m thidua.settings`; do not edit by hand -->"
README_END = "<!-- settings: end -->"


def readme_with_settings(readme: str) -> str:
    """`readme` with the text between the markers replaced by markdown()."""
    head, rest = readme.split(README_BEGIN, 1)
    _, tail = rest.split(README_END, 1)
    return f"{head}{README_BEGIN}\n{markdown()}{README_END}{tail}"


if __name__ == "__main__":  # rewrite the README's Settings section from the table above
    readme = PROJECT_ROOT / "README.md"
    readme.write_text(readme_with_settings(readme.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
