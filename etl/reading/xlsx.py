"""An .xlsx looked at before calamine may touch it: every member inflated by us with the
bytes it really produces counted (the zip's declared sizes are never trusted), the sheets'
XML scanned as it streams for the rows and columns that hold values, and the result — the
visible sheets, where each starts, and stray cells far from the table — told to the reader.

calamine allocates one slot for every cell of a sheet's used range, so a single value typed
in XFD1048576 under a 60-row list asks for 17 billion slots and aborts the process. The scan
finds such cells first; the reader then gets a copy of the workbook without them.
"""

from __future__ import annotations

import functools
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import unescape

from etl import refusals
from etl.problems import column_letter, refused
from thidua.settings import ImportLimits

CHUNK = 1 << 20
# A value this far below or right of the rest of the sheet, alone, is a stray keystroke
# (Ctrl+End, a key pressed in the wrong place) rather than part of the table.
STRAY_ROW_GAP = 1_000
STRAY_COL_GAP = 100
MAX_STRAY_CELLS = 3

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
# Any attribute r="AB…": a cheap literal search before the exact one (most sheets have none).
_TWO_LETTERS = re.compile(rb'r="[A-Z]{2}')
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b")


@functools.lru_cache(maxsize=8)
def _patterns(prefix: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes], re.Pattern[bytes]]:
    """The scan's patterns for the sheet's namespace prefix (b"" or e.g. b"x:"), each
    starting with a literal so the regex engine can skip ahead (4× faster than a pattern
    that allows any prefix at every «<»)."""
    row, cell = re.escape(b"<" + prefix + b"row"), re.escape(b"<" + prefix + b"c")
    # A row that holds a value: its number and the column of its first non-empty cell.
    row_first = re.compile(
        row
        + rb'\b[^>]*?\sr="(\d+)"[^>]*>(?:'
        + cell
        + rb"\b[^>]*/>)*(?:"
        + cell
        + rb'\b[^>]*?\sr="([A-Z]{1,3})\d)?'
    )
    # Cells in columns past Z (a list of awards rarely has any; a hostile sheet has them far out).
    two_letters = re.compile(cell + rb'\b[^>]*?\sr="[A-Z]{2}')
    wide_cell = re.compile(cell + rb'\b[^>]*?\sr="([A-Z]{2,3})(\d+)"[^>]*?(?<!/)>')
    return row_first, two_letters, wide_cell


_ANY_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"[^>]*?(?:/>|>.*?</(?:\w+:)?c>)', re.S
)
_ROW_ELEMENT = re.compile(
    rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"[^>]*?(?:/>|>.*?</(?:\w+:)?row>)', re.S
)
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*/>")
_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*>([^<]*)</(?:\w+:)?t>")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_SHARED_ITEM = re.compile(rb"<(?:\w+:)?si\b.*?</(?:\w+:)?si>", re.S)


def letters_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ch - 64)
    return index - 1


@dataclass
class SheetScan:
    """What the streamed XML of one sheet says about where its values are."""

    prefix: bytes | None = None  # the sheet's namespace prefix, known from its <sheetData>
    rows: list[int] = field(default_factory=list)  # 1-based, rows holding a value, in order
    first_letters: set[bytes] = field(default_factory=set)  # column of each row's first value
    wide: list[tuple[int, int]] = field(default_factory=list)  # (0-based col, row) past Z
    beyond_cols: int = 0  # cells past the column limit (stray or too wide)

    def feed(self, body: bytes, limits: ImportLimits) -> str | None:
        """Take one piece of XML cut at a tag's start; a reason to stop reading, or None."""
        if self.prefix is None:
            found = _SHEET_DATA.search(body)
            if found is None:
                return None if len(body) < CHUNK else refusals.NO_SHEET_DATA
            self.prefix = found.group(1) or b""
        row_first, two_letters, wide_cell = _patterns(self.prefix)
        rows = row_first.findall(body)
        self.rows.extend(int(number) for number, letters in rows if letters)
        self.first_letters.update(letters for _, letters in rows if letters)
        if len(self.rows) > limits.max_rows:
            return refusals.scan_too_many_rows(limits.max_rows)
        if _TWO_LETTERS.search(body) and two_letters.search(body):
            for letters, row in wide_cell.findall(body):
                col = letters_index(letters)
                self.wide.append((col, int(row)))
                if col >= limits.max_columns:
                    self.beyond_cols += 1
            if self.beyond_cols > MAX_STRAY_CELLS:
                return refusals.scan_too_many_columns(limits.max_columns)
        return None


