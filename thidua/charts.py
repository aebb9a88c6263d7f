"""Plotly figures with one house style: large Vietnamese labels, readable on a
projector, numbers written the Vietnamese way."""

from __future__ import annotations

import re
import textwrap
from datetime import date

import plotly.graph_objects as go
import polars as pl

from thidua.dossiers import TIMELINESS_NAMES
from thidua.formatting import number, percent
from thidua.literal import from_plotly, plotly
from thidua.reference import (
    BLOC_ROLE_NAMES,
    CAMPAIGN_KIND_NAMES,
    KIND_NAMES,
    LEADER_CLASS_NAMES,
    ROLE_SIGNS,
)

BLUE = "#1f5fa8"
GREY = "#a9b4c2"
HOUSEHOLD_COLOUR = "#d4a017"
RED = "#c0392b"
LEVEL_COLOURS = {"state": "#b8860b", "province": BLUE, "unit": "#5b8fc9"}
LEVEL_NAMES = {"state": "Cấp Nhà nước", "province": "Cấp tỉnh", "unit": "Cấp cơ sở"}


# No automargin: with it Plotly draws each figure, measures its labels and draws it again,
# which made the leaders' page 0,5 s slower in the browser. _margins computes them instead.
# Numbers on axes as in the tables, "5.000" (Plotly's default wrote "5k"; with layout
# separators ",." the d3 format ",~f" groups thousands with "." and trims zeros).
_AXIS = {"gridcolor": "#EBF0F8", "linecolor": "#EBF0F8", "zerolinecolor": "#EBF0F8",
         "zerolinewidth": 2, "ticks": "", "automargin": False, "tickformat": ",~f"}  # fmt: skip
# The look of plotly_white, but only the layout it needs: plotly_white's full template
# (defaults for every trace type) was copied into each figure and sent with it.
HOUSE_TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"color": "#2a3f5f"},
        "xaxis": _AXIS,
        "yaxis": _AXIS,
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "colorway": [BLUE, "#b8860b", "#5b8fc9", "#2e8b57", RED, "#7f8c8d"],
    }  # fmt: skip
)


FONT_SIZE = 14


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 18}},
        template=HOUSE_TEMPLATE,
        height=height,
        font={"family": "Noto Sans, Arial, sans-serif", "size": FONT_SIZE},
        separators=",.",
        dragmode=False,
    )
    if fig.layout.legend.orientation is None:  # the chart did not place its legend: below it
        fig.update_layout(
            legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0}
        )
    margins = _margins(fig)
    if "<br>" in title:  # a title on two lines (_titled)
        margins["t"] += 20
    fig.update_layout(margin=margins)
    return fig


# Widths of a 14 px sans-serif letter, as a share of the size: enough to keep the longest
# unit or award name clear of the edge without measuring it in the browser.
_NARROW, _WIDE = set("iljtfrI.,:;'!|()[] "), set("mwMWĐDGHNOQUCÂĂÔƠƯ%")


def _titled(title: str, scope: str) -> str:
    """A chart's title with what it counts (Filters.scope: the years, a unit or bloc chosen):
    a chart saved as a picture or shown without its page's filters still says it."""
    # The scope names a unit or bloc from the files: as text, never Plotly's markup (a unit
    # named «<a href=…>» made the title a link). A long one (several awards chosen) goes on
    # a second line: a title runs on one line past the chart's edge.
    if not scope:
        return title
    if len(title) + len(scope) > _ONE_LINE_TITLE:
        return f"{title}<br>{plotly(scope)}"
    return f"{title}, {plotly(scope)}"


# Letters of an 18 px title that fit beside the toolbar on a 1366 px laptop (about 700 px).
_ONE_LINE_TITLE = 72


def text_px(text: str, size: int = FONT_SIZE) -> int:
    """About how wide `text` is drawn, in pixels (a little generous)."""
    width = sum(0.3 if ch in _NARROW else 0.8 if ch in _WIDE else 0.58 for ch in text)
    return round(width * size)


def _margins(fig: go.Figure) -> dict[str, int]:
    """Room for the tick labels and axis titles, computed from the figure's own labels."""
    layout = fig.layout
    if not any(trace.type in ("bar", "scatter") for trace in fig.data):
        return {"l": 10, "r": 10, "t": 60, "b": 10}  # a treemap: no axes
    y_titled = bool(layout.yaxis.title.text)
    x_titled = bool(layout.xaxis.title.text)
    categories = [str(v) for t in fig.data if getattr(t, "orientation", None) == "h" for v in t.y]
    # Horizontal bars have their category names left of the axis; else numbers ("12.000", "100%").
    lines = [line for v in categories for line in v.split("<br>")]  # a label on two lines
    left = max((text_px(v) + 16 for v in lines), default=60) + (26 if y_titled else 0)
    bottom, right = 32 + (28 if x_titled else 0), 30
    names = [str(t.name) for t in fig.data if t.name and t.showlegend is not False]
    if layout.showlegend is not False and len(names) > 1:
        if layout.legend.orientation == "h":  # a row along the bottom edge
            bottom += 40
        else:  # a column right of the plot
            right = max(text_px(n) for n in names) + 60
    return {"l": left, "r": right, "t": 60, "b": bottom}


