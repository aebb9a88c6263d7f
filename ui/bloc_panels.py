"""The panels of the bloc ranking page: the choice of year and bloc, the ranking bars and their drill-down (with the
choice of the decisions' year, key bloc_list_year_<year>), the score table, the leaders of
every bloc."""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl
import streamlit as st

from thidua import charts, reports
from thidua import formatting as fmt
from thidua.exports import file_part
from thidua.filters import Filters
from thidua.literal import markdown as md
from thidua.reference import BLOC_KIND_NAMES, ROLE_SIGNS
from ui.data import cached
from ui.drilldown import DRILL_AREA, award_list_panel
from ui.figures import chart
from ui.layout import from_url, to_url
from ui.tables import download_table, show_table


def choose_bloc(available: pl.DataFrame, preferred: str | None) -> tuple[int, str]:
    """The scoring year and the bloc the page shows: the newest year's first bloc (or the
    filters' bloc, `preferred`), unless the link or the reader chose others. The two selects
    sit in a box under a button that names the choice («Năm 2025 · Khối thi đua số 1»):
    drawn on the page they cost each load ~9 % of the reader's browser time (side by side
    in Chromium, 25 pairs), and the sentence under them says the year and bloc again. Both
    are kept in the link (nam_khoi, khoi_xem)."""
    years = available["year"].unique().sort(descending=True).to_list()
    year_default = from_url("nam_khoi", years, "bloc_year") or 0
    year = _kept("bloc_year", years, year_default)
    blocs = available.filter(pl.col("year") == year)["bloc_name"].to_list()
    linked = from_url("khoi_xem", blocs, f"bloc_name_{year}")
    bloc_default = (
        linked if linked is not None else blocs.index(preferred) if preferred in blocs else 0
    )
    bloc = _kept(f"bloc_name_{year}", blocs, bloc_default)
    box = st.popover(f"Năm {year} · {md(bloc)}", icon=":material/tune:", help="Chọn năm, khối, cụm")
    year = box.selectbox("Năm chấm điểm", years, index=year_default, key="bloc_year")
    bloc = box.selectbox("Khối, cụm", blocs, index=bloc_default, key=f"bloc_name_{year}")
    to_url("nam_khoi", year)
    to_url("khoi_xem", bloc)
    return year, bloc


def _kept(key: str, options: list[Any], default: int) -> Any:
    """What the select `key` will show: the reader's last choice while it is an option."""
    chosen = st.session_state.get(key)
    return chosen if chosen in options else options[default]


def _decision_year(con: duckdb.DuckDBPyConnection, filters: Filters, unit: str, year: int) -> int:
    """The year whose decisions the drill-down lists: the year after the scoring year (a
    bloc's results are commended in January), or the scoring year itself, the reader's
    choice. When the next year has no decision yet the scoring year is opened, and said."""
    counts = reports.awards_by_year(
        con, filters, reports.Selection(unit_name=unit), [year + 1, year]
    )
    waiting = counts[year + 1] == 0
    chosen = st.radio(
        "Các quyết định năm",
        [year + 1, year],
        index=1 if waiting else 0,
        format_func=lambda y: f"{y} ({fmt.number(counts[y])} lượt)",
        horizontal=True,
        key=f"bloc_list_year_{year}",
    )
    if waiting:
        st.info(
            f"Chưa có quyết định khen thưởng năm {year + 1} nào cho {md(unit)}: kết quả chấm "
            f"điểm năm {year} thường được khen trong các quyết định đầu năm {year + 1}."
            + (f" Dưới đây là các quyết định năm {year}." if chosen == year else "")
        )
    return int(chosen)


def ranking_bars(
    con: duckdb.DuckDBPyConnection, filters: Filters, ranking: pl.DataFrame, bloc: str, year: int
) -> None:
    """The bloc's bars; a click lists the unit's awards decided the year after."""
    clicked = chart(charts.bloc_bars, ranking, bloc, year, key="bloc_bars", on_select=True)
    if clicked:
        unit = charts.clicked(clicked[0])
        # The page scrolls to the top of this area, so the year's choice and its note stay
        # in sight above the list (ui.drilldown).
        with st.container(key=f"{DRILL_AREA}bloc"):
            decided = _decision_year(con, filters, unit, year)
            award_list_panel(
                con,
                filters,
                reports.Selection(unit_name=unit, year=decided),
                f"{unit}, quyết định năm {decided}",
                key="bloc_list",
            )
    else:
        st.caption(
            "Bấm vào một đơn vị trên biểu đồ để xem các khen thưởng của đơn vị trong các quyết "
            "định năm sau (xét thành tích năm chấm điểm)."
        )


