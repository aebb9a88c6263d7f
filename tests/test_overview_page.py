"""The overview page on the demo province, checked with AppTest against figures
computed here from the generator's own truth frame (not from the warehouse)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from demo_province import DemoProvince
from tests.accounts import VIEWER
from tests.apptest import app_as, headline, open_tab


def _app(master: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return app_as(master, monkeypatch, VIEWER)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}".replace(".", ",") + "%"


def _expected(truth: pl.DataFrame, year: int) -> dict[str, str]:
    rows = truth.filter(pl.col("year") == year)
    people = rows.filter(pl.col("recipient_kind") == "individual")
    direct = people.filter(pl.col("is_leader") == False).height  # noqa: E712
    women = people.filter(pl.col("gender") == "F").height
    gendered = people.filter(pl.col("gender").is_not_null()).height
    adhoc = rows.filter(pl.col("award_type") == "adhoc").height
    typed = rows.filter(pl.col("award_type").is_not_null()).height  # decision lists say none
    return {
        "Tổng số lượt khen thưởng": f"{rows.height:,}".replace(",", "."),
        "Tỷ lệ khen người lao động trực tiếp": _percent(direct, people.height),
        "Tỷ lệ nữ trong khen thưởng cá nhân": _percent(women, gendered),
        "Tỷ lệ khen thưởng đột xuất": _percent(adhoc, typed),
    }


def _figures(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("year", [2025, 2021])
def test_overview_figures_match_the_truth(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch, year: int
) -> None:
    master, province = demo
    truth = province.awards
    at = _app(master, monkeypatch).run()
    at.selectbox(key="f_year_to").select(year).run()
    assert not at.exception and not at.error
    shown = {m.label: m.value for m in headline(at)}
    assert shown == _expected(truth, year)
    # Deltas against the previous year, in percentage points, computed from the truth too.
    now, before = _expected(truth, year), _expected(truth, year - 1)
    key = "Tỷ lệ khen người lao động trực tiếp"
    delta = float(now[key][:-1].replace(",", ".")) - float(before[key][:-1].replace(",", "."))
    metric = next(m for m in headline(at) if m.label == key)
    sign = "+" if delta >= 0.1 else "-" if delta <= -0.1 else ""
    assert metric.delta is not None and metric.delta.startswith(sign)
    assert abs(float(metric.delta.split()[0].replace(",", ".")) - delta) <= 0.11
    # The award chart's bars are the truth's counts by award code; only the open tab is drawn.
    [forms] = _figures(at)
    bars = {
        name: value
        for trace in forms["data"]
        for name, value in zip(trace["y"], trace["x"], strict=True)
    }
    from thidua.reference import FORMS_BY_CODE

    counts = truth.filter(pl.col("year") == year).group_by("form_code").len()
    assert bars == {FORMS_BY_CODE[c].name_vi: n for c, n in counts.iter_rows()}
    [kinds] = _figures(open_tab(at, "overview_tab", "Theo đối tượng"))
    this_year = next(t for t in kinds["data"] if t["name"] == f"Năm {year}")
    by_kind = truth.filter(pl.col("year") == year).group_by("recipient_kind").len()
    labels = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}
    assert dict(zip(this_year["x"], this_year["y"], strict=True)) == {
        labels[k]: n for k, n in by_kind.iter_rows()
    }


def test_overview_follows_the_shared_filters_and_the_url(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    at = _app(master, monkeypatch)
    at.query_params.update({"nam_den": "2022", "doi_tuong": "individual", "loai_hinh": "adhoc"})
    at.run()
    assert not at.exception and not at.error
    expected = province.awards.filter(
        (pl.col("year") == 2022)
        & (pl.col("recipient_kind") == "individual")
        & (pl.col("award_type") == "adhoc")
    ).height
    assert next(m.value for m in headline(at) if m.label == "Tổng số lượt khen thưởng") == str(
        expected
    )
    assert at.query_params["nam_den"] == ["2022"] or at.query_params["nam_den"] == "2022"
    # The filters live in a popover; the sidebar says in words what is being looked at.
    first = int(province.awards["year"].min())  # type: ignore[arg-type]
    captions = [c.value for c in at.sidebar.caption]
    assert f"Đang xem: Năm {first}–2022 · Đột xuất · Cá nhân" in captions


def test_the_first_year_is_compared_with_nothing(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The third walk read «so với năm 2017» above «chưa có dữ liệu năm 2017 để so sánh» on
    the demo's first year: the page says a comparison only when there is a year before."""
    master, province = demo
    first = int(province.awards["year"].min())  # type: ignore[arg-type]
    for year, said in (
        (first, f"Năm {first} (năm cuối của khoảng năm ở thanh bên)."),
        (first + 1, f"Năm {first + 1} (năm cuối của khoảng năm ở thanh bên), so với năm {first}."),
    ):
        at = _app(master, monkeypatch)
        at.query_params.update({"nam_tu": str(first), "nam_den": str(year)})
        at.run()
        assert said in [c.value for c in at.main.caption]