def _labels(values: pl.Series | list[str | None]) -> list[str | None]:
    """Values from the warehouse as Plotly labels: shown as typed, never as Plotly's HTML
    (a unit named «<a href=…>» is text, not a link); an empty value stays empty."""
    return [None if v is None else plotly(v) for v in values]


def _label_rows(frame: pl.DataFrame) -> list[tuple[object, ...]]:
    """The frame's rows for a trace's customdata (read by its hovertemplate), the text in
    them as Plotly labels; dates and numbers as they are."""
    return [tuple(plotly(v) if isinstance(v, str) else v for v in row) for row in frame.iter_rows()]


def clicked(point: dict[str, object], axis: str = "y") -> str:
    """The value (a unit's or award's name) behind the bar or point a reader clicked."""
    return from_plotly(point.get(axis))


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
            x=_labels(part["kind_name"]),
            y=part["awards"].to_list(),
            marker_color=colour,
            text=[number(v) for v in part["awards"]],
            textposition="outside",
            hovertemplate="%{x}: %{y:,.0f} lượt<extra>Năm " + str(shown) + "</extra>",
        )
    fig.update_yaxes(title="Số lượt khen thưởng", range=_room_for_labels(by_kind["awards"]))
    return _layout(fig, f"Khen thưởng theo đối tượng, {year} so với {year - 1}", 380)


def form_bars(by_form: pl.DataFrame, year: int) -> go.Figure:
    """Awards by award code, largest first, each in its award's colour (the same on every page)."""
    ordered = by_form.filter(pl.col("awards") > 0).sort("awards")
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=_labels(ordered["form_name"]),
            x=ordered["awards"].to_list(),
            marker_color=[FORM_COLOURS.get(c, GREY) for c in ordered["form_code"]],
            text=[number(v) for v in ordered["awards"]],
            textposition="outside",
            customdata=ordered.select("awards_previous", "form_code").rows(),
            hovertemplate="%{y}: %{x:,.0f} lượt (năm trước %{customdata[0]:,.0f})<extra></extra>",
        )
    )
    fig.update_yaxes(categoryorder="array", categoryarray=_labels(ordered["form_name"]))
    fig.update_xaxes(title="Số lượt khen thưởng", range=_room_for_labels(ordered["awards"]))
    fig.update_layout(showlegend=False)
    return _layout(
        fig, f"Khen thưởng theo hình thức, năm {year}", 120 + 34 * max(ordered.height, 3)
    )


# One colour per award code and per bloc, the same on every page.
FORM_COLOURS = {
    "CSTD_TQ": "#7f3c00", "CSTD_TINH": "#c45a00", "CSTD_CS": "#f28e2b", "LDTT": "#ffbe7d",
    "CO_CP": "#8c1c13", "CO_TINH": "#d62728", "TTLDXS": "#e377c2", "TTLDTT": "#f7b6d2",
    "HUAN_CHUONG": "#b8860b", "HUY_CHUONG": "#d4af37", "DH_VINH_DU": "#8c564b", "GIAI_THUONG": "#5a3d2b",
    "BK_TTG": "#17375e", "BK_TINH": "#1f5fa8", "KY_NIEM_CHUONG": "#17becf", "GIAY_KHEN": "#59a14f",
}  # fmt: skip
_BLOC_PALETTE = ["#1f5fa8", "#59a14f", "#e15759", "#b07aa1", "#f28e2b", "#76b7b2", "#9c755f", "#edc948",
                 "#4e79a7", "#ff9da7", "#bab0ac", "#8cd17d"]  # fmt: skip
TARGET_COLOUR = "#c0392b"


def bloc_colour(bloc_name: str) -> str:
    """Stable per bloc: "Khối thi đua số 3" and "Cụm thi đua số 3" differ, the number decides the hue."""
    digits = "".join(ch for ch in bloc_name if ch.isdigit())
    index = (int(digits) if digits else sum(map(ord, bloc_name))) + (
        6 if bloc_name.startswith("Cụm") else 0
    )
    return _BLOC_PALETTE[index % len(_BLOC_PALETTE)]


