"""Every leader page in three states — no data, one award, the demo province — with
AppTest; demo figures are computed here from the generator's truth frames."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from demo_province import DemoProvince
from tests.accounts import VIEWER
from tests.apptest import app_as, headline, open_tab
from tests.conftest import Importer
from thidua.access import Account

APP = str(Path(__file__).parent.parent / "app.py")
TEMPLATE = Path(__file__).parent.parent / "data" / "templates" / "mau_so_khen_thuong.xlsx"
PAGES = [
    "pages/overview.py",
    "pages/bloc_ranking.py",
    "pages/distribution.py",
    "pages/leaders.py",
    "pages/campaigns.py",
    "pages/dossiers.py",
    "pages/search.py",
]


def open_page(
    master: Path,
    page: str,
    monkeypatch: pytest.MonkeyPatch,
    account: Account | None = VIEWER,
    **query: str,
) -> AppTest:
    at = app_as(master, monkeypatch, account, **query)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def figures(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def vi(n: float, decimals: int = 0) -> str:
    return f"{n:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def pct(part: int, whole: int) -> str:
    return vi(100 * part / whole, 1) + "%"


@pytest.mark.parametrize("page", PAGES)
def test_page_without_data_says_so(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_page(tmp_path / "empty.duckdb", page, monkeypatch)
    assert any("chưa có dữ liệu" in w.value for w in at.warning)


@pytest.mark.parametrize("page", PAGES)
def test_page_with_one_award(
    page: str, master: Path, import_into: Importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    [report] = import_into(TEMPLATE)  # one BK_TINH to a "Chuyên viên chính" of Sở Y tế, 2026
    assert report.status == "imported"
    at = open_page(master, page, monkeypatch)
    text = " ".join(
        e.value for e in [*at.markdown, *at.info, *at.caption] if isinstance(e.value, str)
    )
    if page == "pages/overview.py":
        assert {m.label: m.value for m in headline(at)}["Tổng số lượt khen thưởng"] == "1"
    elif page == "pages/bloc_ranking.py":
        assert "Chưa có bảng chấm điểm" in text
    elif page == "pages/distribution.py":
        assert {m.label: m.value for m in headline(at)}["Tổng số lượt khen thưởng"] == "1"
    elif page == "pages/leaders.py":
        shown = {m.label: m.value for m in headline(at)}
        assert shown["Khen cá nhân"] == "1" and shown["Tỷ lệ người lao động trực tiếp"] == "100,0%"
    elif page == "pages/campaigns.py":
        assert "Chưa có phong trào" in text
    elif page == "pages/dossiers.py":
        assert "Chưa có hồ sơ đề nghị" in text
    else:
        at.text_input(key="search_text").input("nguyen van a").run()
        assert at.selectbox(key="search_pick").options == [
            "Nguyễn Văn A — Sở Y tế (Cá nhân, 1 lượt, 2026)"
        ]


def test_bloc_ranking_on_demo(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    at = open_page(master, "pages/bloc_ranking.py", monkeypatch)
    truth = province.bloc_scores.filter(
        (pl.col("year") == 2025) & (pl.col("bloc_name") == "Khối thi đua số 1")
    ).sort("rank")
    first = truth.row(0, named=True)
    lead = next(m.value for m in at.markdown if "dẫn đầu" in m.value)
    assert (
        f"**{first['unit_name']}** dẫn đầu Khối thi đua số 1 năm 2025 với **{vi(first['total'], 1)} điểm**"
        in lead
    )
    bars = figures(at)[0]["data"][0]
    assert list(reversed(bars["y"])) == truth["unit_name"].to_list()
    assert list(reversed(bars["x"])) == pytest.approx(truth["total"].to_list())
    roles = province.memberships.filter(
        (pl.col("year") == 2025) & (pl.col("bloc_name") == "Khối thi đua số 1")
    )
    head = roles.filter(pl.col("role") == "head")["unit_name"].item()
    assert f"Khối/cụm trưởng: {head}." in lead
    # Another year and bloc, chosen on the page: the button over the two selects names them.
    assert _choice_button(at) == "Năm 2025 · Khối thi đua số 1"
    at.selectbox(key="bloc_year").select(2019).run()
    at.selectbox(key="bloc_name_2019").select("Cụm thi đua số 2").run()
    assert _choice_button(at) == "Năm 2019 · Cụm thi đua số 2"
    truth = province.bloc_scores.filter(
        (pl.col("year") == 2019) & (pl.col("bloc_name") == "Cụm thi đua số 2")
    ).sort("rank")
    assert list(reversed(figures(at)[0]["data"][0]["y"])) == truth["unit_name"].to_list()
    # The score table: every column fits 1366 px — the role a sign before the unit (as on
    # the chart), the parts short, the outcome last.
    scores = open_tab(at, "bloc_tab", "Bảng điểm").dataframe[-1].value
    unit = "Đơn vị (★ trưởng, ☆ phó)"
    assert list(scores.columns) == [
        "Hạng",
        unit,
        "Tổng",
        "Tự chấm",
        "Khối chấm",
        "Cộng",
        "Trừ",
        "Khen thưởng",
    ]
    signs = {"head": "★ ", "deputy": "☆ "}
    listed = province.memberships.filter(
        (pl.col("year") == 2019) & (pl.col("bloc_name") == "Cụm thi đua số 2")
    )
    role = dict(listed.select("unit_name", "role").iter_rows())
    assert scores[unit].tolist() == [
        signs.get(role.get(u) or "", "") + u for u in truth["unit_name"].to_list()
    ]
    assert scores["Tổng"].tolist() == [vi(t, 1) for t in truth["total"]]
    # No decision for these units in the demo: the customary outcome by rank, said as such.
    customary = ["Cờ thi đua của UBND tỉnh", *["Bằng khen của Chủ tịch UBND tỉnh"] * 2]
    assert scores["Khen thưởng"].tolist() == [
        *[f"{award} (theo thông lệ)" for award in customary],
        *["—"] * (truth.height - 3),
    ]
    # Its members' ranks in every year the bloc was scored, read when the tab opens.
    members = truth["unit_name"].to_list()
    history = province.bloc_scores.filter(
        (pl.col("bloc_name") == "Cụm thi đua số 2") & pl.col("unit_name").is_in(members)
    )
    lines = {
        t["name"]: t for t in figures(open_tab(at, "bloc_tab", "Thứ hạng qua các năm"))[0]["data"]
    }
    assert sorted(lines) == sorted(members)
    for unit, line in lines.items():
        own = history.filter(pl.col("unit_name") == unit).sort("year")
        assert (line["x"], line["y"]) == (own["year"].to_list(), own["rank"].to_list()), unit
    leaders = province.bloc_scores.filter((pl.col("year") == 2019) & (pl.col("rank") == 1))
    table = open_tab(at, "bloc_tab", "Dẫn đầu các khối, cụm").dataframe[-1].value
    assert sorted(table["Đơn vị dẫn đầu"].tolist()) == sorted(leaders["unit_name"].to_list())
    # each bloc's kind in words, as the demo drew it (Khối for departments, Cụm for districts)
    kinds = province.memberships.filter(pl.col("year") == 2019).select("bloc_name", "bloc_kind")
    said = {"bloc": "Khối", "cluster": "Cụm"}
    assert dict(zip(table["Khối, cụm"], table["Loại"], strict=True)) == {
        bloc: said[kind] for bloc, kind in kinds.unique().iter_rows()
    }


def test_distribution_on_demo(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    at = open_page(master, "pages/distribution.py", monkeypatch, nam_tu="2020", nam_den="2022")
    truth = province.awards.filter(pl.col("year").is_between(2020, 2022))
    shown = {m.label: m.value for m in headline(at)}
    people = truth.filter(pl.col("recipient_kind") == "individual").height
    state_forms = ["CSTD_TQ", "CO_CP", "HUAN_CHUONG", "HUY_CHUONG", "DH_VINH_DU", "GIAI_THUONG",
                   "BK_TTG"]  # fmt: skip
    state = truth.filter(pl.col("form_code").is_in(state_forms)).height
    assert shown == {
        "Tổng số lượt khen thưởng": vi(truth.height),
        "Khen cá nhân": vi(people),
        "Khen tập thể, hộ gia đình": vi(truth.height - people),
        "Khen thưởng cấp Nhà nước": vi(state),
    }
    # One chart per tab: only the open tab is drawn.
    [treemap] = figures(at)
    tiles = dict(zip(treemap["data"][0]["ids"], treemap["data"][0]["values"], strict=True))
    assert tiles["ALL"] == truth.height == sum(v for k, v in tiles.items() if k.startswith("L:"))
    # The years chosen are in each chart's title: a chart saved as a picture keeps no filters.
    assert treemap["layout"]["title"]["text"] == (
        f"Cơ cấu theo cấp và hình thức, năm 2020–2022 ({vi(truth.height)} lượt)"
    )
    [top] = figures(open_tab(at, "dist_tab", "Đơn vị được khen nhiều nhất"))
    assert top["layout"]["title"]["text"] == "15 đơn vị được khen nhiều nhất, năm 2020–2022"
    expected_top = (
        truth.group_by("unit_name")
        .len()
        .sort(["len", "unit_name"], descending=[True, False])
        .head(15)
    )
    # Individuals, collectives and (the demo has some) households: one segment each.
    segments = [t for t in top["data"] if t["type"] == "bar"]
    assert [trace["name"] for trace in segments] == ["Cá nhân", "Tập thể", "Hộ gia đình"]
    bars: dict[str, int] = {}
    for trace in segments:
        for unit, n in zip(trace["y"], trace["x"], strict=True):
            bars[unit] = bars.get(unit, 0) + n
    assert bars == dict(expected_top.iter_rows())
    # Each unit's total written at its bar's end.
    [totals] = [t for t in top["data"] if t["type"] == "scatter"]
    assert dict(zip(totals["y"], totals["text"], strict=True)) == {
        unit: vi(n) for unit, n in expected_top.iter_rows()
    }
    households = truth.filter(pl.col("recipient_kind") == "household").group_by("unit_name").len()
    drawn = dict(zip(top["data"][2]["y"], top["data"][2]["x"], strict=True))
    assert {u: n for u, n in drawn.items() if n} == {
        u: n for u, n in households.iter_rows() if u in drawn
    }
    [trend] = figures(open_tab(at, "dist_tab", "Theo năm"))
    per_year: dict[int, int] = {}
    for trace in trend["data"]:
        for year, n in zip(trace["x"], trace["y"], strict=True):
            per_year[year] = per_year.get(year, 0) + n
    assert per_year == dict(truth.group_by("year").len().iter_rows())
    assert (
        trend["layout"]["title"]["text"] == "Khen thưởng theo năm và cấp khen thưởng, năm 2020–2022"
    )
    # Three segments a year, by level (sixteen forms were sixteen segments), bottom up.
    assert [t["name"] for t in trend["data"]] == ["Cấp cơ sở", "Cấp tỉnh", "Cấp Nhà nước"]
    by_state = truth.filter(pl.col("form_code").is_in(state_forms)).group_by("year").len()
    drawn_state = dict(zip(trend["data"][2]["x"], trend["data"][2]["y"], strict=True))
    assert drawn_state == dict(by_state.iter_rows())
    # Its hover names the forms in it, the most given first.
    first = truth.filter((pl.col("year") == 2020) & pl.col("form_code").is_in(state_forms))
    most = first.group_by("form_code").len().sort(["len", "form_code"], descending=[True, False])
    hover = trend["data"][2]["hovertext"][trend["data"][2]["x"].index(2020)]
    assert hover.split("<br>")[0].endswith(" " + vi(most["len"][0]))
    # A click on that segment lists the state-level awards of 2020, as the hover counts them.
    from thidua import reports, warehouse
    from thidua.filters import Filters

    con = warehouse.open_for_reading(master)
    try:
        listed = reports.award_list(
            con, Filters(2020, 2022), reports.Selection(year=2020, form_level="state")
        )
    finally:
        con.close()
    assert listed.height == first.height and listed["year"].unique().to_list() == [2020]


def test_a_bloc_without_a_sheet_in_the_year_is_said_under_its_leaders(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk found «Khối thi đua số 6» in the leaders' bloc table of 2025 (its units'
    awards of 2018–2024) but missing, unexplained, from the blocs' leaders of 2025. Under
    that table: each bloc scored before but not that year, with its last year."""
    master, province = demo
    scored = province.bloc_scores.select("year", "bloc_name").unique()
    newest = int(scored["year"].max())  # type: ignore[arg-type]
    now = set(scored.filter(pl.col("year") == newest)["bloc_name"])
    gone = (
        scored.filter(~pl.col("bloc_name").is_in(list(now)))
        .group_by("bloc_name")
        .agg(pl.col("year").max())
    )
    assert gone.height  # the demo dissolves a bloc in its last year
    at = open_page(master, "pages/bloc_ranking.py", monkeypatch, nam_khoi=str(newest))
    at = open_tab(at, "bloc_tab", "Dẫn đầu các khối, cụm")
    prefix = f"Không có bảng chấm điểm năm {newest}: "
    [note] = [c.value for c in at.caption if c.value.startswith(prefix)]
    expected = "; ".join(f"{b} (gần nhất: năm {y})" for b, y in gone.sort("bloc_name").iter_rows())
    assert note.removeprefix(prefix).replace("\\", "") == expected + "."
    table = at.dataframe[-1].value
    assert not set(table["Khối, cụm"]) & set(gone["bloc_name"])


