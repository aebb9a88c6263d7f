"""Xếp hạng khối thi đua: one bloc in one year, then one tab at a time — its ranking, its
score table, its history, all blocs' leaders."""

from __future__ import annotations

import polars as pl
import streamlit as st

from thidua import charts, reports
from thidua import formatting as fmt
from thidua.literal import markdown as md
from thidua.reference import BLOC_ROLE_NAMES
from ui.bloc_panels import bloc_leaders, choose_bloc, ranking_bars, score_table
from ui.data import cached, connection
from ui.figures import chart
from ui.filters import current_filters
from ui.layout import no_data, open_tab

con = connection()
filters = current_filters()
st.title("Xếp hạng khối, cụm thi đua")
available = cached(reports.bloc_years)
if filters.year_from is not None:
    available = available.filter(pl.col("year").is_between(filters.year_from, filters.year_to))
if available.height == 0:
    no_data("Chưa có bảng chấm điểm khối, cụm thi đua nào trong khoảng năm đang chọn.")
    st.stop()

year, bloc = choose_bloc(available, filters.bloc)
view = cached(reports.bloc_ranking, year, bloc)
ranking = view.ranking

leader = ranking.row(0, named=True)
head = ranking.filter(pl.col("role") == "head")["unit_name"].to_list()
deputy = ranking.filter(pl.col("role") == "deputy")["unit_name"].to_list()
st.markdown(
    f"**{md(leader['unit_name'])}** dẫn đầu {md(bloc)} năm {year} với **{fmt.number(leader['total_score'], 1)} điểm**"
    f" ({ranking.height} đơn vị)."
    + (f" {BLOC_ROLE_NAMES['head']}: {md(head[0])}." if head else "")
    + (f" {BLOC_ROLE_NAMES['deputy']}: {md(deputy[0])}." if deputy else "")
)
RANKING, SCORES, HISTORY, LEADERS = (
    "Xếp hạng",
    "Bảng điểm",
    "Thứ hạng qua các năm",
    "Dẫn đầu các khối, cụm",
)
shown, panel = open_tab([RANKING, SCORES, HISTORY, LEADERS], key="bloc_tab", url="the")
with panel:
    if shown == RANKING:
        ranking_bars(con, filters, ranking, bloc, year)
    elif shown == SCORES:
        score_table(ranking, bloc, year)
    elif shown == HISTORY:
        history = cached(reports.bloc_rank_history, year, bloc)
        if history["year"].n_unique() > 1:
            chart(charts.bump_chart, history, bloc, key="bump")
            st.caption(
                f"Các đơn vị của {md(bloc)} năm {year}, với thứ hạng của từng năm trước: đơn vị "
                "đã rời khối không được vẽ, nên một năm có thể thiếu vài thứ hạng."
            )
        else:
            no_data(f"{md(bloc)} mới có bảng chấm điểm của một năm.")
    else:
        bloc_leaders(year)