# Plotly's own words (the toolbar's hints, its notices) in Vietnamese: Plotly takes a
# locale's dictionary in the chart's config, keyed by its English text.
VIETNAMESE = {
    "Download plot as a png": "Tải biểu đồ (ảnh PNG)",
    "Download plot as a PNG": "Tải biểu đồ (ảnh PNG)",
    "Fullscreen": "Toàn màn hình",
    "Exit fullscreen": "Thoát toàn màn hình",
    "Download plot": "Tải biểu đồ",
    "Zoom": "Phóng to vùng chọn",
    "Pan": "Kéo biểu đồ",
    "Box Select": "Chọn bằng khung",
    "Lasso Select": "Chọn tự do",
    "Zoom in": "Phóng to",
    "Zoom out": "Thu nhỏ",
    "Autoscale": "Vừa khít dữ liệu",
    "Reset axes": "Về như ban đầu",
    "Reset view": "Về như ban đầu",
    "Toggle Spike Lines": "Bật/tắt đường gióng",
    "Show closest data on hover": "Rê chuột: điểm gần nhất",
    "Compare data on hover": "Rê chuột: so sánh các điểm",
    "Taking snapshot - this may take a few seconds": "Đang tạo ảnh, xin chờ vài giây",
    "Snapshot succeeded": "Đã tạo ảnh",
    "Sorry, there was a problem downloading your snapshot!": "Không tạo được ảnh biểu đồ.",
    "Double-click to zoom back out": "Bấm đúp để trở lại",
    "Double-click on legend to isolate one trace": "Bấm đúp vào chú giải để chỉ xem một đường",
}
PNG_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "bieu_do_thi_dua"},
    # The toolbar keeps the picture download alone (Streamlit adds its full-screen button):
    # its zoom, pan and scale buttons ran over the end of long titles at 1366 px (the
    # leaders' year chart), and dragging to zoom a bar chart only lost a leader's view; the
    # charts take no drag (_layout's dragmode).
    "modeBarButtonsToRemove": [
        "zoom2d",
        "pan2d",
        "select2d",
        "lasso2d",
        "zoomIn2d",
        "zoomOut2d",
        "autoScale2d",
        "resetScale2d",
    ],
    "locale": "vi",
    "locales": {"vi": {"dictionary": VIETNAMESE}},  # numbers: the layout's separators
}


def bloc_bars(ranking: pl.DataFrame, bloc: str, year: int) -> go.Figure:
    """Total score per unit, best at the top; the rank, head and deputy written on each bar."""
    ordered = ranking.sort("rank", descending=True)
    # The role as one sign after the score, named once in the title: «★ khối/cụm trưởng»
    # written on the bar ran past the plot's right edge at 1366 px and lost its ★.
    marks = {role: " " + sign for role, sign in ROLE_SIGNS.items()}
    labels = [
        f"#{r} · {number(t, 1)}{marks.get(role or '', '')}"
        for r, t, role in ordered.select("rank", "total_score", "role").iter_rows()
    ]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=_labels(ordered["unit_name"]),
            x=ordered["total_score"].to_list(),
            text=labels,
            textposition="outside",
            marker_color=bloc_colour(bloc),
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.1f} điểm<extra></extra>",
        )
    )
    top = float(ordered["total_score"].max() or 100)  # type: ignore[arg-type]
    fig.update_xaxes(title="Tổng điểm", range=[0, top * 1.35])
    roles = set(ordered["role"].drop_nulls().to_list())
    legend = [
        f"{sign} {BLOC_ROLE_NAMES[role].lower()}"
        for role, sign in ROLE_SIGNS.items()
        if role in roles
    ]
    title = f"{plotly(bloc)} — xếp hạng năm {year}" + (f" ({', '.join(legend)})" if legend else "")
    return _layout(fig, title, 120 + 44 * max(ordered.height, 3))


# The bump chart's lines: a bloc's units over the years can be 16 lines, more than the
# blocs' twelve colours (the walk read 16 lines in colours it could not tell apart). Each
# line is also named at its end, in its colour. The first ten are the ten of D3's category
# scale (two reds and two greens read alike on the third walk), the next ten darker ones.
_LINE_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                 "#7f7f7f", "#bcbd22", "#17becf", "#1f3f7a", "#b35806", "#8c1c13", "#2b6f6a",
                 "#2e6b2a", "#6a3d7a", "#c2185b", "#5a3d2b", "#3d3d3d", "#8c8c00"]  # fmt: skip


def bump_chart(history: pl.DataFrame, bloc: str) -> go.Figure:
    """Each unit's rank over the years (1 at the top), the unit named at the end of its line
    («3 · Sở Y tế», its last rank) in the line's colour, instead of a legend to match."""
    fig = go.Figure()
    ends: list[str] = []
    for index, unit in enumerate(history["unit_name"].unique(maintain_order=True).to_list()):
        colour = _LINE_PALETTE[index % len(_LINE_PALETTE)]
        # A year the unit was not ranked in (not a member, no sheet) breaks its line.
        part = every_year(history.filter(pl.col("unit_name") == unit).select("year", "rank"))
        ranks = part["rank"].to_list()
        last = max(i for i, rank in enumerate(ranks) if rank is not None)
        end = f"{ranks[last]} · {plotly(unit)}"
        ends.append(end)
        fig.add_scatter(
            x=part["year"].to_list(),
            y=ranks,
            mode="lines+markers+text",
            name=plotly(unit),
            text=[end if i == last else None for i in range(len(ranks))],
            textposition="middle right",
            textfont={"color": colour},
            cliponaxis=False,
            showlegend=False,
            line={"width": 3, "color": colour},
            marker={"size": 10},
            # The name from the trace, not written into the template: a «%{…}» in a name
            # would be read as a placeholder.
            hovertemplate="%{fullData.name}: hạng %{y} năm %{x}<extra></extra>",
        )
    _mark_gaps(fig, history["year"].to_list())
    fig.update_yaxes(autorange="reversed", title="Thứ hạng", dtick=1)
    first, last = int(history["year"].min()), int(history["year"].max())  # type: ignore[arg-type]
    fig.update_xaxes(title="Năm", dtick=1, tickformat="d")
    fig = _layout(
        fig,
        f"Thứ hạng qua các năm {first}–{last} — {plotly(bloc)}",
        max(440, 140 + 30 * len(ends)),  # a line per unit
    )
    # Room right of the last year for the names written there.
    fig.update_layout(margin={"r": max(text_px(end) for end in ends) + 24})
    return fig


