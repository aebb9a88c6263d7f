"""A sheet as a grid of text cells with Excel's own row numbers, and the cleaning every
grid gets: legacy Vietnamese encodings decoded when the content says so, NFC, trimmed.
Files become grids in etl.reading, inside a bounded child process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from thidua.text import LEGACY_DECODERS, detect_legacy


@dataclass
class Grid:
    """One sheet: every cell as stripped NFC text or null."""

    file: str
    sheet: str
    cells: pl.DataFrame  # columns c0..cN, all String
    first_row: int  # Excel row number of cells' row 0
    first_col: int  # 0-based Excel column index of c0
    encoding: str | None = None  # legacy encoding converted from, if any

    def excel_row(self, index: int) -> int:
        return self.first_row + index

    def row_values(self, index: int) -> list[str | None]:
        return list(self.cells.row(index))


def normalise(grid: Grid) -> Grid:
    """Legacy encodings to Unicode, NFC, trimmed; blank cells become null."""
    cells = grid.cells
    # Each distinct value is looked at once: a column that repeats one award name 100,000
    # times says it once (to the encoding check and to the cleaning alike).
    distinct = {
        name: cells[name].drop_nulls().unique(maintain_order=True) for name in cells.columns
    }
    legacy = detect_legacy(pl.concat([d.head(1000) for d in distinct.values()]).to_list())
    decode = LEGACY_DECODERS[legacy] if legacy else None
    if legacy:
        grid.encoding = legacy
    # Only the values that change are replaced in the column. Row positions stay as they
    # are (empty rows too) so Excel row numbers remain right.
    grid.cells = cells.with_columns(
        _clean_column(cells[name], distinct[name], decode) for name in cells.columns
    )
    return grid


def _clean_column(
    column: pl.Series, distinct: pl.Series, decode: Callable[[str], str] | None
) -> pl.Series:
    if decode is not None:
        distinct_text = distinct.map_elements(decode, return_dtype=pl.String)
    else:
        distinct_text = distinct
    cleaned = (
        distinct_text.str.normalize("NFC")
        .str.replace_all(r"[\s\u00a0]+", " ")
        .str.strip_chars()
        # «Ð» (U+00D0, Icelandic Eth) looks like «Đ» and some keyboards and fonts type it; it is
        # never Vietnamese, and a name typed with it would not match the same name with «Đ».
        .str.replace_all("Ð", "Đ", literal=True)
        .str.replace_all("ð", "đ", literal=True)
    )
    changed = distinct != cleaned
    if changed.any():
        column = column.replace(distinct.filter(changed), cleaned.filter(changed))
    return column.replace("", None)
