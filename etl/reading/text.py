"""CSV and tab-separated text in the dialects offices save: any of `,` `;` TAB `|` as the
separator (Excel on a Vietnamese Windows writes `;`), a BOM for UTF-8 or UTF-16 (Excel's
«Unicode Text» is UTF-16 with tabs), lines ending in CRLF, LF or CR alone (old Mac and some
accounting exports) or a mixture, quoted fields with doubled quotes and line breaks, and the
legacy Vietnamese encodings.

Every physical line of the file becomes one row of the grid, so a row number in a message
is the line a person sees in a text editor; a record whose quoted field spans lines is
followed by empty rows for the lines it took. The lines counted independently must equal
the lines the parser consumed, or the file is refused: a row never disappears silently.
"""

from __future__ import annotations

import array
import csv
import io
import itertools
import re
from collections import Counter

import pyarrow as pa

from etl import refusals
from etl.problems import refused
from thidua.settings import ImportLimits
from thidua.text import decode_bytes

SEPARATORS = (",", ";", "\t", "|")
_LINE_END = re.compile(r"\r\n|\r|\n")
# Excel's own first line naming the separator: «sep=;» and its line end.
_EXCEL_SEP_HINT = re.compile(r"sep=(.)(?:\r\n|\r|\n|$)")


def decode_text(data: bytes) -> tuple[str, str | None]:
    """The text and the legacy encoding it was converted from (None for Unicode)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    head = data[:4096]
    if b"\x00" in head:
        odd_zeros, even_zeros = head[1::2].count(0), head[0::2].count(0)
        codec = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
        return data.decode(codec, errors="replace"), None
    text, encoding = decode_bytes(data)
    return text, None if encoding in {"utf-8", "utf-8-sig"} else encoding


def physical_lines(text: str) -> int:
    """Lines as a text editor shows them: CRLF, CR or LF each end one."""
    ends = len(_LINE_END.findall(text))
    return ends + (1 if text and not text.endswith(("\r", "\n")) else 0)


def sniff_separator(text: str, file: str, sample_records: int = 60) -> str:
    """The separator that splits the first records into the most consistent columns."""
    sample = text[: 256 * 1024]
    scores: dict[str, tuple[float, int]] = {}
    for sep in SEPARATORS:
        counts = []
        try:
            for record in csv.reader(io.StringIO(sample, newline=""), delimiter=sep):
                if any(field.strip() for field in record):
                    counts.append(len(record))
                if len(counts) >= sample_records:
                    break
        except csv.Error:
            continue
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode, hits = Counter(wide).most_common(1)[0]
        scores[sep] = (round(hits / len(counts), 1), mode)
    if not scores:
        return ","  # one column: any separator reads it the same
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1] and ranked[0][1][0] >= 0.9:
        raise refused(file, refusals.separator_unclear(ranked[0][0], ranked[1][0]))
    return ranked[0][0]


# What Python's csv module says, and the sentence for it.
_CSV_ERRORS = (
    ("unexpected end of data", refusals.CSV_QUOTE_NOT_CLOSED),
    ("expected after", refusals.CSV_TEXT_AFTER_QUOTE),
    ("NUL", refusals.CSV_NUL),
)


def read_text_table(
    data: bytes, file: str, limits: ImportLimits
) -> tuple[pa.Table, int, str | None, str]:
    """(cells as c0..cN text columns, Excel-like row of the first grid row, legacy encoding,
    separator) — or a refusal naming the line."""
    text, encoding = decode_text(data)
    first_row = 1
    hint = _EXCEL_SEP_HINT.match(text[:8])
    if hint and hint.group(1) in SEPARATORS:
        sep = hint.group(1)
        newline = _LINE_END.search(text)
        text = text[newline.end() :] if newline else ""
        first_row = 2
    else:
        sep = sniff_separator(text, file)
    rows = _records(text, sep, file, limits, first_row)
    expected = physical_lines(text)
    if len(rows) != expected:
        raise refused(
            file, refusals.lines_lost(len(rows), expected), row=first_row + min(len(rows), expected)
        )
    width = max((len(r) for r in rows), default=0)
    columns = {
        f"c{i}": _text_array([r[i] if i < len(r) else "" for r in rows])
        for i in range(max(width, 1))
    }
    return pa.table(columns), first_row, encoding, sep


def _text_array(values: list[str]) -> pa.Array:
    """An Arrow text column built from its bytes: pa.array() on a list imports pandas
    (0,4 s of the child's life). A missing cell is "" (the parent makes blanks null)."""
    encoded = [value.encode("utf-8", "surrogatepass") for value in values]
    offsets = array.array("i", itertools.accumulate(map(len, encoded), initial=0))
    buffers = [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    return pa.Array.from_buffers(pa.string(), len(values), buffers, null_count=0)


def _records(
    text: str, sep: str, file: str, limits: ImportLimits, first_row: int
) -> list[list[str]]:
    csv.field_size_limit(limits.max_cell_chars)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: list[list[str]] = []
    consumed = 0
    widest = 0
    while True:
        start = first_row + consumed
        try:
            record = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            raise refused(file, _csv_error(str(error), limits), row=start) from None
        if len(record) > limits.max_columns:
            raise refused(file, refusals.line_too_wide(len(record), limits.max_columns), row=start)
        spanned = reader.line_num - consumed
        widest = max(widest, len(record))
        if spanned > 1 and _swallows_lines(record, sep, widest):
            raise refused(file, refusals.quote_swallows_lines(spanned), row=start)
        rows.append(record)
        rows.extend([] for _ in range(spanned - 1))  # the lines the record took
        consumed = reader.line_num
        if len(rows) > limits.max_rows:
            raise refused(file, refusals.text_too_long(limits.max_rows), row=start)


def _swallows_lines(record: list[str], sep: str, widest: int) -> bool:
    """A quoted field that holds whole lines of the table: a quote left open swallowed the
    lines after it. A line of the table has a separator between each pair of its columns;
    a cell typed on several lines with Alt+Enter («Phòng Kế hoạch,» above «Thanh tra tỉnh,
    Sở Y tế») holds a comma or two on each."""
    enough = max(2, (widest - 1) // 2)
    return any(
        line.count(sep) >= enough
        for field in record
        if "\n" in field or "\r" in field
        for line in _LINE_END.split(field)[1:]
    )


def _csv_error(error: str, limits: ImportLimits) -> str:
    if "field larger than field limit" in error:
        return refusals.csv_cell_too_long(limits.max_cell_chars)
    return next(
        (sentence for needle, sentence in _CSV_ERRORS if needle in error), refusals.CSV_BROKEN_LINE
    )
