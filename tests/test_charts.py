"""Chart layout without the browser's automargin pass: the margins computed from the labels
must still hold them."""

from __future__ import annotations

import polars as pl

from thidua import charts

LONG = "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh"


def _by_unit() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "unit_name": [LONG, "Sở Y tế"],
            "non_leader_share": [0.4, 0.7],
            "below_target": [True, False],
            "non_leader_label": ["40,0%", "70,0%"],
            "direct_workers": [4, 7],
            "individuals": [10, 10],
        }
    )


def test_no_axis_asks_the_browser_for_a_second_layout_pass() -> None:
    fig = charts.share_by_unit_bars(_by_unit(), 0.6, "")
    for axis in ("xaxis", "yaxis"):
        own = fig.layout[axis].automargin
        assert (fig.layout.template.layout[axis].automargin if own is None else own) is False


def test_left_margin_holds_the_longest_unit_name() -> None:
    fig = charts.share_by_unit_bars(_by_unit(), 0.6, "")
    # 72 letters of 14 px text take well over 6 px each; the short name alone would need ~50 px.
    assert fig.layout.margin.l >= 6 * len(LONG)
    short = charts.share_by_unit_bars(_by_unit().filter(pl.col("unit_name") == "Sở Y tế"), 0.6, "")
    assert short.layout.margin.l < fig.layout.margin.l / 3


def test_a_legend_below_gets_its_own_row() -> None:
    by_kind = pl.DataFrame(
        {"year": [2024, 2025], "kind_name": ["Cá nhân", "Cá nhân"], "awards": [3, 4]}
    )
    fig = charts.kind_bars(by_kind, 2025)
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.yref == "container"
    without_legend = charts.kind_bars(by_kind.filter(pl.col("year") == 2025), 2025)
    assert fig.layout.margin.b >= without_legend.layout.margin.b + 30


def test_campaign_timeline_names_each_plan() -> None:
    """Rows say the plan number and (the start of) its name; the whole name is on hover."""
    import datetime as dt

    name = "Phong trào thi đua «Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau»"
    frame = pl.DataFrame(
        {
            "campaign_code": ["28/KH-UBND", "52/KH-UBND"],
            "name": [name, "Thi đua yêu nước"],
            "kind": ["regular", "thematic"],
            "start_date": [dt.date(2021, 1, 1), dt.date(2022, 3, 1)],
            "end_date": [dt.date(2025, 12, 31), dt.date(2022, 12, 31)],
            "registration_deadline": [None, dt.date(2022, 4, 1)],
        }
    )
    fig = charts.campaign_timeline(frame)
    bars = {label: trace for trace in fig.data if trace.type == "bar" for label in trace.y}
    assert set(bars) == {
        # «Phong trào thi đua» is said by the page; the rest on one line of 56 characters,
        # its middle cut and its end kept (where names alike at first differ)
        "28/KH-UBND · «Cả nước chung tay … ai bị bỏ lại phía sau»",
        "52/KH-UBND · Thi đua yêu nước",
    }
    [first] = [t for t in fig.data if t.type == "bar" and t.y[0].startswith("28/")]
    assert list(first.customdata[0][:2]) == ["28/KH-UBND", name]
    # Today as a dotted line, said above the chart, while a campaign runs (the walk: a leader
    # could not see which campaigns are running now); none when none is.
    assert not fig.layout.shapes
    running = charts.campaign_timeline(frame, dt.date(2024, 6, 1))
    [line] = running.layout.shapes
    assert (line.x0, line.x1, line.line.dash) == (dt.date(2024, 6, 1), dt.date(2024, 6, 1), "dot")
    assert [a.text for a in running.layout.annotations] == ["Hôm nay 01/06/2024"]
    assert not charts.campaign_timeline(frame, dt.date(2026, 12, 5)).layout.shapes
    [deadline] = [t for t in fig.data if t.type == "scatter"]
    assert list(deadline.y) == ["52/KH-UBND · Thi đua yêu nước"]
    # The axis is wide enough for the longest line (computed margins, no automargin).
    widest = max((line for label in bars for line in label.split("<br>")), key=len)
    assert fig.layout.margin.l >= 7 * len(widest) * 0.8


