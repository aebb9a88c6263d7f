"""The reading stage against files that really arrive, or that anyone can make: each one is
made here, in the test's folder, and must give exactly the rows written (with their Excel
row numbers) or a Vietnamese refusal that names the cause and the line — within seconds,
with the reading child's memory bounded, and never a traceback."""

from __future__ import annotations

import hashlib
import re
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb
import pytest
import xlsxwriter

from etl.cli import main
from etl.problems import FileRefused
from etl.reading.stage import Book, read_book
from tests.builders import REGISTER_HEADER
from tests.conftest import Importer
from tests.hostile_files import register_rows
from thidua.settings import LIMITS, PROJECT_ROOT, ImportLimits

Snapshot = Callable[[], duckdb.DuckDBPyConnection]
SHEET = "xl/worksheets/sheet1.xml"
PEAK_MB = 500  # the reading child's resident memory for any file here
SECONDS = 10.0  # any file here, read or refused


def register_xlsx(
    path: Path,
    rows: int = 60,
    cells: Sequence[tuple[int, int, object]] = (),
    sheet: str = "Sổ khen thưởng",
) -> Path:
    """A register of `rows` awards under REGISTER_HEADER, and values at (row, col) 0-based."""
    book = xlsxwriter.Workbook(path)
    worksheet = book.add_worksheet(sheet)
    for r, row in enumerate([REGISTER_HEADER, *register_rows(rows)]):
        worksheet.write_row(r, 0, row)
    for r, c, value in cells:
        worksheet.write(r, c, value)
    book.close()
    return path


def rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """A copy of a workbook with each member's bytes passed through `change(name, data)`."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in original.infolist():
            copy.writestr(info.filename, change(info.filename, original.read(info.filename)))
    return target


def in_member(member: str, old: bytes, new: bytes) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name != member:
            return data
        assert old in data, (member, old)
        return data.replace(old, new, 1)

    return change


def declare_size(path: Path, member: str, size: int) -> None:
    """Patch the uncompressed size a member declares, in its local header (offset 22) and its
    central directory entry (offset 24); the data and its CRC stay as they are."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(member).header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, size)
    name = member.encode()
    patched, entry = 0, data.find(b"PK\x01\x02")
    while entry >= 0:
        name_len = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46 : entry + 46 + name_len] == name:
            struct.pack_into("<I", data, entry + 24, size)
            patched += 1
        entry = data.find(b"PK\x01\x02", entry + 46)
    assert patched == 1
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:  # what any reader of the directory now believes
        assert archive.getinfo(member).file_size == size


def read(path: Path, limits: ImportLimits = LIMITS) -> Book:
    """The file read, quickly and within the memory every hostile file must stay under."""
    started = time.perf_counter()
    book = read_book(path, limits)
    assert time.perf_counter() - started < SECONDS
    assert 0 < book.peak_mb < PEAK_MB, book.peak_mb
    return book


def refusal(path: Path, limits: ImportLimits = LIMITS) -> str:
    """The whole Vietnamese sentence a file is refused with; no Book ever comes back."""
    started = time.perf_counter()
    with pytest.raises(FileRefused) as refused:
        read_book(path, limits)
    assert time.perf_counter() - started < SECONDS
    text = str(refused.value)
    assert text.startswith(f"{path.name}"), text
    return text


def awards(snapshot: Snapshot) -> list[tuple[str, int]]:
    """(recipient, Excel row or file line) of every award in the warehouse."""
    return (
        snapshot()
        .execute("SELECT recipient_name, source_row FROM awards ORDER BY source_row")
        .fetchall()
    )


