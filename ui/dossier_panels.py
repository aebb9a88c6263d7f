"""The dossiers page's parts: the headline figures, then one panel per tab — by year, by
unit, by proposed award, the refusals' reasons, the late and open dossiers (which ones kept
in the link) — each table downloadable as .xlsx."""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from thidua import charts, dossiers, reference
from thidua import formatting as fmt
from thidua.filters import Filters
from ui.figures import chart
from ui.kpis import Kpi, kpi_row
from ui.layout import from_url, no_data, to_url
from ui.tables import download_table, show_table

HEADERS = {
    "dossiers": "Hồ sơ", "answered": "Đã trả kết quả", "early": "Trước hạn", "on_time": "Đúng ngày hẹn",
    "late": "Trễ hạn", "on_time_rate": "Tỷ lệ đúng hạn", "median_days": "Trung vị (ngày làm việc)",
    "rejected": "Không đủ điều kiện", "open": "Đang xử lý", "overdue": "Quá hẹn",
}  # fmt: skip
# On the page the eleven columns must fit a 1366 px screen, and a data grid's header is one
# line: short headers there, each with its full name above (HEADERS, as the .xlsx has them)
# when the pointer rests on it.
SHORT = HEADERS | {
    "answered": "Đã trả", "on_time": "Đúng hẹn", "on_time_rate": "% đúng hạn",
    "median_days": "Ngày xử lý", "rejected": "Không đạt",
}  # fmt: skip
MEANINGS = {
    "answered": "Đã trả kết quả: quyết định, trả lại để bổ sung, không đủ điều kiện",
    "early": "Trả kết quả trước ngày hẹn", "on_time": "Trả kết quả đúng ngày hẹn",
    "late": "Trả kết quả sau ngày hẹn", "on_time_rate": "Tỷ lệ trả kết quả đúng hạn",
    "median_days": "Thời gian xử lý: trung vị số ngày làm việc",
    "rejected": "Không đủ điều kiện", "open": "Đang xử lý (chưa trả kết quả)",
    "overdue": "Đang xử lý, đã quá ngày hẹn trả",
}  # fmt: skip
# Counts written as the other pages write them («3.950», not «3950»).
DECIMALS = {
    **dict.fromkeys(("dossiers", "answered", "early", "on_time", "late", "rejected", "open", "overdue"), 0),
    "on_time_rate": -1, "median_days": 1,
}  # fmt: skip
# The by-year table's expander (open: the table is drawn).
YEAR_TABLE_KEY = "dossier_years_table"
# The list's choices, as the link names them (?ds=…).
LISTS = {"tat-ca": "Tất cả", "tre-han": dossiers.STATE_NAMES["late"][0],
         "qua-hen": dossiers.STATE_NAMES["overdue"][0], "dang-xu-ly": "Đang xử lý"}  # fmt: skip


def headline(total: dossiers.DossierFigures, filters: Filters, today: date) -> None:
    st.caption(
        f"{filters.describe()} · năm tiếp nhận hồ sơ · hồ sơ đang xử lý tính đến ngày {today:%d/%m/%Y}. "
        "Đúng hạn: trả kết quả trước hoặc đúng ngày hẹn; ngày hẹn rơi vào ngày nghỉ thì tính ngày "
        "làm việc kế tiếp. Hồ sơ trả lại để bổ sung rồi nộp lại là một hồ sơ: trễ nếu một lần trả trễ."
    )
    kpi_row(
        [
            Kpi("Hồ sơ tiếp nhận", fmt.number(total.dossiers)),
            Kpi(
                "Trả kết quả đúng hạn", fmt.percent(total.on_time_rate),
                f"trước hạn {fmt.number(total.early)} · đúng ngày {fmt.number(total.on_time)} · "
                f"trễ {fmt.number(total.late)}", "off",
                help="Trong số hồ sơ đã trả kết quả (quyết định, trả lại để bổ sung, không đủ điều kiện).",
            ),
            Kpi(
                "Thời gian xử lý (trung vị, ngày làm việc)",
                "—" if total.median_days is None else fmt.number(total.median_days, 1),
                help="Số ngày làm việc hồ sơ nằm ở cơ quan thẩm định, không tính ngày nhận và "
                "thời gian đơn vị bổ sung hồ sơ.",
            ),
            Kpi("Không đủ điều kiện", fmt.percent(total.rejected_share),
                f"{fmt.number(total.rejected)} hồ sơ", "off"),
            Kpi(dossiers.STATE_NAMES["overdue"][0], fmt.number(total.overdue),
                f"trong {fmt.number(total.open)} hồ sơ đang xử lý", "off"),
        ]
    )  # fmt: skip
    if total.decided:
        granted = (
            # One clause per figure (the third walk found «Hồ sơ đã có quyết định đề nghị
            # 21.026 đối tượng; các quyết định đó (đã nhập) khen…» hard to follow).
            f"{fmt.number(total.decided)} hồ sơ đã có quyết định: các hồ sơ này đề nghị khen "
            f"{fmt.number(total.proposed)} đối tượng; theo các quyết định đã nhập vào kho, các "
            f"đơn vị đề nghị được khen {fmt.number(total.granted)} lượt."
        )
        if total.decisions_missing:
            granted += (
                f" {fmt.number(total.decisions_missing)} hồ sơ ghi số quyết định chưa có trong "
                "kho (chưa nhập danh sách khen thưởng của quyết định đó): chưa tính phần được khen."
            )
        st.caption(granted)


