"""Double awards (issue 23, third part): the same award to the same recipient for the same
achievement year in two decisions or two files is listed with both sources; namesakes in two
units are two people; an analyst's «two different people» is kept, shown and can be taken back."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl import upload
from etl.importer import import_files
from tests.accounts import ANALYST, OPERATOR, VIEWER
from tests.apptest import app_as, headline, visit
from tests.builders import write_rows
from thidua import doubles, warehouse
from thidua.filters import Filters
from thidua.warehouse import Warehouse

HEADER = ["STT", "Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể",
          "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Năm thành tích"]  # fmt: skip
BK = "Bằng khen của Chủ tịch UBND tỉnh"
FIRST = [
    [2024, "10/QĐ-UBND", "15/01/2024", "Cá nhân", "Nguyễn Văn An", "Chuyên viên", "Sở Y tế", BK, 2023],
    # a namesake in another unit: another person
    [2024, "10/QĐ-UBND", "15/01/2024", "Cá nhân", "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp", BK, 2023],
    [2024, "5/QĐ-SGDĐT", "10/01/2024", "Cá nhân", "Trần Thị Bình", "Giáo viên",
     "Sở Giáo dục và Đào tạo", "Chiến sĩ thi đua cơ sở", 2023],
]  # fmt: skip
SECOND = [
    # the same person, typed without accents, the same award for the same year: a pair
    [2024, "25/QĐ-UBND", "20/03/2024", "Cá nhân", "Nguyen Van  An", "Chuyên viên", "Sở Y tế", BK, 2023],
    # the same title for another year: not a pair
    [2024, "9/QĐ-SGDĐT", "12/03/2024", "Cá nhân", "Trần Thị Bình", "Giáo viên",
     "Sở Giáo dục và Đào tạo", "Chiến sĩ thi đua cơ sở", 2022],
    [2024, "25/QĐ-UBND", "20/03/2024", "Cá nhân", "Lê Văn Cường", "Chuyên viên", "Sở Y tế", BK, 2023],
]  # fmt: skip


def _files(tmp_path: Path) -> list[Path]:
    return [
        write_rows(tmp_path / name, [HEADER, *[[i, *r] for i, r in enumerate(rows, start=1)]])
        for name, rows in (("so_a.xlsx", FIRST), ("so_b.xlsx", SECOND))
    ]


def _pairs(where: Warehouse, filters: Filters | None = None):  # type: ignore[no-untyped-def]
    con = warehouse.open_for_reading(where)
    try:
        return doubles.award_doubles(con, filters or Filters())
    finally:
        con.close()


def test_the_pair_with_both_sources_and_namesakes_apart(where: Warehouse, tmp_path: Path) -> None:
    reports = import_files(_files(tmp_path), where, OPERATOR)
    assert [r.status for r in reports] == ["imported", "imported"], [r.message() for r in reports]
    pairs = _pairs(where)
    assert pairs.height == 1
    pair = pairs.row(0, named=True)
    # (the importer keeps one space between words: «Nguyen Van  An» is stored «Nguyen Van An»)
    assert (pair["recipient_name"], pair["name_b"], pair["unit_name"]) == (
        "Nguyễn Văn An", "Nguyen Van An", "Sở Y tế",
    )  # fmt: skip
    assert (pair["decision_a"], pair["file_a"], pair["row_a"]) == ("10/QĐ-UBND", "so_a.xlsx", 2)
    assert (pair["decision_b"], pair["file_b"], pair["row_b"]) == ("25/QĐ-UBND", "so_b.xlsx", 2)
    assert (pair["achievement_year"], pair["by_achievement"], pair["reviewed"]) == (
        2023,
        True,
        False,
    )
    # «Two different people»: kept with who said it; taken back, a question again.
    said = upload.mark_different(
        master := where, [(pair["pair_key"], "Sở Y tế", "An")], "khác năm sinh", ANALYST
    )
    assert said == "Đã ghi nhận 1 cặp là hai người/tập thể khác nhau."
    reviewed = _pairs(master).row(0, named=True)
    assert (reviewed["reviewed"], reviewed["reviewed_by"], reviewed["note"]) == (
        True, ANALYST.signature, "khác năm sinh",
    )  # fmt: skip
    upload.take_back(master, pair["pair_key"], "An", ANALYST)
    assert _pairs(master).row(0, named=True)["reviewed"] is False


def test_a_review_outlives_an_undo_and_the_same_file_again(master: Path, tmp_path: Path) -> None:
    from etl.load import undo_batch

    first, second = _files(tmp_path)
    import_files([first, second], master, OPERATOR)
    key = _pairs(master)["pair_key"][0]
    upload.mark_different(master, [(key, "Sở Y tế", "An")], None, ANALYST)
    undo_batch(master, 2, OPERATOR)
    assert _pairs(master).height == 0
    import_files([second], master, OPERATOR)
    again = _pairs(master).row(0, named=True)
    assert (again["pair_key"], again["reviewed"]) == (key, True)


def test_a_viewer_may_not_mark(master: Path, tmp_path: Path) -> None:
    from thidua.access import PermissionDenied

    import_files(_files(tmp_path), master, OPERATOR)
    key = _pairs(master)["pair_key"][0]
    with pytest.raises(PermissionDenied):
        upload.mark_different(master, [(key, "Sở Y tế", "An")], None, VIEWER)
    assert _pairs(master)["reviewed"].to_list() == [False]


def test_the_review_page(master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import_files(_files(tmp_path), master, OPERATOR)
    at = app_as(master, monkeypatch, ANALYST)
    at.run()
    at.switch_page("pages/doubles.py").run()
    assert not at.exception, at.exception
    assert {m.label: m.value for m in headline(at)} == {"Cặp cần xem": "1", "Đã rà soát": "0"}
    table = at.dataframe[0].value
    row = table.iloc[0]
    assert (row["Họ tên / Tên tập thể"], row["Đơn vị"], row["Năm thành tích"]) == (
        "Nguyễn Văn An",
        "Sở Y tế",
        "2023",
    )
    assert (row["Quyết định 1"], row["Quyết định 2"]) == (
        "10/QĐ-UBND, 15/01/2024",
        "25/QĐ-UBND, 20/03/2024",
    )
    # A viewer does not see the page in the menu and is refused at its address.
    viewer = visit(app_as(master, monkeypatch, VIEWER), "ra-soat-khen-trung")
    assert not viewer.dataframe
    [error] = viewer.error
    assert error.value.startswith("Trang «Rà soát khen trùng» dành cho tài khoản có quyền")


def _history(at, text: str, pick: str):  # type: ignore[no-untyped-def]
    """The search page's history of the result whose label starts with `pick`."""
    at.text_input(key="search_text").input(text).run()
    options = at.selectbox(key="search_pick").options
    at.selectbox(key="search_pick").set_value(
        next(i for i, o in enumerate(options) if o.startswith(pick))
    ).run()
    assert not at.exception, at.exception
    return at.dataframe[0].value