def text_table(rows: Sequence[Sequence[str]], sep: str = ",", end: str = "\n") -> str:
    """Rows as Excel writes them: a field holding the separator, a quote or a line break is
    quoted, its quotes doubled."""

    def field(value: str) -> str:
        if any(ch in value for ch in (sep, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(sep.join(field(v) for v in row) + end for row in rows)


REGISTER = [[str(v) for v in REGISTER_HEADER], *register_rows(60)]


# ── Stray cells far from the table ─────────────────────────────────────────────────────


def test_a_value_left_in_the_last_cell_is_dropped_and_named(
    tmp_path: Path, import_into: Importer, snapshot: Snapshot
) -> None:
    """Ctrl+End, a key pressed in XFD1048576: calamine alone asks for 17 billion cells."""
    path = register_xlsx(tmp_path / "so_khen_o_cuoi.xlsx", cells=[(1_048_575, 16_383, "gõ nhầm")])
    book = read(path)
    [grid] = book.grids
    assert (grid.cells.height, grid.cells.width, grid.first_row, grid.first_col) == (61, 10, 1, 0)
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    assert report.rows == 60
    [warning] = report.warnings
    assert "XFD1048576" in warning and "«gõ nhầm»" in warning and "Sổ khen thưởng" in warning
    assert "XFD1048576" in report.message()
    got = awards(snapshot)
    assert len(got) == 60
    assert got[0] == ("Nguyễn Văn Thử 1", 2) and got[-1] == ("Nguyễn Văn Thử 60", 61)


def test_the_last_cell_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = register_xlsx(tmp_path / "so_khen_o_cuoi.xlsx", cells=[(1_048_575, 16_383, 7)])
    status = main(["import", str(path), "--db", str(tmp_path / "w.duckdb")])
    out = capsys.readouterr()
    assert status == 0, out.out + out.err
    assert "đã nhập 60 dòng" in out.out
    assert "XFD1048576 («7»)" in out.out
    assert "Traceback" not in out.out + out.err


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ((1_048_575, 0), "A1048576"),  # far below only
        ((4, 16_383), "XFD5"),  # far right only, on a row of the table
        ((30, 700), "ZY31"),  # right, past the column limit, beside the table
    ],
)
def test_a_stray_value_far_below_or_far_right(
    tmp_path: Path, cell: tuple[int, int], name: str
) -> None:
    path = register_xlsx(tmp_path / "so_khen.xlsx", cells=[(*cell, "lạc")])
    book = read(path)
    [grid] = book.grids
    assert (grid.cells.height, grid.cells.width, grid.first_row) == (61, 10, 1)
    assert grid.row_values(60)[4] == "Nguyễn Văn Thử 60"
    [warning] = book.warnings
    assert f"ô {name} («lạc»)" in warning


def test_a_formatted_but_empty_last_cell_is_not_a_value(tmp_path: Path) -> None:
    """A border or colour put on XFD1048576 stretches the sheet's <dimension> to the last cell
    without a value there: nothing to drop, nothing to say, and no 17 billion cells."""
    path = tmp_path / "so_khen_to_mau.xlsx"
    book = xlsxwriter.Workbook(path)
    worksheet = book.add_worksheet("DS")
    for r, row in enumerate(REGISTER):
        worksheet.write_row(r, 0, row)
    worksheet.write_blank(1_048_575, 16_383, None, book.add_format({"bg_color": "yellow"}))
    book.close()
    with zipfile.ZipFile(path) as archive:
        assert b'<dimension ref="A1:XFD1048576"/>' in archive.read(SHEET)
    book_read = read(path)
    assert book_read.warnings == []
    assert book_read.grids[0].cells.shape == (61, 10)


def test_several_far_values_are_refused_naming_the_far_row(
    tmp_path: Path, import_into: Importer, snapshot: Snapshot
) -> None:
    """More than a few values far below the table are not keystrokes: refused, not dropped
    silently nor read as 500.000 rows."""
    far = [(500_000 + i, 0, f"ghi chú {i}") for i in range(6)]
    path = register_xlsx(tmp_path / "so_khen_xa.xlsx", cells=far)
    text = refusal(path)
    assert "có dữ liệu ở xa bảng chính (dòng 500.006)" in text
    assert "xóa các ô thừa" in text
    [report] = import_into(path)
    assert report.status == "refused"
    assert "dòng 500.006" in report.message()
    assert awards(snapshot) == []


# ── Zip members that inflate to more than they say ─────────────────────────────────────


def _padded(tmp_path: Path, name: str, padding: int) -> Path:
    """A real register whose sheet XML holds `padding` spaces inside <sheetData> (valid XML
    that deflates ~1000:1)."""
    base = register_xlsx(tmp_path / "base.xlsx")
    return rewrite(
        base, tmp_path / name, in_member(SHEET, b"<sheetData>", b"<sheetData>" + b" " * padding)
    )