def test_overview_with_no_data_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app(tmp_path / "empty.duckdb", monkeypatch).run()
    assert not at.exception and not at.error
    assert any("chưa có dữ liệu" in w.value for w in at.warning)


def test_headline_figures_escape_text_and_point_the_delta() -> None:
    from ui.kpis import Kpi, _cell

    drawn = _cell(Kpi("Đơn vị <b>A</b>", "1.234", "-3 so với 2024", help='"x" < y'))
    assert "<b>" not in drawn and "Đơn vị &lt;b&gt;A&lt;/b&gt;" in drawn
    assert "↓ " in drawn and "rgb(189, 64, 67)" in drawn  # down and red
    assert 'title="&quot;x&quot; &lt; y"' in drawn
    up = _cell(Kpi("Tỷ lệ", "58,7%", "+3,1 điểm %"))
    assert "↑ " in up and "rgb(23, 114, 51)" in up
    off = _cell(Kpi("Khen cá nhân", "29.401", "-73,5% tổng số", "off"))
    assert "↓" not in off and "↑" not in off and "rgb(189, 64, 67)" not in off
    # A change that rounds to nothing has no sign, no arrow and no colour.
    from thidua.formatting import points, signed

    assert (points(-0.0004), points(0.0004), points(-0.012)) == (
        "0,0 điểm %", "0,0 điểm %", "-1,2 điểm %",
    )  # fmt: skip
    assert (signed(0), signed(-3), signed(1250)) == ("0", "-3", "+1.250")
    same = _cell(Kpi("Tỷ lệ đột xuất", "6,7%", points(-0.0004)))
    assert "↓" not in same and "↑" not in same and "rgb(189, 64, 67)" not in same
    assert "rgb(23, 114, 51)" not in same


def test_slideshow_headline_changes_from_the_truth(demo: tuple[Path, DemoProvince]) -> None:
    """The big screen's headline cards: the change in awards counted from the demo's rows,
    with a typographic minus, and shares' changes in points signed as on the pages."""
    from thidua import db, slides

    master, province = demo
    per_year = dict(province.awards.group_by("year").len().iter_rows())
    con = db.open_snapshot(master)
    try:
        body = slides.headline_slide(con, 2025).body
    finally:
        con.close()
    change = per_year[2025] - per_year[2024]
    sign = "+" if change > 0 else "−" if change < 0 else ""
    number = f"{abs(change):,}".replace(",", ".")
    assert f'<div class="card-delta">{sign}{number} so với 2024</div>' in body
    shares = re.findall(r'card-delta">([^<]*) điểm % so với 2024<', body)
    assert len(shares) == 3 and all(re.fullmatch(r"[+−]?\d+,\d", s) for s in shares)
    assert not any(s in {"+0,0", "−0,0"} for s in shares)


def test_the_demo_provinces_total_moves_from_year_to_year(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 21, 12: the demo gave exactly 5,000 awards every year, so the total's delta
    always read «0 so với 2024». Each year's count differs from the year before's now, and
    the headline's delta is that difference, counted here from the truth frame."""
    master, province = demo
    per_year = dict(province.awards.group_by("year").len().iter_rows())
    years = sorted(per_year)
    assert all(per_year[y] != per_year[y - 1] for y in years[1:])
    at = _app(master, monkeypatch).run()
    metric = next(m for m in headline(at) if m.label == "Tổng số lượt khen thưởng")
    difference = per_year[2025] - per_year[2024]
    sign = "+" if difference > 0 else "-"
    assert metric.delta == f"{sign}{abs(difference)} so với 2024"
