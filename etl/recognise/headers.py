"""Finding the header row by meaning: each header cell is matched to a field.

Header words vary between offices ("STT"/"TT", "Tổng điểm"/"Tổng cộng"), may
be merged over two rows, and sit under titles and headings that must not be
mistaken for data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from etl.grid import Grid
from etl.problems import column_letter
from thidua import reference
from thidua.text import fold

# field -> patterns over the folded header text; first field whose pattern matches wins,
# so specific names come before general ones ("chuc vu, don vi" before "chuc vu").
FIELD_PATTERNS: tuple[tuple[str, str], ...] = (
    ("stt", r"^(stt|tt|so tt|so thu tu)$"),
    # A dossier register (etl.parse.dossiers): before «Ngày …» and «Đơn vị» are taken.
    ("dossier_no", r"^(so ho so|ma ho so|so hieu ho so|ma so ho so|so bien nhan|ma bien nhan)"),
    ("received_on", r"^(ngay nhan|ngay tiep nhan|ngay nop|ngay nhan ho so|tiep nhan ngay)"),
    ("due_on", r"^(ngay hen|hen tra|han tra|han giai quyet|thoi han giai quyet|han xu ly)"),
    ("returned_on", r"^(ngay tra|ngay tra ket qua|ngay tra ho so|ngay hoan thanh|da tra ngay)"),
    ("status", r"^(trang thai|tinh trang|ket qua xu ly|ket qua giai quyet)"),
    ("reason", r"^ly do (tra|tu choi|khong|bi tra|chua)"),
    ("proposed_forms", r"^(hinh thuc (khen thuong )?de nghi|de nghi khen thuong|noi dung de nghi)"),
    ("recipients", r"^(so luong|so doi tuong|so nguoi|tong so de nghi|so ca nhan, tap the)"),
    ("achievement_year", r"^nam (thanh tich|dat thanh tich)"),
    ("year", r"^(nam|nam quyet dinh|nam khen thuong|nam xet|nam danh gia)$"),
    ("decision_no", r"^(so quyet dinh|so qd|quyet dinh so|so hieu quyet dinh)"),
    ("decision_date", r"^(ngay quyet dinh|ngay qd|ngay ky|ngay ky quyet dinh)"),
    ("issued_on", r"^ngay ban hanh"),
    ("recipient_kind", r"^(doi tuong|loai doi tuong|ca nhan/tap the)"),
    ("position_unit", r"^chuc vu,? (va )?(don vi|noi cong tac|co quan)"),
    (
        "recipient_name",
        r"^(ho (va )?ten|ten tap the|ten ca nhan|ho ten, ten tap the|ten (ca nhan|tap the),)",
    ),
    ("gender", r"^(gioi tinh|gioi|nam/nu|nam, nu)$"),
    ("position", r"^(chuc vu|chuc danh)"),
    ("bloc", r"^(khoi/cum|khoi, cum|khoi hoac cum|khoi|cum)( thi dua)?$"),
    (
        "unit",
        r"^(don vi|ten don vi|don vi cong tac|co quan|co quan, don vi|noi cong tac"
        r"|(don vi|co quan) (de nghi|trinh|nop ho so|gui))$",
    ),
    (
        "form",
        r"^(hinh thuc khen thuong|hinh thuc|danh hieu|danh hieu, hinh thuc|hinh thuc, danh hieu|khen thuong)$",
    ),
    ("award_type", r"^(loai hinh|loai hinh khen thuong)$"),
    ("campaign_name", r"^(ten phong trao|ten phong trao thi dua)$"),
    ("campaign", r"^(phong trao|phong trao thi dua|ke hoach phong trao|thuoc phong trao)$"),
    ("plan_no", r"^(so ke hoach|so hieu ke hoach|ke hoach so)"),
    ("campaign_kind", r"^(loai|loai phong trao)$"),
    ("start", r"^(ngay bat dau|bat dau|tu ngay)$"),
    ("end", r"^(ngay ket thuc|ket thuc|den ngay)$"),
    ("deadline", r"^(han dang ky|thoi han dang ky|ngay het han dang ky)"),
    ("slogan", r"^khau hieu"),
    ("achievement", r"^(thanh tich|noi dung thanh tich|tom tat thanh tich|ly do)"),
    ("self_score", r"^(diem )?tu cham"),
    ("bloc_score", r"^(diem )?(khoi|cum) cham|^diem (tham dinh|cham cheo)"),
    ("bonus", r"^(diem cong|cong diem|diem thuong)|^cong$"),  # «Cộng | Trừ» beside the scores
    ("penalty", r"^(diem tru|tru diem)|^tru$"),
    ("total", r"^(tong diem|tong cong|tong so diem|diem tong|tong)$"),
    ("rank", r"^(xep hang|thu hang|hang|xep thu|thu tu xep hang)$"),
    ("role", r"^(vai tro|chuc danh trong (khoi|cum)|nhiem vu)$"),
    ("note", r"^ghi chu"),
)
_COMPILED = tuple((name, re.compile(p)) for name, p in FIELD_PATTERNS)
_CLEAN = re.compile(r"[\s*:()\[\]]+$|^[\s*]+|\s*\(.*?\)\s*")


def field_of(header: str | None) -> str | None:
    if not header:
        return None
    folded = _CLEAN.sub(" ", fold(header)).strip()
    folded = re.sub(r"\s+", " ", folded)
    return next((name for name, pattern in _COMPILED if pattern.search(folded)), None)


@dataclass(frozen=True)
class Header:
    """Where the table is: field -> grid column, with the words the file used."""

    row: int  # grid index of the (last) header row
    columns: dict[str, int]  # field -> grid column index
    labels: dict[str, str]  # field -> "I «Hình thức khen thưởng»"
    ignored: frozenset[int] = frozenset()  # grid columns the analyst said to leave out

    @property
    def data_start(self) -> int:
        return self.row + 1


def _row_fields(values: list[str | None]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        name = field_of(value)
        if name and name not in found:
            found[name] = index
    return found


def find_header(grid: Grid, scan_rows: int = 40) -> Header | None:
    """The row with the most recognised fields (at least 3), merged with the row
    under it when the header is split over two rows."""
    best: tuple[int, int, dict[str, int]] | None = None
    height = min(grid.cells.height, scan_rows)
    for index in range(height):
        fields = _row_fields(grid.row_values(index))
        if len(fields) >= 3 and (best is None or len(fields) > best[1]):
            best = (index, len(fields), fields)
    if best is None:
        return None
    row, _, fields = best
    upper = grid.row_values(row)
    labels_source = {name: upper[col] or "" for name, col in fields.items()}
    # Two-row header: the row above holds group titles over merged cells
    # ("Chức vụ, đơn vị công tác" over "Chức vụ" | "Đơn vị").
    if row > 0:
        upper_row = grid.row_values(row - 1)
        extra = {k: v for k, v in _row_fields(upper_row).items() if k not in fields}
        if extra and all(_is_header_like(v) for v in upper_row if v):
            fields = {**extra, **fields}
            labels_source.update({name: upper_row[col] or "" for name, col in extra.items()})
    # Or the row below adds fields (sub-headers under a merged cell).
    if row + 1 < grid.cells.height:
        lower = grid.row_values(row + 1)
        birth = _birth_year_by_sex(upper, lower)
        extra = {k: v for k, v in _row_fields(lower).items() if k not in fields}
        extra |= {k: v for k, v in _decision_by_parts(upper, lower).items() if k not in fields}
        if birth:
            # «Nam» folds to «nam» (year): under «Năm sinh» it says the sex, not a year.
            extra = {k: v for k, v in extra.items() if v not in birth.values()} | birth
        if extra and all(_is_header_like(v) for v in lower if v):
            fields = {**fields, **extra}
            labels_source.update({name: lower[col] or "" for name, col in extra.items()})
            row += 1
    if {"position", "unit"} <= fields.keys():
        # "Chức vụ, đơn vị công tác" was only the group title over the two real columns.
        fields.pop("position_unit", None)
    labels = {
        name: f"{column_letter(grid.first_col + col)} «{labels_source[name]}»"
        for name, col in fields.items()
    }
    return Header(row=row, columns=fields, labels=labels)


def header_at(grid: Grid, index: int) -> Header:
    """The header row an analyst pointed at (grid row `index`): the fields its titles name,
    perhaps none — the analyst then says what each column holds."""
    values = grid.row_values(index)
    fields = _row_fields(values)
    labels = {
        name: f"{column_letter(grid.first_col + col)} «{values[col] or ''}»"
        for name, col in fields.items()
    }
    return Header(row=index, columns=fields, labels=labels)


_BIRTH = re.compile(r"^(nam sinh|ngay sinh|ngay,? thang,? nam sinh)")
_SEXES = {"nam": "birth_male", "nu": "birth_female"}


def _birth_year_by_sex(upper: list[str | None], lower: list[str | None]) -> dict[str, int]:
    """«Năm sinh» merged over «Nam | Nữ»: the column a birth year is written in gives the
    person's sex (a common form). Returns {"birth_male": col, "birth_female": col}."""
    found = _parts_under(upper, lower, _BIRTH, _SEXES)
    return found if len(found) == 2 else {}


