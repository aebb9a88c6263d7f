"""The snapshot design: readers never lock the importer out, and see new data after it publishes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLES, Importer
from thidua import db, settings


def test_reader_holding_snapshot_does_not_block_import(master: Path, import_into: Importer) -> None:
    import_into(SAMPLES / "so_khen_thuong_2021.csv")
    snapshot = settings.snapshot_path(master)
    reader = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time\n"
         f"c = duckdb.connect({str(snapshot)!r}, read_only=True)\n"
         "print(c.execute('SELECT count(*) FROM awards').fetchone()[0], flush=True)\n"
         "time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "120"
        version = db.snapshot_version(master)
        [report] = import_into(SAMPLES / "so_khen_thuong_2019.xlsx")
        assert report.status == "imported"
        assert db.snapshot_version(master) != version  # the dashboard reconnects on this
        fresh = db.open_snapshot(master)
        assert fresh.execute("SELECT count(*) FROM awards").fetchone() == (420,)
    finally:
        reader.kill()


def test_views_and_reference_lists(master: Path, import_into: Importer) -> None:
    import_into(SAMPLES / "qd_bang_khen_2020.xlsx")
    con = db.open_snapshot(master)
    columns = [r[0] for r in con.execute("DESCRIBE awards").fetchall()]
    for required in [
        "award_id", "year", "decision_no", "decision_date", "form_code", "form_name", "award_type",
        "recipient_kind", "recipient_name", "position", "is_leader", "gender", "unit_name",
        "campaign_code", "source_file", "batch_id",
    ]:  # fmt: skip
        assert required in columns
    assert [r[0] for r in con.execute("DESCRIBE bloc_results").fetchall()][:6] == [
        "year",
        "bloc_name",
        "bloc_kind",
        "unit_name",
        "role",
        "self_score",
    ]
    assert con.execute("SELECT count(*) FROM ref_award_form").fetchone() == (16,)
    assert con.execute("SELECT count(*) FROM ref_award_type").fetchone() == (7,)
    # Vietnamese collation: "Đ" sorts after "D", "Ư" after "U".
    names = ["Ủy ban", "Đài", "Dân", "Uông", "Ban"]
    got = con.execute("SELECT n FROM unnest(?) AS t(n) ORDER BY n COLLATE vi", [names]).fetchall()
    assert [g[0] for g in got] == ["Ban", "Dân", "Đài", "Uông", "Ủy ban"]
