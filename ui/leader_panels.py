"""The leaders page's panels, one per tab: the shares by year, by unit (with the drill-down
and the table a leader downloads), by bloc, how positions were classed, the award list."""

from __future__ import annotations

import duckdb
import polars as pl
import streamlit as st

from thidua import charts, reports
from thidua.filters import Filters
from thidua.reference import KIND_NAMES
from thidua.reference import LEADER_CLASS_NAMES as CLASSES
from ui.data import cached
from ui.drilldown import award_list_panel
from ui.figures import chart, merged_units_note
from ui.layout import no_data
from ui.tables import download_table, show_table

share_headers = {
    "individuals": "Khen cá nhân", "direct_workers": CLASSES[False], "leaders": CLASSES[True],
    "unclassified": CLASSES[None], "non_leader_share": "Tỷ lệ NLĐ trực tiếp", "women_share": "Tỷ lệ nữ",
    "adhoc_share": "Tỷ lệ đột xuất",
}  # fmt: skip
formats = {
    "individuals": 0,
    "direct_workers": 0,
    "leaders": 0,
    "unclassified": 0,
    "non_leader_share": -1,
    "women_share": -1,
    "adhoc_share": -1,
}


# In the link: ?ty_le=ba draws the women's and ad-hoc shares beside the non-leader share.
ALL_SHARES = ("ty_le", "ba")
# Set while this session shows the three shares: the address then holds ty_le.
ALL_SHARES_SHOWN = "_leaders_all_shares_shown"


def by_year(view: reports.LeaderShares, target: float) -> None:
    """The non-leader share alone, as the page opens (each line and legend entry more is
    drawn twice on every visit); the three shares together when the reader asks, by a link
    that keeps the filters and can be shared."""
    name, value = ALL_SHARES
    params = {k: v for k, v in st.query_params.to_dict().items() if k != name}
    # A page link's parameters reach the run but not the address bar: written here when the
    # view changes, they do, so a reload or a shared link opens what the reader saw.
    if st.query_params.get(name) == value:
        if not st.session_state.get(ALL_SHARES_SHOWN):
            st.session_state[ALL_SHARES_SHOWN] = True
            st.query_params[name] = value
        chart(charts.shares_by_year_lines, view.by_year, target, key="share_years")
        st.page_link("pages/leaders.py", label="Chỉ xem tỷ lệ người lao động trực tiếp",
                     icon=":material/show_chart:", query_params=params)  # fmt: skip
    else:
        if st.session_state.pop(ALL_SHARES_SHOWN, False):
            st.query_params.from_dict(params)  # back to one line: ty_le leaves the address
        chart(charts.non_leader_share_by_year, view.by_year, target, key="share_years")
        st.page_link("pages/leaders.py", label="Thêm tỷ lệ nữ và tỷ lệ khen đột xuất qua các năm",
                     icon=":material/stacked_line_chart:", query_params={**params, name: value})  # fmt: skip


def by_unit(
    con: duckdb.DuckDBPyConnection, filters: Filters, view: reports.LeaderShares, target: float
) -> None:
    """Units against the target; a click lists a unit's awards."""
    clicked = chart(
        charts.share_by_unit_bars,
        view.by_unit,
        target,
        filters.scope(),
        key="share_units",
        on_select=True,
    )
    if clicked:
        unit = charts.clicked(clicked[0])
        award_list_panel(con, filters, reports.Selection(unit_name=unit), unit,
                         key="leaders_unit_list")  # fmt: skip
    else:
        st.caption("Bấm vào một cột đơn vị để xem danh sách khen thưởng của đơn vị đó.")
    merged_units_note(view.by_unit.sort("non_leader_share", descending=True)["unit_name"].to_list())
    unit_headers = _shares_table(view.by_unit.sort("non_leader_share"), "unit_name", "Đơn vị",
                                 height=430)  # fmt: skip
    download_table(view.by_unit, unit_headers, "ty_le_theo_don_vi.xlsx", key="unit_share_xlsx",
                   title="Tỷ lệ khen người lao động trực tiếp theo đơn vị", filters=filters,
                   decimals=formats)  # fmt: skip


def by_bloc(filters: Filters, target: float) -> None:
    by_bloc = cached(reports.shares_by_bloc, filters, target)
    if by_bloc.height == 0:
        no_data("Không có đơn vị nào của khối, cụm thi đua khớp với bộ lọc đang chọn.")
    else:
        bloc_headers = _shares_table(by_bloc, "bloc_name", "Khối, cụm")
        download_table(by_bloc, bloc_headers, "ty_le_theo_khoi.xlsx", key="bloc_share_xlsx",
                       title="Tỷ lệ khen người lao động trực tiếp theo khối, cụm",
                       filters=filters, decimals=formats)  # fmt: skip


def _shares_table(
    frame: pl.DataFrame, name: str, header: str, height: int | None = None
) -> dict[str, str]:
    """Units' or blocs' shares against the target, as one table: the share as the chart
    labels it (never «60,0%» for one below a 60% target), «So với mục tiêu» in words, short
    headers and set widths so the nine columns fit a 1366 px screen, a long name on two
    lines. Returns the long headers, for the .xlsx."""
    headers = {name: header, **share_headers, "against_target": "So với mục tiêu"}
    shown = {("non_leader_label" if c == "non_leader_share" else c): h for c, h in headers.items()}
    short = {"individuals": KIND_NAMES["individual"], "direct_workers": "NLĐ trực tiếp",
             "non_leader_label": "Tỷ lệ NLĐ", "adhoc_share": "Đột xuất"}  # fmt: skip
    shown |= {c: h for c, h in short.items() if c in shown}
    show_table(frame, shown, formats, height=height,
               widths={name: 210, "individuals": 65, "direct_workers": 95, "leaders": 70,
                       "unclassified": 110, "non_leader_label": 80, "women_share": 65,
                       "adhoc_share": 65, "against_target": 115}, lines=2)  # fmt: skip
    return headers


def by_position(filters: Filters) -> None:
    st.caption(
        "Mỗi chức vụ được xếp theo quy tắc đầu tiên khớp trong bảng quy tắc phân loại "
        "do quản trị viên quản lý; chức vụ không khớp quy tắc nào để «chưa phân loại» chứ không đoán."
    )
    positions = cached(reports.position_classes, filters).with_columns(
        klass=reports.leader_class(),
        position=pl.col("position").fill_null("(để trống)"),
    )
    position_headers = {
        "position": "Chức vụ (như trong tệp)",
        "klass": "Phân loại",
        "leader_rule": "Quy tắc",
        "rule_label": "Nội dung quy tắc",
        "awards": "Số lượt",
    }
    # The rule's code is the admins' handle on it (Quản trị, its .xlsx); a reader is told
    # what the rule says.
    on_screen = {c: h for c, h in position_headers.items() if c != "leader_rule"}
    show_table(positions, on_screen, {"awards": 0}, height=320)
    download_table(positions, position_headers, "phan_loai_chuc_vu.xlsx", key="positions_xlsx",
                   title="Phân loại chức vụ", filters=filters)  # fmt: skip


def award_list(
    con: duckdb.DuckDBPyConnection, filters: Filters, view: reports.LeaderShares
) -> None:
    award_list_panel(con, filters, reports.Selection(), "theo bộ lọc đang chọn",
                     key="leaders_list", total=int(view.by_year["awards"].sum()))  # fmt: skip
