"""Imports on a lake (issue 22): the lake's schema is the warehouse's, the sample files import
into it as their truth says, an analyst's own DuckDB reads the views, and writers in
separate processes at once never lose, repeat or half-write a batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import duckdb
import pytest

from deploy import postgres_local
from etl.importer import import_file
from tests.accounts import ANALYST
from tests.builders import REGISTER_HEADER, write_rows
from tests.conftest import SAMPLES, TRUTH
from thidua import audit, db, lake, lake_schema, lake_writer, warehouse

ROOT = Path(__file__).resolve().parent.parent
AWARD_SAMPLES = ["qd_bang_khen_2020.xlsx", "so_khen_thuong_2019.xlsx", "so_khen_thuong_2021.csv",
                 "so_khen_2005_tcvn3.xls", "so_khen_2006_vni.xls"]  # fmt: skip


def _pg_lake(postgres: postgres_local.Cluster, tmp_path: Path) -> tuple[str, str]:
    """A lake of its own: a new database in the session's PostgreSQL, data under tmp_path."""
    name = "lake_" + uuid.uuid4().hex[:10]
    return f"ducklake:postgres:{postgres.new_database(name)}", str(tmp_path / "data") + "/"


@pytest.fixture(params=["sqlite", "postgres"])
def lake_setting(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    if request.param == "sqlite":
        return f"ducklake:sqlite:{tmp_path / 'lake' / 'catalog.sqlite'}", ""
    return _pg_lake(request.getfixturevalue("postgres"), tmp_path)


def test_the_lake_has_every_table_and_column_of_a_file_warehouse(tmp_path: Path) -> None:
    embedded = db.open_master(tmp_path / "w.duckdb")
    try:
        wanted = embedded.execute(lake_schema.SQL["lake_columns"]).fetchall()
    finally:
        embedded.close()
    where = lake.lake_of(f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}")
    with lake_writer.writing(where) as con:
        made = set(con.execute(lake_schema.SQL["lake_columns"]).fetchall())
        turn = con.execute("SELECT * FROM writer_turn").fetchall()
    assert set(wanted) <= made
    assert "award" in {t for t, _, _ in wanted} and len(wanted) > 100
    assert made - set(wanted) == {
        ("writer_turn", "turn", "BIGINT"),
        ("writer_turn", "holder", "VARCHAR"),
        ("writer_turn", "held_until", "TIMESTAMP WITH TIME ZONE"),
    }
    # One row: no writer has taken a turn yet, nobody holds it.
    assert turn == [(0, None, None)]


def _register(path: Path, writer: int, number: int) -> tuple[Path, int]:
    """A province's list: its own decision, 1–5 people (how many is worked out here)."""
    rows = 1 + (writer * 7 + number) % 5
    body = [
        ["2022", f"{writer:02d}{number:02d}/QĐ-UBND", "10/01/2022", "Cá nhân",
         f"Người {writer}-{number}-{k}", "Nữ", "Chuyên viên", "Sở Y tế",
         "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"]
        for k in range(rows)
    ]  # fmt: skip
    return write_rows(path / f"ds_{writer:02d}_{number:02d}.xlsx", [REGISTER_HEADER, *body]), rows


def test_the_samples_import_into_a_lake_as_their_truth_says(
    lake_setting: tuple[str, str], tmp_path: Path
) -> None:
    where = lake.lake_of(*lake_setting)
    with lake_writer.writing(where) as con:
        reports = {name: import_file(con, SAMPLES / name, ANALYST) for name in AWARD_SAMPLES}
        again = import_file(con, SAMPLES / "qd_bang_khen_2020.xlsx", ANALYST)
        scores = import_file(con, SAMPLES / "diem_khoi4_2018.xlsx", ANALYST)
    for name, report in reports.items():
        assert (report.status, report.rows) == ("imported", TRUTH[name]["awards"]), name
    assert again.status == "duplicate"
    assert scores.status == "imported", scores.message()
    # Read by another process, as an analyst's own DuckDB would (extensions from their files).
    script = (
        "import duckdb, sys\n"
        f"from thidua import lake\nw = lake.lake_of({lake_setting[0]!r}, {lake_setting[1]!r} or None)\n"
        "con = duckdb.connect(); lake.attach(con, w, 'kho', read_only=True)\n"
        'print(con.sql("SELECT source_file, count(*), count(*) FILTER (recipient_kind = '
        "'individual'), count(*) FILTER (recipient_kind = 'individual' AND NOT is_leader) "
        'FROM kho.awards GROUP BY ALL ORDER BY 1").fetchall())\n'
        "print(con.sql('SELECT unit_name, rank FROM kho.bloc_results ORDER BY rank').fetchall())\n"
    )
    read = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert read.returncode == 0, read.stderr[-2000:]
    by_file, ranking = (eval(line) for line in read.stdout.splitlines())  # noqa: S307 — our own repr
    assert {f: n for f, n, _, _ in by_file} == {n: TRUTH[n]["awards"] for n in AWARD_SAMPLES}
    decision = TRUTH["qd_bang_khen_2020.xlsx"]
    assert [row[2:] for row in by_file if row[0] == "qd_bang_khen_2020.xlsx"] == [
        (decision["individual"], decision["non_leader_individual"])
    ]
    truth_ranking = TRUTH["diem_khoi4_2018.xlsx"]
    assert [u for u, _ in ranking] == truth_ranking["ranking"]


def _writers(
    setting: str, data: str, batches: list[list[Path]], *extra: str, lease: int = 60
) -> list[subprocess.Popen[str]]:
    env = {**os.environ, "THIDUA_LAKE_LEASE_SECONDS": str(lease)}
    return [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.lake_writer_process",
                setting,
                data,
                *map(str, files),
                *extra,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )  # fmt: skip
        for files in batches
    ]


