"""`python -m etl import --dry-run`: what an import would write, said before anything is —
each sheet as recognised (layout, header row, what each column was taken for), what the
title said, the counts by kind, award and year, the direct-worker share beside the share of
positions no rule classifies, the units not in the table, and every problem."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from etl.inspection import LAYOUT_NAMES, Inspection
from etl.load import Report
from etl.recognise.headers import FIELD_LABELS
from etl.upload import Preview, preview
from thidua import reference
from thidua.formatting import number, percent
from thidua.metrics import ratio


def describe(inspection: Inspection) -> str:
    name = inspection.file
    if inspection.duplicate_of is not None:
        return (
            f"{name}: tệp này đã được nhập (lần nhập #{inspection.duplicate_of}); sẽ không thêm gì."
        )
    lines = [f"{name}: THỬ — không ghi gì vào kho dữ liệu."]
    lines += _sheets(inspection)
    if inspection.problems or not inspection.parsed:
        refusal = Report(name, "refused", problems=inspection.problems).message().splitlines()
        lines += [f"  Sẽ KHÔNG nhập — {number(len(inspection.problems))} lỗi:", *refusal[1:]]
    else:
        lines += _what_would_be_written(inspection)
    notes = Report(name, "imported", skipped=inspection.book.skipped, warnings=inspection.warnings)
    return "\n".join(lines + notes.notes())


def _sheets(inspection: Inspection) -> list[str]:
    lines = []
    for sheet in inspection.sheets:
        if sheet.layout is None:
            lines.append(f"  Trang «{sheet.sheet}»: không nhận ra bảng nào.")
            continue
        taken = "; ".join(
            f"{letter} «{text or ''}» → {FIELD_LABELS.get(field, field)}"
            for _, letter, text, field in sheet.columns
            if field
        )
        remembered = " (theo cách hiểu cột đã lưu từ lần nhập trước)" if sheet.remembered else ""
        lines.append(
            f"  Trang «{sheet.sheet}»: {LAYOUT_NAMES[sheet.layout]} ({sheet.reasons}), tiêu đề "
            f"cột ở dòng {sheet.header_row}{remembered}; {taken}."
        )
        said = {k: v for k, v in sheet.context.items() if v}
        if said:
            lines.append("    Phần đầu ghi: " + _context(said) + ".")
        lines += [f"    Nhận ra: {trait}." for trait in sheet.traits]
    return lines


def _context(said: Mapping[str, str | None]) -> str:
    parts = []
    if said.get("decision_no"):
        parts.append(f"quyết định số {said['decision_no']}")
    if said.get("decision_date"):
        year, month, day = str(said["decision_date"]).split("-")
        parts.append(f"ngày {day}/{month}/{year}")
    if said.get("form_code"):
        parts.append(f"hình thức «{reference.FORM_NAMES.get(str(said['form_code']))}»")
    return ", ".join(parts)


def _what_would_be_written(inspection: Inspection) -> list[str]:
    lines = [f"  Sẽ nhập {number(inspection.rows)} dòng:"]
    for parsed in inspection.parsed:
        lines.append(
            f"    trang «{parsed.sheet}»: {number(parsed.frame.height)} dòng "
            f"{LAYOUT_NAMES.get(parsed.layout, parsed.layout)}{_scope(parsed.frame)}."
        )
    if inspection.replaces is not None:
        lines.append(f"  Thay thế lần nhập #{inspection.replaces} (cùng quyết định, bản sửa lại).")
    shown = preview(inspection)
    if shown is not None:
        lines += _award_figures(shown)
    unknown = inspection.unknown_units
    if unknown.height:
        listed = "; ".join(f"«{u}» ({number(n)} dòng)" for u, n in unknown.iter_rows())
        lines.append(
            f"  Đơn vị chưa có trong danh mục: {listed}. Nếu là tên gọi khác của một đơn vị, "
            'dùng --alias "tên trong tệp=tên trong danh mục".'
        )
    return lines


def _scope(frame: pl.DataFrame) -> str:
    """The blocs and years a scoring sheet or a membership list covers."""
    if "bloc_name" not in frame.columns:
        return ""
    blocs = ", ".join(sorted(frame["bloc_name"].unique().to_list()))
    years = ", ".join(str(y) for y in sorted(frame["year"].unique().to_list()))
    return f" ({blocs}; năm {years})"


def _award_figures(shown: Preview) -> list[str]:
    counts = shown.counts  # as the warehouse will count them (metrics.counts_of_rows)
    forms = "; ".join(
        f"{reference.FORM_NAMES.get(code, code)} {number(n)}"
        for code, n in shown.by_form.iter_rows()
    )
    years = "; ".join(f"{year}: {number(n)}" for year, n in shown.by_year.iter_rows())
    return [
        f"    Cá nhân {number(counts.individuals)}, tập thể {number(counts.collectives)}, hộ gia "
        f"đình {number(counts.households)}.",
        f"    Theo hình thức: {forms}.",
        f"    Theo năm: {years}.",
        f"    NLĐ trực tiếp: {number(counts.direct_workers)}/{number(counts.individuals)} cá nhân"
        f" = {percent(counts.non_leader_share)} (lãnh đạo {number(counts.leaders)}; "
        f"chưa phân loại được chức vụ {number(counts.unclassified)} = "
        f"{percent(ratio(counts.unclassified, counts.individuals))}).",
    ]
