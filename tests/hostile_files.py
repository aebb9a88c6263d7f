"""Small files that really occur, or that anyone can make, that once took the reader down
or lost rows without a word. Made here, used by the tests and by `make bench`."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

from tests.builders import REGISTER_HEADER

HEADER = [str(v) for v in REGISTER_HEADER]


def register_rows(count: int, first: int = 1, name: str = "Nguyễn Văn Thử") -> list[list[str]]:
    """`count` valid award rows (REGISTER_HEADER's columns), numbered from `first`."""
    return [
        [
            "2024",
            "15/QĐ-UBND",
            "10/01/2024",
            "Cá nhân",
            f"{name} {n}",
            "Nam",
            "Chuyên viên",
            "Sở Y tế",
            "Bằng khen của Chủ tịch UBND tỉnh",
            "Thường xuyên",
        ]
        for n in range(first, first + count)
    ]


def stray_last_cell(
    folder: Path, rows: int = 60, cell: tuple[int, int] = (1_048_575, 16_383)
) -> Path:
    """A register with one value left in a far cell (XFD1048576 by default): Ctrl+End
    and a key pressed there. calamine alone asks for 17 billion cells."""
    path = folder / "so_khen_o_cuoi.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Sổ khen thưởng")
    for r, row in enumerate([HEADER, *register_rows(rows)]):
        sheet.write_row(r, 0, row)
    sheet.write(*cell, "x")
    book.close()
    return path


def _deflated_member(size: int, piece: bytes) -> tuple[bytes, int]:
    """A raw deflate stream of `piece` repeated to `size` bytes, and its CRC."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc, out, left = 0, bytearray(), size
    block = piece * (1_048_576 // len(piece))
    while left > 0:
        chunk = block[: min(len(block), left)]
        crc = zlib.crc32(chunk, crc)
        out += packer.compress(chunk)
        left -= len(chunk)
    out += packer.flush()
    return bytes(out), crc


def lying_zip(folder: Path, inflates_to: int = 1_200_000_000, says: int = 4_000) -> Path:
    """A real workbook whose sheet member says (in both zip headers) it is `says` bytes but
    inflates to `inflates_to`: a reader that trusts the headers inflates it all."""
    path = folder / "so_khen_zip_gia.xlsx"
    filler = b"Nguyen Van Thu " * 64
    stream, crc = _deflated_member(inflates_to, filler)
    members = _minimal_workbook()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    body = buffer.getvalue()
    # Append the sheet member by hand with the lie in its headers.
    end = body.rfind(b"PK\x05\x06")
    central = body[body.find(b"PK\x01\x02") : end]
    entries = body[: body.find(b"PK\x01\x02")]
    name = b"xl/worksheets/sheet1.xml"
    data = stream  # plain filler: what matters is the size it inflates to, not its XML
    offset = len(entries)
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), says, len(name), 0
    )
    record = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), says, len(name), 0, 0, 0, 0, 0, offset,
    )  # fmt: skip
    entries += local + name + data
    central += record + name
    count = struct.unpack("<H", body[end + 10 : end + 12])[0] + 1
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(entries), 0)
    path.write_bytes(entries + central + eocd)
    return path


def _minimal_workbook() -> dict[str, bytes]:
    return {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }


def wide_csv(folder: Path, columns: int = 100_000) -> Path:
    path = folder / "rong_100k_cot.csv"
    path.write_text(",".join(f"cot{i}" for i in range(columns)) + "\n1,2,3\n", encoding="utf-8")
    return path


def _csv_lines(rows: list[list[str]], sep: str = ",") -> list[str]:
    return [sep.join(f'"{v}"' if sep in v else v for v in row) for row in rows]


def cr_only_csv(folder: Path, rows: int = 60) -> Path:
    """Old Mac exports and some accounting software end lines in CR alone."""
    path = folder / "so_khen_cr.csv"
    path.write_bytes("\r".join(_csv_lines([HEADER, *register_rows(rows)])).encode() + b"\r")
    return path


def semicolon_bom_csv(folder: Path, rows: int = 60) -> Path:
    """Excel's «CSV UTF-8» on a Vietnamese-locale Windows: ';' between fields, a BOM."""
    path = folder / "so_khen_excel_vn.csv"
    text = "\r\n".join(_csv_lines([HEADER, *register_rows(rows)], ";")) + "\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


def unicode_text(folder: Path, rows: int = 60) -> Path:
    """Excel's «Unicode Text (*.txt)»: UTF-16 LE with a BOM, tab-separated."""
    path = folder / "so_khen_unicode.txt"
    text = "\r\n".join("\t".join(row) for row in [HEADER, *register_rows(rows)]) + "\r\n"
    path.write_bytes(text.encode("utf-16"))  # the BOM, little-endian on this machine
    return path


def hidden_draft(folder: Path, rows: int = 27, draft_rows: int = 30) -> Path:
    """The list, and the earlier draft of it left in a hidden sheet."""
    path = folder / "qd_co_trang_an.xlsx"
    book = xlsxwriter.Workbook(path)
    draft = book.add_worksheet("Bản nháp")
    for r, row in enumerate([HEADER, *register_rows(draft_rows, first=1000)]):
        draft.write_row(r, 0, row)
    final = book.add_worksheet("Danh sách")
    for r, row in enumerate([HEADER, *register_rows(rows)]):
        final.write_row(r, 0, row)
    final.activate()
    draft.hide()
    book.close()
    return path


def pdf_as_xlsx(folder: Path) -> Path:
    path = folder / "quyet_dinh.xlsx"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(2000) + b"%%EOF\n")
    return path


def _workbook_with_sheet(path: Path, sheet_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _minimal_workbook().items():
            archive.writestr(name, data)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def billion_laughs(folder: Path) -> Path:
    """Entities that expand tenfold per level: a parser that expands them asks for gigabytes."""
    levels = [b'<!ENTITY l0 "ha">'] + [
        b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)
    ]
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [' + b"".join(levels) + b"]>"
        b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c>'
        b"</row></sheetData></worksheet>"
    )
    return _workbook_with_sheet(folder / "cuoi_ty_lan.xlsx", xml)


def deeply_nested(folder: Path, depth: int = 200_000) -> Path:
    xml = (
        b'<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + b"<a>" * depth
        + b"</a>" * depth
        + b"</t></is></c></row></sheetData></worksheet>"
    )
    return _workbook_with_sheet(folder / "long_sau.xlsx", xml)


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "ô lạc XFD1048576 dưới sổ 60 dòng": stray_last_cell,
    "zip khai 4 KB, giải nén ra 1,2 GB": lying_zip,
    "CSV 100.000 cột": wide_csv,
    "CSV xuống dòng bằng CR": cr_only_csv,
    "CSV UTF-8 của Excel (';' + BOM)": semicolon_bom_csv,
    "Unicode Text của Excel (UTF-16, tab)": unicode_text,
    "trang nháp bị ẩn": hidden_draft,
    "PDF đặt tên .xlsx": pdf_as_xlsx,
    "XML «billion laughs»": billion_laughs,
    "XML lồng 200.000 tầng": deeply_nested,
}