def composition_treemap(composition: pl.DataFrame, scope: str) -> go.Figure:
    """Level → award; area = awards. Labels carry count and share so small tiles still read."""
    by_form = _tiles(composition)
    total = int(by_form["awards"].sum()) or 1
    levels = by_form.group_by("level", maintain_order=True).agg(pl.col("awards").sum())
    # One named root: without it Plotly adds a nameless one whose hover read "-: - lượt".
    ids = ["ALL"] + [f"L:{lv}" for lv in levels["level"]] + [f"F:{c}" for c in by_form["form_code"]]
    # An award's name on lines of some 16 letters: a tall narrow tile holds it at a legible
    # size where one long line would be shrunk below 12 px and hidden.
    names = ["<br>".join(plotly(line) for line in _lines(n, 16)) for n in by_form["form_name"]]
    labels = ["Tất cả"] + [LEVEL_NAMES[lv] for lv in levels["level"]] + names
    parents = [""] + ["ALL"] * levels.height + [f"L:{lv}" for lv in by_form["level"]]
    values = [total] + levels["awards"].to_list() + by_form["awards"].to_list()
    colours = (
        ["#ffffff"]
        + [LEVEL_COLOURS[lv] for lv in levels["level"]]
        + [FORM_COLOURS[c] for c in by_form["form_code"]]
    )
    fig = go.Figure(
        go.Treemap(
            ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
            marker={"colors": colours},
            # Every tile labelled; one whose label would be under 12 px shows none
            # (layout.uniformtext: Plotly shrank such letters to a few pixels). Judged by
            # the drawn tile, not by its share: one unit's 5 % tiles are 110 px wide and
            # read well (the third walk found seven such tiles blank). small_tiles names
            # the small ones under the chart with their figures.
            texttemplate="%{label}<br>%{value:,.0f} (%{percentRoot:.1%})",
            hovertemplate="%{label}: %{value:,.0f} lượt (%{percentRoot:.1%} tổng số)<extra></extra>",
        )
    )  # fmt: skip
    fig.update_layout(uniformtext={"minsize": 12, "mode": "hide"})
    return _layout(
        fig, _titled("Cơ cấu theo cấp và hình thức", scope) + f" ({number(total)} lượt)", 520
    )


# Of all awards: below it a tile has no room for a legible label (with 2,5% here the walk
# read «Chiến sĩ thi đua cấp tỉnh 1.572 (4,1%)» in 6 px letters at 1366 px).
SMALL_TILE = 0.06


def _tiles(composition: pl.DataFrame) -> pl.DataFrame:
    """One tile per award (level, form_code, form_name, awards) and whether it is too small to
    carry its label — decided here once, for the treemap and for the line under it."""
    by_form = composition.group_by("level", "form_code", "form_name", maintain_order=True).agg(
        pl.col("awards").sum()
    )
    return by_form.with_columns(small=pl.col("awards") < SMALL_TILE * pl.col("awards").sum())