def test_a_zip_that_lies_about_its_sizes_is_refused(
    tmp_path: Path, import_into: Importer, snapshot: Snapshot
) -> None:
    """The sheet says (in both zip headers) 4.000 bytes and inflates to 60 MB: a reader that
    trusts the headers allocates for 4 KB and inflates it all."""
    path = _padded(tmp_path, "so_khen_zip_gia.xlsx", 60_000_000)
    declare_size(path, SHEET, 4_000)
    assert path.stat().st_size < 1_000_000
    text = refusal(path)
    assert "tệp nén bất thường" in text
    assert re.search(r"«xl/worksheets/sheet1\.xml» khai 3,9 KB\b.* giải nén ra hơn \d", text), text
    started = time.perf_counter()
    [report] = import_into(path)
    assert time.perf_counter() - started < SECONDS
    assert report.status == "refused" and "tệp nén bất thường" in report.message()
    assert awards(snapshot) == []


def test_a_zip_that_inflates_to_less_than_it_says_is_refused(tmp_path: Path) -> None:
    path = register_xlsx(tmp_path / "so_khen_khai_lon.xlsx")
    with zipfile.ZipFile(path) as archive:
        real = archive.getinfo(SHEET).file_size
    declare_size(path, SHEET, 50_000_000)
    text = refusal(path)
    assert real < 50_000
    assert re.search(
        r"phần «xl/worksheets/sheet1\.xml» khai 48 MB nhưng giải nén ra \d+(,\d)? KB; "
        r"tệp bị hỏng hoặc bị làm giả",
        text,
    ), text


def test_an_honest_bomb_is_refused_past_the_unzipped_limit(tmp_path: Path) -> None:
    path = _padded(tmp_path, "so_khen_bom.xlsx", 8_000_000)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(SHEET).file_size > 8_000_000  # the sizes say the truth
    assert path.stat().st_size < 100_000
    text = refusal(path, ImportLimits(max_unzipped_bytes=2_000_000))
    assert "tệp nén bất thường" in text and "«xl/worksheets/sheet1.xml»" in text
    # Under the default limits the same file is a register with much blank space.
    assert read(path).grids[0].cells.height == 61


# ── Text files ─────────────────────────────────────────────────────────────────────────


def test_a_csv_with_100000_columns_is_refused_on_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "rong.csv"
    path.write_text(",".join(f"cot{i}" for i in range(100_000)) + "\n1,2,3\n", encoding="utf-8")
    text = refusal(path)
    assert text.startswith("rong.csv, dòng 1: dòng có 100.000 cột, quá giới hạn 512"), text


@pytest.mark.parametrize(
    "ends",
    [["\r"], ["\r\n", "\n", "\r"]],
    ids=["CR alone", "CRLF, LF and CR mixed"],
)
def test_lines_ending_in_cr_or_a_mixture(
    tmp_path: Path, import_into: Importer, snapshot: Snapshot, ends: list[str]
) -> None:
    lines = text_table(REGISTER, end="\n").splitlines()
    path = tmp_path / "so_khen.csv"
    path.write_bytes("".join(line + ends[i % len(ends)] for i, line in enumerate(lines)).encode())
    grid = read(path).grids[0]
    assert (grid.cells.height, grid.first_row) == (61, 1)
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    got = awards(snapshot)
    assert len(got) == 60 and got[-1] == ("Nguyễn Văn Thử 60", 61)


@pytest.mark.parametrize("sep_line", [False, True], ids=["as Excel saves it", "with sep=;"])
def test_excel_csv_utf8_with_semicolons_and_a_bom(
    tmp_path: Path, import_into: Importer, snapshot: Snapshot, sep_line: bool
) -> None:
    """Excel's «CSV UTF-8» on a Vietnamese-locale Windows: ';' between fields, a BOM, CRLF;
    some tools add Excel's «sep=;» first line."""
    rows = [*REGISTER[:1], *register_rows(60, name="Đặng Thị Ngọc Hưởng")]
    rows[5][6] = "Trưởng phòng, kiêm Phó Giám đốc"  # a comma inside a field
    text = ("sep=;\r\n" if sep_line else "") + text_table(rows, ";", "\r\n")
    path = tmp_path / "so_khen_excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    grid = read(path).grids[0]
    first = 2 if sep_line else 1
    assert (grid.cells.height, grid.cells.width, grid.first_row) == (61, 10, first)
    assert grid.row_values(0)[0] == "Năm"  # the BOM is not part of the first header
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    assert report.encoding is None  # Unicode, nothing converted
    got = awards(snapshot)
    assert len(got) == 60
    assert got[0] == ("Đặng Thị Ngọc Hưởng 1", first + 1)
    assert got[-1] == ("Đặng Thị Ngọc Hưởng 60", first + 60)


