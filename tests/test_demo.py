"""The demo province: deterministic, realistic in its proportions, consistent with the
unit list, and written to spreadsheets that say what the truth frame says."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from demo_province import (
    AWARD_COLUMNS,
    COLLECTIVE_ONLY,
    INDIVIDUAL_ONLY,
    STATE_CODES,
    DemoProvince,
    build_province,
    load_units,
    national_awards,
    write_province,
)

YEARS = range(2024, 2026)  # spans the 2025 mergers and the end of the districts


@pytest.fixture(scope="module")
def province() -> DemoProvince:
    return build_province(seed=11, years=YEARS, awards_per_year=400)


def test_same_seed_same_province_other_seed_differs(province: DemoProvince) -> None:
    again = build_province(seed=11, years=YEARS, awards_per_year=400)
    for name in ("awards", "bloc_scores", "memberships", "campaigns"):
        assert_frame_equal(getattr(province, name), getattr(again, name))
    other = build_province(seed=12, years=YEARS, awards_per_year=400)
    assert not province.awards.equals(other.awards)


def test_columns_and_row_count(province: DemoProvince) -> None:
    assert tuple(province.awards.columns) == AWARD_COLUMNS
    # 400 a year on average; each year its own count, as a real province's (issue 21, 12).
    per_year = dict(province.awards.group_by("year").len().iter_rows())
    assert sorted(per_year) == list(YEARS)
    assert all(300 <= n <= 500 for n in per_year.values())
    assert len(set(per_year.values())) == len(YEARS)
    assert province.awards.schema["decision_date"] == pl.Date


def test_form_proportions(province: DemoProvince) -> None:
    share = province.awards["form_code"].value_counts(normalize=True)
    by_code = dict(zip(share["form_code"], share["proportion"], strict=True))
    assert sum(by_code.get(c, 0) for c in ("GIAY_KHEN", "LDTT", "CSTD_CS", "BK_TINH")) > 0.65
    assert sum(by_code.get(c, 0) for c in STATE_CODES) < 0.03


def test_recipient_constraints(province: DemoProvince) -> None:
    a = province.awards
    assert a.filter(
        pl.col("form_code").is_in(sorted(INDIVIDUAL_ONLY))
        & (pl.col("recipient_kind") != "individual")
    ).is_empty()
    assert a.filter(
        pl.col("form_code").is_in(sorted(COLLECTIVE_ONLY))
        & (pl.col("recipient_kind") != "collective")
    ).is_empty()
    households = a.filter(pl.col("recipient_kind") == "household")
    assert households["form_code"].is_in(["GIAY_KHEN", "BK_TINH"]).all()
    assert households["recipient_name"].str.starts_with("Hộ gia đình ").all()
    not_people = a.filter(pl.col("recipient_kind") != "individual")
    assert not_people.select(pl.col("gender", "position", "is_leader").is_null().all()).row(0) == (
        True,
        True,
        True,
    )
    resistance = a.filter(pl.col("award_type") == "resistance")
    assert (resistance["form_text"] == "Bà mẹ Việt Nam anh hùng").all()


def test_dates_and_years(province: DemoProvince) -> None:
    a = province.awards
    assert (a["decision_date"].dt.year() == a["year"]).all()
    regular = a.filter(pl.col("award_type") == "regular")
    assert (regular["decision_date"].dt.month() <= 4).all()
    assert (regular["achievement_year"] == regular["year"] - 1).all()
    campaign = a.filter(pl.col("award_type") == "campaign")
    assert campaign["campaign_code"].is_not_null().all()
    assert a.filter(pl.col("award_type") != "campaign")["campaign_code"].is_null().all()
    assert a.filter(pl.col("year") == 2025)["decision_date"].max() is not None


def test_units_valid_at_decision_date(province: DemoProvince) -> None:
    units = load_units()
    joined = province.awards.join(
        units.select(unit_name="name", valid_from="valid_from", valid_to="valid_to"),
        on="unit_name",
        how="left",
    )
    assert joined.height == province.awards.height
    assert province.awards.join(
        units.select(unit_name="name"), on="unit_name", how="anti"
    ).is_empty()
    invalid = joined.filter(
        (pl.col("valid_from").is_not_null() & (pl.col("decision_date") < pl.col("valid_from")))
        | (pl.col("valid_to").is_not_null() & (pl.col("decision_date") > pl.col("valid_to")))
    )
    assert invalid.is_empty()
    late = province.awards.filter(pl.col("decision_date") > date(2025, 6, 30))
    assert not late["unit_name"].str.starts_with("UBND ").any()


def test_units_csv_has_sample_names() -> None:
    names = set(load_units()["name"])
    for name in ("Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa và Thể thao", "Ban Dân tộc",
                 "Sở Du lịch", "UBND huyện U Minh Thượng", "UBND thành phố Phú Quốc"):  # fmt: skip
        assert name in names


def test_memberships(province: DemoProvince) -> None:
    m = province.memberships
    roles = m.group_by("year", "bloc_name").agg(
        heads=(pl.col("role") == "head").sum(),
        deputies=(pl.col("role") == "deputy").sum(),
        size=pl.len(),
    )
    assert (roles["heads"] == 1).all() and (roles["deputies"] == 1).all()
    assert roles["size"].is_between(7, 10).all()
    assert not m.select("year", "unit_name").is_duplicated().any()
    units = load_units()
    for year in YEARS:
        when = date(year, 3, 1)
        valid = units.filter(
            (pl.col("valid_from").is_null() | (pl.col("valid_from") <= when))
            & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= when))
        )
        assert set(m.filter(pl.col("year") == year)["unit_name"]) == set(valid["name"])


def test_bloc_scores(province: DemoProvince) -> None:
    s = province.bloc_scores
    expected = (s["bloc_score"] + s["bonus"] - s["penalty"]).round(1)
    assert (expected == s["total"]).all()
    ranks = s.group_by("year", "bloc_name").agg(
        ok=pl.col("rank").sort().eq(pl.int_range(1, pl.len() + 1)).all(),
        follows=(pl.col("total").sort_by("rank").diff().fill_null(-1) < 0).all(),
    )
    assert ranks["ok"].all() and ranks["follows"].all()
    assert s.height == province.memberships.height


def _sheet_rows(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return rows


def test_written_files(province: DemoProvince, tmp_path: Path) -> None:
    files = write_province(province, tmp_path)
    names = [f.name for f in files]
    assert names[:2] == ["khoi_cum_thi_dua.xlsx", "phong_trao_thi_dua.xlsx"]
    for year in YEARS:
        truth = province.awards.filter(pl.col("year") == year)
        register = _sheet_rows(tmp_path / f"so_khen_thuong_{year}.xlsx")
        assert register[0][:3] == ("Năm", "Số quyết định", "Ngày quyết định")
        assert len(register) - 1 == truth.filter(pl.col("file_kind") == "register").height

        listed = truth.filter(pl.col("file_kind") == "decision_list")
        rows = _sheet_rows(tmp_path / f"qd_bang_khen_{year}.xlsx")
        text = " ".join(str(v) for row in rows for v in row if v is not None)
        match = re.search(r"Kèm theo Quyết định số (\S+) ngày (\d+) tháng (\d+) năm (\d+)", text)
        assert match is not None
        assert {match.group(1)} == set(listed["decision_no"])
        day = date(int(match.group(4)), int(match.group(3)), int(match.group(2)))
        assert {day} == set(listed["decision_date"])
        people = listed.filter(pl.col("recipient_kind") == "individual").height
        assert f"Danh sách này có {people} cá nhân và {listed.height - people} tập thể" in text
        assert listed["gender"].is_null().all()

        for group in province.memberships.filter(pl.col("year") == year)["bloc_name"].unique():
            slug = ("khoi" if group.startswith("Khối") else "cum") + group.rsplit(" ", 1)[-1]
            assert f"diem_{slug}_{year}.xlsx" in names


def test_national_awards_small() -> None:
    frame = national_awards(provinces=2, years=range(2020, 2022), awards_per_year=1000)
    assert frame.height == 4000
    assert frame.columns == ["province", *AWARD_COLUMNS]
    assert frame["province"].n_unique() == 2