def _lines(text: str, width: int) -> list[str]:
    """`text` in lines of about `width` letters, broken between words only."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def small_tiles(composition: pl.DataFrame) -> str | None:
    """The awards whose tiles are too small to carry their label, written out for the line
    under the treemap: «Kỷ niệm chương 320 (0,8%) · …», largest first; None if there are none."""
    by_form = _tiles(composition)
    total = int(by_form["awards"].sum())
    small = by_form.filter("small").sort("awards", descending=True).select("form_name", "awards")
    if not total or small.height == 0:
        return None
    return " · ".join(
        f"{name} {number(n)} ({percent(n / total, 1)})" for name, n in small.iter_rows()
    )


# The year bars stack the three levels, bottom to top, as the treemap's inner ring names
# them: one segment per award form made sixteen segments in six families of colours the walk
# could not tell apart. Each segment's hover names the forms in it.
_TREND_LEVELS = ("unit", "province", "state")
_FORMS_IN_HOVER = 5


def trend_bars(trend: pl.DataFrame, scope: str) -> go.Figure:
    """Stacked awards per year and level (cơ sở, tỉnh, Nhà nước); a segment's hover lists its
    most given forms, a click on it names its level (customdata) for the list."""
    fig = go.Figure()
    for level in _TREND_LEVELS:
        part = trend.filter(pl.col("level") == level)
        if part.height == 0:
            continue
        per_year = (
            part.sort(["year", "awards", "form_name"], descending=[False, True, False])
            .group_by("year", maintain_order=True)
            .agg(pl.col("awards").sum().alias("total"), "form_name", pl.col("awards").alias("each"))
        )
        fig.add_bar(
            name=LEVEL_NAMES[level], x=per_year["year"].to_list(), y=per_year["total"].to_list(),
            marker_color=LEVEL_COLOURS[level],
            customdata=[level] * per_year.height,  # lets a click on a segment name its level
            hovertext=[_forms_said(names, each) for names, each in
                       zip(per_year["form_name"], per_year["each"], strict=True)],
            hovertemplate="%{fullData.name} năm %{x}: %{y:,.0f} lượt<br>%{hovertext}<extra></extra>",
        )  # fmt: skip
    _mark_gaps(fig, trend["year"].to_list())
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(title="Năm quyết định", dtick=1, tickformat="d")
    fig.update_yaxes(title="Số lượt khen thưởng")
    return _layout(fig, _titled("Khen thưởng theo năm và cấp khen thưởng", scope), 480)


def _forms_said(names: pl.Series, each: pl.Series) -> str:
    """«Giấy khen 1.234<br>Bằng khen … 567<br>… và 3 hình thức khác 12» for a hover."""
    said = [f"{plotly(n)} {number(k)}" for n, k in zip(names, each, strict=True)]
    if len(said) > _FORMS_IN_HOVER:
        rest = sum(each[_FORMS_IN_HOVER:])
        left = len(said) - _FORMS_IN_HOVER
        said = [*said[:_FORMS_IN_HOVER], f"và {left} hình thức khác {number(rest)}"]
    return "<br>".join(said)


def top_units_bars(top_units: pl.DataFrame, scope: str) -> go.Figure:
    ordered = top_units.sort("awards")
    fig = go.Figure()
    # Collectives and households as the headline counts define them (_counts.sql); a
    # household segment only when some unit has one.
    segments = [
        ("individuals", KIND_NAMES["individual"], BLUE),
        ("collectives", KIND_NAMES["collective"], GREY),
    ]
    if "households" in ordered.columns and ordered["households"].sum() > 0:
        # Ochre, not a second grey: the walk could not tell #b9b9b9 from the collectives'.
        segments.append(("households", KIND_NAMES["household"], HOUSEHOLD_COLOUR))
    for column, label, colour in segments:
        fig.add_bar(
            name=label, orientation="h", y=_labels(ordered["unit_name"]), x=ordered[column].to_list(),
            marker_color=colour, hovertemplate="%{y}: %{x:,.0f} lượt " + label.lower() + "<extra></extra>",
        )  # fmt: skip
    # Each unit's total at the end of its bar (the third walk: a leader had to add the
    # segments up); a click on it names the unit as a click on the bar does.
    fig.add_scatter(
        x=ordered["awards"].to_list(), y=_labels(ordered["unit_name"]), mode="text",
        text=[number(n) for n in ordered["awards"]], textposition="middle right",
        hoverinfo="skip", showlegend=False, cliponaxis=False,
    )  # fmt: skip
    # Legend in the bars' order, left to right (Plotly lists stacked traces reversed).
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(title="Số lượt khen thưởng", range=_room_for_labels(ordered["awards"]))
    return _layout(
        fig,
        _titled(f"{ordered.height} đơn vị được khen nhiều nhất", scope),
        120 + 30 * max(ordered.height, 3),
    )


# Where the unit chart writes its shares: a column just right of 100%.
SHARE_COLUMN_X = 1.02


def share_by_unit_bars(by_unit: pl.DataFrame, target: float, scope: str) -> go.Figure:
    """Non-leader share per unit against the target; units below it in red. Each unit's share
    is written in a column right of 100%, in its bar's colour: written at the bar's end, the
    shares of units near the target sat on the target's line and were crossed by it."""
    ordered = by_unit.sort("non_leader_share", nulls_last=False)
    colours = [TARGET_COLOUR if below else BLUE for below in ordered["below_target"].to_list()]
    labels = _labels(ordered["unit_name"])
    fig = go.Figure(
        go.Bar(
            orientation="h", y=labels, x=ordered["non_leader_share"].to_list(),
            marker_color=colours, customdata=ordered.select("direct_workers", "individuals").rows(),
            hovertemplate="%{y}: %{customdata[0]:,.0f}/%{customdata[1]:,.0f} cá nhân (%{x:.1%})<extra></extra>",
            showlegend=False,
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=[SHARE_COLUMN_X] * ordered.height, y=labels, mode="text",
            text=ordered["non_leader_label"].to_list(), textposition="middle right",
            textfont={"color": colours}, hoverinfo="skip", showlegend=False,
        )
    )  # fmt: skip
    fig.add_vline(x=target, line_color=TARGET_COLOUR, line_dash="dash", line_width=2,
                  annotation_text=f"Mục tiêu {percent(target, 0)}", annotation_position="top")  # fmt: skip
    fig.update_xaxes(
        title="Tỷ lệ khen cá nhân là người lao động trực tiếp", tickformat=".0%",
        range=[0, SHARE_COLUMN_X + 0.13], tickvals=[0, 0.2, 0.4, 0.6, 0.8, 1],
    )  # fmt: skip
    return _layout(
        fig,
        _titled("Tỷ lệ người lao động trực tiếp theo đơn vị", scope),
        140 + 26 * max(ordered.height, 3),
    )