def _reports(process: subprocess.Popen[str]) -> list[dict[str, Any]]:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err[-3000:]
    return [json.loads(line) for line in out.splitlines()]


def _read(setting: str, data: str, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect()
    try:
        lake.attach(con, lake.lake_of(setting, data or None), "kho", read_only=True)
        con.execute("USE kho")
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_eight_writers_at_once_each_batch_exactly_once(
    postgres: postgres_local.Cluster, tmp_path: Path
) -> None:
    setting, data = _pg_lake(postgres, tmp_path)
    with lake_writer.writing(lake.lake_of(setting, data)):
        pass  # the schema, made once before the writers start (as a deployment does)
    files, expected = [], {}
    for writer in range(8):
        mine = []
        for number in range(10):
            path, rows = _register(tmp_path, writer, number)
            mine.append(path)
            expected[f"{writer:02d}{number:02d}/QĐ-UBND"] = rows
        files.append(mine)
    reports = [r for p in _writers(setting, data, files) for r in _reports(p)]
    assert [r["status"] for r in reports] == ["imported"] * 80
    batches = [b for (b,) in _read(setting, data, "SELECT batch_id FROM import_batches")]
    assert len(batches) == len(set(batches)) == 80  # none lost, none repeated
    counted = dict(_read(setting, data, "SELECT decision_no, count(*) FROM awards GROUP BY 1"))
    # Each writer's ten lists hold 1–5 people twice over: 30 rows a writer, 240 in all.
    assert counted == expected and sum(expected.values()) == 240
    ids = _read(setting, data, "SELECT count(*), count(DISTINCT award_id) FROM award")
    assert ids == [(240, 240)]


def test_the_same_files_from_two_writers_make_one_batch_each(
    postgres: postgres_local.Cluster, tmp_path: Path
) -> None:
    setting, data = _pg_lake(postgres, tmp_path)
    files = [_register(tmp_path, 9, number)[0] for number in range(6)]
    first, second = (_reports(p) for p in _writers(setting, data, [files, files]))
    for mine, theirs in zip(first, second, strict=True):
        assert sorted([mine["status"], theirs["status"]]) == ["duplicate", "imported"], mine["file"]
    per_file = _read(setting, data, "SELECT file_name, count(*) FROM import_batches GROUP BY 1")
    assert sorted(per_file) == sorted((f.name, 1) for f in files)


def test_a_writer_killed_before_its_commit_leaves_nothing_half_written(
    postgres: postgres_local.Cluster, tmp_path: Path
) -> None:
    setting, data = _pg_lake(postgres, tmp_path)
    files = [
        _register(tmp_path, 5, number)[0] for number in range(3)
    ]  # 1, 2 and 3 rows (_register)
    [writer] = _writers(setting, data, [files], "--hold-after", "2", lease=5)
    assert writer.stdout is not None
    first = json.loads(writer.stdout.readline())
    holding = json.loads(writer.stdout.readline())
    assert first["status"] == "imported" and holding == {"holding": 2}
    # Mid-write, a reader sees the first batch whole and nothing of the second.
    seen = "SELECT (SELECT count(*) FROM import_batches), (SELECT count(*) FROM award)"
    rows_first = 1 + (5 * 7 + 0) % 5
    assert _read(setting, data, seen) == [(1, rows_first)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert _read(setting, data, seen) == [(1, rows_first)]
    # The next writer goes on once the killed one's lease has run out (5 s here); the turn
    # the killed one was writing in was never taken.
    [after] = _writers(setting, data, [files], lease=5)
    assert [r["status"] for r in _reports(after)] == ["duplicate", "imported", "imported"]
    rows = [1 + (5 * 7 + n) % 5 for n in range(3)]
    assert _read(setting, data, seen) == [(3, sum(rows))]
    batches = _read(setting, data, "SELECT batch_id FROM import_batches ORDER BY 1")
    assert len(batches) == 3 and batches[0] == (holding["holding"] - 1,)


def test_upkeep_merges_files_forgets_old_snapshots_and_keeps_every_figure(tmp_path: Path) -> None:
    setting = f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}"
    where = lake.lake_of(setting)
    with lake_writer.writing(where) as con:
        for name in AWARD_SAMPLES:
            assert import_file(con, SAMPLES / name, ANALYST).status == "imported"
    counted = "SELECT source_file, count(*) FROM awards GROUP BY 1"
    done = lake_writer.maintain(where, keep_days=0)
    # One snapshot a commit before (schema, reference lists, five files, aggregates…), the
    # newest alone after; no more live files than before.
    assert done.snapshots_before >= 7 and done.snapshots_after == 1
    assert done.files_after <= done.files_before
    assert dict(_read(setting, "", counted)) == {n: TRUTH[n]["awards"] for n in AWARD_SAMPLES}
    # And the command line says it, in Vietnamese; on a DuckDB file it says it is not needed.
    from etl.cli import main

    assert main(["--db", setting, "maintain", "--keep-days", "0"]) == 0
    assert main(["--db", str(tmp_path / "w.duckdb"), "maintain"]) == 2


def test_readers_see_an_import_as_soon_as_it_commits(tmp_path: Path) -> None:
    """The data version (what the pages' caches are keyed on) is the lake's newest snapshot:
    it moves when a writer commits, without any copy being published."""
    from thidua import warehouse

    where = lake.lake_of(f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}")
    assert warehouse.version(where) is None  # no lake yet: nothing to show
    with lake_writer.writing(where) as con:
        import_file(con, SAMPLES / "qd_bang_khen_2020.xlsx", ANALYST)
    first = warehouse.version(where)
    reader = warehouse.open_for_reading(where)
    with lake_writer.writing(where) as con:
        import_file(con, SAMPLES / "so_khen_thuong_2021.csv", ANALYST)
    second = warehouse.version(where)
    assert first is not None and second is not None and second[1] > first[1]
    counted = "SELECT count(*) FROM awards"
    expected = (
        TRUTH["qd_bang_khen_2020.xlsx"]["awards"] + TRUTH["so_khen_thuong_2021.csv"]["awards"]
    )
    assert reader.execute(counted).fetchone() == (expected,)  # the reader opened before
    reader.close()


def test_writers_that_make_a_new_lake_at_once_all_go_on(
    postgres: postgres_local.Cluster, tmp_path: Path
) -> None:
    """The first writers of a new lake each make its catalog tables; the ones refused for it
    («already exists», a duplicate key in PostgreSQL) find them made and go on (seen: 4 of 12
    refused before the retry)."""
    setting, data = _pg_lake(postgres, tmp_path)
    script = (
        "import sys\nfrom thidua import lake, lake_writer\n"
        "with lake_writer.writing(lake.lake_of(sys.argv[1], sys.argv[2])): print('ok')\n"
    )
    started = [
        subprocess.Popen([sys.executable, "-c", script, setting, data], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(6)
    ]  # fmt: skip
    said = [p.communicate(timeout=300) for p in started]
    assert [out.strip() for out, _ in said] == ["ok"] * 6, [err[-500:] for _, err in said]
    assert _read(setting, data, "SELECT count(*) FROM writer_turn") == [(1,)]


def test_undo_on_a_lake_brings_back_what_a_correction_replaced(
    lake_setting: tuple[str, str], tmp_path: Path
) -> None:
    """As on a file (tests/test_history.py): a corrected decision list and a corrected scoring
    sheet each replace the earlier one; undoing them brings the earlier rows back."""
    import shutil

    import openpyxl

    from etl.load import undo_batch
    from tests.test_history import _corrected_bloc_sheet

    where = lake.lake_of(*lake_setting)
    corrected = tmp_path / "qd_bang_khen_2020_sua.xlsx"
    shutil.copy(SAMPLES / "qd_bang_khen_2020.xlsx", corrected)
    book = openpyxl.load_workbook(corrected)
    book["DS"]["B10"] = "Lê Công Nhân"
    book.save(corrected)
    with lake_writer.writing(where) as con:
        for path in [SAMPLES / "qd_bang_khen_2020.xlsx", corrected, SAMPLES / "diem_khoi4_2018.xlsx",
                     _corrected_bloc_sheet(tmp_path)]:  # fmt: skip
            assert import_file(con, path, ANALYST).status == "imported", path.name
    ids = dict(_read(*lake_setting, "SELECT file_name, batch_id FROM import_batches"))
    truth = TRUTH["diem_khoi4_2018.xlsx"]
    ranking = (
        "SELECT unit_name FROM bloc_scores WHERE year = 2018 AND bloc_name = 'Khối thi đua số 4' "
        "ORDER BY rank"
    )
    assert [u for (u,) in _read(*lake_setting, ranking)] != truth["ranking"]  # the corrected one
    said = undo_batch(where, ids["qd_bang_khen_2020_sua.xlsx"], ANALYST)
    assert said == (
        f"Đã hủy lần nhập #{ids['qd_bang_khen_2020_sua.xlsx']} (qd_bang_khen_2020_sua.xlsx): gỡ 52 "
        f"dòng. Dùng lại lần nhập trước mà nó đã thay: #{ids['qd_bang_khen_2020.xlsx']} "
        "(qd_bang_khen_2020.xlsx)."
    )
    undo_batch(where, ids["diem_khoi4_2018_sua.xlsx"], ANALYST)
    names = {n for (n,) in _read(*lake_setting, "SELECT recipient_name FROM awards")}
    assert len(names) <= 52 and "Lê Công Nam" in names and "Lê Công Nhân" not in names
    assert _read(*lake_setting, "SELECT count(*) FROM awards") == [(52,)]
    assert [u for (u,) in _read(*lake_setting, ranking)] == truth["ranking"]
    states = dict(_read(*lake_setting, "SELECT file_name, status FROM import_batches"))
    assert states == {"qd_bang_khen_2020.xlsx": "active", "qd_bang_khen_2020_sua.xlsx": "undone",
                      "diem_khoi4_2018.xlsx": "active", "diem_khoi4_2018_sua.xlsx": "undone"}  # fmt: skip
    again = undo_batch(where, ids["qd_bang_khen_2020_sua.xlsx"], ANALYST)
    assert again.endswith("không còn hiệu lực (trạng thái: đã hủy); không có gì thay đổi.")
    # The audit trail where the lake keeps it: a SQLite file beside its catalog, or the
    # PostgreSQL of its catalog (every replica reads the same lines).
    store = warehouse.access_store(where)
    assert isinstance(store, Path) == lake_setting[0].startswith("ducklake:sqlite:")
    undone = [(e.who, e.target, e.detail) for e in audit.audit_log(store, action="undo")]
    assert undone[1] == (
        ANALYST.signature,
        f"#{ids['qd_bang_khen_2020_sua.xlsx']} qd_bang_khen_2020_sua.xlsx",
        {"rows_removed": 52, "restored": f"#{ids['qd_bang_khen_2020.xlsx']}"},
    )
    assert [target for _, target, _ in undone] == [
        f"#{ids['diem_khoi4_2018_sua.xlsx']} diem_khoi4_2018_sua.xlsx",
        undone[1][1],
    ]
    assert not list(tmp_path.rglob("*.access.sqlite")) or isinstance(store, Path)
