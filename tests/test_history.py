"""History of batches, undo of a whole batch, and a corrected list replacing its earlier version."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import openpyxl

from etl.cli import main
from etl.importer import import_files
from etl.load import undo_batch
from tests.accounts import ANALYST, OPERATOR
from tests.builders import write_rows
from tests.conftest import SAMPLES, Importer, fingerprint_of, rows_of
from thidua import warehouse
from thidua.warehouse import Warehouse


def test_undo_removes_the_batch_and_keeps_its_history(where: Warehouse) -> None:
    """On a file and on a lake on each catalog (issue 22)."""
    import_files([SAMPLES / "so_khen_thuong_2021.csv"], where, OPERATOR)
    before = fingerprint_of(where)
    import_files([SAMPLES / "so_khen_thuong_2019.xlsx"], where, OPERATOR)
    assert "gỡ 300 dòng" in undo_batch(where, 2, ANALYST)
    assert rows_of(where, "SELECT count(*) FROM awards") == [(120,)]
    assert rows_of(
        where, "SELECT batch_id, status, undone_by FROM import_batches ORDER BY batch_id"
    ) == [
        (1, "active", None),
        (2, "undone", ANALYST.signature),
    ]
    assert fingerprint_of(where)["award"] == before["award"]
    # Undoing again changes nothing; the same file can then be imported again.
    assert "không còn hiệu lực" in undo_batch(where, 2, ANALYST)
    [again] = import_files([SAMPLES / "so_khen_thuong_2019.xlsx"], where, OPERATOR)
    assert again.status == "imported"


def test_corrected_decision_list_replaces_its_earlier_batch(
    tmp_path: Path, where: Warehouse
) -> None:
    """On a file and on a lake on each catalog (issue 22)."""
    import_files([SAMPLES / "qd_bang_khen_2020.xlsx"], where, OPERATOR)
    corrected = tmp_path / "qd_bang_khen_2020_sua.xlsx"
    shutil.copy(SAMPLES / "qd_bang_khen_2020.xlsx", corrected)
    book = openpyxl.load_workbook(corrected)
    sheet = book["DS"]
    assert sheet["B10"].value == "Lê Công Nam"
    sheet["B10"] = "Lê Công Nhân"  # a name corrected in row 10
    book.save(corrected)
    [report] = import_files([corrected], where, OPERATOR)
    assert report.status == "imported" and report.replaced_batch == 1
    assert "thay thế lần nhập #1" in report.message()
    assert rows_of(where, "SELECT count(*) FROM awards") == [(52,)]
    names = {r[0] for r in rows_of(where, "SELECT recipient_name FROM awards")}
    assert "Lê Công Nhân" in names and "Lê Công Nam" not in names
    assert rows_of(
        where, "SELECT batch_id, status, replaced_by FROM import_batches ORDER BY batch_id"
    ) == [
        (1, "replaced", 2),
        (2, "active", None),
    ]


def test_cli_undo_and_status(master: Path, import_into: Importer, capsys: object) -> None:
    import_into(SAMPLES / "diem_khoi4_2018.xlsx")
    assert main(["undo", "1", "--db", str(master)]) == 0
    assert main(["undo", "9", "--db", str(master)]) == 1
    assert main(["status", "--db", str(master)]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "Đã hủy lần nhập #1 (diem_khoi4_2018.xlsx): gỡ 7 dòng." in out
    assert "Không có lần nhập số 9." in out
    assert "[đã hủy]" in out


def _aggregates_from_awards(
    con: duckdb.DuckDBPyConnection,
) -> tuple[dict[tuple, int], dict[tuple, tuple]]:
    """The award counts and the people, computed here from the award rows with Polars."""
    import polars as pl

    award = con.sql("SELECT * FROM award").pl()
    keys = ["year", "unit_name", "form_code", "award_type", "recipient_kind", "is_leader", "gender",
            "campaign_code"]  # fmt: skip
    counts = {tuple(r[:-1]): r[-1] for r in award.group_by(keys).len().iter_rows()}
    people = award.group_by("recipient_name", "unit_name").agg(
        pl.len(), pl.col("year").min().alias("first"), pl.col("year").max().alias("last")
    )
    return counts, {(r[0], r[1]): tuple(r[2:]) for r in people.iter_rows()}


def _aggregates_in_snapshot(
    con: duckdb.DuckDBPyConnection,
) -> tuple[dict[tuple, int], dict[tuple, tuple]]:
    counts = con.execute(
        "SELECT year, unit_name, form_code, award_type, recipient_kind, is_leader, gender, "
        "campaign_code, sum(n) FROM award_counts GROUP BY ALL HAVING sum(n) > 0"
    ).fetchall()
    people = con.execute(
        "SELECT recipient_name, unit_name, awards, first_year, last_year FROM recipients"
    ).fetchall()
    return {tuple(r[:-1]): r[-1] for r in counts}, {(r[0], r[1]): tuple(r[2:]) for r in people}


def test_aggregates_follow_every_import_replacement_and_undo(
    where: Warehouse, tmp_path: Path
) -> None:
    """After the first publish the aggregates are refreshed only for the years and people a
    batch touched (an import that replaces nothing merges its people's rows); after each step
    they must equal what the award rows give. On a file and on a lake on each catalog."""
    from tests.builders import REGISTER_HEADER

    corrected = tmp_path / "qd_bang_khen_2020_sua.xlsx"
    shutil.copy(SAMPLES / "qd_bang_khen_2020.xlsx", corrected)
    book = openpyxl.load_workbook(corrected)
    book["DS"]["B10"] = "Lê Công Nhân"
    book.save(corrected)

    def again_in_2023() -> Path:
        """Three people the 2021 register rewards, rewarded again in 2023: their rows merge."""
        people = rows_of(where, "SELECT recipient_name, unit_name, gender, position FROM awards "
                                "WHERE recipient_kind = 'individual' ORDER BY source_row LIMIT 3")  # fmt: skip
        rows = [["2023", "77/QĐ-UBND", "10/01/2023", "Cá nhân", name, gender or "", position or "",
                 unit, "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"]
                for name, unit, gender, position in people]  # fmt: skip
        return write_rows(tmp_path / "lai_2023.xlsx", [REGISTER_HEADER, *rows])

    def imported(path: Path) -> None:
        [report] = import_files([path], where, OPERATOR)
        assert report.status == "imported", report.message()

    steps: list[Callable[[], object]] = [
        lambda: imported(SAMPLES / "so_khen_thuong_2021.csv"),
        lambda: imported(again_in_2023()),
        lambda: imported(SAMPLES / "so_khen_thuong_2019.xlsx"),
        lambda: imported(SAMPLES / "qd_bang_khen_2020.xlsx"),
        lambda: imported(corrected),  # replaces batch 4
        lambda: undo_batch(where, 3, ANALYST),
    ]
    for step in steps:
        step()
        con = warehouse.open_for_reading(where)
        assert _aggregates_in_snapshot(con) == _aggregates_from_awards(con)
    con = warehouse.open_for_reading(where)
    people = _aggregates_in_snapshot(con)[1]
    assert "Lê Công Nhân" in {name for name, _ in people}
    assert "Lê Công Nam" not in {name for name, _ in people}
    assert sorted(a for a in people.values() if a[2] == 2023) == [(2, 2021, 2023)] * 3
    years = {key[0] for key in _aggregates_in_snapshot(con)[0]}
    assert years == {2020, 2021, 2023}  # 2019 undone


def test_undoing_a_corrected_decision_list_brings_back_the_earlier(
    master: Path,
    tmp_path: Path,
    import_into: Importer,
    snapshot: Callable[[], duckdb.DuckDBPyConnection],
) -> None:
    """The correction displaced the earlier list; undoing it must not leave the decision
    with no awards at all: the earlier 52 rows are back and their batch «đang dùng»."""
    import_into(SAMPLES / "qd_bang_khen_2020.xlsx")
    corrected = tmp_path / "qd_bang_khen_2020_sua.xlsx"
    shutil.copy(SAMPLES / "qd_bang_khen_2020.xlsx", corrected)
    book = openpyxl.load_workbook(corrected)
    book["DS"]["B10"] = "Lê Công Nhân"
    book.save(corrected)
    import_into(corrected)
    said = undo_batch(master, 2, ANALYST)
    assert said.endswith("Dùng lại lần nhập trước mà nó đã thay: #1 (qd_bang_khen_2020.xlsx).")
    con = snapshot()
    names = {r[0] for r in con.execute("SELECT recipient_name FROM awards").fetchall()}
    assert len(con.execute("SELECT * FROM awards").fetchall()) == 52
    assert "Lê Công Nam" in names and "Lê Công Nhân" not in names
    assert con.execute(
        "SELECT batch_id, status, replaced_by FROM import_batches ORDER BY batch_id"
    ).fetchall() == [(1, "active", None), (2, "undone", None)]
    assert _aggregates_in_snapshot(con) == _aggregates_from_awards(con)
    # The earlier file is in force again: sending it once more adds nothing.
    [again] = import_into(SAMPLES / "qd_bang_khen_2020.xlsx")
    assert again.status == "duplicate"


def _corrected_bloc_sheet(folder: Path) -> Path:
    """diem_khoi4_2018.xlsx with Sở Du lịch's bonus corrected 0 → 1: 91,0 points, fourth
    ahead of Sở Khoa học và Công nghệ (90,6) and Ban Dân tộc (90,5), the ranks corrected."""
    corrected = folder / "diem_khoi4_2018_sua.xlsx"
    shutil.copy(SAMPLES / "diem_khoi4_2018.xlsx", corrected)
    book = openpyxl.load_workbook(corrected)
    sheet = book.active
    assert sheet is not None and sheet["B7"].value == "Sở Du lịch"
    assert (sheet["B5"].value, sheet["B9"].value) == ("Ban Dân tộc", "Sở Khoa học và Công nghệ")
    sheet["E7"], sheet["G7"], sheet["H7"], sheet["H9"], sheet["H5"] = 1, 91, 4, 5, 6
    book.save(corrected)
    return corrected


def test_a_corrected_scoring_sheet_replaces_and_its_undo_brings_back_the_earlier(
    master: Path,
    tmp_path: Path,
    import_into: Importer,
    snapshot: Callable[[], duckdb.DuckDBPyConnection],
) -> None:
    from tests.conftest import TRUTH

    truth = TRUTH["diem_khoi4_2018.xlsx"]
    ranking_sql = "SELECT unit_name FROM bloc_scores WHERE year = ? AND bloc_name = ? ORDER BY rank"
    import_into(SAMPLES / "diem_khoi4_2018.xlsx")
    [report] = import_into(_corrected_bloc_sheet(tmp_path))
    assert report.status == "imported"
    con = snapshot()
    ranking = [r[0] for r in con.execute(ranking_sql, [truth["year"], truth["bloc"]]).fetchall()]
    moved = ["Sở Du lịch", "Sở Khoa học và Công nghệ", "Ban Dân tộc"]
    corrected = truth["ranking"][:3] + moved + truth["ranking"][6:]
    assert ranking == corrected
    # The earlier sheet is replaced, not «đang dùng» with no rows left.
    assert con.execute(
        "SELECT batch_id, status, replaced_by FROM import_batches ORDER BY batch_id"
    ).fetchall() == [(1, "replaced", 2), (2, "active", None)]
    said = undo_batch(master, 2, ANALYST)
    assert said == (
        "Đã hủy lần nhập #2 (diem_khoi4_2018_sua.xlsx): gỡ 7 dòng. Dùng lại lần nhập trước "
        "mà nó đã thay: #1 (diem_khoi4_2018.xlsx)."
    )
    con = snapshot()
    ranking = [r[0] for r in con.execute(ranking_sql, [truth["year"], truth["bloc"]]).fetchall()]
    assert ranking == truth["ranking"]
    top = con.execute(
        "SELECT max(total_score) FROM bloc_scores WHERE year = ? AND bloc_name = ?",
        [truth["year"], truth["bloc"]],
    ).fetchone()
    assert top == (truth["top_score"],)
    assert con.execute(
        "SELECT batch_id, status FROM import_batches ORDER BY batch_id"
    ).fetchall() == [(1, "active"), (2, "undone")]


def _membership_list(path: Path, bloc: str, kind_word: str) -> Path:
    return write_rows(
        path,
        [
            ["DANH SÁCH THÀNH VIÊN KHỐI, CỤM THI ĐUA"],
            [None],
            ["Năm", "Khối/Cụm thi đua", "Đơn vị", "Vai trò"],
            [2023, bloc, "UBND thành phố Rạch Giá", f"{kind_word} trưởng"],
            [2023, bloc, "UBND huyện Châu Thành", f"{kind_word} phó"],
            [2023, bloc, "UBND huyện Hòn Đất", "Thành viên"],
        ],
    )


def test_undoing_a_corrected_membership_list_brings_back_its_blocs(
    master: Path,
    tmp_path: Path,
    import_into: Importer,
    snapshot: Callable[[], duckdb.DuckDBPyConnection],
) -> None:
    """A 2023 membership list names «Cụm thi đua số 2»; its correction renames it «Khối thi
    đua số 9». Undoing the correction brings back the members and the bloc itself (its row
    in `blocs`, with its kind), and the renamed bloc is gone."""
    blocs = "SELECT year, bloc_name, bloc_kind FROM blocs ORDER BY ALL"
    members = "SELECT bloc_name, unit_name, role FROM bloc_members ORDER BY ALL"
    import_into(_membership_list(tmp_path / "cum_2023.xlsx", "Cụm thi đua số 2", "Cụm"))
    before_blocs = snapshot().execute(blocs).fetchall()
    before_members = snapshot().execute(members).fetchall()
    assert before_blocs == [(2023, "Cụm thi đua số 2", "cluster")]
    assert len(before_members) == 3
    [report] = import_into(
        _membership_list(tmp_path / "khoi_2023_sua.xlsx", "Khối thi đua số 9", "Khối")
    )
    assert report.status == "imported"
    assert snapshot().execute(blocs).fetchall() == [(2023, "Khối thi đua số 9", "bloc")]
    undo_batch(master, 2, ANALYST)
    con = snapshot()
    assert con.execute(blocs).fetchall() == before_blocs
    assert con.execute(members).fetchall() == before_members
    assert con.execute("SELECT count(*) FROM shelved_blocs").fetchone() == (0,)
    # and the first list undone too: no bloc is left that nothing names
    undo_batch(master, 1, ANALYST)
    con = snapshot()
    assert con.execute("SELECT count(*) FROM blocs").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM bloc_members").fetchone() == (0,)


def _campaigns(path: Path, *plans: tuple[str, str]) -> Path:
    header = ["Số kế hoạch", "Ngày ban hành", "Tên phong trào", "Loại", "Ngày bắt đầu",
              "Ngày kết thúc", "Hạn đăng ký", "Khẩu hiệu"]  # fmt: skip
    rows = [[code, "13/09/2019", name, "Chuyên đề", "01/06/2019", "30/06/2020", "30/10/2019", ""]
            for code, name in plans]  # fmt: skip
    return write_rows(path, [["DANH SÁCH PHONG TRÀO THI ĐUA"], [None], header, *rows])


def test_an_undo_that_would_bring_back_rows_a_later_import_holds_is_refused(
    master: Path,
    tmp_path: Path,
    import_into: Importer,
    snapshot: Callable[[], duckdb.DuckDBPyConnection],
) -> None:
    """#1 lists plans 1 and 2; #2 corrects plan 1 and adds plan 4; #3 corrects plan 1 again.
    Undoing #2 would bring back #1's plan 1, which #3 now holds: it was silently dropped while
    #1 was said to be in force again. The undo is refused, naming #3, and nothing changes;
    once #3 is undone, #2's undo goes through and #1's plan 1 is back."""
    import_into(_campaigns(tmp_path / "a.xlsx", ("1/KH-UBND", "Phong trào A"),
                           ("2/KH-UBND", "Phong trào B")))  # fmt: skip
    import_into(_campaigns(tmp_path / "b.xlsx", ("1/KH-UBND", "Phong trào A (sửa)"),
                           ("4/KH-UBND", "Phong trào D")))  # fmt: skip
    import_into(_campaigns(tmp_path / "c.xlsx", ("1/KH-UBND", "Phong trào A (sửa lần 2)")))
    plans = "SELECT campaign_code, name, batch_id FROM campaigns ORDER BY ALL"
    before = snapshot().execute(plans).fetchall()
    assert before == [("1/KH-UBND", "Phong trào A (sửa lần 2)", 3), ("2/KH-UBND", "Phong trào B", 1),
                      ("4/KH-UBND", "Phong trào D", 2)]  # fmt: skip
    said = undo_batch(master, 2, ANALYST)
    assert said == (
        "Chưa hủy được lần nhập #2 (b.xlsx): hủy nó sẽ đưa trở lại dữ liệu cũ mà lần nhập #3 "
        "nhập sau đã thay. Hãy hủy lần nhập #3 trước; không có gì thay đổi."
    )
    con = snapshot()
    assert con.execute(plans).fetchall() == before
    assert con.execute("SELECT batch_id, status FROM import_batches ORDER BY 1").fetchall() == [
        (1, "active"), (2, "active"), (3, "active")
    ]  # fmt: skip
    undo_batch(master, 3, ANALYST)
    undo_batch(master, 2, ANALYST)
    assert snapshot().execute(plans).fetchall() == [
        ("1/KH-UBND", "Phong trào A", 1), ("2/KH-UBND", "Phong trào B", 1)
    ]  # fmt: skip


def test_a_file_replaces_only_the_batch_of_exactly_its_decisions(
    tmp_path: Path, import_into: Importer
) -> None:
    """A corrected list replaces the active batch holding exactly the same decisions — not
    one holding more of them, nor fewer (etl.importer._replaced_batch, which looks at each
    batch holding one of them instead of grouping every batch)."""
    from tests.builders import REGISTER_HEADER

    def register(name: str, people: list[tuple[str, str]]) -> Path:
        rows = [["2022", number, "10/01/2022", "Cá nhân", person, "Nữ", "Chuyên viên",
                 "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"]
                for number, person in people]  # fmt: skip
        return write_rows(tmp_path / name, [REGISTER_HEADER, *rows])

    both = [("1/QĐ-UBND", "Lê Thị A"), ("2/QĐ-UBND", "Lê Thị B")]
    [first] = import_into(register("hai_qd.xlsx", both))
    [one] = import_into(register("mot_qd.xlsx", [("1/QĐ-UBND", "Lê Thị C")]))
    assert (first.status, one.status, one.replaced_batch) == ("imported", "imported", None)
    # Decisions 1 and 2 again, corrected: the first batch, not the one holding decision 1 alone.
    [again] = import_into(register("hai_qd_sua.xlsx", [*both, ("2/QĐ-UBND", "Lê Thị D")]))
    assert again.replaced_batch == 1
    # Decision 1 alone again: the second batch (the first is no longer in force).
    [alone] = import_into(register("mot_qd_sua.xlsx", [("1/QĐ-UBND", "Lê Thị E")]))
    assert alone.replaced_batch == 2
    # Decisions 1, 2 and 3: no batch holds exactly these.
    three = [*both, ("3/QĐ-UBND", "Lê Thị F")]
    [more] = import_into(register("ba_qd.xlsx", three))
    assert (more.status, more.replaced_batch) == ("imported", None)