@dataclass
class SheetPlan:
    """One visible sheet as the reader should load it."""

    index: int  # position in the workbook (calamine's sheet index)
    name: str
    member: str
    first_row: int = 1  # Excel row of the first row holding a value
    first_col: int = 0
    stray: list[tuple[int, int]] = field(default_factory=list)  # (col, row) dropped
    stray_values: list[str] = field(default_factory=list)
    empty: bool = False


@dataclass
class XlsxPlan:
    sheets: list[SheetPlan]
    skipped: list[tuple[str, str]]  # (sheet name, why it is not read)
    warnings: list[str]
    clean_copy: Path | None = None  # a copy without the stray cells, when there are any


class _Archive:
    """The zip's directory (bounded), and members inflated by us with their output counted."""

    def __init__(self, path: Path, name: str, limits: ImportLimits) -> None:
        self.path, self.name, self.limits = path, name, limits
        self.produced = 0
        try:
            with zipfile.ZipFile(path) as archive:
                self.members = {info.filename: info for info in archive.infolist()}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise refused(name, refusals.BROKEN_XLSX) from None
        if len(self.members) > limits.max_zip_members:
            raise refused(name, refusals.too_many_members(len(self.members)))

    def chunks(self, member: str) -> Iterator[bytes]:
        """The member's inflated bytes in pieces; refuses as soon as it inflates past the
        declared size, the ratio or the whole file's limit."""
        info = self.members.get(member)
        if info is None:
            raise refused(self.name, refusals.missing_member(member))
        if info.flag_bits & 0x1:
            raise refused(self.name, refusals.PASSWORD_MEMBER)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refused(self.name, refusals.ODD_COMPRESSION)
        with self.path.open("rb") as handle:
            handle.seek(info.header_offset)
            local = handle.read(30)
            if len(local) < 30 or local[:4] != b"PK\x03\x04":
                raise refused(self.name, refusals.BROKEN_XLSX)
            name_len, extra_len = struct.unpack("<HH", local[26:30])
            handle.seek(info.header_offset + 30 + name_len + extra_len)
            left = info.compress_size
            inflater = zlib.decompressobj(-15) if info.compress_type else None
            produced = 0
            while left > 0:
                raw = handle.read(min(CHUNK, left))
                if not raw:
                    raise refused(self.name, refusals.BROKEN_XLSX)
                left -= len(raw)
                pieces = self._inflate(inflater, raw) if inflater else [raw]
                for piece in pieces:
                    produced += len(piece)
                    self._count(member, info, produced, len(piece))
                    yield piece
            if inflater is not None and not inflater.eof:
                raise refused(self.name, refusals.BROKEN_XLSX)
            if produced != info.file_size:
                raise refused(
                    self.name, refusals.member_size_differs(member, info.file_size, produced)
                )

    def _inflate(self, inflater: zlib._Decompress, raw: bytes) -> Iterator[bytes]:
        try:
            piece = inflater.decompress(raw, CHUNK)
            yield piece
            while inflater.unconsumed_tail:
                yield inflater.decompress(inflater.unconsumed_tail, CHUNK)
        except zlib.error:
            raise refused(self.name, refusals.BROKEN_XLSX) from None

    def _count(self, member: str, info: zipfile.ZipInfo, produced: int, piece: int) -> None:
        self.produced += piece
        limits = self.limits
        if (
            produced > info.file_size
            or self.produced > limits.max_unzipped_bytes
            or (
                produced > 10 * 1024 * 1024
                and produced > limits.max_zip_ratio * max(info.compress_size, 1)
            )
        ):
            raise refused(
                self.name,
                refusals.member_inflates_too_far(
                    member, info.file_size, info.compress_size, produced
                ),
            )

    def read(self, member: str, cap: int = 16 * 1024 * 1024) -> bytes:
        data = bytearray()
        for piece in self.chunks(member):
            data += piece
            if len(data) > cap:
                raise refused(self.name, refusals.member_too_big(member))
        return bytes(data)


def _attrs(tag: bytes) -> dict[str, str]:
    return {
        key.decode().split(":")[-1] if key != b"r:id" else "r:id": unescape(
            value.decode("utf-8", "replace")
        )
        for key, value in _ATTR.findall(tag)
    }