def _table(
    frame: pl.DataFrame,
    first: dict[str, str],
    name: str,
    title: str,
    filters: Filters,
    folded: tuple[str, str] | None = None,
) -> None:
    """The table and its .xlsx; `folded` (a label, a key): the table in a box whose content
    runs only when it is opened, the .xlsx offered at once."""
    headers = {**first, **HEADERS}

    def show() -> None:
        wide = [k for k in first if k != "year"]
        # A long unit or award name on two lines rather than cut at its column's edge.
        show_table(frame, {**first, **SHORT}, DECIMALS, widths=dict.fromkeys(wide, "medium"),
                   helps=MEANINGS, lines=2)  # fmt: skip

    if folded is None:
        show()
    else:
        label, key = folded
        box = st.expander(label, icon=":material/table_view:", key=key, on_change="rerun")
        if box.open:
            with box:
                show()
    download_table(frame, headers, f"{name}.xlsx", key=f"{name}_xlsx", title=title,
                   filters=filters, decimals=DECIMALS)  # fmt: skip


def by_year(table: pl.DataFrame, filters: Filters) -> None:
    """`table`: dossiers.by(…, "year"). The chart first; its table (every figure of each
    year) when asked for — a data grid on the first view cost the page ~0,15× of the
    dashboard skeleton's load, measured side by side — and its .xlsx at once."""
    chart(charts.dossier_years_bars, table, key="dossier_years")
    _table(table, {"year": "Năm"}, "ho_so_theo_nam", "Hồ sơ đề nghị theo năm", filters,
           folded=("Bảng số liệu từng năm", YEAR_TABLE_KEY))  # fmt: skip


def by_unit(per_unit: pl.DataFrame, filters: Filters) -> None:
    """`per_unit`: dossiers.by(…, "unit")."""
    table = per_unit.sort(["late", "overdue", "dossiers"], descending=True)
    st.caption("Đơn vị có hồ sơ trễ hạn hoặc quá hẹn ở đầu bảng.")
    _table(
        table, {"unit_name": "Đơn vị"}, "ho_so_theo_don_vi", "Hồ sơ đề nghị theo đơn vị", filters
    )


def by_form(per_form: pl.DataFrame, filters: Filters) -> None:
    """`per_form`: dossiers.by(…, "form")."""
    table = per_form.with_columns(form_name=pl.col("form_code").replace(reference.FORM_NAMES))
    st.caption("Một hồ sơ đề nghị hai hình thức được tính ở cả hai dòng.")
    _table(table, {"form_name": "Hình thức đề nghị"}, "ho_so_theo_hinh_thuc",
           "Hồ sơ đề nghị theo hình thức", filters)  # fmt: skip


