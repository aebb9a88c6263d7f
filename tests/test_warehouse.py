"""The snapshot design: readers never lock the importer out, and see new data after it publishes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.builders import write_rows
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


def test_register_stored_year_by_year(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    # Typed as offices do, years mixed: stored by (year, row) so the pages' year filters
    # skip whole blocks; every row kept once.
    header: list[object] = [
        "Năm",
        "Số quyết định",
        "Họ và tên",
        "Đối tượng",
        "Đơn vị",
        "Hình thức khen thưởng",
    ]
    typed = [
        (2021, "Lê Văn A"),
        (2019, "Trần Thị B"),
        (2020, "Ngô C"),
        (2019, "Đỗ D"),
        (2021, "Vũ E"),
    ]
    rows: list[list[object]] = [header] + [
        [year, f"{i + 1}/QĐ-UBND", name, "Cá nhân", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh"]
        for i, (year, name) in enumerate(typed)
    ]
    [report] = import_into(write_rows(tmp_path / "mixed_years.xlsx", rows))
    assert report.status == "imported", report.message()
    stored = snapshot().execute("SELECT year, recipient_name FROM award ORDER BY rowid").fetchall()
    assert stored == [
        (2019, "Trần Thị B"),
        (2019, "Đỗ D"),
        (2020, "Ngô C"),
        (2021, "Lê Văn A"),
        (2021, "Vũ E"),
    ]


def test_several_files_each_on_its_own(
    import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    # Files are read one ahead of the one being written: each still gets its own answer,
    # in the order given, and the refused one adds nothing.
    truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
    reports = import_into(
        SAMPLES / "so_khen_thuong_2019.xlsx",
        SAMPLES / "bad" / "unknown_form.xlsx",
        SAMPLES / "so_khen_thuong_2019.xlsx",
        SAMPLES / "bad" / "truncated.xlsx",
        SAMPLES / "qd_bang_khen_2020.xlsx",
    )
    assert [(r.file, r.status) for r in reports] == [
        ("so_khen_thuong_2019.xlsx", "imported"),
        ("unknown_form.xlsx", "refused"),
        ("so_khen_thuong_2019.xlsx", "duplicate"),
        ("truncated.xlsx", "refused"),
        ("qd_bang_khen_2020.xlsx", "imported"),
    ]
    assert reports[0].rows == truth["so_khen_thuong_2019.xlsx"]["awards"]
    assert reports[4].rows == truth["qd_bang_khen_2020.xlsx"]["awards"]
    assert "truncated.xlsx" in reports[3].message()
    by_file = (
        snapshot()
        .execute("SELECT source_file, count(*) FROM awards GROUP BY ALL ORDER BY ALL")
        .fetchall()
    )
    assert by_file == [
        ("qd_bang_khen_2020.xlsx", truth["qd_bang_khen_2020.xlsx"]["awards"]),
        ("so_khen_thuong_2019.xlsx", truth["so_khen_thuong_2019.xlsx"]["awards"]),
    ]


def test_aggregates_an_older_release_built_are_rebuilt_at_the_next_write(
    master: Path, import_into: Importer
) -> None:
    """A warehouse whose aggregates were built before decision_counts (what a dossier's
    decision granted is read from it) gets the table at its next write, built whole."""
    import_into(SAMPLES / "qd_bang_khen_2020.xlsx")
    truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))[
        "qd_bang_khen_2020.xlsx"
    ]
    con = duckdb.connect(str(master))  # as the release before left it
    con.execute("DROP TABLE decision_counts")
    con.execute("UPDATE meta SET value = 'current' WHERE key = 'aggregates'")
    con.close()
    with db.writing(master):
        pass
    snapshot = db.open_snapshot(master)
    counted = snapshot.execute(
        "SELECT decision_no, decision_date, sum(n) FROM decision_counts GROUP BY ALL"
    ).fetchall()
    assert [(no, str(day), int(n)) for no, day, n in counted] == [
        (truth["decision_no"], truth["decision_date"], truth["awards"])
    ]