def test_two_campaigns_alike_in_their_first_words_read_apart() -> None:
    """The walk found 18/KH and 12/KH both cut to «Lập thành tích chào mừng Đại hội Đảng
    bộ…»: on the awards' chart their second lines tell them apart, on the timeline their
    ends."""
    import datetime as dt

    frame = pl.DataFrame(
        {
            "campaign_code": ["18/KH-UBND", "12/KH-UBND"],
            "name": [
                "Phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh lần thứ XI",
                "Phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030",
            ],
            "awards": [5, 7],
        }
    )
    [bars] = charts.campaign_awards_bars(frame, "").data
    assert sorted(bars.y) == [
        "12/KH-UBND · Lập thành tích chào mừng Đại<br>hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030",
        "18/KH-UBND · Lập thành tích chào mừng Đại<br>hội Đảng bộ tỉnh lần thứ XI",
    ]
    dated = frame.with_columns(
        kind=pl.lit("special"),
        start_date=pl.lit(dt.date(2020, 1, 1)),
        end_date=pl.lit(dt.date(2020, 12, 31)),
        registration_deadline=pl.lit(None, dtype=pl.Date),
    )
    rows = {y for t in charts.campaign_timeline(dated).data if t.type == "bar" for y in t.y}
    assert rows == {
        "18/KH-UBND · Lập thành tích chào … bộ tỉnh lần thứ XI",
        "12/KH-UBND · Lập thành tích chào … nhiệm kỳ 2025 - 2030",
    }


def test_a_clicked_campaign_bar_gives_back_its_plan_number() -> None:
    frame = pl.DataFrame(
        {
            "campaign_code": ["28/KH-UBND", "52/KH-UBND", "7/KH-UBND"],
            "name": ["Phong trào thi đua «Vì người nghèo»", "Thi đua yêu nước", None],
            "awards": [12, 30, 0],
        }
    )
    fig = charts.campaign_awards_bars(frame, "năm 2024–2025")
    assert fig.layout.title.text == "Khen thưởng theo phong trào, năm 2024–2025"
    [bars] = fig.data
    assert list(bars.y) == ["28/KH-UBND · «Vì người nghèo»", "52/KH-UBND · Thi đua yêu nước"]
    assert [charts.campaign_code_of(label, frame) for label in bars.y] == [
        "28/KH-UBND",
        "52/KH-UBND",
    ]
    assert charts.campaign_code_of("7/KH-UBND", frame) == "7/KH-UBND"  # no name: the number
    assert charts.campaign_code_of("99/KH-UBND", frame) is None


def test_counts_are_grouped_by_thousands_and_years_are_not() -> None:
    """Axes write 12.000 as the tables do, but a year stays 2025 (not 2.025)."""
    years = pl.DataFrame({"year": [2024, 2025]})
    lines = charts.shares_by_year_lines(
        years.with_columns(non_leader_share=0.6, women_share=0.4, adhoc_share=0.1), 0.6
    )
    trend = charts.trend_bars(
        years.with_columns(
            form_code=pl.lit("GIAY_KHEN"),
            form_name=pl.lit("Giấy khen"),
            level=pl.lit("unit"),
            awards=12_000,
        ),
        "",
    )
    bump = charts.bump_chart(
        years.with_columns(unit_name=pl.lit("Sở Y tế"), rank=pl.Series([2, 1])), "Khối 1"
    )
    for fig in (lines, trend, bump):
        assert fig.layout.xaxis.tickformat == "d"
    own = trend.layout.yaxis.tickformat  # the counts: the template's grouping
    assert (trend.layout.template.layout.yaxis.tickformat if own is None else own) == ",~f"
    assert trend.layout.separators == ",."


def test_the_target_is_named_in_the_legend_not_on_the_values() -> None:
    """The year lines' target: a dashed line at the target, named in the legend (text on the
    line covered the last year's value), and no annotation over the plot."""
    years = pl.DataFrame({"year": [2024, 2025], "non_leader_share": [0.62, 0.59]})
    fig = charts.shares_by_year_lines(years.with_columns(women_share=0.4, adhoc_share=0.1), 0.6)
    [line] = fig.layout.shapes
    assert (line.y0, line.y1, line.line.dash) == (0.6, 0.6, "dash")
    assert not fig.layout.annotations
    assert [t.name for t in fig.data] == [
        "Người lao động trực tiếp",
        "Nữ",
        "Đột xuất",
        "Mục tiêu 60%",
    ]
    assert fig.data[3].line.dash == "dash" and list(fig.data[0].text) == ["62,0%", "59,0%"]
    # 62% above the target: its value above the point; 59% below it: under the point.
    assert list(fig.data[0].textposition) == ["top center", "bottom center"]