@pytest.mark.parametrize(
    ("encode", "suffix"),
    [
        (lambda text: b"\xff\xfe" + text.encode("utf-16-le"), ".txt"),
        (lambda text: b"\xfe\xff" + text.encode("utf-16-be"), ".txt"),
        (lambda text: text.encode("utf-16-le"), ".tsv"),  # no BOM
    ],
    ids=["UTF-16 LE with BOM", "UTF-16 BE with BOM", "UTF-16 LE without BOM"],
)
def test_excel_unicode_text(
    tmp_path: Path,
    import_into: Importer,
    snapshot: Snapshot,
    encode: Callable[[str], bytes],
    suffix: str,
) -> None:
    """Excel's «Unicode Text (*.txt)»: UTF-16 with a BOM, tab-separated, CRLF."""
    rows = [*REGISTER[:1], *register_rows(60, name="Trương Thị Mỹ Hạnh")]
    path = tmp_path / f"so_khen_unicode{suffix}"
    path.write_bytes(encode(text_table(rows, "\t", "\r\n")))
    grid = read(path).grids[0]
    assert (grid.cells.height, grid.cells.width) == (61, 10)
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    got = awards(snapshot)
    assert len(got) == 60 and got[-1] == ("Trương Thị Mỹ Hạnh 60", 61)


def _quoted_register(bad_after: bool) -> str:
    """Line 1 header, line 2 a row, lines 3-4 one record whose name holds doubled quotes, a
    comma and a line break, line 5 a row, and (if `bad_after`) line 6 a flag to a person."""
    rows = [REGISTER[0], *register_rows(3)]
    rows[2][4] = 'Anh "Hai"\nở tổ 3, ấp Hòa Lợi'
    if bad_after:
        bad = register_rows(1, first=4)[0]
        bad[8] = "Cờ thi đua của UBND tỉnh"
        rows.append(bad)
    text = text_table(rows)
    assert '"Anh ""Hai""\nở tổ 3, ấp Hòa Lợi"' in text
    return text


def test_quoted_fields_with_doubled_quotes_and_line_breaks(
    tmp_path: Path, import_into: Importer, snapshot: Snapshot
) -> None:
    path = tmp_path / "so_khen_ngoac_kep.csv"
    path.write_text(_quoted_register(bad_after=False), encoding="utf-8")
    grid = read(path).grids[0]
    assert grid.cells.height == 5  # one row per line: the record's second line is blank
    assert grid.row_values(2)[4] == 'Anh "Hai" ở tổ 3, ấp Hòa Lợi'
    assert set(grid.row_values(3)) == {None}
    assert grid.row_values(4)[4] == "Nguyễn Văn Thử 3"
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    assert awards(snapshot) == [
        ("Nguyễn Văn Thử 1", 2),
        ('Anh "Hai" ở tổ 3, ấp Hòa Lợi', 3),
        ("Nguyễn Văn Thử 3", 5),
    ]


def test_an_error_after_a_record_on_two_lines_names_its_true_line(
    tmp_path: Path, import_into: Importer, snapshot: Snapshot
) -> None:
    path = tmp_path / "so_khen_loi.csv"
    path.write_text(_quoted_register(bad_after=True), encoding="utf-8")
    [report] = import_into(path)
    assert report.status == "refused"
    [problem] = report.problems
    assert (problem.row, problem.column, problem.value) == (
        6,
        "I «Hình thức khen thưởng»",
        "Cờ thi đua của UBND tỉnh",
    )
    assert awards(snapshot) == []


@pytest.mark.parametrize("at", [3, 6], ids=["line 4 of 7", "the last line"])
def test_an_unclosed_quote_is_refused_naming_its_line(tmp_path: Path, at: int) -> None:
    lines = text_table(REGISTER[:6]).splitlines()
    lines.insert(at, '2024,15/QĐ-UBND,10/01/2024,Cá nhân,"Trần Văn, chưa đóng ngoặc,Nam')
    path = tmp_path / "so_khen_ngoac.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = refusal(path)
    assert text.startswith(f"so_khen_ngoac.csv, dòng {at + 1}: "), text
    assert 'dấu ngoặc kép «"» mở ở dòng này không được đóng đến hết tệp' in text