def score_table(ranking: pl.DataFrame, bloc: str, year: int) -> None:
    """Every member's score parts and outcome, and the table's export."""
    table = ranking.with_columns(
        outcome=pl.coalesce("outcome", pl.col("customary") + pl.lit(" (theo thông lệ)")),
        # The role as the chart marks it, before the name: a column of its own did not fit.
        unit_marked=pl.col("role").replace_strict(
            {role: sign + " " for role, sign in ROLE_SIGNS.items()},
            default="",
            return_dtype=pl.String,
        )
        + pl.col("unit_name"),
    )
    headers = {
        "rank": "Hạng", "unit_name": "Đơn vị", "total_score": "Tổng điểm", "self_score": "Tự chấm",
        "bloc_score": "Khối chấm", "bonus": "Điểm cộng", "penalty": "Điểm trừ",
        "role_name": "Vai trò", "outcome": "Khen thưởng",
    }  # fmt: skip
    # Every column within a 1366 px screen: the score parts short, the outcome last; a unit's
    # name and its outcome («Bằng khen của Chủ tịch UBND tỉnh (theo thông lệ)») on two lines.
    shown = {"rank": "Hạng", "unit_marked": "Đơn vị (★ trưởng, ☆ phó)", "total_score": "Tổng",
             "self_score": "Tự chấm", "bloc_score": "Khối chấm", "bonus": "Cộng", "penalty": "Trừ",
             "outcome": "Khen thưởng"}  # fmt: skip
    scores = ("self_score", "bloc_score", "bonus", "penalty", "total_score")
    show_table(table, shown, dict.fromkeys(scores, 1), widths={
        "rank": 50, "unit_marked": 240, "total_score": 60, "self_score": 70, "bloc_score": 80,
        "bonus": 55, "penalty": 50, "outcome": 270}, lines=2)  # fmt: skip
    download_table(table, headers, f"xep_hang_{file_part(bloc)}_{year}.xlsx", key="bloc_xlsx",
                   title=f"Bảng điểm và xếp hạng {bloc} năm {year}", decimals=dict.fromkeys(scores, 1))  # fmt: skip
    st.caption(
        "Khen thưởng «theo thông lệ»: đơn vị dẫn đầu khối được đề nghị Cờ thi đua của UBND tỉnh, "
        "hạng nhì và ba được đề nghị Bằng khen; khi kho có quyết định khen cho chính đơn vị, "
        "cột này ghi quyết định đó."
    )


def bloc_leaders(year: int) -> None:
    """The unit leading each bloc and cluster in `year`, and the table's export."""
    st.markdown(f"#### Đơn vị dẫn đầu các khối, cụm năm {year}")
    leaders = cached(reports.bloc_leaders, year).with_columns(
        kind=pl.col("bloc_kind").replace_strict(BLOC_KIND_NAMES, default=None)
    )
    leader_headers = {
        "bloc_name": "Khối, cụm",
        "kind": "Loại",
        "unit_name": "Đơn vị dẫn đầu",
        "total_score": "Tổng điểm",
        "members": "Số đơn vị",
    }
    show_table(leaders, leader_headers, {"total_score": 1})
    missing = reports.blocs_without_sheet(cached(reports.bloc_years), year)
    if missing:
        st.caption(
            f"Không có bảng chấm điểm năm {year}: "
            + "; ".join(f"{md(bloc)} (gần nhất: năm {last})" for bloc, last in missing)
            + "."
        )
    download_table(leaders, leader_headers, f"dan_dau_khoi_{year}.xlsx", key="leaders_xlsx",
                   title=f"Đơn vị dẫn đầu các khối, cụm năm {year}", decimals={"total_score": 1})  # fmt: skip