def test_top_units_legend_reads_in_the_bars_order() -> None:
    """Individuals are drawn first (left), so the legend names them first; households are a
    segment of their own only when some unit has one."""
    top = pl.DataFrame(
        {
            "unit_name": ["Sở Y tế", "Sở Tài chính"],
            "individuals": [30, 20],
            "collectives": [5, 9],
            "households": [0, 0],
        }
    ).with_columns(awards=pl.col("individuals") + pl.col("collectives"))
    fig = charts.top_units_bars(top, "")
    assert [t.name for t in fig.data if t.type == "bar"] == ["Cá nhân", "Tập thể"]
    with_households = charts.top_units_bars(top.with_columns(households=pl.Series([0, 4])), "")
    names = [t.name for t in with_households.data if t.type == "bar"]
    assert names == ["Cá nhân", "Tập thể", "Hộ gia đình"]
    # Each unit's total at its bar's end: 20 + 9 + 4 and 30 + 5, counted by hand.
    [totals] = [t for t in with_households.data if t.type == "scatter"]
    assert dict(zip(totals.y, totals.text, strict=True)) == {"Sở Tài chính": "29", "Sở Y tế": "35"}
    assert list(with_households.data[2].x) == [4, 0]  # Sở Tài chính (fewer awards) drawn first
    assert fig.layout.legend.traceorder == "normal"
    assert list(fig.data[0].y) == ["Sở Tài chính", "Sở Y tế"]  # the most awarded at the top


# Hand-made: data for 2006 and 2018-2019 only; no gender recorded in 2006, no award type in 2018.
GAPPED_YEARS = pl.DataFrame(
    {
        "year": [2006, 2018, 2019],
        "non_leader_share": [0.5, 0.62, 0.58],
        "women_share": [None, 0.4, 0.45],
        "adhoc_share": [0.1, None, 0.05],
    }
)


def test_years_without_data_break_the_lines_and_are_said() -> None:
    """Data for 2006 and 2018-2019 only: the lines must not join 2006 to 2018 as if the
    eleven years between were known; they are shaded and labelled «chưa có dữ liệu». A share
    with no base (no type recorded in 2018) is a break in its line, not 0 %."""
    fig = charts.shares_by_year_lines(GAPPED_YEARS, 0.6)
    lines = {t.name: t for t in fig.data if t.x and None not in t.x}
    workers = lines["Người lao động trực tiếp"]
    assert list(workers.x) == list(range(2006, 2020))
    assert list(workers.y) == [0.5] + [None] * 11 + [0.62, 0.58]
    assert workers.connectgaps is not True
    assert list(lines["Đột xuất"].y)[-2:] == [None, 0.05]
    assert [workers.text[0], workers.text[5], workers.text[-1]] == ["50,0%", "", "58,0%"]
    [gap] = [s for s in fig.layout.shapes if s.type == "rect"]
    assert (gap.x0, gap.x1) == (2006.5, 2017.5)
    assert [a.text for a in fig.layout.annotations if a.text == "chưa có dữ liệu"] == [
        "chưa có dữ liệu"
    ]


def test_the_year_lines_draw_no_more_than_says_something() -> None:
    """2006 and 2018-2019 of data: the axis spans those years and no empty year around them;
    the women's line (2018-2019) is a line without markers, while the ad-hoc share of 2006
    and of 2019, each alone between gaps, keeps its markers (a line alone shows nothing)."""
    fig = charts.shares_by_year_lines(GAPPED_YEARS, 0.6)
    modes = {t.name: t.mode for t in fig.data}
    assert modes["Người lao động trực tiếp"] == "lines+markers+text"
    assert modes["Nữ"] == "lines"
    assert modes["Đột xuất"] == "lines+markers"
    assert tuple(fig.layout.xaxis.range) == (2005.5, 2019.5)
    assert fig.layout.xaxis.showgrid is False
    assert not fig.layout.xaxis.title.text and not fig.layout.yaxis.title.text