def test_a_field_longer_than_excel_allows_is_refused_naming_its_line(tmp_path: Path) -> None:
    rows = [list(row) for row in REGISTER[:5]]
    rows[2][6] = "x" * 40_000  # line 3
    path = tmp_path / "so_khen_o_dai.csv"
    path.write_text(text_table(rows), encoding="utf-8")
    text = refusal(path)
    assert text.startswith("so_khen_o_dai.csv, dòng 3: một ô dài quá 32.767 ký tự"), text


def test_a_quote_that_swallows_whole_lines_is_refused_naming_its_line(tmp_path: Path) -> None:
    """A quote left open on line 4 closes cleanly on line 7: the three lines between would
    become one name (and the rows they hold would be gone) without this check."""
    lines = text_table(REGISTER[:8]).splitlines()
    lines[3] = lines[3].replace("Nguyễn Văn Thử 3", '"Nguyễn Văn Thử 3')
    lines[6] = lines[6].replace("Nguyễn Văn Thử 6", 'Nguyễn Văn Thử 6"')
    path = tmp_path / "so_khen_nuot.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = refusal(path)
    assert text.startswith("so_khen_nuot.csv, dòng 4: "), text
    assert "gộp 4 dòng vào một ô" in text


# ── Hidden sheets ──────────────────────────────────────────────────────────────────────


def _book_with_sheets(path: Path, sheets: Sequence[tuple[str, int, str, str]]) -> Path:
    """Sheets of (name, rows, recipient prefix, state: visible/hidden/veryHidden)."""
    book = xlsxwriter.Workbook(path)
    for name, rows, prefix, state in sheets:
        worksheet = book.add_worksheet(name)
        if rows:
            data = [REGISTER_HEADER, *register_rows(rows, name=prefix)]
            for r, row in enumerate(data):
                worksheet.write_row(r, 0, row)
        if state == "visible":
            worksheet.activate()
        elif state == "hidden":
            worksheet.hide()
        else:
            worksheet.very_hidden()
    book.close()
    return path


def test_hidden_drafts_are_skipped_and_said(
    tmp_path: Path, import_into: Importer, snapshot: Snapshot
) -> None:
    path = _book_with_sheets(
        tmp_path / "qd_co_trang_an.xlsx",
        [
            ("Bản nháp", 30, "Nháp", "hidden"),
            ("Danh sách", 27, "Chính thức", "visible"),
            ("Cũ 2023", 12, "Cũ", "veryHidden"),
        ],
    )
    book = read(path)
    assert [g.sheet for g in book.grids] == ["Danh sách"]
    [report] = import_into(path)
    assert report.status == "imported", report.message()
    assert report.rows == 27
    assert [sheet for sheet, _ in report.skipped] == ["Bản nháp", "Cũ 2023"]
    assert all("ẩn" in why for _, why in report.skipped)
    assert "veryHidden" in report.skipped[1][1]
    assert "bỏ qua trang «Bản nháp»" in report.message()
    got = awards(snapshot)
    assert len(got) == 27 and {name.split()[0] for name, _ in got} == {"Chính"}


def test_a_workbook_whose_only_list_is_hidden_is_refused_with_the_way_to_unhide(
    tmp_path: Path, import_into: Importer
) -> None:
    path = _book_with_sheets(
        tmp_path / "chi_co_trang_an.xlsx",
        [("Trang bìa", 0, "", "visible"), ("Danh sách", 10, "Ẩn", "hidden")],
    )
    text = refusal(path)
    assert "mọi trang có dữ liệu đều bị ẩn («Danh sách»)" in text
    assert "bỏ ẩn trang" in text and "Bỏ ẩn" in text
    [report] = import_into(path)
    assert report.status == "refused" and "bỏ ẩn" in report.message()


# ── Files that are not spreadsheets ────────────────────────────────────────────────────

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")


def _ole(stream: str) -> bytes:
    """The header of an Office 97-2003 file and a directory naming one stream (UTF-16LE)."""
    return OLE + bytes(504) + stream.encode("utf-16-le") + bytes(1024)


