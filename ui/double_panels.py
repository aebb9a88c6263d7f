"""The double-awards review (issue 23): the pairs still to look at, each with both sources
(file, Excel row, decision), chosen in the table and said to be two different recipients
with a note; the pairs reviewed, who said so and when, and a way to take a word back."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl import upload
from thidua import reference
from thidua.access import Account
from thidua.filters import Filters
from thidua.formatting import TIME_HEADER, local_time
from thidua.literal import markdown as md
from thidua.warehouse import Warehouse
from ui.layout import no_data, writing_from_page
from ui.notices import done
from ui.tables import download_table, row_px, show_table, table_height

# On the page (fits a 1366 px laptop); the selected pairs' sources are written out under it.
SHOWN = {
    "recipient_name": "Họ tên / Tên tập thể", "unit_name": "Đơn vị", "form_name": "Hình thức",
    "achievement": "Năm thành tích", "decision_a": "Quyết định thứ nhất", "decision_b": "Quyết định thứ hai",
}  # fmt: skip
# Pixels: every column within a 1366 px laptop's page beside the sidebar (with the
# row-selection column, 32 px), a row of two lines: names, units and award names wrap, a
# decision breaks after its number («1038/QĐ-UBND,» / «12/03/2025»).
WIDTHS = {"recipient_name": 175, "unit_name": 180, "form_name": 145, "achievement": 110,
          "decision_a": 125, "decision_b": 125}  # fmt: skip
LINES = 2
MOST_PX = 560  # eight two-line pairs under the header in sight; more scroll in the table
# The decisions' headers on the page, short to fit their column; in full on hover.
SHORT = {"decision_a": "Quyết định 1", "decision_b": "Quyết định 2"}
# In the .xlsx and the reviewed list: the sources too.
HEADERS = {**SHOWN, "source_a": "Lần 1: tệp, dòng", "source_b": "Lần 2: tệp, dòng"}


def shown(pairs: pl.DataFrame) -> pl.DataFrame:
    """The pairs as a reader reads them: the award by name, each decision with its date, each
    source as «file, dòng N»; a pair matched by decision year says so."""

    def decision(no: str, day: str) -> pl.Expr:
        return pl.concat_str(
            pl.col(no).fill_null("(không số)"),
            pl.col(day).dt.strftime(", %d/%m/%Y").fill_null(""),
        )

    return pairs.with_columns(
        form_name=pl.col("form_code").replace_strict(reference.FORM_NAMES, default=None),
        achievement=pl.when(pl.col("by_achievement"))
        .then(pl.col("achievement_year").cast(pl.String))
        .otherwise(pl.concat_str(pl.lit("(năm QĐ "), pl.col("year_a"), pl.lit(")"))),
        decision_a=decision("decision_a", "date_a"),
        decision_b=decision("decision_b", "date_b"),
        source_a=pl.format("{}, dòng {}", "file_a", "row_a"),
        source_b=pl.format("{}, dòng {}", "file_b", "row_b"),
    )


def _both_sources(pair: dict[str, object]) -> str:
    """A chosen pair written out: who, which award, and where each row is."""

    def side(n: str, decision: str, source: str, name: str, position: str) -> str:
        post = f", {md(pair[position])}" if pair[position] else ""
        return f"lần {n}: {md(pair[decision])} — {md(pair[source])} ({md(pair[name])}{post})"

    return (
        f"**{md(pair['recipient_name'])}**, {md(pair['unit_name'] or '—')} — {md(pair['form_name'])}, "
        f"năm thành tích {md(pair['achievement'])}: "
        + side("1", "decision_a", "source_a", "recipient_name", "position_a")
        + "; "
        + side("2", "decision_b", "source_b", "name_b", "position_b")
    )


def open_pairs(pairs: pl.DataFrame, master: Warehouse, account: Account, filters: Filters) -> None:
    if pairs.height == 0:
        no_data("Không có cặp khen trùng nào cần xem với bộ lọc đang chọn.")
        return
    table = shown(pairs)
    on_page = {**SHOWN, **SHORT}
    picked = st.dataframe(
        table.select(list(SHOWN)).rename(on_page), hide_index=True, width="stretch",
        on_select="rerun", selection_mode="multi-row", key="double_pick",
        row_height=row_px(LINES), height=table_height(table.height, MOST_PX, row_px(LINES)),
        column_config={on_page[c]: st.column_config.Column(width=w, help=SHOWN[c] if c in SHORT else None)
                       for c, w in WIDTHS.items()},
    )  # fmt: skip
    rows = list(picked.selection.rows) if picked else []
    for pair in table[rows].iter_rows(named=True):
        st.markdown(_both_sources(pair))
    download_table(table, HEADERS, "khen_trung_can_xem.xlsx", key="doubles_xlsx",
                   title="Khen thưởng trùng cần xem", filters=filters, capability="names")  # fmt: skip
    with st.form("double_mark", clear_on_submit=True):
        st.caption(f"Đã chọn {len(rows)} cặp trong bảng (bấm ô đầu dòng để chọn).")
        note = st.text_input("Ghi chú (vì sao là hai người khác nhau)", key="double_note",
                             placeholder="ví dụ: khác năm sinh, khác phòng")  # fmt: skip
        if st.form_submit_button("Là hai người/tập thể khác nhau", disabled=not rows):
            chosen = table[rows]
            said = [
                (
                    r["pair_key"],
                    r["unit_name"],
                    f"{r['recipient_name']} ({r['decision_a']} / {r['decision_b']})",
                )
                for r in chosen.iter_rows(named=True)
            ]
            with writing_from_page():
                done(upload.mark_different(master, said, note.strip() or None, account))


def reviewed_pairs(pairs: pl.DataFrame, master: Warehouse, account: Account) -> None:
    if pairs.height == 0:
        return
    with st.expander(f"Đã rà soát: {pairs.height} cặp là hai người/tập thể khác nhau"):
        table = shown(pairs).with_columns(
            pl.col("reviewed_at").map_elements(local_time, return_dtype=pl.String)
        )
        show_table(table, {**HEADERS, "note": "Ghi chú", "reviewed_by": "Người rà soát",
                           "reviewed_at": TIME_HEADER})  # fmt: skip
        labels = {
            f"{r['recipient_name']} — {r['decision_a']} / {r['decision_b']}": r["pair_key"]
            for r in table.iter_rows(named=True)
        }
        with st.form("double_reopen"):
            back = st.selectbox("Bỏ ghi nhận cặp", list(labels), key="double_back")
            if st.form_submit_button("Bỏ ghi nhận") and back:
                with writing_from_page():
                    done(upload.take_back(master, labels[back], back, account))