def test_the_leaders_year_chart_is_the_share_against_the_target_alone() -> None:
    """The leaders page's first view: one line, no legend (the title names the dashed red
    target), each year's value on its point; twenty years get a tick every second year
    counted back from 2025, eight years a tick each."""
    shares = [0.55 + 0.005 * i for i in range(20)]  # 2006: 55% ... 2025: 64,5%
    twenty = pl.DataFrame({"year": list(range(2006, 2026)), "non_leader_share": shares})
    fig = charts.non_leader_share_by_year(twenty, 0.6)
    [line] = fig.data
    assert line.name == "Người lao động trực tiếp" and line.mode == "lines+markers+text"
    assert fig.layout.showlegend is False
    assert fig.layout.title.text == (
        "Tỷ lệ khen người lao động trực tiếp qua các năm — đường đỏ đứt nét: mục tiêu 60%"
    )
    [target] = fig.layout.shapes
    assert (target.y0, target.y1, target.line.dash, target.line.color) == (
        0.6, 0.6, "dash", charts.TARGET_COLOUR,
    )  # fmt: skip
    # 2006 55%, 2015 59,5% (under the line), 2016 60% (meets it), 2024 64%: one decimal,
    # as the headline figures write a share.
    assert [line.text[i] for i in (0, 9, 10, 18)] == ["55,0%", "59,5%", "60,0%", "64,0%"]
    assert [line.textposition[i] for i in (9, 10)] == ["bottom center", "top center"]
    axis = fig.layout.xaxis
    assert (axis.dtick, axis.tick0, tuple(axis.range)) == (2, 2025, (2005.5, 2025.5))
    eight = charts.non_leader_share_by_year(twenty.filter(pl.col("year") >= 2018), 0.6)
    assert (eight.layout.xaxis.dtick, eight.layout.xaxis.tick0) == (1, 2025)
    # Years without data are a shaded gap here too, the line broken over them.
    gapped = charts.non_leader_share_by_year(GAPPED_YEARS, 0.6)
    assert list(gapped.data[0].y) == [0.5] + [None] * 11 + [0.62, 0.58]
    assert [(s.x0, s.x1) for s in gapped.layout.shapes if s.type == "rect"] == [(2006.5, 2017.5)]


def test_year_gaps_are_the_runs_of_missing_years() -> None:
    assert charts.year_gaps([2019, 2006, 2018, 2021]) == [(2007, 2017), (2020, 2020)]
    assert charts.year_gaps([2020]) == []


def test_tiles_too_small_for_a_label_are_written_under_the_treemap() -> None:
    """Hand-made composition of 1.000 awards: Kỷ niệm chương (20) and Cờ (5) are under
    6 %: they are named under the chart, largest first, with figures."""
    composition = pl.DataFrame(
        {
            "level": ["unit", "unit", "province", "province"],
            "form_code": ["GIAY_KHEN", "LDTT", "KY_NIEM_CHUONG", "CO_TINH"],
            "form_name": ["Giấy khen", "Lao động tiên tiến", "Kỷ niệm chương", "Cờ thi đua"],
            "awards": [600, 375, 20, 5],
        }
    )
    assert charts.small_tiles(composition) == "Kỷ niệm chương 20 (2,0%) · Cờ thi đua 5 (0,5%)"
    assert charts.small_tiles(composition.head(2)) is None
    # Every tile is labelled; the browser hides a label that would be under 12 px, judged by
    # the drawn tile (one unit's 5 % tiles are 110 px wide and were left blank by share).
    fig = charts.composition_treemap(composition, "năm 2023 · Sở Y tế")
    assert fig.data[0].texttemplate == "%{label}<br>%{value:,.0f} (%{percentRoot:.1%})"
    assert (fig.layout.uniformtext.minsize, fig.layout.uniformtext.mode) == (12, "hide")
    assert fig.layout.title.text == "Cơ cấu theo cấp và hình thức, năm 2023 · Sở Y tế (1.000 lượt)"


def test_a_share_on_the_line_agrees_with_its_side_of_the_target() -> None:
    """Each year's share written as the headline figures write it, one decimal (whole per
    cents read «61%» beside the overview's «60,6%»); 59,96% under the 60% line is «59,96%»,
    not «60,0%»."""
    by_year = pl.DataFrame(
        {
            "year": [2021, 2022, 2023, 2024],
            "non_leader_share": [0.5996, 0.623, 0.571, 0.604],
            "women_share": [0.4] * 4,
            "adhoc_share": [0.05] * 4,
        }
    )
    fig = charts.shares_by_year_lines(by_year, 0.6)
    [workers] = [t for t in fig.data if t.name == "Người lao động trực tiếp"]
    assert list(workers.text) == ["59,96%", "62,3%", "57,1%", "60,4%"]


def test_the_kinds_of_the_most_awarded_units_have_colours_apart() -> None:
    """Collectives (#a9b4c2) and households (#b9b9b9) were two greys a leader could not tell
    apart on «Đơn vị được khen nhiều nhất»: every two segments now differ clearly."""
    top = pl.DataFrame(
        {"unit_name": ["Sở Y tế"], "awards": [6], "individuals": [3], "collectives": [2],
         "households": [1]}
    )  # fmt: skip
    fig = charts.top_units_bars(top, "")
    rgb = [
        tuple(int(t.marker.color[i : i + 2], 16) for i in (1, 3, 5))
        for t in fig.data
        if t.type == "bar"
    ]
    assert len(rgb) == 3
    for a, b in ((0, 1), (0, 2), (1, 2)):
        assert sum((x - y) ** 2 for x, y in zip(rgb[a], rgb[b], strict=True)) ** 0.5 > 80, (a, b)


