"""Issue 21, 5: a unit at 274/457 = 59,956 % was labelled «60,0%» in red beside another
unit's blue «60,0%» under «Mục tiêu 60%». The label now agrees with the judgement, and the
judgement is made once (thidua.metrics) for the page, its table and the slides."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apptest import open_tab
from tests.builders import REGISTER_HEADER, write_rows
from tests.conftest import Importer
from tests.test_pages import figures, open_page
from thidua import db, slides
from thidua.charts import BLUE, TARGET_COLOUR
from thidua.metrics import below_target, share_against_target


@pytest.mark.parametrize(
    ("share", "label"),
    [
        (274 / 457, "59,96%"),  # would round to the target's own 60,0%
        (0.6, "60,0%"),
        (0.59999, "59,999%"),
        (0.5999999, "60,000% (dưới mục tiêu)"),
        (0.61, "61,0%"),
        (None, "chưa có dữ liệu"),
    ],
)
def test_a_share_is_written_so_it_agrees_with_the_judgement(
    share: float | None, label: str
) -> None:
    assert share_against_target(share, 0.6) == label


def _people(unit: str, direct: int, leaders: int) -> list[list[object]]:
    return [
        ["2024", "15/QĐ-UBND", "10/01/2024", "Cá nhân", f"Người {unit} {i}", "Nam",
         "Chuyên viên" if i < direct else "Giám đốc", unit, "Bằng khen của Chủ tịch UBND tỉnh",
         "Thường xuyên"]
        for i in range(direct + leaders)
    ]  # fmt: skip


def test_the_unit_chart_and_the_slide_label_a_share_below_the_target_as_below(
    tmp_path: Path, master: Path, import_into: Importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = _people("Sở Y tế", 274, 457 - 274) + _people("Sở Tài chính", 3, 2)
    [report] = import_into(write_rows(tmp_path / "so.xlsx", [REGISTER_HEADER, *rows]))
    assert report.status == "imported", report.message()
    at = open_page(master, "pages/leaders.py", monkeypatch, nam_tu="2024", nam_den="2024")
    # The bars, and each unit's share written beside them in its bar's colour.
    [(bars, shares)] = [f["data"] for f in figures(open_tab(at, "leaders_tab", "Theo đơn vị"))]
    assert shares["y"] == bars["y"] and shares["textfont"]["color"] == bars["marker"]["color"]
    shown = dict(
        zip(bars["y"], zip(shares["text"], bars["marker"]["color"], strict=True), strict=True)
    )
    assert shown == {"Sở Y tế": ("59,96%", TARGET_COLOUR), "Sở Tài chính": ("60,0%", BLUE)}
    table = at.dataframe[-1].value
    assert dict(zip(table["Đơn vị"], table["Tỷ lệ NLĐ"], strict=True)) == {
        "Sở Y tế": "59,96%",
        "Sở Tài chính": "60,0%",
    }
    assert dict(zip(table["Đơn vị"], table["So với mục tiêu"], strict=True)) == {
        "Sở Y tế": "dưới mục tiêu",
        "Sở Tài chính": "đạt mục tiêu",
    }
    # The province's year on the slide: 277/462 = 59,957 %, below, and written so.
    slide = slides.non_leader_slide(db.open_snapshot(master), 2024, 0.6)
    assert "59,96%" in slide.body and "#e74c3c" in slide.body
    assert below_target(277 / 462, 0.6) is True
