"""Dossiers through the one-stop desk (issue 24): a register read by meaning, refused in the
usual sentences, and its figures — on time against the appointment date on the working-day
calendar, processing time, refusals, open dossiers past their date, awards granted —
equal to counts made by hand or, for the demo province, computed here from its truth."""

from __future__ import annotations

import csv
import statistics
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest

from demo_province import DemoProvince
from etl.importer import import_files
from etl.load import undo_batch
from tests.accounts import OPERATOR
from tests.apptest import headline
from tests.builders import write_rows
from tests.conftest import fingerprint_of, rows_of
from tests.dossier_register import (
    EXPECTED,
    HEADER,
    QD_100,
    ROWS,
    TIMELINESS,
    TODAY,
    WORKING_DAYS,
    write_register,
)
from tests.test_pages import open_page, pct, vi
from thidua import db, dossiers, slides, warehouse
from thidua.filters import Filters
from thidua.settings import REFERENCE_DIR
from thidua.warehouse import Warehouse
from ui.dossier_panels import YEAR_TABLE_KEY


def _rows(where: Warehouse, filters: Filters | None = None, today: date = TODAY) -> pl.DataFrame:
    con = warehouse.open_for_reading(where)
    try:
        return dossiers.dossier_rows(con, filters or Filters(), today)
    finally:
        con.close()


def test_hand_register_figures(where: Warehouse, tmp_path: Path) -> None:
    [report] = import_files([write_register(tmp_path / "ho_so_2024.xlsx")], where, OPERATOR)
    assert report.status == "imported", report.message()
    assert report.rows == 10  # nine dossiers, HS-06 on two rows
    rows = _rows(where)
    got = dossiers.figures(rows)
    assert {k: getattr(got, k) for k in EXPECTED} == EXPECTED
    assert got.on_time_rate == pytest.approx(6 / 7)
    assert dict(zip(rows["dossier_no"], rows["timeliness"], strict=True)) == TIMELINESS
    days = dict(zip(rows["dossier_no"], rows["working_days"], strict=True))
    assert {k: days[k] for k in WORKING_DAYS} == WORKING_DAYS
    # median of 7, 10, 6, 8, 12, 12, 8 working days
    assert got.median_days == 8
    by_number = {r["dossier_no"]: r for r in rows.iter_rows(named=True)}
    assert by_number["HS-05"]["late_days"] == 1  # 26/4 → 2/5 over three days off
    assert by_number["HS-08"]["overdue_days"] == 3  # 4, 5, 6/9 (2–3/9 off)
    assert by_number["HS-06"]["submissions"] == 2
    assert by_number["HS-03"]["effective_due"] == date(2024, 4, 15)  # Saturday → Monday
    assert by_number["HS-04"]["effective_due"] == date(2024, 4, 19)  # Giỗ Tổ → Friday
    # On the Monday after, HS-09 is not due yet; on 19/9 it is one working day past.
    later = dossiers.figures(_rows(where, today=date(2024, 9, 19)))
    assert later.overdue == 2


def test_groupings_and_filters(master: Path, tmp_path: Path) -> None:
    import_files([write_register(tmp_path / "ho_so_2024.xlsx")], master, OPERATOR)
    rows = _rows(master)
    by_unit = {r["unit_name"]: r for r in dossiers.by(rows, "unit").iter_rows(named=True)}
    # Sở Nội vụ: HS-01 early, HS-05 late. Sở Tài chính: HS-02 on time, HS-07 early, refused.
    assert (by_unit["Sở Nội vụ"]["dossiers"], by_unit["Sở Nội vụ"]["late"]) == (2, 1)
    assert by_unit["Sở Nội vụ"]["on_time_rate"] == pytest.approx(0.5)
    assert by_unit["Sở Tài chính"]["rejected_share"] == pytest.approx(0.5)
    by_form = {r["form_code"]: r for r in dossiers.by(rows, "form").iter_rows(named=True)}
    # BK_TINH: HS-01, 02, 03, 04, 06, 08; CSTD_TINH: HS-05, 07; TTLDXS: HS-02, 09.
    assert {k: v["dossiers"] for k, v in by_form.items()} == {
        "BK_TINH": 6,
        "CSTD_TINH": 2,
        "TTLDXS": 2,
    }
    only = dossiers.figures(_rows(master, Filters(unit="Sở Y tế")))
    assert (only.dossiers, only.on_time, only.overdue) == (2, 1, 1)  # HS-03, HS-08
    assert dossiers.figures(_rows(master, Filters(year_from=2023, year_to=2023))).dossiers == 0
    reasons = dossiers.rejection_reasons(rows)
    assert reasons.rows() == [("Chưa đủ thời gian công tác", 1)]
    listed = dossiers.late_and_open(rows)
    assert listed["dossier_no"].to_list() == ["HS-08", "HS-05", "HS-09"]