NOT_SHEETS: list[tuple[str, Callable[[Path], object], list[str]]] = [
    (
        "quyet_dinh.xlsx",
        lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        ["tệp PDF", "không phải bảng tính", "gửi tệp Excel"],
    ),
    (
        "anh_chup.xls",
        lambda p: p.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(2000)),
        ["ảnh JPEG", "không phải bảng tính", "gửi tệp Excel"],
    ),
    (
        "du_thao.xlsx",
        _docx,
        ["văn bản Word (.docx)", "không phải bảng tính Excel"],
    ),
    (
        "xuat_tu_phan_mem.xls",
        lambda p: p.write_text(
            '<html><head><meta charset="utf-8"></head><body><table><tr><td>Họ tên</td>'
            "</tr><tr><td>Lê Văn A</td></tr></table></body></html>",
            encoding="utf-8",
        ),
        ["trang web (HTML)", "không phải bảng tính", "lưu lại", ".xlsx"],
    ),
    (
        "xhtml.xls",
        lambda p: p.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html><body><table>'
            "<tr><td>1</td></tr></table></body></html>",
            encoding="utf-8",
        ),
        ["trang web (HTML)", "lưu lại"],
    ),
    (
        "to_trinh.xls",
        lambda p: p.write_bytes(_ole("WordDocument")),
        ["văn bản Word (.doc)", "không phải bảng tính"],
    ),
    (
        "co_mat_khau.xlsx",
        lambda p: p.write_bytes(_ole("EncryptedPackage")),
        ["có đặt mật khẩu", "bỏ mật khẩu", "lưu lại"],
    ),
    (
        "excel_2003.xls",
        lambda p: p.write_text(
            '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
            encoding="utf-8",
        ),
        ["bảng tính XML 2003", "không đọc được", "lưu lại", ".xlsx"],
    ),
]


@pytest.mark.parametrize(("name", "make", "words"), NOT_SHEETS, ids=[n for n, _, _ in NOT_SHEETS])
def test_a_file_that_is_not_a_spreadsheet_is_named_for_what_it_is(
    tmp_path: Path, name: str, make: Callable[[Path], object], words: list[str]
) -> None:
    path = tmp_path / name
    make(path)
    text = refusal(path)
    for word in words:
        assert word in text, (word, text)
    assert "tệp bị hỏng" not in text


# ── XML that expands or nests without end ──────────────────────────────────────────────

DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
LAUGHS = (  # each entity ten of the one before: «&l9;» is 2 × 10⁹ characters
    DECLARATION
    + b'<!DOCTYPE lolz [<!ENTITY l0 "ha">'
    + b"".join(b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>"
)
DEEP = b"<a>" * 200_000 + b"</a>" * 200_000
SHARED = "xl/sharedStrings.xml"
CELL_62 = b'<row r="62"><c r="A62" t="inlineStr"><is><t>%s</t></is></c></row></sheetData>'
TRAPS: list[tuple[str, str, list[tuple[bytes, bytes]]]] = [
    ("laughs declared in the sheet", SHEET, [(DECLARATION, LAUGHS)]),
    (
        "laughs used in a cell",
        SHEET,
        [(DECLARATION, LAUGHS), (b"</sheetData>", CELL_62 % b"&l9;")],
    ),
    (
        "laughs used in shared strings",
        SHARED,
        [(DECLARATION, LAUGHS), ("<t>Năm</t>".encode(), b"<t>&l9;</t>")],
    ),
    ("nesting before the data", SHEET, [(b"<sheetData>", DEEP + b"<sheetData>")]),
    ("nesting in a cell", SHEET, [(b"</sheetData>", CELL_62 % (b"x</t>" + DEEP + b"<t>"))]),
    ("nesting in shared strings", SHARED, [(b"</sst>", b"<si><t>x</t>" + DEEP + b"</si></sst>")]),
]


@pytest.mark.parametrize(("trap", "member", "changes"), TRAPS, ids=[t[0] for t in TRAPS])
def test_entity_bombs_and_deep_nesting_stay_bounded(
    tmp_path: Path, trap: str, member: str, changes: list[tuple[bytes, bytes]]
) -> None:
    """Read or refused, either way within seconds and bounded memory; nothing but
    FileRefused comes out, and no entity is ever expanded."""
    path = register_xlsx(tmp_path / "bay_xml.xlsx")
    for old, new in changes:
        path = rewrite(path, tmp_path / f"{len(old)}-{path.name}", in_member(member, old, new))
    started = time.perf_counter()
    try:
        book = read_book(path)
    except FileRefused as refused:
        assert time.perf_counter() - started < SECONDS
        assert "tệp bị hỏng" in str(refused), str(refused)
        return
    assert time.perf_counter() - started < SECONDS
    assert book.peak_mb < PEAK_MB
    [grid] = book.grids
    assert grid.cells.height in (61, 62)
    assert grid.row_values(60)[4] == "Nguyễn Văn Thử 60"
    longest = max(len(v or "") for column in grid.cells.columns for v in grid.cells[column])
    assert longest < 1000  # nothing expanded


# ── The child's own bounds ─────────────────────────────────────────────────────────────


def test_the_time_bound_stops_the_reading(tmp_path: Path) -> None:
    path = tmp_path / "so_khen_lon.csv"
    path.write_text(text_table(REGISTER[:1]) + text_table(REGISTER[1:2]) * 150_000, "utf-8")
    started = time.perf_counter()
    text = refusal(path, ImportLimits(read_seconds=0.3))
    assert time.perf_counter() - started < 3
    assert "đọc tệp quá 0,3 giây nên đã dừng" in text


def test_the_memory_bound_is_said_and_the_parent_survives(tmp_path: Path) -> None:
    """In 60 MB the child cannot even load its readers: that is the bound working, and the
    parent says so instead of «the file is broken»."""
    path = register_xlsx(tmp_path / "so_khen.xlsx", rows=5)
    text = refusal(path, ImportLimits(read_memory_mb=60))
    assert "đọc tệp cần hơn 60 MB bộ nhớ" in text
    assert read(path).grids[0].cells.height == 6  # and the next file is read as usual


# ── The command line: a refusal changes nothing ────────────────────────────────────────


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _lying(folder: Path) -> Path:
    path = _padded(folder, "zip_gia.xlsx", 30_000_000)
    declare_size(path, SHEET, 4_000)
    return path


def _far(folder: Path) -> Path:
    return register_xlsx(folder / "o_xa.xlsx", cells=[(900_000 + i, i, "x") for i in range(5)])


def _pdf(folder: Path) -> Path:
    path = folder / "quyet_dinh.xlsx"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


def _wide(folder: Path) -> Path:
    path = folder / "rong.csv"
    path.write_text("a," * 200_000 + "\n", encoding="utf-8")
    return path


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "lying zip": _lying,
    "far cells": _far,
    "PDF": _pdf,
    "wide CSV": _wide,
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_refused_file_through_the_cli_leaves_the_warehouse_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    master = tmp_path / "w.duckdb"
    good = register_xlsx(tmp_path / "so_khen_tot.xlsx", rows=3)
    assert main(["import", str(good), "--db", str(master)]) == 0
    before = _sha256(master)
    capsys.readouterr()
    hostile = HOSTILE[kind](tmp_path)
    started = time.perf_counter()
    status = main(["import", str(hostile), "--db", str(master)])
    assert time.perf_counter() - started < SECONDS
    out = capsys.readouterr()
    assert status == 1
    assert f"{hostile.name}: KHÔNG NHẬP" in out.out
    assert "bị từ chối" in out.err
    assert "Traceback" not in out.out + out.err
    assert _sha256(master) == before


def test_the_real_command_line_refuses_a_lying_zip_without_a_traceback(tmp_path: Path) -> None:
    """`python -m etl import` as an analyst runs it (the file is read by a child started
    before the importer loads): exit 1, the sentence, the warehouse unchanged."""
    master = tmp_path / "w.duckdb"
    assert (
        main(["import", str(register_xlsx(tmp_path / "tot.xlsx", rows=3)), "--db", str(master)])
        == 0
    )
    before = _sha256(master)
    hostile = _lying(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "etl", "import", str(hostile), "--db", str(master)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "zip_gia.xlsx: KHÔNG NHẬP" in done.stdout and "tệp nén bất thường" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert _sha256(master) == before


def test_no_temporary_folder_or_process_is_said_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (no temporary folder) or no process left for the reader: a sentence, not
    an OSError reaching the page."""
    from etl.reading import stage

    def no_room(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(stage, "take", no_room)
    path = tmp_path / "so.csv"
    path.write_text("Năm,Họ tên\n2024,Lê Văn A\n", encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        read_book(path)
    assert "không tạo được thư mục tạm hoặc tiến trình đọc" in str(refused.value)