def refusals(rows: pl.DataFrame, total: dossiers.DossierFigures, filters: Filters) -> None:
    reasons = dossiers.rejection_reasons(rows)
    if reasons.height == 0:
        no_data("Không có hồ sơ nào bị trả lời không đủ điều kiện.")
        return
    st.caption(
        f"{fmt.number(total.rejected)} hồ sơ không đủ điều kiện, "
        f"{fmt.percent(total.rejected_share)} số hồ sơ đã có kết quả cuối cùng."
    )
    headers = {"reason": "Lý do", "dossiers": "Số hồ sơ"}
    show_table(reasons, headers, widths={"reason": "large"})
    download_table(reasons, headers, "ho_so_khong_du_dieu_kien.xlsx", key="dossier_reasons_xlsx",
                   title="Hồ sơ không đủ điều kiện, theo lý do", filters=filters)  # fmt: skip


def _forms_brief() -> pl.Expr:
    """A dossier's award forms in a narrow column: the first by name and how many more
    («Bằng khen của Chủ tịch UBND tỉnh (+3)»); a dossier proposes up to five, 140 letters."""
    codes = pl.col("form_codes").str.split(",")
    first = codes.list.first().replace_strict(reference.FORM_NAMES, default=None)
    more = codes.list.len() - 1
    brief = pl.when(more > 0).then(pl.format("{} (+{})", first, more)).otherwise(first)
    return pl.coalesce(brief, pl.col("forms_text"))


def late_and_open(rows: pl.DataFrame, filters: Filters) -> None:
    keys = list(LISTS)
    picked = st.segmented_control(
        "Hiện", keys, format_func=LISTS.__getitem__, key="dossier_list",
        default=keys[from_url("ds", keys, "dossier_list") or 0],
    ) or "tat-ca"  # fmt: skip
    to_url("ds", picked)
    listed = dossiers.late_and_open(rows)
    wanted = {
        "tre-han": pl.col("timeliness") == "late",
        "qua-hen": pl.col("overdue_days").is_not_null(),
        "dang-xu-ly": pl.col("status").is_in(reference.OPEN_DOSSIER_STATUSES),
    }.get(picked)
    if wanted is not None:
        listed = listed.filter(wanted)
    if listed.height == 0:
        no_data("Không có hồ sơ nào trong danh sách này.")
        return
    headers = {
        "dossier_no": "Số hồ sơ", "unit_name": "Đơn vị", "received_on": "Ngày nhận",
        "effective_due": "Hẹn trả", "returned_on": "Ngày trả", "state": "Tình trạng",
        "days_past": "Số ngày làm việc quá hẹn", "status_name": "Trạng thái",
        "forms_text": "Hình thức đề nghị", "file_name": "Tệp", "source_row": "Dòng",
    }  # fmt: skip
    dates = ("received_on", "effective_due", "returned_on")
    # Eight columns in a 1366 px screen's main area (~900 px): the dossier number whole (its
    # end tells dossiers apart), the state in its short name, widths in pixels, the long
    # texts (unit, award forms) on up to three lines. The .xlsx has the return date and the
    # states' full names; on the page the state and the days past say how late.
    xlsx_only = ("file_name", "source_row", "returned_on")
    short = {full: brief for full, brief in dossiers.STATE_NAMES.values()}
    show_table(
        listed.with_columns(pl.col(c).dt.strftime("%d/%m/%Y") for c in dates).with_columns(
            pl.col("state").replace(short), forms_text=_forms_brief()
        ),
        {**{k: v for k, v in headers.items() if k not in xlsx_only}, "days_past": "Ngày trễ",
         "forms_text": "Hình thức"},
        widths={"dossier_no": 178, "unit_name": 150, "received_on": 82, "effective_due": 82,
                "state": 95, "days_past": 75, "status_name": 105, "forms_text": 107},
        helps={"days_past": "Số ngày làm việc quá ngày hẹn trả (trả trễ, hoặc đang xử lý đã quá hẹn)",
               "state": "Trả trễ: đã trả kết quả sau ngày hẹn. Quá hẹn: đang xử lý, đã qua ngày hẹn.",
               "forms_text": "Hình thức đề nghị: hình thức đầu tiên của hồ sơ; (+N): còn N hình thức "
                             "nữa, đủ cả trong tệp .xlsx"},
        lines=3,
    )  # fmt: skip
    download_table(listed, headers, "ho_so_tre_han_dang_xu_ly.xlsx", key="dossier_list_xlsx",
                   title=f"Hồ sơ đề nghị: {LISTS[picked].lower()}", filters=filters)  # fmt: skip
