"""Hostile and broken files are refused quickly with a clear message; text traps are undone."""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.problems import FileRefused
from etl.reading.stage import read_grids
from tests.builders import REGISTER_HEADER, to_cp1258, write_rows
from tests.conftest import SAMPLES, Importer
from thidua.settings import ImportLimits, too_big


def test_nfd_text_is_stored_nfc(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    row = [
        "2022",
        "12/QĐ-UBND",
        "10/01/2022",
        "Cá nhân",
        "Nguyễn Thị Hồng Nhung",
        "Nữ",
        "Điều dưỡng",
        "Sở Y tế",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Thường xuyên",
    ]
    nfd = [unicodedata.normalize("NFD", v) for v in row]
    assert nfd != row
    [report] = import_into(write_rows(tmp_path / "nfd.xlsx", [REGISTER_HEADER, nfd]))
    assert report.status == "imported", report.message()
    got = (
        snapshot()
        .execute("SELECT recipient_name, position, unit_name, gender, is_leader FROM awards")
        .fetchall()
    )
    assert got == [("Nguyễn Thị Hồng Nhung", "Điều dưỡng", "Sở Y tế", "F", False)]


def test_windows_1258_csv_is_decoded(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    text = (SAMPLES / "so_khen_thuong_2021.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / "so_khen_2021_cp1258.csv"
    path.write_bytes(to_cp1258(text))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    con = snapshot()
    assert con.execute(
        "SELECT count(*), count(*) FILTER (gender = 'F') FROM awards"
    ).fetchone() == (120, 39)
    assert con.execute("SELECT encoding FROM import_batches").fetchone() == ("windows-1258",)
    names = {r[0] for r in con.execute("SELECT recipient_name FROM awards").fetchall()}
    assert "Bùi Minh Nam" in names


def _refusal(path: Path, limits: ImportLimits | None = None) -> str:
    with pytest.raises(FileRefused) as refused:
        read_grids(path, limits) if limits else read_grids(path)
    return str(refused.value)


def test_decompression_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    """A real workbook whose sheet is 20 MB of blanks inside <sheetData> (well-formed XML
    that deflates ~1000:1): refused as soon as the bytes our inflater really produces pass
    the ratio, not after the whole member is inflated."""
    sheet = "xl/worksheets/sheet1.xml"
    book = write_rows(tmp_path / "book.xlsx", [REGISTER_HEADER])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == sheet:
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * 20_000_000)
            out.writestr(info.filename, data)
    assert bomb.stat().st_size < 100_000
    text = _refusal(bomb)
    assert "tệp nén bất thường" in text and f"«{sheet}»" in text


def test_not_a_spreadsheet_and_oversized(tmp_path: Path) -> None:
    png = tmp_path / "anh.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert "không phải bảng tính" in _refusal(png)
    zipped_text = tmp_path / "tai_lieu.xlsx"
    with zipfile.ZipFile(zipped_text, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert "không phải bảng tính Excel" in _refusal(zipped_text)
    big = SAMPLES / "so_khen_thuong_2019.xlsx"
    assert "tệp quá lớn" in _refusal(big, ImportLimits(max_file_bytes=1000))
    # In the MB the uploader shows (1 MB = 1.048.576 bytes; it said «giới hạn là 52 MB»),
    # with a decimal comma.
    assert too_big(64_300_000) == "tệp quá lớn (61,3 MB); giới hạn là 50 MB."
    one_mb = ImportLimits(max_file_bytes=1_048_576)
    assert too_big(2_000_000, one_mb) == "tệp quá lớn (1,9 MB); giới hạn là 1 MB."


def test_missing_file_gets_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["import", str(tmp_path / "khong_co.xlsx"), "--db", str(tmp_path / "w.duckdb")])
    out = capsys.readouterr()
    assert status == 1
    assert "không mở được tệp" in out.out
    assert "Traceback" not in out.out + out.err


def test_every_error_of_a_file_is_listed_and_nothing_written(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    good = [
        "2022",
        "12/QĐ-UBND",
        "10/01/2022",
        "Cá nhân",
        "Lê Văn A",
        "Nam",
        "Chuyên viên",
        "Sở Y tế",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Thường xuyên",
    ]
    # Each wrong row names another person: the same person twice would be an error of its own.
    bad_gender = [*good[:4], "Lê Văn B", "Không rõ", *good[6:]]
    bad_date = [good[0], good[1], "31/02/2022", good[3], "Lê Văn C", *good[5:]]
    bad_kind = [*good[:4], "Lê Văn D", *good[5:8], "Cờ thi đua của UBND tỉnh", good[9]]
    path = write_rows(
        tmp_path / "loi.xlsx", [REGISTER_HEADER, good, bad_gender, bad_date, bad_kind]
    )
    [report] = import_into(path)
    assert report.status == "refused"
    found = {(p.row, p.column, p.value) for p in report.problems}
    assert found == {
        (3, "F «Giới tính»", "Không rõ"),
        (4, "C «Ngày quyết định»", "31/02/2022"),
        (5, "I «Hình thức khen thưởng»", "Cờ thi đua của UBND tỉnh"),
    }
    # A date no calendar has is said as such, not as a format to learn (issue 21, 10).
    [date_problem] = [p for p in report.problems if p.row == 4]
    assert date_problem.message == (
        "tháng 2 năm 2022 chỉ có 28 ngày, không có ngày 31; hãy sửa lại ngày."
    )
    assert snapshot().execute("SELECT count(*) FROM award").fetchone() == (0,)


def test_busy_warehouse_gets_a_message(
    master: Path, import_into: Importer, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess
    import sys

    import_into(SAMPLES / "so_khen_thuong_2021.csv")
    # Another process holds the master read-write (as a careless analyst's client would).
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(master)!r}); print('ok', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        status = main(["import", str(SAMPLES / "so_khen_thuong_2019.xlsx"), "--db", str(master)])
    finally:
        holder.kill()
    out = capsys.readouterr()
    assert status == 3
    assert "đang được một tiến trình khác mở" in out.err
    assert "Traceback" not in out.out + out.err


def test_a_damaged_warehouse_is_not_called_busy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file DuckDB cannot read (damaged, or written by a newer DuckDB) is said so, not «in
    use by another process» — waiting a few minutes would not mend it."""
    master = tmp_path / "warehouse.duckdb"
    master.write_bytes(b"PK\x03\x04 not a warehouse " * 400)
    status = main(["import", str(SAMPLES / "so_khen_thuong_2019.xlsx"), "--db", str(master)])
    out = capsys.readouterr()
    assert status == 3
    assert f"Không mở được kho dữ liệu {master}: tệp không phải kho DuckDB hoặc đã hỏng." in out.err
    assert "đang được một tiến trình khác mở" not in out.err and "Traceback" not in out.err


def test_a_damaged_warehouse_is_said_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not Streamlit's English «This app has encountered an error»: the snapshot the pages
    read cannot be opened (damaged, or written by a newer DuckDB), and the page says so."""
    from tests.apptest import app_as
    from thidua.settings import snapshot_path

    master = tmp_path / "warehouse.duckdb"
    for damaged in (master, snapshot_path(master)):
        damaged.write_bytes(b"PK\x03\x04 not a warehouse " * 400)
    at = app_as(master, monkeypatch).run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Không mở được kho dữ liệu: tệp không phải kho DuckDB hoặc đã hỏng. Hãy lấy lại bản "
        "sao lưu hoặc dựng lại kho từ các tệp đã nhập. Hãy báo quản trị viên."
    ]


def test_a_typed_decision_date_is_read_as_the_columns_dates_are() -> None:
    """The upload page's date box: the shapes offices type, nothing else; a bare number is
    not an Excel serial there («2020» alone would be 12/07/1905)."""
    from datetime import date

    from etl.parse.values import typed_date

    for typed in ("25/01/2020", "25-01-2020", "25.01.2020", " 25/1/2020 ", "2020-01-25"):
        assert typed_date(typed) == date(2020, 1, 25), typed
    for typed in ("32/01/2020", "29/02/2021", "2020", "43855", "ngày mai", ""):
        assert typed_date(typed) is None, typed
