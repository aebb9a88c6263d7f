"""The metrics layer against hand counts: the shares of truth.json and a tiny fixture."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import duckdb
import openpyxl
import polars as pl
import pytest

from tests.builders import REGISTER_HEADER, write_rows
from tests.conftest import SAMPLES, TRUTH, Importer
from thidua import metrics, queries, reports
from thidua.exports import neutralise, to_xlsx
from thidua.filters import Filters

HEADER = REGISTER_HEADER
# Hand-counted: 2023 has 4 individuals (2 direct workers, 1 leader, 1 unclassified "Trưởng trạm"),
# 3 women among 3 with a gender, 1 collective; 2 of 5 awards ad-hoc. 2022 has 2 individuals, 1 direct worker.
ROWS: list[list[object]] = [
    ["2023", "1/QĐ-UBND", "10/01/2023", "Cá nhân", "A", "Nữ", "Giáo viên", "Sở Giáo dục và Đào tạo", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"],
    ["2023", "1/QĐ-UBND", "10/01/2023", "Cá nhân", "B", "Nữ", "Điều dưỡng", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Đột xuất"],
    ["2023", "1/QĐ-UBND", "10/01/2023", "Cá nhân", "C", "Nữ", "Phó Giám đốc", "Sở Y tế", "Chiến sĩ thi đua cấp tỉnh", "Thường xuyên"],
    ["2023", "1/QĐ-UBND", "10/01/2023", "Cá nhân", "D", None, "Trưởng trạm", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Đột xuất"],
    ["2023", "1/QĐ-UBND", "10/01/2023", "Tập thể", "Phòng X, Sở Y tế", None, None, "Sở Y tế", "Tập thể lao động xuất sắc", "Thường xuyên"],
    ["2022", "9/QĐ-UBND", "10/01/2022", "Cá nhân", "E", "Nam", "Chuyên viên", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"],
    ["2022", "9/QĐ-UBND", "10/01/2022", "Cá nhân", "F", "Nam", "Giám đốc", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"],
]  # fmt: skip


@pytest.fixture
def small(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> duckdb.DuckDBPyConnection:
    [report] = import_into(write_rows(tmp_path / "small.xlsx", [HEADER, *ROWS]))
    assert report.status == "imported", report.message()
    return snapshot()


def test_year_figures_by_hand(small: duckdb.DuckDBPyConnection) -> None:
    view = metrics.overview(small, 2023)
    now, before = view.current, view.previous
    assert (
        now.awards,
        now.individuals,
        now.collectives,
        now.direct_workers,
        now.leaders,
        now.unclassified,
    ) == (5, 4, 1, 2, 1, 1)
    assert now.non_leader_share == 2 / 4
    assert now.women_share == 3 / 3
    assert now.adhoc_share == 2 / 5
    assert before is not None and before.non_leader_share == 1 / 2
    assert metrics.change(now.non_leader_share, before.non_leader_share) == 0


def test_shares_by_unit_and_filters(small: duckdb.DuckDBPyConnection) -> None:
    view = reports.leader_shares(small, Filters(year_from=2023, year_to=2023), target=0.6)
    shares = dict(view.by_unit.select("unit_name", "non_leader_share").iter_rows())
    assert shares == {"Sở Giáo dục và Đào tạo": 1.0, "Sở Y tế": 1 / 3}
    assert view.by_unit.filter(pl.col("below_target"))["unit_name"].to_list() == ["Sở Y tế"]
    positions = reports.position_classes(small, Filters(year_from=2023, year_to=2023))
    unclassified = positions.filter(pl.col("is_leader").is_null())
    assert unclassified.select("position", "awards").rows() == [("Trưởng trạm", 1)]
    only_adhoc = metrics.overview(small, 2023, Filters(award_types=("adhoc",))).current
    assert (only_adhoc.awards, only_adhoc.individuals, only_adhoc.direct_workers) == (2, 2, 1)
    # Values outside the reference lists (a hand-edited link) are dropped, not injected.
    cleaned = Filters(forms=("BK_TINH", "x'); DROP TABLE award; --"), kinds=("robot",)).clean()
    assert cleaned.forms == ("BK_TINH",) and cleaned.kinds == ()
    assert queries.run(small, "counts_by_year", cleaned)["awards"].to_list() == [2, 3]


@pytest.mark.parametrize("name", sorted(n for n, t in TRUTH.items() if "non_leader_share" in t))
def test_non_leader_share_of_each_sample(
    name: str, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    import_into(SAMPLES / name)
    year = TRUTH[name]["year"]
    figures = metrics.overview(snapshot(), year).current
    assert figures.non_leader_share is not None
    assert round(figures.non_leader_share, 4) == TRUTH[name]["non_leader_share"]
    assert figures.direct_workers == TRUTH[name]["non_leader_individual"]


def test_export_neutralises_formulas_and_keeps_vietnamese_headers() -> None:
    assert neutralise('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert [neutralise(v) for v in ("+1", "-2", "@SUM(A1)", "Sở Y tế")] == [
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "Sở Y tế",
    ]
    frame = pl.DataFrame({"unit_name": ["=1+1", "Sở Y tế"], "awards": [3, 4]})
    book = openpyxl.load_workbook(
        io.BytesIO(to_xlsx(frame, {"unit_name": "Đơn vị", "awards": "Số lượt"}))
    )
    rows = [[c.value for c in row] for row in book.active.iter_rows()]
    assert rows == [["Đơn vị", "Số lượt"], ["'=1+1", 3], ["Sở Y tế", 4]]
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)


def test_bloc_ranking_names_what_each_unit_received_for_that_year(
    import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection], tmp_path: Path
) -> None:
    """The ranking's last column: collective flags and certificates of merit given to the unit
    itself for the scored year (decided the year after), from the pre-aggregated snapshot."""
    from thidua.reference import FORMS_BY_CODE

    def row(year: int, name: str, form: str) -> list[object]:
        return [year, "15/QĐ-UBND", f"10/01/{year}", "Tập thể", name, "", "", name, form,
                "Thường xuyên"]  # fmt: skip

    register = write_rows(
        tmp_path / "co_thi_dua.xlsx",
        [
            REGISTER_HEADER,
            row(2019, "Sở Y tế", "Cờ thi đua của UBND tỉnh"),
            row(2019, "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh"),
            row(2019, "Sở Du lịch", "Giấy khen"),  # not a bloc outcome
            row(2020, "Ban Dân tộc", "Cờ thi đua của UBND tỉnh"),  # for 2019, not 2018
        ],
    )
    reports_ = import_into(SAMPLES / "diem_khoi4_2018.xlsx", register)
    assert all(r.status == "imported" for r in reports_), [r.message() for r in reports_]
    ranking = reports.bloc_ranking(snapshot(), 2018, "Khối thi đua số 4").ranking
    outcomes = {u: o for u, o in ranking.select("unit_name", "outcome").iter_rows() if o}
    assert outcomes == {
        "Sở Y tế": f"{FORMS_BY_CODE['BK_TINH'].name_vi}; {FORMS_BY_CODE['CO_TINH'].name_vi}"
    }


def test_filters_are_said_in_one_line() -> None:
    assert Filters(year_from=2006, year_to=2025).describe() == (
        "Năm 2006–2025 · mọi đơn vị, hình thức, đối tượng"
    )
    chosen = Filters(
        year_from=2021, year_to=2021, bloc="Khối Văn hóa – Xã hội", unit="Sở Y tế",
        forms=("BK_TINH", "GIAY_KHEN"), kinds=("collective",),
    )  # fmt: skip
    assert chosen.describe() == (
        "Năm 2021 · Khối Văn hóa – Xã hội · Sở Y tế · "
        "Bằng khen của Chủ tịch UBND tỉnh, Giấy khen · Tập thể"
    )
    assert Filters().describe() == "mọi đơn vị, hình thức, đối tượng"  # an empty warehouse