def _sheet_members(archive: _Archive) -> list[tuple[str, str, str]]:
    """(name, state, member) of each sheet in the workbook's order."""
    book = archive.read("xl/workbook.xml")
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = archive.read(rels_name) if rels_name in archive.members else b""
    targets = {}
    for tag in _REL_TAG.findall(rels):
        attrs = _attrs(tag)
        target = attrs.get("Target", "")
        targets[attrs.get("Id")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    sheets = []
    for tag in _SHEET_TAG.findall(book):
        attrs = _attrs(tag)
        rel = next((v for k, v in attrs.items() if k in ("r:id", "id")), "")
        sheets.append((attrs.get("name", "?"), attrs.get("state", "visible"), targets.get(rel, "")))
    return sheets


def visible_sheets(path: Path, name: str, limits: ImportLimits) -> list[int]:
    """Indexes of the sheets a reader may load (for calamine, before the scan ends)."""
    sheets = _sheet_members(_Archive(path, name, limits))
    return [
        index
        for index, (_, state, member) in enumerate(sheets)
        if state not in ("hidden", "veryHidden") and "worksheets/" in member
    ]


def plan_xlsx(
    path: Path, name: str, limits: ImportLimits, work: Path, rescue: bool = True
) -> XlsxPlan:
    """Scan every member of the workbook; refuse what cannot be read safely. `rescue`:
    write the copy without stray cells (else the caller reads again scan-first)."""
    archive = _Archive(path, name, limits)
    plan = XlsxPlan([], [], [])
    for index, (sheet, state, member) in enumerate(_sheet_members(archive)):
        if state in ("hidden", "veryHidden"):
            why = refusals.HIDDEN_SHEET if state == "hidden" else refusals.VERY_HIDDEN_SHEET
            plan.skipped.append((sheet, why))
            continue
        if "chartsheets/" in member or "dialogsheets/" in member:
            plan.skipped.append((sheet, refusals.CHART_SHEET))
            continue
        plan.sheets.append(_scan_sheet(archive, index, sheet, member, limits))
    # Everything calamine may inflate is inflated here first, with its output counted.
    scanned = {p.member for p in plan.sheets}
    for member in archive.members:
        if member not in scanned and member.endswith((".xml", ".rels")):
            for _ in archive.chunks(member):
                pass
    if rescue and any(p.stray for p in plan.sheets):
        plan.clean_copy = _without_stray(archive, plan, work)
        plan.warnings += [_stray_sentence(p) for p in plan.sheets if p.stray]
    return plan


def _scan_sheet(
    archive: _Archive, index: int, sheet: str, member: str, limits: ImportLimits
) -> SheetPlan:
    scan = SheetScan()
    tail = b""
    for piece in archive.chunks(member):
        buffer = tail + piece
        cut = buffer.rfind(b"<")
        body, tail = (buffer[:cut], buffer[cut:]) if cut > 0 else (buffer, b"")
        stop = scan.feed(body, limits)
        if stop is None and len(tail) > CHUNK:  # one tag longer than a megabyte
            stop = refusals.LONG_XML_TAG
        if stop:
            raise refused(archive.name, refusals.scan_stopped(sheet, stop))
    scan.feed(tail, limits)
    plan = SheetPlan(index, sheet, member)
    if not scan.rows:
        plan.empty = True
        return plan
    stray_rows = _tail_after_gap(sorted(set(scan.rows)), STRAY_ROW_GAP)
    cols = sorted({letters_index(x) for x in scan.first_letters} | {c for c, _ in scan.wide})
    stray_cols = _tail_after_gap(cols, STRAY_COL_GAP)
    plan.stray = [(c, r) for c, r in scan.wide if c in stray_cols and r not in stray_rows]
    if stray_rows:
        plan.stray += [(-1, r) for r in sorted(stray_rows)]  # columns named in the rescue
    kept_rows = [r for r in scan.rows if r not in stray_rows]
    kept_cols = [c for c in cols if c not in stray_cols]
    plan.first_row, plan.first_col = min(kept_rows), min(kept_cols)
    height = max(kept_rows) - plan.first_row + 1
    width = max(kept_cols) - plan.first_col + 1
    if width > limits.max_columns:
        raise refused(archive.name, refusals.sheet_too_wide(sheet, width, limits.max_columns))
    if height * width > limits.max_cells:
        raise refused(
            archive.name, refusals.sheet_too_many_cells(sheet, height, width, limits.max_cells)
        )
    if len(plan.stray) > MAX_STRAY_CELLS:
        far = [_ref(c, r) for c, r in plan.stray[:5] if c >= 0]
        last_row = max(r for _, r in plan.stray)
        raise refused(archive.name, refusals.far_from_table(sheet, last_row, far))
    return plan


def _tail_after_gap(values: list[int], gap: int) -> set[int]:
    """The values that lie after a gap wider than `gap`, when they are few (at most
    MAX_STRAY_CELLS) or fewer than those before it (the table is the bigger part): a few
    are dropped as stray, more are refused by the caller. A table far below its title
    (more values after the gap than before it) is not stray."""
    for position in range(len(values) - 1):
        tail = len(values) - position - 1
        if values[position + 1] - values[position] > gap and (
            tail <= MAX_STRAY_CELLS or tail <= position
        ):
            return set(values[position + 1 :])
    return set()


def _ref(col: int, row: int) -> str:
    return f"{column_letter(col)}{row}"


def _without_stray(archive: _Archive, plan: XlsxPlan, work: Path) -> Path:
    """A copy of the workbook whose sheets lack the stray cells (and their own <dimension>,
    which would otherwise still say the sheet reaches them)."""
    copy = work / "without-stray.xlsx"
    rewritten = {}
    for sheet in plan.sheets:
        if sheet.stray:
            xml = archive.read(sheet.member, cap=archive.limits.max_unzipped_bytes)
            xml, dropped = _drop_stray(xml, sheet.stray)
            rewritten[sheet.member] = _DIMENSION.sub(b"", xml)
            sheet.stray = [(c, r) for c, r, _ in dropped]
            sheet.stray_values = [_cell_value(archive, element) for _, _, element in dropped]
    with (
        zipfile.ZipFile(archive.path) as source,
        zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            if info.filename in rewritten:
                out.writestr(info.filename, rewritten[info.filename])
            elif info.filename.endswith((".xml", ".rels")):
                data = archive.read(info.filename, cap=archive.limits.max_unzipped_bytes)
                out.writestr(info.filename, data)
    return copy


def _drop_stray(
    xml: bytes, stray: list[tuple[int, int]]
) -> tuple[bytes, list[tuple[int, int, bytes]]]:
    """The sheet's XML without the stray rows (col -1) and cells, and each dropped cell
    with a value: (col, row, its element)."""
    stray_rows = {r for c, r in stray if c < 0}
    stray_cells = {(c, r) for c, r in stray if c >= 0}
    dropped: list[tuple[int, int, bytes]] = []

    def drop_row(match: re.Match[bytes]) -> bytes:
        if int(match.group(1)) not in stray_rows:
            return match.group(0)
        for cell in _ANY_CELL.finditer(match.group(0)):
            if not cell.group(0).endswith(b"/>"):
                dropped.append((letters_index(cell.group(1)), int(cell.group(2)), cell.group(0)))
        return b""

    def drop_cell(match: re.Match[bytes]) -> bytes:
        key = (letters_index(match.group(1)), int(match.group(2)))
        if key not in stray_cells:
            return match.group(0)
        dropped.append((*key, match.group(0)))
        return b""

    if stray_rows:
        xml = _ROW_ELEMENT.sub(drop_row, xml)
    if stray_cells:
        xml = _ANY_CELL.sub(drop_cell, xml)
    return xml, dropped


def _cell_value(archive: _Archive, element: bytes) -> str:
    """The text of one cell element, resolving a shared string by its index."""
    value = _VALUE.search(element)
    if b't="s"' in element and value:
        try:
            wanted = int(value.group(1))
        except ValueError:
            return "?"
        shared = archive.read("xl/sharedStrings.xml", cap=archive.limits.max_unzipped_bytes)
        for position, item in enumerate(_SHARED_ITEM.finditer(shared)):
            if position == wanted:
                return unescape(b"".join(_TEXT.findall(item.group(0))).decode("utf-8", "replace"))
        return "?"
    texts = _TEXT.findall(element)
    if texts:
        return unescape(b"".join(texts).decode("utf-8", "replace"))
    return unescape(value.group(1).decode("utf-8", "replace")) if value else ""


def _stray_sentence(sheet: SheetPlan) -> str:
    cells = [(_ref(c, r), v) for (c, r), v in zip(sheet.stray, sheet.stray_values, strict=True)]
    return refusals.stray_cells_dropped(sheet.name, cells)
