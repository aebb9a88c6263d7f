"""The warehouse holds people's names: its files are the service account's alone (issue 20:
the master and the snapshot were made 0644)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from etl.importer import import_files
from tests.accounts import OPERATOR
from tests.conftest import SAMPLES
from thidua import settings


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_warehouse_snapshot_and_their_folder_are_private(tmp_path: Path) -> None:
    master = tmp_path / "new folder" / "warehouse.duckdb"

    [report] = import_files([SAMPLES / "qd_bang_khen_2020.xlsx"], master, OPERATOR)
    assert report.status == "imported"
    snapshot = Path(os.path.realpath(settings.snapshot_path(master)))
    assert snapshot != master and snapshot.exists()
    assert (_mode(master), _mode(snapshot), _mode(master.parent)) == (0o600, 0o600, 0o700)