# Parts of a group title «Quyết định (khen thưởng)» merged over «Số | Ngày» (or «Số QĐ |
# Ngày ký»): the sub-header alone says only «number» or «date»; the group says of what.
_DECISION_GROUP = re.compile(r"^(quyet dinh|qd)\b")
_DECISION_PARTS = {"so": "decision_no", "so qd": "decision_no", "so hieu": "decision_no",
                   "ngay": "decision_date", "ngay ky": "decision_date", "ngay qd": "decision_date",
                   "ngay thang": "decision_date", "ngay, thang, nam": "decision_date"}  # fmt: skip


def _decision_by_parts(upper: list[str | None], lower: list[str | None]) -> dict[str, int]:
    """«Quyết định khen thưởng» merged over «Số | Ngày»: {"decision_no": col, ...}."""
    return _parts_under(upper, lower, _DECISION_GROUP, _DECISION_PARTS)


def _parts_under(
    upper: list[str | None], lower: list[str | None], group: re.Pattern[str], parts: dict[str, str]
) -> dict[str, int]:
    """Sub-headers that mean a field only under their group title (merged cells keep the
    title in the first column of the group): {field: column}, the first of each."""
    found: dict[str, int] = {}
    title = ""
    for col, below in enumerate(lower):
        if col < len(upper) and upper[col]:
            title = fold(upper[col] or "")
        part = parts.get(fold(below or "").strip(" .:"))
        if part and group.match(title) and part not in found:
            found[part] = col
    return found


