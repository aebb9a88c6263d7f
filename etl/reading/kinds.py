"""What a file is, from its bytes (never its name), and what to tell a person who sent
something that is not a spreadsheet.

Offices send what they have: the signed PDF of a decision, a photo of it, the Word draft,
a web page that a software "exported to Excel", an Excel file with a password. Each is named
for what it is, with what to do, instead of "the file is broken".
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SEND_LIST = "hãy gửi bảng Excel của danh sách."
SAVE_AS_XLSX = (
    "hãy mở tệp gốc bằng Excel rồi lưu lại dưới dạng «Sổ làm việc Excel (.xlsx)» và gửi lại."
)


@dataclass(frozen=True)
class Kind:
    """'xlsx', 'xls' or 'text' (CSV / tab-separated), or a refusal sentence."""

    name: str
    refusal: str | None = None


def _not_a_sheet(what: str, todo: str = SAVE_AS_XLSX) -> Kind:
    return Kind("other", f"tệp này là {what}, không phải bảng tính Excel; {todo}")


def _other_sheet(what: str, todo: str = SAVE_AS_XLSX) -> Kind:
    """A spreadsheet in a format the reader does not take (saying «not a spreadsheet» of it
    would be wrong)."""
    return Kind("other", f"tệp này là {what}, định dạng bảng tính không đọc được; {todo}")


_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG (ảnh chụp hoặc bản quét)"),
    (b"GIF87a", "ảnh GIF"),
    (b"GIF89a", "ảnh GIF"),
    (b"II*\x00", "ảnh TIFF (bản quét)"),
    (b"MM\x00*", "ảnh TIFF (bản quét)"),
    (b"BM", "ảnh BMP"),
)
_SCAN_TODO = "ảnh hay bản quét không đọc được thành số liệu; hãy gửi tệp Excel của danh sách."
_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<table|<meta|<style|<div)", re.I)
# A web page that opens with an XML declaration or a comment before its <html>.
_XHTML = re.compile(rb"^\s*<(?:\?xml|!--)[^\0]{0,2000}?<(?:!doctype\s+html|html)\b", re.I)
_XML_2003 = b"urn:schemas-microsoft-com:office:spreadsheet"


def kind_of(head: bytes, path: str) -> Kind:
    """`head`: the first 64 KiB. `path` is opened only to look inside a zip or OLE file."""
    if head.startswith(XLSX_MAGIC):
        return _zip_kind(path)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"%PDF"):
        return _not_a_sheet(
            "tệp PDF (bản in hoặc bản quét của văn bản)",
            "PDF không đọc được thành số liệu; hãy gửi tệp Excel của danh sách.",
        )
    for magic, what in _IMAGES:
        if head.startswith(magic):
            return _not_a_sheet(what, _SCAN_TODO)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _not_a_sheet("ảnh WEBP", _SCAN_TODO)
    if head.startswith(b"{\\rtf"):
        return _not_a_sheet("văn bản Word (RTF)", _SEND_LIST)
    text_head = _text_head(head)
    if text_head is None:
        return _not_a_sheet("tệp nhị phân không rõ loại")
    if _HTML.match(text_head) or _XHTML.match(text_head):
        return _not_a_sheet(
            "trang web (HTML) được đặt tên như tệp Excel (phần mềm «xuất ra Excel» thường làm vậy)"
        )
    if text_head.lstrip().startswith(b"<?xml") and _XML_2003 in text_head:
        return _other_sheet("bảng tính XML 2003 (SpreadsheetML) được đặt tên như tệp Excel")
    return Kind("text")


def _text_head(head: bytes) -> bytes | None:
    """The start of a text file as ASCII-ish bytes (UTF-16 folded to one byte per
    character) for the checks above; None for binary content."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[2:].decode("utf-16", "ignore").encode("utf-8", "ignore")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        # UTF-16 without a BOM: every other byte is zero in Latin text.
        if odd.count(0) > 0.4 * len(odd):
            return even
        if even.count(0) > 0.4 * len(even):
            return odd
        return None
    return head


def _zip_kind(path: str) -> Kind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist()[:5000])
            mimetype = b""
            if "mimetype" in names:  # 100 bytes at most: a member may inflate to gigabytes
                with archive.open("mimetype") as member:
                    mimetype = member.read(100)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        KeyError,
        NotImplementedError,
        RuntimeError,
    ):
        return Kind(
            "other",
            "tệp Excel bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); hãy lưu lại tệp từ Excel.",
        )
    if "xl/workbook.xml" in names:
        return Kind("xlsx")
    if "word/document.xml" in names:
        return _not_a_sheet("văn bản Word (.docx)", _SEND_LIST)
    if "ppt/presentation.xml" in names:
        return _not_a_sheet("bài trình chiếu PowerPoint (.pptx)", _SEND_LIST)
    if b"opendocument.spreadsheet" in mimetype:
        return _other_sheet(
            "bảng tính OpenDocument (.ods, LibreOffice)",
            "hãy mở bằng LibreOffice hoặc Excel rồi lưu lại dưới dạng .xlsx và gửi lại.",
        )
    if b"opendocument" in mimetype:
        return _not_a_sheet("văn bản OpenDocument (LibreOffice)", _SEND_LIST)
    return _not_a_sheet("tệp nén (.zip)", "hãy giải nén và gửi từng bảng tính Excel.")


# Names of the streams inside an OLE (Office 97–2003) file, as UTF-16LE in its directory.
_OLE_STREAMS = (
    ("Workbook", "xls"),
    ("Book", "xls"),
    ("EncryptedPackage", "encrypted"),
    ("WordDocument", "doc"),
    ("PowerPoint Document", "ppt"),
)


def _ole_kind(path: str) -> Kind:
    with open(path, "rb") as handle:
        data = handle.read()
    found = {kind for stream, kind in _OLE_STREAMS if stream.encode("utf-16-le") in data}
    if "encrypted" in found:
        return Kind(
            "other",
            "tệp Excel có đặt mật khẩu nên không đọc được; hãy mở bằng Excel, bỏ mật khẩu "
            "(Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại và gửi lại.",
        )
    if "xls" in found:
        return Kind("xls")
    if "doc" in found:
        return _not_a_sheet("văn bản Word (.doc)", _SEND_LIST)
    if "ppt" in found:
        return _not_a_sheet("bài trình chiếu PowerPoint (.ppt)", _SEND_LIST)
    return _not_a_sheet("tệp Office không rõ loại")
