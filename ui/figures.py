"""Figures of thidua.charts drawn on a page: built once per distinct data and kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from thidua import charts, reports
from thidua.literal import markdown as md
from ui.data import VERSIONED_CACHES, cached

# The figures a page may draw, by name: built once per distinct data and kept (building one
# validates every property, 30 ms of each page load), the same object for every reader.
FIGURES: dict[str, Callable[..., Any]] = {
    f.__name__: f
    for f in (
        charts.kind_bars, charts.form_bars, charts.bloc_bars, charts.bump_chart,
        charts.composition_treemap, charts.trend_bars, charts.top_units_bars,
        charts.share_by_unit_bars, charts.non_leader_share_by_year, charts.shares_by_year_lines,
        charts.campaign_timeline, charts.campaign_awards_bars, charts.dossier_years_bars,
    )
}  # fmt: skip


@st.cache_resource(max_entries=128, show_spinner=False)
def _figure(name: str, args: tuple[Any, ...]) -> Any:
    return FIGURES[name](*args)


# Built from one snapshot's figures, these are emptied with the results at a newer one: the
# load test saw an analyst's undo-and-reimport turns fill all 128 with figures of data no
# page would show again (+110 MB after 36 writes).
VERSIONED_CACHES.update(figures=_figure)


def chart(
    build: Callable[..., Any], *args: Any, key: str, on_select: bool = False
) -> list[dict[str, object]]:
    """Draw build(*args), a figure of thidua.charts, in our own template with a PNG download
    in its toolbar; returns the points the reader clicked when the chart is selectable."""
    if FIGURES.get(build.__name__) is not build:
        raise ValueError(f"{build.__name__} is not a figure of thidua.charts")
    fig = _figure(build.__name__, args)
    if not on_select:
        st.plotly_chart(fig, theme=None, width="stretch", config=charts.PNG_CONFIG, key=key)
        return []
    event = st.plotly_chart(
        fig, theme=None, width="stretch", config=charts.PNG_CONFIG, key=key,
        on_select="rerun", selection_mode="points",
    )  # fmt: skip
    try:
        return list(event["selection"]["points"])
    except (KeyError, TypeError):
        return []


def merged_units_note(names: list[str]) -> None:
    """Under a chart of units: those among `names` merged into another since, each with the
    unit it is now — their awards before the merger keep the name they were given under."""
    into: dict[str, list[str]] = {}
    for old, now in reports.merged_among(names, cached(reports.units_now)):
        into.setdefault(now, []).append(old)
    if into:
        st.caption(
            "Đơn vị đã sáp nhập (khen thưởng trước sáp nhập giữ tên cũ): "
            + "; ".join(f"{', '.join(md(o) for o in olds)} → nay là {md(now)}"
                        for now, olds in sorted(into.items()))
            + "."
        )  # fmt: skip
