"""Tables on a page and their .xlsx downloads, numbers written the Vietnamese way."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal

import streamlit as st

from thidua import formatting as fmt
from thidua.filters import Filters
from ui.guard import allowed


def download_table(
    frame: object,
    headers: dict[str, str],
    filename: str,
    key: str,
    title: str,
    filters: Filters | None = None,
    decimals: dict[str, int] | None = None,
    capability: str = "view",
) -> None:
    """An .xlsx of the table with Vietnamese headers and formula-like cells neutralised,
    written when the reader clicks (not on every run of the page). Above the table it says
    what it holds: `title`, the filters it was read with, when it was made; numbers are
    formatted as on the page (`decimals` as show_table's; years plainly). Drawn only for an
    account the guard allows `capability` («names» for a list of people)."""
    if not allowed(capability):
        return
    import polars as pl

    from thidua import exports

    assert isinstance(frame, pl.DataFrame)

    def workbook() -> bytes:
        about = [title]
        if filters is not None:
            about.append(f"Bộ lọc: {filters.describe()}")
        about.append(f"Xuất lúc {fmt.local_time(datetime.now(UTC))} (giờ Việt Nam)")
        return exports.to_xlsx(frame, headers, about=about, decimals=decimals)

    st.download_button(
        "Tải bảng (.xlsx)",
        data=workbook,
        file_name=filename,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=key,
        icon=":material/download:",
    )


# Columns a drill-down often holds one value in (a clicked unit, year, award, decision):
# said once above the list instead of repeated on every row, so the columns that differ fit
# a 1366 px screen. The .xlsx keeps every column.
_SAID_ONCE = ("year", "unit_name", "kind_name", "form_name", "decision_no", "decision_date")


def same_for_all(rows: Any) -> tuple[Any, str]:
    """The list without the columns of `_SAID_ONCE` that hold one value in every row, and
    those values in words («Năm: 2025 · Đơn vị: Sở Y tế»); columns empty in every row are
    left out. A list of one row is kept whole."""
    import polars as pl

    from thidua.exports import AWARD_LIST_HEADERS

    if rows.height < 2:
        return rows, ""
    # A column empty in every row (no «Chi tiết» in any of these awards) says nothing.
    rows = rows.drop([c for c in rows.columns if rows[c].null_count() == rows.height])
    same = [
        c for c in _SAID_ONCE
        if c in rows.columns and rows[c].null_count() == 0 and rows[c].n_unique() == 1
    ]  # fmt: skip
    said = []
    for column in same:
        value = rows[column][0]
        text = value.strftime("%d/%m/%Y") if rows[column].dtype == pl.Date else str(value)
        said.append(f"{AWARD_LIST_HEADERS[column]}: {text}")
    return rows.drop(same), " · ".join(said)


def list_note(listed: int, total: int | None, limit: int) -> str:
    """What the drill-down list holds: all of it, or the newest `limit` awards of a longer
    list (newest years first), with the whole count when it is known."""
    from thidua.formatting import number

    if listed < limit:
        return f"{number(listed)} lượt"
    whole = f"{number(total)} lượt; " if total else "Danh sách dài hơn; "
    return (
        f"{whole}hiển thị và tải về {number(limit)} lượt mới nhất — chọn ít năm hơn hoặc một "
        "đơn vị trong bộ lọc để xem đủ."
    )


def dashed(frame: Any) -> Any:
    """Empty cells as a dash: the grid writes a missing value as «None». An integer column
    with empty cells (an id such as «Thay bằng lần», an achievement year) becomes text for it."""
    import polars as pl

    gaps = [c for c, t in frame.schema.items() if t.is_integer() and frame[c].null_count()]
    return frame.with_columns(pl.col(gaps).cast(pl.String)).with_columns(
        pl.col(pl.String).fill_null("—")
    )


_ROW_PX = 35  # a row of Streamlit's grid, header included


def table_height(rows: int, most: int | None, row_px: int | None = None) -> int | Literal["auto"]:
    """`most` is a most: a short table is drawn to its rows, without empty ones below.
    Rows taller than the grid's own (`row_px`, text on several lines) are drawn whole up to
    `most`: the grid's automatic height would show only a few of them."""
    whole = _ROW_PX + (row_px or _ROW_PX) * rows + 3
    if most and whole > most:
        return most
    return whole if row_px else "auto"


# The most a table of several-line rows takes on the page when its caller sets no height:
# drawn whole, the dossiers' late list of 343 three-line rows ran to 26.000 px, its headers
# and its .xlsx button far out of sight. More rows scroll inside the table.
TALL_MOST_PX = 640


def show_table(
    frame: object,
    headers: dict[str, str],
    decimals: dict[str, int] | None = None,
    height: int | None = None,
    widths: Mapping[str, Literal["small", "medium", "large"] | int] | None = None,
    helps: dict[str, str] | None = None,
    lines: int = 1,
    pinned: tuple[str, ...] = (),
) -> None:
    """A table with Vietnamese headers and numbers written the Vietnamese way (1.234; 59,3%);
    `widths` (a size or pixels) sets a column's width: wide enough for its text, narrow
    enough that every column fits a 1366 px screen; `helps`, what a short header means in
    full (shown when the pointer rests on the header); `lines`, how many lines of text a
    row holds (a long name wraps instead of being cut at its column's width); `pinned`,
    the columns that stay in place when a table wider than the screen scrolls sideways."""
    import polars as pl

    assert isinstance(frame, pl.DataFrame)
    widths, helps = widths or {}, helps or {}
    columns = [c for c in headers if c in frame.columns]
    shown = frame.select(columns)
    for column, digits in (decimals or {}).items():
        if column in shown.columns:
            shown = shown.with_columns(
                pl.col(column).map_elements(_formatter(digits), return_dtype=pl.String)
            )
    formatted = {c for c in decimals or {} if c in shown.columns}
    shown = dashed(shown)
    st.dataframe(
        shown.rename({c: headers[c] for c in columns}),
        hide_index=True,
        width="stretch",
        height=table_height(
            shown.height, height or (TALL_MOST_PX if lines > 1 else None), row_px(lines)
        ),
        row_height=row_px(lines),
        # Numbers written the Vietnamese way are text to the grid, which would set them
        # left: right-aligned as the grid sets the numbers it formats itself (the walk read
        # «100,6» on the left under «Tổng điểm» beside a right-aligned «Hạng»).
        column_config={
            headers[c]: st.column_config.Column(
                width=widths.get(c),
                help=helps.get(c),
                pinned=True if c in pinned else None,
                alignment="right" if c in formatted else None,
            )
            for c in columns
            if c in widths or c in helps or c in pinned or c in formatted
        },
    )


def row_px(lines: int) -> int | None:
    """A row's height for `lines` lines of text; None: the grid's own single line. The grid
    wraps text only in rows taller than 4rem (64 px), so two lines take 65 px, not 2 × 21."""
    return None if lines <= 1 else max(65, 10 + 21 * lines)


def _formatter(digits: int) -> Callable[[float], str]:
    """digits >= 0: a number with that many decimals; digits < 0: a share as a percentage with -digits decimals."""
    from thidua.formatting import number, percent

    if digits < 0:
        return lambda value: percent(value, -digits)
    return lambda value: number(value, digits)