NO_DATA = "chưa có dữ liệu"


def year_gaps(years: list[int]) -> list[tuple[int, int]]:
    """The runs of years missing between the first and the last year that have data:
    [2006, 2018, 2019] → [(2007, 2017)]."""
    have = sorted(set(years))
    return [(a + 1, b - 1) for a, b in zip(have, have[1:], strict=False) if b - a > 1]


def every_year(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with a row of nulls for each year missing inside its range: a line drawn
    over it breaks there instead of joining 2006 to 2018 as if the years between were known."""
    if frame.height == 0:
        return frame
    first, last = int(frame["year"].min()), int(frame["year"].max())  # type: ignore[arg-type]
    years = pl.DataFrame({"year": range(first, last + 1)}, schema={"year": frame["year"].dtype})
    return years.join(frame, on="year", how="left")


def _mark_gaps(fig: go.Figure, years: list[int]) -> None:
    """Each run of years without data shaded grey and labelled «chưa có dữ liệu»."""
    for first, last in year_gaps(years):
        fig.add_vrect(
            x0=first - 0.5, x1=last + 0.5, fillcolor="#eeeeee", line_width=0, layer="below",
            annotation_text=NO_DATA, annotation_position="top",
            annotation_font={"color": "#666666", "size": 13},
        )  # fmt: skip


def non_leader_share_by_year(by_year: pl.DataFrame, target: float) -> go.Figure:
    """The leaders page's first view: the non-leader share per year against the target, each
    year's value written on its point; a year without data a shaded gap. One line, no
    legend (the title names the line and the target's): each legend entry, line and tick is
    drawn twice as the chart opens, and this chart is what every visit of the page waits for."""
    years = by_year["year"].to_list()
    by_year = every_year(by_year)
    fig = go.Figure()
    _mark_gaps(fig, years)
    _non_leader_line(fig, by_year, target)
    fig.add_hline(y=target, line_color=TARGET_COLOUR, line_dash="dash", line_width=2)
    _year_axes(fig, years)
    fig.update_layout(showlegend=False)
    title = "Tỷ lệ khen người lao động trực tiếp qua các năm — đường đỏ đứt nét: mục tiêu"
    return _layout(fig, f"{title} {percent(target, 0)}", 420)


def shares_by_year_lines(by_year: pl.DataFrame, target: float) -> go.Figure:
    """The three headline shares per year (the leaders page, on request); a year without
    data is a gap (shaded, «chưa có dữ liệu»), and a share whose base is empty (no gender,
    no type recorded) a break in its own line."""
    years = by_year["year"].to_list()
    by_year = every_year(by_year)
    fig = go.Figure()
    _mark_gaps(fig, years)
    _non_leader_line(fig, by_year, target)
    for column, label, colour in (
        ("women_share", "Nữ", "#b07aa1"),
        ("adhoc_share", "Đột xuất", "#f28e2b"),
    ):
        values = by_year[column].to_list()
        # Values on hover only (sixty labels on three lines crowded each other), and no
        # markers but for a year alone between gaps, which a line alone would not show.
        fig.add_scatter(
            x=by_year["year"].to_list(), y=values, name=label,
            mode="lines+markers" if _has_lone_value(values) else "lines",
            line={"color": colour, "width": 3},
            hovertemplate=label + " năm %{x}: %{y:.1%}<extra></extra>",
        )  # fmt: skip
    # The target is named in the legend, not written on its line: at the right end the
    # text sat on the last year's value (1366 px wide: «59%» under «Mục tiêu 60%»).
    named = f"Mục tiêu {percent(target, 0)}"
    fig.add_hline(y=target, line_color=TARGET_COLOUR, line_dash="dash", line_width=2)
    fig.add_scatter(x=[None], y=[None], mode="lines", name=named, hoverinfo="skip",
                    line={"color": TARGET_COLOUR, "dash": "dash", "width": 2})  # fmt: skip
    _year_axes(fig, years)
    return _layout(fig, "Các tỷ lệ qua các năm", 420)


def _non_leader_line(fig: go.Figure, by_year: pl.DataFrame, target: float) -> None:
    """The non-leader share, its value written on each point as measured against the target:
    a year below the target has its value under the point, clear of the target's line."""
    label = LEADER_CLASS_NAMES[False]
    values = by_year["non_leader_share"].to_list()
    fig.add_scatter(
        x=by_year["year"].to_list(), y=values, name=label, mode="lines+markers+text",
        line={"color": BLUE, "width": 3},
        text=[_against(v, target) for v in values],
        textposition=[_side(v, target) for v in values],
        hovertemplate=label + " năm %{x}: %{y:.1%}<extra></extra>",
    )  # fmt: skip


def _year_axes(fig: go.Figure, years: list[int]) -> None:
    """Shares from 0 to 100 %; the years with data and no more (2005 and 2026 were written
    around 2006-2025), no gridline per year, no axis titles (the ticks say years and per
    cents, the title says the rest), and a tick every year_step years counted back from the
    latest, which always has its own. Each tick is drawn twice as the chart opens (once
    before Streamlit has measured its width): fewer of them, a faster page."""
    fig.update_yaxes(tickformat=".0%", range=[0, 1.05])
    if years:
        fig.update_xaxes(range=[min(years) - 0.5, max(years) + 0.5], tick0=max(years))
    fig.update_xaxes(dtick=year_step(years), tickformat="d", showgrid=False)


def year_step(years: list[int]) -> int:
    """Years between two ticks: every year up to twelve, else as few as keep about twelve
    ticks (twenty years: every second year); each point still has its value and its hover."""
    if not years:
        return 1
    return max(1, -(-(max(years) - min(years) + 1) // 12))


def _has_lone_value(values: list[float | None]) -> bool:
    """Whether some value has no value beside it (a line through it draws nothing)."""
    padded = [None, *values, None]
    return any(
        value is not None and before is None and after is None
        for before, value, after in zip(padded, padded[1:], padded[2:], strict=False)
    )


def _against(share: float | None, target: float) -> str:
    """A share on the line measured against the target, as the headline figures write it
    (one decimal: the walk read «61%» on the line beside the overview's «60,6%» for the same
    year), more where that would meet the target from the other side; nothing for a year
    without data."""
    from thidua.metrics import share_against_target

    return "" if share is None else share_against_target(share, target)


def _side(share: float | None, target: float) -> str:
    return "bottom center" if share is not None and share < target else "top center"


def campaign_label(code: str, name: str | None, width: int = 44, lines: int = 2) -> str:
    """«28/KH-UBND · Cả nước chung tay vì người nghèo -\nKhông để ai bị bỏ lại phía sau”»: a
    plan number alone says nothing to a leader reading the chart, and names that differ
    only past their first words (two plans «Lập thành tích chào mừng Đại hội Đảng bộ…») must
    not read alike: up to two lines of `width` characters (a newline between), the rest cut;
    on one line (`lines=1`, the timeline: a second line costs its first view ~0,04× of the
    page budget) the middle is cut and the end kept, where such names differ. The whole
    name is on hover."""
    # Every name starts "Phong trào thi đua …" on a page of campaigns: what follows tells them apart.
    told = _CAMPAIGN_WORDS.sub("", name or "").strip()
    if not told:
        return code
    told = told[0].upper() + told[1:]  # «phòng, chống dịch…» → «Phòng, chống dịch…»
    text = f"{code} · {told}"
    if lines == 1:
        if len(text) <= width:
            return text
        head = text[: width * 3 // 5].rsplit(" ", 1)[0]
        tail = text[len(text) - (width - len(head) - 1) :].split(" ", 1)[-1]
        return f"{head} … {tail}"
    first, *rest = textwrap.wrap(text, width, break_long_words=False) or [code]
    second = " ".join(rest)
    if len(second) > width:
        second = second[: width - 1].rstrip() + "…"
    return f"{first}\n{second}" if second else first


_CAMPAIGN_WORDS = re.compile(r"^phong trào thi đua\b", re.IGNORECASE)


def _campaign_labels(campaigns: pl.DataFrame, lines: int = 2) -> pl.Series:
    """campaign_label of each row, in order, as Plotly labels, two lines broken by <br>
    (campaign_code_of reads them back); one line is as wide as the plan number and the
    42 characters the name had before."""
    width = 44 if lines == 2 else 56
    return pl.Series(
        [
            "<br>".join(plotly(line) for line in campaign_label(c, n, width, lines).split("\n"))
            for c, n in campaigns.select("campaign_code", "name").iter_rows()
        ],
        dtype=pl.String,
    )


def campaign_code_of(label: str, campaigns: pl.DataFrame) -> str | None:
    """The plan number behind a clicked bar's label (campaign_label)."""
    codes = dict(zip(_campaign_labels(campaigns), campaigns["campaign_code"], strict=True))
    return codes.get(label)


def campaign_timeline(campaigns: pl.DataFrame, today: date | None = None) -> go.Figure:
    """Each campaign's period as a bar, named by its plan number and name; its registration
    deadline as a diamond; `today` a dotted line, when it falls within the periods shown, so
    a leader sees which campaigns are running now."""
    import datetime as dt

    rows = campaigns.filter(pl.col("start_date").is_not_null() & pl.col("end_date").is_not_null())
    rows = rows.with_columns(label=_campaign_labels(rows, lines=1))
    colours = {"regular": BLUE, "thematic": "#59a14f", "special": "#f28e2b"}
    fig = go.Figure()
    for kind, colour in colours.items():
        label = CAMPAIGN_KIND_NAMES[kind]
        part = rows.filter(pl.col("kind") == kind)
        if part.height == 0:
            continue
        starts = part["start_date"].to_list()
        days = [
            (end - start + dt.timedelta(days=1)).days * 86_400_000
            for start, end in zip(starts, part["end_date"], strict=True)
        ]
        fig.add_bar(
            name=label, orientation="h", base=starts, x=days, y=part["label"].to_list(), marker_color=colour,
            customdata=_label_rows(part.select("campaign_code", "name", "start_date", "end_date")),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<br>%{customdata[2]|%d/%m/%Y} – %{customdata[3]|%d/%m/%Y}<extra></extra>",
        )  # fmt: skip
    deadlines = rows.filter(pl.col("registration_deadline").is_not_null())
    fig.add_scatter(
        name="Hạn đăng ký", mode="markers", x=deadlines["registration_deadline"].to_list(),
        y=deadlines["label"].to_list(), marker={"symbol": "diamond", "size": 12, "color": TARGET_COLOUR},
        customdata=_labels(deadlines["campaign_code"]),
        hovertemplate="%{customdata}: hạn đăng ký %{x|%d/%m/%Y}<extra></extra>",
    )  # fmt: skip
    fig.update_xaxes(type="date", tickformat="%m/%Y", title="Thời gian")
    fig.update_yaxes(autorange="reversed", title=None, type="category")
    if today is not None and any(
        start <= today <= end
        for start, end in zip(rows["start_date"], rows["end_date"], strict=True)
    ):
        # A shape and an annotation, not add_vline: its annotation fails on a date axis.
        fig.add_shape(
            type="line",
            x0=today,
            x1=today,
            yref="paper",
            y0=0,
            y1=1,
            line={"color": "#333333", "dash": "dot", "width": 2},
        )
        fig.add_annotation(x=today, yref="paper", y=1, yanchor="bottom", showarrow=False,
                           text=f"Hôm nay {today:%d/%m/%Y}", font={"color": "#333333"})  # fmt: skip
    return _layout(
        fig, "Các phong trào thi đua: thời gian và hạn đăng ký", 140 + 34 * max(rows.height, 3)
    )


def campaign_awards_bars(campaigns: pl.DataFrame, scope: str) -> go.Figure:
    """Awards per campaign, each bar named as on the timeline (campaign_code_of reads a click)."""
    ordered = campaigns.filter(pl.col("awards") > 0).sort("awards")
    fig = go.Figure(
        go.Bar(
            orientation="h", x=ordered["awards"].to_list(),
            y=_campaign_labels(ordered).to_list(),
            marker_color=BLUE, text=[number(v) for v in ordered["awards"]], textposition="outside",
            customdata=_label_rows(ordered.select("campaign_code", "name")),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<br>%{x:,.0f} lượt<extra></extra>",
        )
    )  # fmt: skip
    fig.update_xaxes(
        title="Số lượt khen thưởng gắn với phong trào", range=_room_for_labels(ordered["awards"])
    )
    # A gap between a two-line name and its bar (the label touched the bar's edge).
    fig.update_yaxes(type="category", ticklabelstandoff=8)
    return _layout(
        fig, _titled("Khen thưởng theo phong trào", scope), 120 + 46 * max(ordered.height, 3)
    )


# Early, on the day, late: the one reading of a dossier's answer (thidua.dossiers).
TIMELINESS_COLOURS = {"early": "#2e8b57", "on_time": "#5b8fc9", "late": RED}


def dossier_years_bars(by_year: pl.DataFrame) -> go.Figure:
    """Dossiers answered each year (the year first received), stacked early / on the
    appointment day / late, with the on-time rate written above each bar."""
    fig = go.Figure()
    years = by_year["year"].to_list()
    for key, colour in TIMELINESS_COLOURS.items():
        fig.add_bar(
            name=TIMELINESS_NAMES[key], x=years, y=by_year[key].to_list(), marker_color=colour,
            hovertemplate="%{fullData.name} năm %{x}: %{y:,.0f} hồ sơ<extra></extra>",
        )  # fmt: skip
    answered = by_year["answered"].to_list()
    rates = by_year["on_time_rate"].to_list()
    fig.add_scatter(
        x=years, y=answered, mode="text", showlegend=False, hoverinfo="skip",
        text=["" if r is None else percent(r, 1) for r in rates], textposition="top center",
    )  # fmt: skip
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="Năm tiếp nhận hồ sơ", dtick=1, tickformat="d")
    fig.update_yaxes(title="Số hồ sơ đã trả kết quả", range=[0, max(answered or [1]) * 1.15])
    return _layout(
        fig, "Hồ sơ trả kết quả trước hạn, đúng hạn, trễ hạn (tỷ lệ đúng hạn ở đầu cột)", 440
    )
