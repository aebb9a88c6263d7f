"""What a file is, from its bytes (never its name), and what to tell a person who sent
something that is not a spreadsheet.

Offices send what they have: the signed PDF of a decision, a photo of it, the Word draft,
a web page that a software "exported to Excel", an Excel file with a password. Each is named
for what it is, with what to do, instead of "the file is broken" (the sentences are in
etl.refusals).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass

from etl import refusals

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Kind:
    """'xlsx', 'xls' or 'text' (CSV / tab-separated), or a refusal sentence."""

    name: str
    refusal: str | None = None


def _refused(sentence: str) -> Kind:
    """A file the reader does not take, with the sentence that says what it is (etl.refusals)."""
    return Kind("other", sentence)


_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", refusals.PNG_IMAGE),
    (b"\xff\xd8\xff", refusals.JPEG_IMAGE),
    (b"GIF87a", refusals.GIF_IMAGE),
    (b"GIF89a", refusals.GIF_IMAGE),
    (b"II*\x00", refusals.TIFF_IMAGE),
    (b"MM\x00*", refusals.TIFF_IMAGE),
    (b"BM", refusals.BMP_IMAGE),
)
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
        return _refused(refusals.PDF_FILE)
    for magic, sentence in _IMAGES:
        if head.startswith(magic):
            return _refused(sentence)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _refused(refusals.WEBP_IMAGE)
    if head.startswith(b"{\\rtf"):
        return _refused(refusals.WORD_RTF)
    text_head = _text_head(head)
    if text_head is None:
        return _refused(refusals.UNKNOWN_BINARY)
    if _HTML.match(text_head) or _XHTML.match(text_head):
        return _refused(refusals.WEB_PAGE)
    if text_head.lstrip().startswith(b"<?xml") and _XML_2003 in text_head:
        return _refused(refusals.XML_2003_WORKBOOK)
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
        return _refused(refusals.BROKEN_XLSX)
    if "xl/workbook.xml" in names:
        return Kind("xlsx")
    if "word/document.xml" in names:
        return _refused(refusals.WORD_DOCX)
    if "ppt/presentation.xml" in names:
        return _refused(refusals.POWERPOINT_PPTX)
    if b"opendocument.spreadsheet" in mimetype:
        return _refused(refusals.OPENDOCUMENT_WORKBOOK)
    if b"opendocument" in mimetype:
        return _refused(refusals.OPENDOCUMENT_TEXT)
    return _refused(refusals.ZIP_ARCHIVE)


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
        return _refused(refusals.PASSWORD_WORKBOOK)
    if "xls" in found:
        return Kind("xls")
    if "doc" in found:
        return _refused(refusals.WORD_DOC)
    if "ppt" in found:
        return _refused(refusals.POWERPOINT_PPT)
    return _refused(refusals.UNKNOWN_OFFICE)