def _is_header_like(value: str) -> bool:
    # Data rows carry numbers (STT, scores); a sub-header row carries only words.
    return field_of(value) is not None or not any(ch.isdigit() for ch in value)


FIELD_LABELS = reference.FIELD_LABELS  # one wording (thidua.reference)


def apply_overrides(header: Header, mapping: dict[int, str], grid: Grid) -> Header:
    """The analyst's choice for some columns: a field name, or "" to ignore the column."""
    columns = {name: col for name, col in header.columns.items() if col not in mapping}
    labels = {name: header.labels[name] for name in columns}
    top = grid.row_values(header.row)
    for col, name in mapping.items():
        if name and name in FIELD_LABELS:
            columns[name] = col
            labels[name] = (
                f"{column_letter(grid.first_col + col)} «{top[col] or FIELD_LABELS[name]}»"
            )
    ignored = frozenset(col for col, name in mapping.items() if not name)
    return Header(row=header.row, columns=columns, labels=labels, ignored=ignored)


# What a list may carry beside the award that the warehouse deliberately does not keep
# (DOMAIN.md's fields): read past without a question. Any other column with a header and
# values is asked about (unread_columns), since it may be the unit or the position.
_NOT_KEPT = re.compile(
    r"^(nam sinh|ngay sinh|ngay, thang, nam sinh|que quan|nguyen quan|dan toc|ton giao|"
    r"trinh do|hoc ham|hoc vi|chuyen mon|chuyen nganh|so tien|tien thuong|muc thuong|"
    r"muc tien|thanh tien|so cmnd|so cccd|cmnd|cccd|so dinh danh|dien thoai|so dien thoai|"
    r"email|dia chi|ky nhan|chu ky|dang vien|ngay vao dang|xep loai|so nam|so lan|ma so)"
)


def unread_columns(grid: Grid, header: Header, rows: list[int]) -> list[tuple[int, str, int]]:
    """Columns with a header the importer did not take, the analyst did not leave out,
    and values on the given grid rows: (grid column, «D «Cơ sở»», rows holding a value)."""
    taken = set(header.columns.values()) | header.ignored
    top = grid.row_values(header.row)
    above = grid.row_values(header.row - 1) if header.row > 0 else [None] * len(top)
    candidates = {
        col: text
        for col in range(grid.cells.width)
        if col not in taken and (text := top[col] or above[col]) and not _NOT_KEPT.match(fold(text))
    }
    if not candidates or not rows:
        return []
    counts = (
        grid.cells.with_row_index("i")
        .filter(pl.col("i").is_in(rows))
        .select(pl.col(f"c{col}").is_not_null().sum().alias(str(col)) for col in candidates)
        .row(0)
    )
    return [
        (col, f"{column_letter(grid.first_col + col)} «{text}»", int(count))
        for (col, text), count in zip(candidates.items(), counts, strict=True)
        if count
    ]


def describe_columns(
    grid: Grid, header: Header | None
) -> list[tuple[int, str, str | None, str | None]]:
    """(grid column, Excel letter, header text, recognised field) for every column of the sheet."""
    if header is None:
        return []
    top = grid.row_values(header.row)
    fields = {col: name for name, col in header.columns.items()}
    return [
        (col, column_letter(grid.first_col + col), top[col], fields.get(col))
        for col in range(grid.cells.width)
    ]


def letter_index(letter: str) -> int:
    """'A' -> 0, 'AA' -> 26: the inverse of column_letter."""
    index = 0
    for ch in letter:
        index = index * 26 + (ord(ch) - 64)
    return index - 1