def _award_list(path: Path) -> Path:
    """Awards of decision 100/QĐ-UBND of 10/4/2024 — and of the 100/QĐ-UBND of 2023, which is
    another decision and must not be counted as granted for these dossiers."""
    header: list[object] = ["STT", "Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể",
              "Chức vụ", "Đơn vị", "Hình thức khen thưởng"]  # fmt: skip
    people = [("Sở Nội vụ", 4), ("Sở Tài chính", 2), ("Sở Y tế", 2)]
    rows: list[list[object]] = [header]
    names = iter(["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh"])
    for unit, count in people:
        for _ in range(count):
            rows.append([len(rows), 2024, QD_100, "10/04/2024", "Cá nhân", f"Nguyễn Văn {next(names)}",
                         "Chuyên viên", unit, "Bằng khen của Chủ tịch UBND tỉnh"])  # fmt: skip
    rows.append([len(rows), 2023, QD_100, "01/03/2023", "Cá nhân", "Trần Thị Mai", "Chuyên viên",
                 "Sở Tư pháp", "Bằng khen của Chủ tịch UBND tỉnh"])  # fmt: skip
    return write_rows(path, rows)


def test_granted_from_the_decisions(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = import_files(
        [_award_list(tmp_path / "qd.xlsx"), write_register(tmp_path / "ho_so_2024.xlsx")],
        master,
        OPERATOR,
    )
    assert [r.status for r in reports] == ["imported", "imported"], [r.message() for r in reports]
    got = dossiers.figures(_rows(master))
    assert got.proposed == 5 + 3 + 2 + 4 + 1 + 6  # the decided dossiers' recipients
    # Sở Nội vụ's four once (HS-01 and HS-05 share the decision), two, two; Sở Tư pháp's
    # award of 2023 is another decision of the same number.
    assert got.granted == 4 + 2 + 2
    assert got.decisions_missing == 1  # HS-06: 200/QĐ-UBND is not in the warehouse
    # Said on the page one clause per figure (the third walk found the sentence hard to
    # follow); six decided dossiers.
    assert got.decided == 6
    at = open_page(master, "pages/dossiers.py", monkeypatch)
    said = (
        "6 hồ sơ đã có quyết định: các hồ sơ này đề nghị khen 21 đối tượng; theo các quyết "
        "định đã nhập vào kho, các đơn vị đề nghị được khen 8 lượt. 1 hồ sơ ghi số quyết định"
    )
    assert any(c.value.startswith(said) for c in at.caption)


def _bad(
    tmp_path: Path, change: dict[int, dict[int, object]], extra: list[list[object]] | None = None
) -> Path:
    rows = [list(r) for r in ROWS]
    for index, cells in change.items():
        for col, value in cells.items():
            rows[index][col] = value
    table: list[list[object]] = (
        [HEADER] + [[i, *r] for i, r in enumerate(rows, start=1)] + (extra or [])
    )
    return write_rows(tmp_path / "ho_so_sai.xlsx", table)


# (change: row index in ROWS → {column in ROWS: value}, Excel row (index + 2), column, words)
BAD_REGISTERS = [
    ({0: {5: "Đã xong"}}, 2, "G «Trạng thái»", "trạng thái phải là một trong"),
    ({0: {9: None}}, 2, "K «Số quyết định»", "thiếu số quyết định"),
    ({1: {3: "01/03/2024"}}, 3, "E «Ngày hẹn trả»", "ngày hẹn trả trước ngày nhận"),
    ({2: {4: "31/04/2024"}}, 4, "F «Ngày trả kết quả»", "tháng 4 năm 2024 chỉ có 30 ngày"),
    ({2: {0: "HS-01"}}, 4, "B «Số hồ sơ»", "số hồ sơ này đã có ở một dòng khác"),
    ({7: {6: None}}, 9, "H «Lý do»", "thiếu lý do"),
    ({8: {4: "05/09/2024"}}, 10, "G «Trạng thái»", "còn đang xử lý nhưng dòng này có ngày trả"),
    ({0: {4: None}}, 2, "G «Trạng thái»", "thiếu ngày trả"),
    ({3: {7: "Bằng khen"}}, 5, "I «Hình thức đề nghị»", "«Bằng khen» không phải tên một hình thức"),
    ({4: {1: "Sở Nội Vụ tỉnh X"}}, 6, "C «Đơn vị đề nghị»", "không có trong danh mục đơn vị"),
    ({4: {8: "hai"}}, 6, "J «Số lượng»", "số nguyên không âm"),
    ({9: {2: "04/09/2099"}}, 11, "D «Ngày nhận»", "chưa tới"),
]


@pytest.mark.parametrize(("change", "row", "column", "words"), BAD_REGISTERS)
def test_bad_register_refused_whole(
    master: Path,
    tmp_path: Path,
    change: dict[int, dict[int, object]],
    row: int,
    column: str,
    words: str,
) -> None:
    import_files([write_register(tmp_path / "first.xlsx")], master, OPERATOR)
    before = fingerprint_of(master)
    [report] = import_files([_bad(tmp_path, change)], master, OPERATOR)
    assert report.status == "refused"
    said = [str(p) for p in report.problems]
    assert any(f"ho_so_sai.xlsx, dòng {row}, cột {column}" in s and words in s for s in said), said
    assert fingerprint_of(master) == before


def test_stated_totals_checked(master: Path, tmp_path: Path) -> None:
    [wrong_count] = import_files(
        [write_register(tmp_path / "a.xlsx", total="Tổng cộng: 11 hồ sơ")], master, OPERATOR
    )
    assert wrong_count.status == "refused"
    assert "dòng tổng ghi 11 hồ sơ nhưng sổ có 10 dòng hồ sơ" in wrong_count.message()
    [wrong_sum] = import_files(
        [write_register(tmp_path / "b.xlsx", recipients=30)], master, OPERATOR
    )
    assert wrong_sum.status == "refused"
    assert "dòng tổng ghi 30 đối tượng đề nghị nhưng cộng các dòng được 31" in wrong_sum.message()
    # «10 dòng» counts the rows, «9 hồ sơ» the dossiers: both are what the register holds.
    [rows_total] = import_files(
        [write_register(tmp_path / "c.xlsx", total="Tổng cộng: 10")], master, OPERATOR
    )
    assert rows_total.status == "imported", rows_total.message()


def test_newer_register_replaces_its_dossiers_and_undo_brings_them_back(
    master: Path, tmp_path: Path
) -> None:
    [first] = import_files([write_register(tmp_path / "thang8.xlsx")], master, OPERATOR)
    # A month later HS-08 was decided (on 10/9, past its date) and HS-10 came in.
    newer = [list(r) for r in ROWS if r[0] == "HS-08"]
    newer[0][4:6] = ["10/09/2024", "Đã có quyết định"]
    newer[0][9] = "300/QĐ-UBND"
    newer.append(["HS-10", "Sở Nội vụ", "09/09/2024", "20/09/2024", None, "Đang thẩm định",
                  None, "Bằng khen UBND tỉnh", 2, None])  # fmt: skip
    path = write_rows(
        tmp_path / "thang9.xlsx", [HEADER] + [[i, *r] for i, r in enumerate(newer, 1)]
    )
    [second] = import_files([path], master, OPERATOR)
    assert second.status == "imported", second.message()
    assert second.replaced == 1  # HS-08's old row, kept aside
    rows = _rows(master, today=date(2024, 9, 13))
    hs08 = rows.filter(pl.col("dossier_no") == "HS-08").row(0, named=True)
    # Due Friday 30/8, answered Tuesday 10/9: 4, 5, 6, 9, 10/9 (2–3/9 off).
    assert (hs08["status"], hs08["timeliness"], hs08["late_days"]) == ("decided", "late", 5)
    assert rows.height == 10
    [(latest,)] = rows_of(master, "SELECT max(batch_id) FROM import_batches")
    undo_batch(master, int(latest), OPERATOR)
    back = rows_of(master, "SELECT status FROM dossiers WHERE dossier_no = 'HS-08'")
    assert back == [("appraising",)]
    assert rows_of(master, "SELECT count(DISTINCT dossier_no) FROM dossiers") == [(9,)]
    assert first.status == "imported"


# ── The demo province: its figures against its truth, counted here without the SQL ──────


def _calendar() -> tuple[set[date], set[date]]:
    with (REFERENCE_DIR / "calendar_days.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    off = {date.fromisoformat(r["day"]) for r in rows if r["kind"] == "holiday"}
    worked = {date.fromisoformat(r["day"]) for r in rows if r["kind"] == "workday"}
    return off, worked


def _working(day: date, off: set[date], worked: set[date]) -> bool:
    return day in worked or (day.weekday() < 5 and day not in off)


def _class_of(due: date, returned: date, off: set[date], worked: set[date]) -> str:
    while not _working(due, off, worked):
        due += timedelta(days=1)
    return "early" if returned < due else "on_time" if returned == due else "late"


def _between(start: date, end: date, off: set[date], worked: set[date]) -> int:
    return sum(
        _working(start + timedelta(days=i), off, worked) for i in range(1, (end - start).days + 1)
    )


def _truth_by_year(truth: pl.DataFrame) -> tuple[dict[int, dict[str, int]], list[int]]:
    """Per year first received: dossiers, early, on time, late, refused, open — and the
    working days of every answered dossier — counted from the demo's truth in Python."""
    off, worked = _calendar()
    expected: dict[int, dict[str, int]] = {}
    days: list[int] = []
    for _, group in truth.group_by("dossier_no"):
        subs = group.sort("submission").to_dicts()
        year = min(s["received_on"] for s in subs).year
        counts = expected.setdefault(year, {"dossiers": 0, "early": 0, "on_time": 0, "late": 0,
                                             "rejected": 0, "open": 0})  # fmt: skip
        counts["dossiers"] += 1
        last = subs[-1]
        if last["returned_on"] is None:
            counts["open"] += 1
            continue
        classes = {_class_of(s["due_on"], s["returned_on"], off, worked) for s in subs}
        worst = next(c for c in ("late", "on_time", "early") if c in classes)
        counts[worst] += 1
        counts["rejected"] += last["status"] == "rejected"
        days.append(sum(_between(s["received_on"], s["returned_on"], off, worked) for s in subs))
    return expected, days


def test_demo_figures_equal_its_truth(demo: tuple[Path, DemoProvince]) -> None:
    master, province = demo
    expected, days = _truth_by_year(province.dossiers)
    rows = _rows(master, today=date(2026, 12, 4))
    got = {
        r["year"]: {k: r[k] for k in ("dossiers", "early", "on_time", "late", "rejected", "open")}
        for r in dossiers.by(rows, "year").iter_rows(named=True)
    }
    assert got == expected
    assert dossiers.figures(rows).median_days == statistics.median(days)
    # Mostly on time, a few late, a few refused, three still open at the end of 2025.
    total = dossiers.figures(rows)
    assert 0.9 < (total.on_time_rate or 0) < 0.99
    assert total.open == total.overdue == 3


def test_dossiers_page_and_slide_on_demo(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    expected, _ = _truth_by_year(province.dossiers)
    year = expected[2024]
    answered = year["early"] + year["on_time"] + year["late"]
    at = open_page(master, "pages/dossiers.py", monkeypatch, nam_tu="2024", nam_den="2024")
    shown = {m.label: m.value for m in headline(at)}
    assert shown["Hồ sơ tiếp nhận"] == vi(year["dossiers"])
    assert shown["Trả kết quả đúng hạn"] == pct(year["early"] + year["on_time"], answered)
    # The years' table is drawn when its box is opened (its .xlsx is offered at once).
    assert not at.dataframe and at.get("download_button")
    at.session_state[YEAR_TABLE_KEY] = True
    at.run()
    [table] = [t.value for t in at.dataframe]
    assert list(table["Năm"]) == [2024]
    # Counts written the Vietnamese way, as on every other page («3.950», not «3950»).
    assert [table[c][0] for c in ("Hồ sơ", "Trước hạn", "Đúng hẹn", "Trễ hạn")] == [
        vi(year[k]) for k in ("dossiers", "early", "on_time", "late")
    ]
    assert table["% đúng hạn"][0] == pct(year["early"] + year["on_time"], answered)
    # The list of late and open dossiers, chosen in the link: every late one of 2024.
    listed = open_page(
        master, "pages/dossiers.py", monkeypatch, nam_tu="2024", nam_den="2024",
        xem="Trễ hạn và đang xử lý", ds="tre-han",
    )  # fmt: skip
    table = listed.dataframe[0].value
    assert len(table) == year["late"]
    assert set(table["Tình trạng"]) == {"Trả trễ"}  # the short name of «Trả kết quả trễ hạn»
    con = db.open_snapshot(master)
    try:
        [slide] = slides.dossier_slides(con, 2024, date(2026, 12, 4))
    finally:
        con.close()
    assert f">{vi(year['dossiers'])}<" in slide.body
    assert f">{pct(year['early'] + year['on_time'], answered)}<" in slide.body
    assert f">{vi(year['late'])}<" in slide.body  # the «Trễ hạn» bar


def test_a_unit_account_sees_its_own_dossiers_only(master: Path, tmp_path: Path) -> None:
    from thidua import scope

    import_files([write_register(tmp_path / "ho_so_2024.xlsx")], master, OPERATOR)
    con = scope.open_scoped(str(db.snapshot_path(master)), "Sở Y tế")
    try:
        own = dossiers.dossier_rows(con, Filters(), TODAY)
    finally:
        con.close()
    assert own["dossier_no"].to_list() == ["HS-03", "HS-08"]
    nobody = scope.open_scoped(str(db.snapshot_path(master)), None)
    try:
        assert dossiers.dossier_rows(nobody, Filters(), TODAY).height == 0
    finally:
        nobody.close()


def test_a_register_previewed_and_confirmed_on_the_upload_page(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_upload_page import read, send, upload_page

    at = upload_page(master, monkeypatch)
    send(at, write_register(tmp_path / "ho_so_2024.xlsx"))
    said = [read(m.value) for m in at.markdown]
    assert "**Sổ hồ sơ:** 9 hồ sơ (10 dòng), nhận từ 01/04/2024 đến 04/09/2024" in said
    states = next(d.value for d in at.dataframe if "Trạng thái" in d.value.columns)
    # By each dossier's last row: six decided (HS-06 after its return), one refused, two open.
    assert dict(zip(states["Trạng thái"], states["Số hồ sơ"], strict=True)) == {
        "Đã có quyết định": "6", "Không đủ điều kiện": "1", "Đang thẩm định": "1", "Đã tiếp nhận": "1",
    }  # fmt: skip
    at.button(key="confirm").click().run()
    assert [read(s.value) for s in at.success] == [
        "ho_so_2024.xlsx: đã nhập 10 dòng (sổ theo dõi hồ sơ đề nghị)."
    ]
    # The next month's register names HS-08 again: said before confirming.
    newer = [["HS-08", "Sở Y tế", "19/08/2024", "30/08/2024", "10/09/2024", "Đã có quyết định",
              None, "Bằng khen UBND tỉnh", 2, "300/QĐ-UBND"]]  # fmt: skip
    path = write_rows(tmp_path / "thang9.xlsx", [HEADER] + [[1, *newer[0]]])
    send(at, path)
    assert any("1 hồ sơ của sổ này đã có trong kho" in read(i.value) for i in at.info)
