"""Plotly figures with one house style: large Vietnamese labels, readable on a
projector, numbers written the Vietnamese way."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from thidua.formatting import number

BLUE = "#1f5fa8"
GREY = "#a9b4c2"
RED = "#c0392b"
LEVEL_COLOURS = {"state": "#b8860b", "province": BLUE, "unit": "#5b8fc9"}
LEVEL_NAMES = {"state": "Cấp Nhà nước", "province": "Cấp tỉnh", "unit": "Cấp cơ sở"}


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 18}},
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 30, "t": 60, "b": 10},
        font={"family": "Noto Sans, Arial, sans-serif", "size": 14},
        separators=",.",
        legend={"orientation": "h", "y": -0.12},
    )
    return fig


def _room_for_labels(values: pl.Series) -> list[float]:
    """An axis from 0 with room past the longest bar for its value label."""
    top = float(values.cast(pl.Float64).max() or 0.0)  # type: ignore[arg-type]
    return [0.0, max(top, 1.0) * 1.18]


def kind_bars(by_kind: pl.DataFrame, year: int) -> go.Figure:
    """Awards by recipient kind, this year beside last year."""
    fig = go.Figure()
    for shown, colour in ((year - 1, GREY), (year, BLUE)):
        part = by_kind.filter(pl.col("year") == shown)
        if part.height == 0:
            continue
        fig.add_bar(
            name=f"Năm {shown}",
            x=part["kind_name"].to_list(),
            y=part["awards"].to_list(),
            marker_color=colour,
            text=[number(v) for v in part["awards"]],
            textposition="outside",
            hovertemplate="%{x}: %{y:,.0f} lượt<extra>Năm " + str(shown) + "</extra>",
        )
    fig.update_yaxes(title="Số lượt khen thưởng", range=_room_for_labels(by_kind["awards"]))
    return _layout(fig, f"Khen thưởng theo đối tượng, {year} so với {year - 1}", 380)


def form_bars(by_form: pl.DataFrame, year: int) -> go.Figure:
    """Awards by award code, largest first, coloured by level."""
    ordered = by_form.filter(pl.col("awards") > 0).sort("awards")
    fig = go.Figure()
    for level, colour in LEVEL_COLOURS.items():
        part = ordered.filter(pl.col("level") == level)
        if part.height == 0:
            continue
        fig.add_bar(
            name=LEVEL_NAMES[level],
            orientation="h",
            y=part["form_name"].to_list(),
            x=part["awards"].to_list(),
            marker_color=colour,
            text=[number(v) for v in part["awards"]],
            textposition="outside",
            customdata=part["awards_previous"].to_list(),
            hovertemplate="%{y}: %{x:,.0f} lượt (năm trước %{customdata:,.0f})<extra></extra>",
        )
    fig.update_yaxes(categoryorder="array", categoryarray=ordered["form_name"].to_list())
    fig.update_xaxes(title="Số lượt khen thưởng", range=_room_for_labels(ordered["awards"]))
    return _layout(
        fig, f"Khen thưởng theo hình thức, năm {year}", 120 + 34 * max(ordered.height, 3)
    )
