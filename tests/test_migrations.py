"""Schema changes as numbered migrations with a stored version (issue 19): a new warehouse
is at the latest version, a warehouse made before migrations were numbered is brought up
to date in place with its rows kept, and one made by a newer release is not written to."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from tests.conftest import SAMPLES
from thidua import db, migrations


def test_migrations_are_numbered_from_one_without_gaps() -> None:
    numbers = [m.number for m in migrations.migrations()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert numbers[:2] == [1, 2]
    assert migrations.migrations()[1].name == "0002_column_mappings.sql"


def test_a_new_warehouse_is_at_the_latest_version(tmp_path: Path) -> None:
    master = tmp_path / "w.duckdb"
    db.publish_snapshot(master)
    con = db.open_snapshot(master)
    assert migrations.stored_version(con) == migrations.latest()
    assert con.execute("SELECT count(*) FROM column_mappings").fetchone() == (0,)
    con.close()


def test_a_warehouse_from_before_numbered_migrations_is_brought_up_to_date(
    tmp_path: Path,
) -> None:
    """As the last release left it: migration 1's tables, a fingerprint instead of a
    version, no column_mappings, one imported file."""
    master = tmp_path / "w.duckdb"
    assert main(["import", str(SAMPLES / "qd_bang_khen_2020.xlsx"), "--db", str(master)]) == 0
    con = duckdb.connect(str(master))
    con.execute("DROP TABLE column_mappings")
    con.execute("DELETE FROM meta WHERE key IN ('schema_version', 'views')")
    con.execute("INSERT INTO meta VALUES ('schema', 'fingerprint of the old schema.sql')")
    con.close()
    with db.writing(master) as writer:
        assert migrations.stored_version(writer) == migrations.latest()
        assert writer.execute("SELECT count(*) FROM award").fetchone() == (52,)  # rows kept
        assert writer.execute("SELECT count(*) FROM column_mappings").fetchone() == (0,)
        assert writer.execute("SELECT count(*) FROM awards").fetchone() == (52,)  # the view


def test_a_warehouse_of_a_newer_release_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "w.duckdb"
    db.publish_snapshot(master)
    con = duckdb.connect(str(master))
    con.execute(
        "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(migrations.latest() + 1)]
    )
    con.close()
    before = master.read_bytes()
    assert main(["import", str(SAMPLES / "qd_bang_khen_2020.xlsx"), "--db", str(master)]) == 3
    assert "được tạo bởi phiên bản mới hơn của phần mềm" in capsys.readouterr().err
    assert master.read_bytes() == before


def test_times_a_server_wrote_in_its_own_zone_are_turned_to_utc(tmp_path: Path) -> None:
    """Migration 4: before, an import's time was stored in the writing server's zone. On a
    server in Vietnam time, 13:27 there is 06:27 UTC; a time from after the migration
    (written as UTC) is not moved again, as the migration runs once."""
    master = tmp_path / "w.duckdb"
    assert main(["import", str(SAMPLES / "qd_bang_khen_2020.xlsx"), "--db", str(master)]) == 0
    con = duckdb.connect(str(master))
    con.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'")
    con.execute("UPDATE import_batches SET imported_at = TIMESTAMP '2026-12-03 13:27:00'")
    [utc_times] = [m for m in migrations.migrations() if m.name == "0004_utc_times.sql"]
    con.execute(utc_times.sql)
    assert con.execute("SELECT imported_at::VARCHAR, undone_at FROM import_batches").fetchall() == [
        ("2026-12-03 06:27:00", None)
    ]
    con.close()
