"""What was recognised in one award list, said in the analyst's words: which of the families
of layouts a province sends (README, «Layout catalogue») the list belongs to, with the rows
that showed it. Printed by the dry run and shown by the upload preview, so an analyst sees
why a list was read the way it was before anything is written. (What its title block says
is printed beside them, from the preamble.)"""

from __future__ import annotations

from etl.parse.awards.context import Context
from etl.recognise.headers import Header


def traits(header: Header, context: Context, first_row: int) -> list[str]:
    found = [
        _sections(context),
        _unit_headings(context, first_row),
        _joined_cell(header),
        _birth_columns(header),
        _totals(context),
    ]
    return [t for t in found if t]


def _rows(rows: list[int]) -> str:
    shown = ", ".join(map(str, rows[:6]))
    return f"dòng {shown}{', …' if len(rows) > 6 else ''}"


def _sections(context: Context) -> str | None:
    sections = context.section_list
    if not sections:
        return None
    titles = "; ".join(f"«{s.title}»" for s in sections[:4])
    more = f"; … ({len(sections)} mục)" if len(sections) > 4 else ""
    return f"chia mục (đối tượng / hình thức của các dòng dưới): {titles}{more}"


def _unit_headings(context: Context, first_row: int) -> str | None:
    rows = sorted(context.unit_headings)
    if not rows:
        return None
    units = len(set(context.unit_headings.values()))
    return (
        f"nhóm theo đơn vị: {len(rows)} dòng tiêu đề đơn vị ({_rows([r + first_row for r in rows])}"
        f"; {units} đơn vị) — không phải khen thưởng, đơn vị của các dòng dưới"
    )


def _joined_cell(header: Header) -> str | None:
    if "position_unit" not in header.columns:
        return None
    label = header.labels.get("position_unit", "")
    return (
        f"chức vụ và đơn vị chung một ô ({label}): tách theo danh mục đơn vị, không theo dấu phẩy"
    )


def _birth_columns(header: Header) -> str | None:
    if not {"birth_male", "birth_female"} <= header.columns.keys():
        return None
    return "năm sinh ghi ở cột Nam / Nữ: cột ghi năm sinh cho biết giới tính"


def _totals(context: Context) -> str | None:
    parts = []
    if context.subtotals:
        parts.append(f"{len(context.subtotals)} dòng cộng ({_rows(sorted(context.subtotals))})")
    if context.grand_total is not None:
        parts.append(f"dòng tổng cộng ghi {context.grand_total}")
    if context.footer_counts is not None:
        people, collectives = context.footer_counts
        parts.append(f"dòng cuối ghi {people} cá nhân và {collectives} tập thể")
    stated = [s for s in context.section_list if s.stated is not None]
    if stated:
        parts.append(f"{len(stated)} mục ghi số lượng")
    if not parts:
        return None
    return "số liệu tự ghi (đã đối chiếu với các dòng đọc được): " + "; ".join(parts)
