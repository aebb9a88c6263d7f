"""Every sample of ../shared/samples gives exactly the figures of its truth.json,
and every file of samples/bad is refused with the database unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb
import pytest

from etl.cli import main
from etl.importer import import_files
from tests.accounts import OPERATOR
from tests.conftest import SAMPLES, TRUTH, Importer, fingerprint_of, rows_of
from thidua import warehouse
from thidua.warehouse import Warehouse

AWARD_SAMPLES = sorted(name for name, truth in TRUTH.items() if "awards" in truth)


@pytest.mark.parametrize("name", AWARD_SAMPLES)
def test_award_sample_matches_truth(
    name: str, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    truth = TRUTH[name]
    [report] = import_into(SAMPLES / name)
    assert report.status == "imported", report.message()
    con = snapshot()
    row = con.execute(
        """SELECT count(*),
                  count(*) FILTER (recipient_kind = 'individual'),
                  count(*) FILTER (recipient_kind = 'collective'),
                  count(*) FILTER (recipient_kind = 'individual' AND is_leader = false),
                  count(*) FILTER (recipient_kind = 'individual' AND gender = 'F'),
                  count(*) FILTER (recipient_kind = 'individual' AND gender IS NOT NULL)
           FROM awards"""
    ).fetchone()
    assert row is not None
    awards, individuals, collectives, direct_workers, women, with_gender = row
    assert awards == truth["awards"]
    assert individuals == truth["individual"]
    assert collectives == truth["collective"]
    assert direct_workers == truth["non_leader_individual"]
    assert round(direct_workers / individuals, 4) == truth["non_leader_share"]
    if truth["female_individual"] is None:
        assert with_gender == 0  # the file has no gender column: nothing is invented
    else:
        assert women == truth["female_individual"]
    by_form = dict(con.execute("SELECT form_code, count(*) FROM awards GROUP BY ALL").fetchall())
    assert by_form == truth["by_form"]
    decisions = con.execute("SELECT DISTINCT decision_no, year FROM awards").fetchall()
    assert decisions == [(truth["decision_no"], truth["year"])]
    if "decision_date" in truth:
        dates = con.execute("SELECT DISTINCT decision_date FROM awards").fetchall()
        assert dates == [(dt.date.fromisoformat(truth["decision_date"]),)]
    if "first_name" in truth:
        first = con.execute(
            "SELECT recipient_name FROM awards ORDER BY source_row LIMIT 1"
        ).fetchone()
        assert first == (truth["first_name"],)
    if "encoding" in truth:
        assert con.execute("SELECT encoding FROM import_batches").fetchone() == (truth["encoding"],)
    # Nothing the importer stores is mojibake or decomposed.
    texts = con.execute(
        "SELECT count(*) FROM awards WHERE recipient_name != nfc_normalize(recipient_name) "
        "OR regexp_matches(recipient_name || coalesce(position, '') || coalesce(unit_name, ''), '[ÃÂ¸¹µ¶·Þ]')"
    ).fetchone()
    assert texts == (0,)


def test_bloc_sheet_matches_truth(
    import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    truth = TRUTH["diem_khoi4_2018.xlsx"]
    [report] = import_into(SAMPLES / "diem_khoi4_2018.xlsx")
    assert report.status == "imported", report.message()
    con = snapshot()
    rows = con.execute(
        "SELECT year, bloc_name, unit_name, total_score FROM bloc_results ORDER BY rank"
    ).fetchall()
    assert {(r[0], r[1]) for r in rows} == {(truth["year"], truth["bloc"])}
    assert len(rows) == truth["units"]
    assert [r[2] for r in rows] == truth["ranking"]
    assert rows[0][3] == truth["top_score"]


def test_all_samples_together_add_up(
    import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    reports = import_into(*(SAMPLES / name for name in TRUTH))
    assert all(r.status == "imported" for r in reports)
    total = sum(t["awards"] for t in TRUTH.values() if "awards" in t)
    assert snapshot().execute("SELECT count(*) FROM awards").fetchone() == (total,)


def test_same_file_again_adds_nothing(
    import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    import_into(SAMPLES / "so_khen_thuong_2019.xlsx")
    [again] = import_into(SAMPLES / "so_khen_thuong_2019.xlsx")
    assert again.status == "duplicate"
    assert "đã được nhập" in again.message()
    assert snapshot().execute("SELECT count(*) FROM awards").fetchone() == (300,)


BAD = sorted(p.name for p in (SAMPLES / "bad").iterdir())


@pytest.mark.parametrize("name", BAD)
def test_bad_file_refused_database_unchanged(
    name: str, where: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a file and on a lake on each catalog (issue 22): refused, said, nothing written."""
    import_files([SAMPLES / "so_khen_thuong_2021.csv"], where, OPERATOR)
    before = fingerprint_of(where)
    status = main(["import", str(SAMPLES / "bad" / name), "--db", warehouse.setting_of(where)])
    out = capsys.readouterr()
    assert status == 1
    assert "KHÔNG NHẬP" in out.out and name in out.out
    assert "Traceback" not in out.out + out.err
    assert fingerprint_of(where) == before
    assert rows_of(where, "SELECT count(*) FROM awards") == [(120,)]


def test_unknown_form_names_row_column_value_and_suggestion(import_into: Importer) -> None:
    [report] = import_into(SAMPLES / "bad" / "unknown_form.xlsx")
    [problem] = report.problems
    assert (problem.file, problem.row) == ("unknown_form.xlsx", 3)
    assert problem.column == "I «Hình thức khen thưởng»"
    assert problem.value == "Bằng khenn của Chủ tịch UBND tỉnh"
    assert problem.suggestion == "Bằng khen của Chủ tịch UBND tỉnh"
    text = str(problem)
    assert "dòng 3" in text and "không phải hình thức khen thưởng" in text


def test_a_list_without_a_type_column_has_no_ad_hoc_share(
    import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    """qd_bang_khen_2020.xlsx has no column of award type: its 52 awards are of unknown
    type, so 2020's ad-hoc share is unknown (shown «chưa có dữ liệu»), not 0 %."""
    from thidua import metrics
    from thidua.filters import Filters

    [report] = import_into(SAMPLES / "qd_bang_khen_2020.xlsx")
    assert report.status == "imported", report.message()
    con = snapshot()
    untyped = con.execute("SELECT count(*) FROM awards WHERE award_type IS NULL").fetchone()
    assert untyped == (TRUTH["qd_bang_khen_2020.xlsx"]["awards"],)
    now = metrics.overview(con, 2020, Filters()).current
    assert (now.awards, now.with_type, now.adhoc_share) == (52, 0, None)