def _successors_by_reference() -> dict[str, str]:
    """Each merged unit's name → the unit it is now, read from the reference file itself."""
    import csv

    with (Path(__file__).parents[1] / "data" / "reference" / "units.csv").open(
        encoding="utf-8"
    ) as f:
        rows = {r["unit_code"]: r for r in csv.DictReader(f)}
    now = {}
    for row in rows.values():
        code = row["unit_code"]
        while rows[code]["successor_code"]:
            code = rows[code]["successor_code"]
        if code != row["unit_code"]:
            now[row["name"]] = rows[code]["name"]
    return now


def test_merged_units_are_named_with_the_unit_they_are_now(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk found «Sở Lao động - Thương binh và Xã hội» beside «Sở Nội vụ» on the unit
    charts of 2024 with nothing to say the first was merged into the second in 2025. Under
    the leaders' unit chart and the most awarded units, every merged unit shown is named
    with the unit it is now, and no other."""
    master, province = demo
    successor = _successors_by_reference()
    people = province.awards.filter(
        (pl.col("year") == 2024) & (pl.col("recipient_kind") == "individual")
    )
    into: dict[str, list[str]] = {}
    for unit in set(people["unit_name"]) & set(successor):
        into.setdefault(successor[unit], []).append(unit)
    assert into  # the demo's 2024 has units merged in 2025
    at = open_page(master, "pages/leaders.py", monkeypatch, nam_tu="2024", nam_den="2024")
    at = open_tab(at, "leaders_tab", "Theo đơn vị")
    prefix = "Đơn vị đã sáp nhập (khen thưởng trước sáp nhập giữ tên cũ): "
    [note] = [c.value for c in at.caption if c.value.startswith(prefix)]
    # Grouped by the unit they are now, in its alphabetical order.
    groups = note.removeprefix(prefix).removesuffix(".").replace("\\", "").split("; ")
    said = {now: olds.split(", ") for olds, now in (g.split(" → nay là ") for g in groups)}
    assert {now: sorted(olds) for now, olds in said.items()} == {
        now: sorted(olds) for now, olds in into.items()
    }
    assert list(said) == sorted(said)
    # The distribution page's most awarded units, for one merged unit: it is named with the
    # unit it is now; for the whole province in 2024 no merged unit is among the most
    # awarded, and nothing is said.
    old = sorted(u for u in set(people["unit_name"]) if u in successor)[0]
    at = open_page(master, "pages/distribution.py", monkeypatch, nam_tu="2024", nam_den="2024",
                   don_vi=old)  # fmt: skip
    at = open_tab(at, "dist_tab", "Đơn vị được khen nhiều nhất")
    [figure] = figures(at)
    # The unit chosen is in the title with the year: a saved picture still says it.
    assert figure["layout"]["title"]["text"] == f"1 đơn vị được khen nhiều nhất, năm 2024 · {old}"
    bars = figure["data"][0]
    assert list(bars["y"]) == [old]
    [note] = [c.value for c in at.caption if c.value.startswith(prefix)]
    assert note.removeprefix(prefix).replace("\\", "") == f"{old} → nay là {successor[old]}."
    at = open_page(master, "pages/distribution.py", monkeypatch, nam_tu="2024", nam_den="2024")
    at = open_tab(at, "dist_tab", "Đơn vị được khen nhiều nhất")
    [figure] = figures(at)
    assert figure["layout"]["title"]["text"] == "15 đơn vị được khen nhiều nhất, năm 2024"
    bars = figure["data"][0]
    assert not set(bars["y"]) & set(successor)
    assert [c.value for c in at.caption if c.value.startswith(prefix)] == []


def test_leaders_page_on_demo(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    at = open_page(master, "pages/leaders.py", monkeypatch, nam_tu="2024", nam_den="2024")
    people = province.awards.filter(
        (pl.col("year") == 2024) & (pl.col("recipient_kind") == "individual")
    )
    direct = people.filter(pl.col("is_leader") == False)  # noqa: E712
    shown = {m.label: m.value for m in headline(at)}
    assert shown["Khen cá nhân"] == vi(people.height)
    assert shown["Tỷ lệ người lao động trực tiếp"] == pct(direct.height, people.height)
    assert shown["Lượt khen chưa phân loại chức vụ"] == vi(  # awards, not positions
        people.filter(pl.col("is_leader").is_null()).height
    )
    per_unit = people.group_by("unit_name").agg(
        share=(pl.col("is_leader") == False).sum() / pl.len()  # noqa: E712
    )
    below = per_unit.filter(pl.col("share") < 0.6).height
    assert shown["Đơn vị dưới mục tiêu"] == f"{below}/{per_unit.height}"
    [by_unit] = figures(open_tab(at, "leaders_tab", "Theo đơn vị"))
    assert by_unit["layout"]["title"]["text"] == (
        "Tỷ lệ người lao động trực tiếp theo đơn vị, năm 2024"
    )
    units = by_unit["data"][0]
    assert dict(zip(units["y"], units["x"], strict=True)) == pytest.approx(
        dict(per_unit.iter_rows())
    )
    # The other tabs read their own figures when opened: individual awards per bloc the
    # unit belonged to that year, and every individual award under its position's class.
    members = province.memberships.filter(pl.col("year") == 2024)
    per_bloc = people.join(members, on="unit_name").group_by("bloc_name").len()
    blocs = open_tab(at, "leaders_tab", "Theo khối, cụm").dataframe[0].value
    shown_blocs = {
        k: int(str(v).replace(".", ""))
        for k, v in zip(blocs["Khối, cụm"], blocs["Cá nhân"], strict=True)
    }
    assert {k: v for k, v in shown_blocs.items() if v} == dict(per_bloc.iter_rows())
    # Each bloc judged against the target as the units are (the third walk read «Cụm thi
    # đua số 1: 59,8%» unmarked under 60%).
    direct_by_bloc = (
        direct.join(members, on="unit_name")
        .group_by("bloc_name")
        .len("direct")
        .join(per_bloc, on="bloc_name")
    )
    judged = dict(zip(blocs["Khối, cụm"], blocs["So với mục tiêu"], strict=True))
    for bloc, workers, people_n in direct_by_bloc.select("bloc_name", "direct", "len").iter_rows():
        assert judged[bloc] == ("dưới mục tiêu" if workers / people_n < 0.6 else "đạt mục tiêu")
    assert "dưới mục tiêu" in judged.values() and "đạt mục tiêu" in judged.values()
    classes = open_tab(at, "leaders_tab", "Phân loại chức vụ").dataframe[0].value
    awards = classes["Số lượt"].map(lambda v: int(str(v).replace(".", "")))
    assert awards.sum() == people.height
    unclassified = awards[classes["Phân loại"] == "Chưa phân loại"].sum()
    assert unclassified == people.filter(pl.col("is_leader").is_null()).height
    # A rule is named by what it says («Chuyên viên, Cán sự, Nhân viên»), not its code
    # (issue 21, 9): W_CHUYEN_VIEN is the admins' handle, in the .xlsx.
    assert list(classes.columns) == [
        "Chức vụ (như trong tệp)", "Phân loại", "Nội dung quy tắc", "Số lượt"
    ]  # fmt: skip
    assert not classes["Nội dung quy tắc"].str.match(r"^[WL]_[A-Z_]+$").any()
    open_tab(at, "leaders_tab", "Qua các năm")
    # Moving the target moves the count of units below it.
    # (the dialog's own input and button are driven in Chromium: test_browser)
    at.button(key="target_open").click().run()
    assert at.number_input(key="target_input").value == 60  # the province's target
    at.session_state["target"] = 50
    at.run()
    below = per_unit.filter(pl.col("share") < 0.5).height
    assert {m.label: m.value for m in headline(at)}[
        "Đơn vị dưới mục tiêu"
    ] == f"{below}/{per_unit.height}"


def test_campaigns_page_on_demo(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    at = open_tab(
        open_page(master, "pages/campaigns.py", monkeypatch), "campaign_tab", "Bảng phong trào"
    )
    # What the counts count is said at the top, as on the other chart pages (the walk found
    # no such line here).
    years = sorted(set(province.awards["year"].to_list()))
    said = f"Số lượt khen của mỗi phong trào: Năm {years[0]}–{years[-1]}"
    assert said in at.caption[0].value
    table = at.dataframe[0].value
    assert sorted(table["Số kế hoạch"].tolist()) == sorted(province.campaigns["plan_no"].to_list())
    counts = dict(
        province.awards.filter(pl.col("campaign_code").is_not_null())
        .group_by("campaign_code")
        .len()
        .iter_rows()
    )
    shown = dict(zip(table["Số kế hoạch"], table["Số lượt khen"], strict=True))
    assert shown == {code: vi(counts.get(code, 0)) for code in province.campaigns["plan_no"]}
    row = table[table["Số kế hoạch"] == "136/KH-UBND"].iloc[0]
    assert (row["Bắt đầu"], row["Kết thúc"], row["Hạn đăng ký"]) == (
        "01/06/2019",
        "30/06/2020",
        "30/10/2019",
    )


def test_search_page_on_demo(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    person = (
        province.awards.filter(pl.col("recipient_kind") == "individual")
        .group_by("recipient_name", "unit_name")
        .len()
        .sort(["len", "recipient_name"], descending=[True, False])
        .row(0)
    )
    name, unit, count = person
    at = open_page(master, "pages/search.py", monkeypatch)
    folded = name.lower().replace("đ", "d")
    import unicodedata

    folded = "".join(
        c for c in unicodedata.normalize("NFD", folded) if unicodedata.category(c) != "Mn"
    )
    at.text_input(key="search_text").input(folded.upper()).run()
    options = at.selectbox(key="search_pick").options
    choice = next(i for i, o in enumerate(options) if o.startswith(f"{name} — {unit} "))
    at.selectbox(key="search_pick").set_value(choice).run()
    history = at.dataframe[0].value
    assert len(history) == count
    truth_years = sorted(
        province.awards.filter((pl.col("recipient_name") == name) & (pl.col("unit_name") == unit))[
            "year"
        ]
        .cast(pl.String)
        .to_list()
    )
    assert sorted(history["Năm QĐ"].tolist()) == truth_years
    # The unit chosen is said in the heading, not repeated on every row.
    assert "Đơn vị" not in history.columns
    assert at.subheader[0].value == f"Quá trình khen thưởng: {name} — {unit}"


def test_drill_down_lists_the_awards_behind_a_unit(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drill-down list under a page is exactly the awards of the filters (here: one unit, one year)."""
    master, province = demo
    unit = "Sở Y tế"
    at = open_page(
        master, "pages/distribution.py", monkeypatch, nam_tu="2023", nam_den="2023", don_vi=unit
    )
    listed = open_tab(at, "dist_tab", "Danh sách khen thưởng").dataframe[-1].value
    truth = province.awards.filter((pl.col("year") == 2023) & (pl.col("unit_name") == unit))
    assert len(listed) == truth.height
    assert sorted(listed["Họ tên / Tên tập thể"].tolist()) == sorted(
        truth["recipient_name"].to_list()
    )
    assert any(getattr(b, "label", None) == "Tải bảng (.xlsx)" for b in at.get("download_button"))


def test_filters_survive_a_visit_to_search(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    at = open_page(master, "pages/overview.py", monkeypatch, nam_den="2022", doi_tuong="collective")
    expected = province.awards.filter(
        (pl.col("year") == 2022) & (pl.col("recipient_kind") == "collective")
    ).height
    assert {m.label: m.value for m in headline(at)}["Tổng số lượt khen thưởng"] == vi(expected)
    at.switch_page("pages/search.py").run()
    at.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in headline(at)}["Tổng số lượt khen thưởng"] == vi(expected)


def test_slideshow_setup_and_slides_on_demo(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    at = open_page(
        master, "pages/slideshow.py", monkeypatch, nam="2024", giay="20", bo="headline,blocs,flags"
    )
    assert at.query_params["nam"] in ("2024", ["2024"])
    assert at.selectbox(key="show_year").value == 2024
    assert at.pills(key="show_sets").value == ["headline", "blocs", "flags"]
    assert at.number_input(key="show_interval").value == 20
    at.selectbox(key="show_year").select(2023).run()
    assert at.query_params["nam"] in ("2023", ["2023"])

    from thidua import db, slides

    con = db.open_snapshot(master)
    built = slides.build_slides(con, 2024, ["headline", "blocs", "flags"], 0.6)
    truth = province.awards.filter(pl.col("year") == 2024)
    blocs = province.memberships.filter(pl.col("year") == 2024)["bloc_name"].unique()
    # The flags: one flag per slide, its list shared evenly over slides of at most 24 names.
    flags = {
        code: truth.filter(pl.col("form_code") == code).height for code in ("CO_CP", "CO_TINH")
    }
    pages = {code: max(1, -(-n // 24)) for code, n in flags.items()}
    assert len(built) == 1 + blocs.len() + sum(pages.values())
    people = truth.filter(pl.col("recipient_kind") == "individual")
    direct = people.filter(pl.col("is_leader") == False).height  # noqa: E712
    assert (
        f">{vi(truth.height)}<" in built[0].body
        and f">{pct(direct, people.height)}<" in built[0].body
    )
    leaders = province.bloc_scores.filter((pl.col("year") == 2024) & (pl.col("rank") == 1))
    for slide in built[1 : 1 + blocs.len()]:
        bloc = slide.title.split(" — ")[0]
        leader = leaders.filter(pl.col("bloc_name") == bloc)["unit_name"].item()
        assert f"Dẫn đầu: <b>{leader}</b>" in slide.body
    flag_slides = built[1 + blocs.len() :]
    government, province_flags = flag_slides[: pages["CO_CP"]], flag_slides[pages["CO_CP"] :]
    assert government[0].title.startswith(
        f"Cờ thi đua của Chính phủ, năm 2024 — {flags['CO_CP']} tập thể"
    )
    for part, code in ((government, "CO_CP"), (province_flags, "CO_TINH")):
        listed = [s.body.count("<li>") for s in part]
        assert sum(listed) == flags[code] and max(listed) <= 24, listed
        assert max(listed) - min(listed) <= 1  # shared evenly, no slide of one name


def test_slide_text_is_escaped() -> None:
    from thidua.slides import Slide, render_show

    page = render_show([Slide("<script>alert(1)</script>", "")], 10, "<b>x</b>")
    assert "<script>alert(1)</script>" not in page.split("<script>")[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_cut_award_list_holds_the_newest_years(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the newest years that fill a long list are read; what is shown is still the
    newest awards first, and the years it holds are those of the truth's newest awards."""
    from collections import Counter

    from thidua import db, reports
    from thidua.filters import Filters

    master, province = demo
    monkeypatch.setattr(reports, "DRILL_LIMIT", 60)
    unit = "Sở Y tế"
    listed = reports.award_list(
        db.open_snapshot(master), Filters(), reports.Selection(unit_name=unit)
    )
    truth = province.awards.filter(pl.col("unit_name") == unit).sort("year", descending=True)
    assert truth.height > 60 and listed.height == 60
    assert Counter(listed["year"].to_list()) == Counter(truth.head(60)["year"].to_list())
    assert listed["year"].to_list() == sorted(listed["year"].to_list(), reverse=True)


def test_the_drill_down_says_when_it_holds_only_the_newest_awards() -> None:
    from ui.tables import list_note

    assert list_note(1234, None, 5000) == "1.234 lượt"
    assert list_note(5000, 7465, 5000).startswith(
        "7.465 lượt; hiển thị và tải về 5.000 lượt mới nhất"
    )
    assert list_note(5000, None, 5000).startswith("Danh sách dài hơn; hiển thị và tải về 5.000")


def test_a_short_table_is_drawn_to_its_rows() -> None:
    from ui.tables import table_height

    assert table_height(1, 300) == "auto"  # one row under a 300 px most: no empty rows
    assert table_height(7, 300) == "auto"  # 8 × 35 + 3 = 283 px fit
    assert table_height(8, 300) == 300  # 318 px do not: scrolls inside 300
    assert table_height(500, None) == "auto"


# Names as offices type them are data (issue 20): a Markdown link or image in a name is shown
# as typed, never drawn as a link or fetched as an image.
LINK_NAME = "[x](http://evil.example)"
IMAGE_NAME = "![](http://evil.example/i.png)"
WJ = "\u2060"  # the word joiner that keeps «http://» from becoming a link (thidua.literal)


def test_search_shows_names_as_typed_not_as_markdown(
    tmp_path: Path, master: Path, import_into: Importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.builders import REGISTER_HEADER, write_rows

    rows = [
        [2024, "9/QĐ-UBND", "12/01/2024", "Cá nhân", name, "Nữ", "Giáo viên", "Sở Y tế",
         "Giấy khen", "Thường xuyên"]
        for name in (LINK_NAME, IMAGE_NAME)
    ]  # fmt: skip
    [report] = import_into(write_rows(tmp_path / "ten.xlsx", [REGISTER_HEADER, *rows]))
    assert report.status == "imported", report.message()
    at = open_page(master, "pages/search.py", monkeypatch)
    at.text_input(key="search_text").input("evil.example").run()
    options = at.selectbox(key="search_pick").options
    # A select box's options are plain text: the names as typed.
    assert sorted(o.split(" — ")[0] for o in options) == sorted([LINK_NAME, IMAGE_NAME])
    for name, heading in (
        (LINK_NAME, rf"Quá trình khen thưởng: \[x\]\(http{WJ}\:\/\/evil\.example\) — Sở Y tế"),
        (
            IMAGE_NAME,
            rf"Quá trình khen thưởng: \!\[\]\(http{WJ}\:\/\/evil\.example\/i\.png\) — Sở Y tế",
        ),
    ):
        index = next(i for i, o in enumerate(options) if o.startswith(f"{name} — "))
        at.selectbox(key="search_pick").set_value(index).run()
        assert [h.value for h in at.subheader] == [heading]
        assert len(at.dataframe[0].value) == 1
        bodies = [e.value for e in [*at.markdown, *at.caption, *at.subheader, *at.info]]
        assert not [b for b in bodies if isinstance(b, str) and "](" in b], bodies
    # What the reader typed is said back as typed too.
    at.text_input(key="search_text").input(f"{LINK_NAME} ai khác").run()
    assert [i.value for i in at.info] == [
        rf"Không tìm thấy ai có tên chứa «\[x\]\(http{WJ}\:\/\/evil\.example\) ai khác»."
    ]


def test_the_bloc_pages_year_bloc_and_tab_are_in_the_link(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 21, 4: a shared link opened the newest year's first bloc on its first tab.
    Opened with the link's year, bloc and tab, the page shows that bloc's score table; a
    choice made on the page goes into the link."""
    master, province = demo
    at = open_page(
        master, "pages/bloc_ranking.py", monkeypatch,
        nam_khoi="2019", khoi_xem="Cụm thi đua số 2", the="Bảng điểm",
    )  # fmt: skip
    lead = next(m.value for m in at.markdown if "dẫn đầu" in m.value)
    assert "dẫn đầu Cụm thi đua số 2 năm 2019" in lead
    truth = province.bloc_scores.filter(
        (pl.col("year") == 2019) & (pl.col("bloc_name") == "Cụm thi đua số 2")
    ).sort("rank")
    scores = at.dataframe[-1].value
    assert [u.lstrip("★☆ ") for u in scores["Đơn vị (★ trưởng, ☆ phó)"]] == truth[
        "unit_name"
    ].to_list()
    at.selectbox(key="bloc_year").select(2020).run()
    open_tab(at, "bloc_tab", "Thứ hạng qua các năm")
    link = {k: at.query_params[k] for k in ("nam_khoi", "khoi_xem", "the")}
    flat = {k: v[0] if isinstance(v, list) else v for k, v in link.items()}
    assert flat == {
        "nam_khoi": "2020",
        "khoi_xem": "Cụm thi đua số 2",
        "the": "Thứ hạng qua các năm",
    }
    # A link naming a bloc that year does not have opens that year's first, not an error.
    at = open_page(master, "pages/bloc_ranking.py", monkeypatch, nam_khoi="2019", khoi_xem="Khối X")
    first = province.bloc_scores.filter(pl.col("year") == 2019)["bloc_name"].unique().sort()
    assert next(m.value for m in at.markdown if "dẫn đầu" in m.value)
    assert at.selectbox(key="bloc_name_2019").value in first.to_list()


@pytest.mark.parametrize(
    ("page", "key", "first", "other"),
    [
        ("pages/overview.py", "overview_tab", "Theo hình thức khen thưởng", "Theo đối tượng"),
        ("pages/distribution.py", "dist_tab", "Cơ cấu theo cấp, hình thức", "Theo năm"),
        ("pages/leaders.py", "leaders_tab", "Qua các năm", "Theo đơn vị"),
        ("pages/campaigns.py", "campaign_tab", "Thời gian và hạn đăng ký", "Bảng phong trào"),
    ],
)
def test_every_chart_pages_tab_is_in_the_link(
    demo: tuple[Path, DemoProvince],
    monkeypatch: pytest.MonkeyPatch,
    page: str,
    key: str,
    first: str,
    other: str,
) -> None:
    """As on the bloc page (issue 21, 4): a link naming a tab («the») opens it; a first view
    leaves the link as typed; a tab chosen goes into the link, the first one too once the
    link has named another."""
    master, _ = demo
    at = open_page(master, page, monkeypatch)
    assert at.session_state[key] == first and "the" not in at.query_params
    open_tab(at, key, other)
    assert at.query_params["the"] in (other, [other])
    open_tab(at, key, first)
    assert at.query_params["the"] in (first, [first])
    at = open_page(master, page, monkeypatch, the=other)
    assert at.session_state[key] == other


def test_the_reports_page_opens_on_the_newest_year_and_the_provincial_form(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk found it opening on 2018, the oldest year; the newest is the one reported.
    A link naming another form and year still opens them."""
    master, province = demo
    newest = int(province.awards["year"].max())  # type: ignore[arg-type]
    at = open_page(master, "pages/reports.py", monkeypatch)
    assert at.selectbox(key="report_year").value == newest
    assert at.selectbox(key="report_form").value == "0603"
    assert at.selectbox(key="report_form").options[0].startswith("0601")
    at = open_page(master, "pages/reports.py", monkeypatch, bieu="0601", nam=str(newest - 2))
    assert at.selectbox(key="report_form").value == "0601"
    assert at.selectbox(key="report_year").value == newest - 2


@pytest.mark.parametrize("page", ["pages/leaders.py", "pages/distribution.py"])
def test_a_pages_headline_says_which_years_it_counts(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    """The walk read 60,6% on the overview (2025) and 60,4% on the leaders' page (2018–2025)
    with nothing beside the figures to say why: the range counted is said above them."""
    master, province = demo
    first, last = int(province.awards["year"].min()), int(province.awards["year"].max())  # type: ignore[arg-type]
    at = open_page(master, page, monkeypatch)
    bodies = [e.proto.body for e in at.get("html") if "data-kpi=" in e.proto.body]
    assert len(bodies) == 1 and f"Năm {first}–{last} · mọi đơn vị" in bodies[0]
    at = open_page(master, page, monkeypatch, nam_tu="2024", nam_den="2024")
    bodies = [e.proto.body for e in at.get("html") if "data-kpi=" in e.proto.body]
    assert "Năm 2024 · mọi đơn vị" in bodies[0]


def test_a_drill_down_says_once_what_every_row_shares() -> None:
    """Three awards of one unit and one decision: the unit, the year, the decision and its
    date are said once above the list, not repeated in columns the screen has no room for;
    the columns that differ stay. One row is kept whole."""
    import datetime as dt

    import polars as pl

    from ui.tables import same_for_all

    rows = pl.DataFrame(
        {
            "year": [2025, 2025, 2025],
            "recipient_name": ["Trần A", "Lê B", "Phòng Kế hoạch"],
            "kind_name": ["Cá nhân", "Cá nhân", "Tập thể"],
            "unit_name": ["Sở Y tế"] * 3,
            "form_name": ["Giấy khen", "Bằng khen", "Giấy khen"],
            "decision_no": ["12/QĐ-UBND"] * 3,
            "decision_date": [dt.date(2025, 1, 20)] * 3,
            "form_detail": pl.Series([None, None, None], dtype=pl.String),
        }
    )
    listed, said = same_for_all(rows)
    assert listed.columns == ["recipient_name", "kind_name", "form_name"]
    assert said == (
        "Năm: 2025 · Đơn vị: Sở Y tế · Số quyết định: 12/QĐ-UBND · Ngày quyết định: 20/01/2025"
    )
    whole, nothing = same_for_all(rows.head(1))
    assert (whole.columns, nothing) == (rows.columns, "")
    gap = rows.with_columns(decision_no=pl.Series(["12/QĐ-UBND", None, "12/QĐ-UBND"]))
    assert "Số quyết định" not in same_for_all(gap)[1]


def test_a_long_flag_list_is_shared_evenly_over_slides() -> None:
    from thidua.slides import _pages

    names = [f"Tập thể {i}" for i in range(73)]
    pages = _pages(names, 24)
    assert [len(p) for p in pages] == [19, 18, 18, 18]
    assert [n for p in pages for n in p] == names
    assert [len(p) for p in _pages(names[:24], 24)] == [24]
    assert _pages([], 24) == [[]]


@pytest.mark.parametrize("year", [2023, 2024])
def test_one_share_the_same_on_the_overview_the_leaders_page_and_the_slide(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch, year: int
) -> None:
    """Issue 21: each figure once. The non-leader share of a year, counted here from the
    demo's rows, reads the same on the overview, on the leaders page (one year chosen) and
    on the headline slide; the women's and ad-hoc shares the same on overview and slide."""
    from thidua import db, slides

    master, province = demo
    rows = province.awards.filter(pl.col("year") == year)
    people = rows.filter(pl.col("recipient_kind") == "individual")
    direct = people.filter(pl.col("is_leader") == False).height  # noqa: E712
    share = pct(direct, people.height)
    assert abs(direct / people.height - 0.6) > 0.0005  # one decimal agrees with the target
    women = pct(people.filter(pl.col("gender") == "F").height,
                people.filter(pl.col("gender").is_not_null()).height)  # fmt: skip
    typed = rows.filter(pl.col("award_type").is_not_null())
    adhoc = pct(typed.filter(pl.col("award_type") == "adhoc").height, typed.height)

    overview = open_page(master, "pages/overview.py", monkeypatch, nam_tu=str(year),
                         nam_den=str(year))  # fmt: skip
    shown = {m.label: m.value for m in headline(overview)}
    assert shown["Tỷ lệ khen người lao động trực tiếp"] == share
    assert shown["Tỷ lệ nữ trong khen thưởng cá nhân"] == women
    assert shown["Tỷ lệ khen thưởng đột xuất"] == adhoc
    leaders = open_page(master, "pages/leaders.py", monkeypatch, nam_tu=str(year),
                        nam_den=str(year))  # fmt: skip
    assert {m.label: m.value for m in headline(leaders)}["Tỷ lệ người lao động trực tiếp"] == share
    [slide] = slides.build_slides(db.open_snapshot(master), year, ["headline"], 0.6)
    for figure in (share, women, adhoc):
        assert f">{figure}<" in slide.body, figure


def test_the_overview_says_how_many_awards_its_adhoc_share_leaves_out(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ad-hoc share is read over the awards whose list names a type: the overview says
    how many it leaves out (the demo's decision lists have no type column), and its help
    says so instead of «÷ tổng số lượt khen thưởng»."""
    master, province = demo
    rows = province.awards.filter(pl.col("year") == 2024)
    untyped = rows.filter(pl.col("award_type").is_null()).height
    assert 0 < untyped < rows.height
    at = open_page(master, "pages/overview.py", monkeypatch, nam_tu="2024", nam_den="2024")
    said = " ".join(c.value for c in at.caption)
    assert f"{vi(untyped)} lượt khen không ghi loại hình" in said
    [adhoc] = [m for m in headline(at) if m.label == "Tỷ lệ khen thưởng đột xuất"]
    typed = rows.height - untyped
    adhoc_rows = rows.filter(pl.col("award_type") == "adhoc").height
    assert adhoc.value == pct(adhoc_rows, typed)


def _shares_by_year(truth: pl.DataFrame) -> dict[str, dict[int, float | None]]:
    """The three headline shares of each year, counted from the generator's rows."""
    out: dict[str, dict[int, float | None]] = {"workers": {}, "women": {}, "adhoc": {}}
    for (year,), rows in truth.group_by("year"):
        people = rows.filter(pl.col("recipient_kind") == "individual")
        gendered = people.filter(pl.col("gender").is_not_null())
        typed = rows.filter(pl.col("award_type").is_not_null())
        direct = people.filter(pl.col("is_leader") == False).height  # noqa: E712
        out["workers"][int(year)] = direct / people.height
        women = gendered.filter(pl.col("gender") == "F").height
        out["women"][int(year)] = women / gendered.height
        adhoc = typed.filter(pl.col("award_type") == "adhoc").height
        out["adhoc"][int(year)] = adhoc / typed.height if typed.height else None
    return out


def _choice_button(at: AppTest) -> str:
    """The label of the bloc page's button that opens the choice of year and bloc."""
    [box] = [b for b in at.main.children.values() if b.type == "popover"]
    return str(box.proto.popover.label)


def test_the_leaders_year_tab_draws_one_share_then_three_on_request(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The leaders page opens on the non-leader share of every year alone, each value the
    share counted here from the demo's rows, with a link to the three shares; with
    ?ty_le=ba (what the link opens, filters kept) it draws the women's and ad-hoc shares
    beside it (an ad-hoc share where some list of the year names a type), and a link back."""
    master, province = demo
    truth = _shares_by_year(province.awards)
    assert len(truth["workers"]) >= 8  # every year of the demo
    alone = open_page(master, "pages/leaders.py", monkeypatch)
    [year_chart] = figures(alone)
    [line] = year_chart["data"]
    assert dict(zip(line["x"], line["y"], strict=True)) == pytest.approx(truth["workers"])
    tabs = {"Qua các năm", "Theo đơn vị", "Theo khối, cụm", "Phân loại chức vụ"}
    tabs |= {"Danh sách khen thưởng"}  # the page's tabs are links too; the sidebar has «Tài khoản»
    [more] = [link for link in alone.main.get("page_link") if link.proto.label not in tabs]
    assert more.proto.label == "Thêm tỷ lệ nữ và tỷ lệ khen đột xuất qua các năm"
    assert parse_qs(more.proto.query_string)["ty_le"] == ["ba"]
    three = open_page(master, "pages/leaders.py", monkeypatch, ty_le="ba")
    [trend] = figures(three)
    drawn = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in trend["data"][:3]}
    assert drawn["Người lao động trực tiếp"] == pytest.approx(truth["workers"])
    assert drawn["Nữ"] == pytest.approx(truth["women"])
    assert drawn["Đột xuất"] == pytest.approx(truth["adhoc"])
    [back] = [link for link in three.main.get("page_link") if link.proto.label not in tabs]
    assert back.proto.label == "Chỉ xem tỷ lệ người lao động trực tiếp"
    assert "ty_le" not in parse_qs(back.proto.query_string)