def test_the_search_says_which_awards_are_in_a_pair(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk read one history for two namesakes with nothing to say so. The pair of
    FIRST/SECOND (Nguyễn Văn An and «Nguyen Van An», Sở Y tế) is in two search results:
    each history marks its award of the pair and names the other spelling; once an analyst
    says they are two people, the history says it holds two namesakes' awards."""
    import_files(_files(tmp_path), master, OPERATOR)
    at = visit(app_as(master, monkeypatch, ANALYST), "tra-cuu")
    history = _history(at, "nguyen van an", "Nguyễn Văn An — Sở Y tế ")
    assert history[["Số quyết định", "Cặp khen trùng"]].values.tolist() == [
        ["10/QĐ-UBND", "chưa rà soát"]
    ]
    [warning] = at.warning
    assert "1 cặp khen thưởng giống nhau" in warning.value
    assert "chưa được rà soát" in warning.value and "«Nguyen Van An»" in warning.value
    # The namesake in Sở Tư pháp is in no pair: no warning, no column.
    other = _history(at, "nguyen van an", "Nguyễn Văn An — Sở Tư pháp ")
    assert "Cặp khen trùng" not in other.columns and not at.warning

    key = _pairs(master)["pair_key"][0]
    upload.mark_different(master, [(key, "Sở Y tế", "An")], "khác năm sinh", ANALYST)
    at = visit(app_as(master, monkeypatch, ANALYST), "tra-cuu")
    history = _history(at, "nguyen van an", "Nguyen Van An — Sở Y tế ")
    assert history[["Số quyết định", "Cặp khen trùng"]].values.tolist() == [
        ["25/QĐ-UBND", "hai người trùng tên"]
    ]
    [warning] = at.warning
    assert "1 cặp khen thưởng của tên này đã được xác nhận là của hai người trùng tên" in (
        warning.value
    )
    assert "«Nguyễn Văn An»" in warning.value


def test_two_namesakes_of_one_unit_are_one_history_that_says_so(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two teachers named Phạm Thị Hoa at one school, each given the same title for 2023 in
    the school's two lists: one search result of two awards, both marked, once reviewed."""
    school = "Trường THPT Chu Văn An"
    rows = [
        [2024, "7/QĐ-SGDĐT", "10/01/2024", "Cá nhân", "Phạm Thị Hoa", "Giáo viên", school,
         "Chiến sĩ thi đua cơ sở", 2023],
        [2024, "8/QĐ-SGDĐT", "11/01/2024", "Cá nhân", "Phạm Thị Hoa", "Giáo viên", school,
         "Chiến sĩ thi đua cơ sở", 2023],
    ]  # fmt: skip
    files = [
        write_rows(tmp_path / f"truong_{i}.xlsx", [HEADER, [1, *row]])
        for i, row in enumerate(rows, start=1)
    ]
    import_files(files, master, OPERATOR)
    upload.mark_different(master, [(_pairs(master)["pair_key"][0], school, "Hoa")], None, ANALYST)
    at = visit(app_as(master, monkeypatch, ANALYST), "tra-cuu")
    history = _history(at, "pham thi hoa", f"Phạm Thị Hoa — {school} ")
    assert history["Số quyết định"].tolist() == ["7/QĐ-SGDĐT", "8/QĐ-SGDĐT"]
    assert history["Cặp khen trùng"].tolist() == ["hai người trùng tên"] * 2
    [warning] = at.warning
    assert warning.value.startswith("1 cặp khen thưởng của tên này đã được xác nhận")
    assert "ghi là" not in warning.value  # one spelling