def test_the_rank_lines_are_named_at_their_ends_in_colours_apart() -> None:
    """The walk read a bloc's 16 units over the years in colours it could not tell apart and
    matched against a legend. Each line now ends in its unit's name and last rank, in the
    line's colour; a unit whose line stops early is named where it stops; 16 units, 16
    colours."""
    units = [f"Đơn vị {i:02d}" for i in range(16)]
    rows = [
        {"year": year, "unit_name": unit, "rank": (i + year) % 16 + 1}
        for year in (2023, 2024, 2025)
        for i, unit in enumerate(units)
        if not (unit == "Đơn vị 03" and year == 2025)  # not ranked in 2025
    ]
    fig = charts.bump_chart(pl.DataFrame(rows), "Khối thi đua số 2")
    assert fig.layout.title.text == "Thứ hạng qua các năm 2023–2025 — Khối thi đua số 2"
    assert len({t.line.color for t in fig.data}) == 16
    ends = {t.name: [x for x, text in zip(t.x, t.text, strict=True) if text] for t in fig.data}
    assert ends["Đơn vị 00"] == [2025] and ends["Đơn vị 03"] == [2024]
    by_name = {t.name: t for t in fig.data}
    # Đơn vị 05 in 2025: (5 + 2025) % 16 + 1 = 15; Đơn vị 03 in 2024: (3 + 2024) % 16 + 1 = 12
    assert [t for t in by_name["Đơn vị 05"].text if t] == ["15 · Đơn vị 05"]
    assert [t for t in by_name["Đơn vị 03"].text if t] == ["12 · Đơn vị 03"]
    assert all(t.textfont.color == t.line.color for t in fig.data)
    assert not any(t.showlegend for t in fig.data)
    assert fig.layout.margin.r >= charts.text_px("15 · Đơn vị 05")


def test_the_first_ten_rank_lines_are_ten_hues_apart() -> None:
    """The third walk read two reds (RGB distance 69, one hue) and two greens (49) among a
    bloc's ten lines. Two of the first ten colours read alike when they are within 60 of
    each other, or both vivid, within 15° of hue and of about one brightness: none do."""
    units = [f"Đơn vị {i}" for i in range(10)]
    rows = [
        {"year": y, "unit_name": u, "rank": i + 1}
        for y in (2024, 2025)
        for i, u in enumerate(units)
    ]
    colours = [t.line.color for t in charts.bump_chart(pl.DataFrame(rows), "Khối 1").data]

    import colorsys

    def rgb(c: str) -> tuple[int, ...]:
        return tuple(int(c[i : i + 2], 16) for i in (1, 3, 5))

    def alike(x: str, y: str) -> bool:
        distance = sum((a - b) ** 2 for a, b in zip(rgb(x), rgb(y), strict=True)) ** 0.5
        (hx, sx, vx), (hy, sy, vy) = (
            colorsys.rgb_to_hsv(*(v / 255 for v in rgb(c))) for c in (x, y)
        )
        hue = min(abs(hx - hy), 1 - abs(hx - hy)) * 360
        return distance < 60 or (min(sx, sy) > 0.3 and hue < 15 and abs(vx - vy) < 0.25)

    pairs = [(x, y) for i, x in enumerate(colours) for y in colours[i + 1 :] if alike(x, y)]
    assert len(colours) == 10 and pairs == []
    assert alike("#e15759", "#d62728") and alike("#59a14f", "#2e8b57")  # the walk's pairs


def test_a_long_scope_goes_on_a_second_line_of_the_title() -> None:
    """A title runs on one line past the chart's edge: the years and a unit stay beside the
    title; several awards chosen go on a second line, the plot lowered for it."""
    top = pl.DataFrame(
        {"unit_name": ["Sở Y tế"], "awards": [6], "individuals": [3], "collectives": [3]}
    )
    short = charts.top_units_bars(top, "năm 2024 · Sở Y tế")
    assert short.layout.title.text == "1 đơn vị được khen nhiều nhất, năm 2024 · Sở Y tế"
    scope = "năm 2018–2025 · Bằng khen của Chủ tịch UBND tỉnh, Chiến sĩ thi đua cơ sở · Cá nhân"
    long = charts.top_units_bars(top, scope)
    assert long.layout.title.text == f"1 đơn vị được khen nhiều nhất<br>{scope}"
    assert long.layout.margin.t == short.layout.margin.t + 20
