"""The checks of an award list's rows: every cell read or said why not, the same person
listed twice for one award of one decision, and columns with values nobody mapped."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from etl.check.cells import Check
from etl.grid import Grid
from etl.problems import Problem
from etl.recognise.headers import Header, unread_columns
from thidua import forms, reference

if TYPE_CHECKING:  # the parse stage imports these checks
    from etl.parse.awards.context import Context, RawGetter


def unread_problems(grid: Grid, header: Header, table: pl.DataFrame) -> list[Problem]:
    """A column with a header and values that no field took may be the unit or the
    position: asked, never dropped without a word."""
    rows = (table["source_row"] - grid.first_row).to_list()
    return [
        Problem(
            grid.file,
            row=grid.excel_row(header.row),
            column=label,
            message=(
                f"cột này có dữ liệu ở {count} dòng khen thưởng nhưng không nhận ra là thông tin "
                "gì (đơn vị? chức vụ? hình thức?). Hãy chọn ý nghĩa của cột ở trang Tải dữ liệu "
                "(mục «Cách hiểu các cột»; «không nhập cột này» nếu không cần), hoặc dùng "
                f"--column {letter}=… ở dòng lệnh (ví dụ {letter}=unit; {letter}=bỏ qua)."
            ),
        )
        for _, label, count in unread_columns(grid, header, rows)
        for letter in [label.split()[0]]
    ]


def award_checks(raw: RawGetter, context: Context) -> list[Check]:
    r = raw
    kinds_allowed = "«Cá nhân», «Tập thể» hoặc «Hộ gia đình»"
    types_allowed = ", ".join(f"«{label}»" for label, _ in reference.AWARD_TYPES.values())
    return [
        Check(
            r("recipient_name").is_null(), "recipient_name", "thiếu họ tên / tên tập thể được khen."
        ),
        Check(
            # Anchored to a column: two literals (a file without these columns) would make a
            # predicate of the wrong length for a frame of several chunks.
            pl.col("source_row").is_not_null()
            & r("birth_male").is_not_null()
            & r("birth_female").is_not_null(),
            "birth_female",
            "năm sinh ghi ở cả cột Nam và cột Nữ: không biết người này là nam hay nữ.",
        ),
        Check(
            r("form").is_not_null() & pl.col("form_from_cell").is_null(),
            "form",
            "không phải hình thức khen thưởng đã biết.",
            forms.suggest_form,
        ),
        Check(
            r("form").is_null() & pl.col("form_code").is_null(),
            "form",
            "thiếu hình thức khen thưởng (không có ở cột, ở mục hay ở tiêu đề danh sách).",
        ),
        Check(
            r("recipient_kind").is_not_null() & pl.col("kind_from_cell").is_null(),
            "recipient_kind",
            f"đối tượng phải là {kinds_allowed}.",
        ),
        Check(
            pl.col("recipient_kind").is_null()
            & r("recipient_kind").is_null()
            & pl.col("form_code").is_not_null(),
            "recipient_name",
            "không xác định được đây là cá nhân hay tập thể: thêm cột «Đối tượng» hoặc mục «I. CÁ NHÂN» / «II. TẬP THỂ».",
        ),
        Check(
            pl.col("form_recipients").is_in(["individual", "collective"])
            & pl.col("recipient_kind").is_not_null()
            & (pl.col("form_recipients") != pl.col("recipient_kind")),
            "form",
            "hình thức này không tặng cho loại đối tượng ghi ở dòng này (cá nhân / tập thể).",
        ),
        Check(
            r("gender").is_not_null() & pl.col("gender").is_null(),
            "gender",
            "giới tính phải là «Nam» hoặc «Nữ».",
        ),
        Check(
            r("year").is_not_null()
            & ~pl.col("year_from_cell").is_between(1945, 2100).fill_null(False),
            "year",
            "năm không hợp lệ (cần 4 chữ số, ví dụ 2020).",
        ),
        Check(
            r("year").is_null() & pl.col("year").is_null(),
            "year",
            "thiếu năm: không có cột «Năm» và không có ngày quyết định. Hãy ghi dòng «(Kèm "
            "theo Quyết định số … ngày …)» vào tệp, điền ngày quyết định ở trang Tải dữ liệu, "
            "hoặc dùng --decision-date / --year ở dòng lệnh.",
        ),
        Check(
            r("decision_date").is_not_null() & pl.col("decision_date").is_null(),
            "decision_date",
            "ngày không đọc được; hãy ghi theo dạng ngày/tháng/năm, ví dụ 25/01/2020.",
        ),
        Check(
            pl.col("year_from_cell").is_not_null()
            & pl.col("decision_date").is_not_null()
            & (pl.col("year_from_cell") != pl.col("decision_date").dt.year()),
            "year",
            "năm không khớp với năm của ngày quyết định (năm khen thưởng là năm ra quyết định).",
        ),
        Check(
            r("award_type").is_not_null() & pl.col("award_type").is_null(),
            "award_type",
            f"loại hình khen thưởng phải là một trong: {types_allowed}.",
        ),
        Check(
            r("achievement_year").is_not_null() & pl.col("achievement_year").is_null(),
            "achievement_year",
            "năm thành tích không hợp lệ (cần 4 chữ số).",
        ),
    ]


# The same award to the same person (name, post and unit as typed) in the same decision.
# Collectives are not checked: registers do list one collective twice in a decision (the
# 2019 sample does, and its truth counts both).
_SAME_AWARD = (
    "recipient_kind", "recipient_name", "position", "unit_name", "form_code", "decision_no", "year"
)  # fmt: skip


def listed_twice(frame: pl.DataFrame, file: str) -> list[Problem]:
    """A person listed twice for one award of one decision would be counted twice: said
    with both Excel rows. Namesakes in other units, or one person given two different
    awards in one list, are different rows and stay."""
    twice = (
        frame.filter(pl.col("recipient_kind") == "individual")
        .group_by(_SAME_AWARD)
        .agg(pl.col("source_row").sort(), pl.col("form_text").first())
        .filter(pl.col("source_row").list.len() > 1)
        .sort(pl.col("source_row").list.get(1))
    )
    return [
        Problem(
            file=file,
            row=rows[1],
            column=None,
            value=name,
            message=(
                f"đã có ở dòng {rows[0]} với cùng chức vụ, đơn vị và hình thức «{form}»"
                + (f" của quyết định {decision}" if decision else "")
                + (f" (còn ở dòng {', '.join(map(str, rows[2:]))})" if len(rows) > 2 else "")
                + "; một người không được khen hai lần cùng hình thức trong một quyết định. "
                "Hãy xóa dòng lặp."
            ),
        )
        for name, decision, form, rows in twice.select(
            "recipient_name", "decision_no", "form_text", "source_row"
        ).iter_rows()
    ]
