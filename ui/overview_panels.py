"""The overview page's headline: four figures of the year against the year before, and a
line of counts saying what each share is read over."""

from __future__ import annotations

import streamlit as st

from thidua import formatting as fmt
from thidua import metrics
from thidua.metrics import YearFigures
from ui.kpis import Kpi, kpi_row


def headline(now: YearFigures, before: YearFigures | None, year: int) -> None:
    than = f"so với {year - 1}"

    def points(a: float | None, b: float | None) -> str | None:
        text = fmt.points(metrics.change(a, b))
        return f"{text} {than}" if text and before else None

    was = before or now  # no delta is written without the year before
    kpi_row(
        [
            Kpi(
                "Tổng số lượt khen thưởng",
                fmt.number(now.awards),
                f"{fmt.signed(metrics.change(now.awards, was.awards))} {than}" if before else None,
                help="Mọi hình thức, cá nhân, tập thể và hộ gia đình, theo năm ra quyết định.",
            ),
            Kpi(
                "Tỷ lệ khen người lao động trực tiếp",
                fmt.percent(now.non_leader_share),
                points(now.non_leader_share, was.non_leader_share),
                help="Số lượt khen cá nhân không giữ chức vụ lãnh đạo (từ Phó Trưởng phòng trở "
                "lên) ÷ tổng số lượt khen cá nhân. Tập thể và hộ gia đình không tính.",
            ),
            Kpi(
                "Tỷ lệ nữ trong khen thưởng cá nhân",
                fmt.percent(now.women_share),
                points(now.women_share, was.women_share),
                help="Số lượt khen cá nhân là nữ ÷ số lượt khen cá nhân có ghi giới tính.",
            ),
            Kpi(
                "Tỷ lệ khen thưởng đột xuất",
                fmt.percent(now.adhoc_share),
                points(now.adhoc_share, was.adhoc_share),
                help="Số lượt khen đột xuất ÷ số lượt khen có ghi loại hình (thường xuyên, đột "
                "xuất); danh sách không có cột loại hình không tính.",
            ),
        ]
    )
    st.caption(" · ".join(_counts(now, before, year)))


def _counts(now: YearFigures, before: YearFigures | None, year: int) -> list[str]:
    notes = [
        f"{fmt.number(now.individuals)} cá nhân, {fmt.number(now.collectives)} tập thể, "
        f"{fmt.number(now.households)} hộ gia đình",
        f"{fmt.number(now.direct_workers)} lượt khen người lao động trực tiếp, "
        f"{fmt.number(now.leaders)} lượt khen lãnh đạo",
    ]
    if now.unclassified:
        notes.append(
            f"{fmt.number(now.unclassified)} lượt khen cá nhân chưa xác định được chức vụ "
            "(không tính là người lao động trực tiếp)"
        )
    if now.individuals and now.with_gender < now.individuals:
        notes.append(
            f"{fmt.number(now.individuals - now.with_gender)} lượt khen cá nhân không ghi giới tính"
        )
    if now.with_type < now.awards:
        # The ad-hoc share is read over the awards whose list says regular or ad hoc.
        notes.append(f"{fmt.number(now.awards - now.with_type)} lượt khen không ghi loại hình")
    if before is None:
        notes.append(f"chưa có dữ liệu năm {year - 1} để so sánh")
    return notes
