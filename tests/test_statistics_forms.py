"""The statistical forms (issue 23, first part): 0603/0602 on a hand-made list — every cell of
the workbook equal to a count made by hand — and on the demo province against the `awards`
view counted here; 0601 from the campaigns; the page and `python -m etl report`."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from etl.cli import main
from etl.importer import import_files
from tests.accounts import OPERATOR
from tests.builders import write_rows
from thidua import db, reports, statistics_forms
from thidua.form_xlsx import FIRST_ROW

HEADER = ["STT", "Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể",
          "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Loại hình"]  # fmt: skip
BK, CSTD = "Bằng khen của Chủ tịch UBND tỉnh", "Chiến sĩ thi đua cấp tỉnh"
ROWS: list[list[object]] = [
    ["Tập thể", "Phòng Nghiệp vụ Y, Sở Y tế", None, "Sở Y tế", BK, "Thường xuyên"],
    ["Tập thể", "Công ty TNHH Minh Phát", None, "Sở Y tế", BK, "Thường xuyên"],  # an enterprise
    ["Hộ gia đình", "Hộ ông Nguyễn Văn Tư", None, "UBND huyện Hòn Đất", BK, "Đột xuất"],
    ["Cá nhân", "Lê Văn A", "Chủ tịch UBND tỉnh", "Văn phòng UBND tỉnh", BK, "Thường xuyên"],
    ["Cá nhân", "Lê Văn B", "Giám đốc", "Sở Y tế", BK, "Thường xuyên"],
    ["Cá nhân", "Lê Văn C", "Giám đốc Công ty CP Thủy sản", "Sở Y tế", BK, "Đối ngoại"],
    ["Cá nhân", "Lê Văn D", "Trưởng phòng", "Sở Y tế", BK, "Theo phong trào thi đua"],
    ["Cá nhân", "Lê Thị E", "Chuyên viên", "Sở Y tế", BK, "Thường xuyên"],
    ["Cá nhân", "Lê Thị G", "Tổng thư ký Hội", "Sở Y tế", BK, "Thường xuyên"],  # no rule: a check
    ["Cá nhân", "Lê Thị H", "Giáo viên", "Sở Giáo dục và Đào tạo", CSTD, "Thường xuyên"],
    ["Cá nhân", "Lê Văn K", "Chủ tịch UBND huyện", "UBND huyện Hòn Đất", CSTD, "Thường xuyên"],
]  # fmt: skip
# Counted by hand: (total, collectives, enterprises, households, individuals, province,
# department, business, other leaders, direct, unclassified, regular, campaign, ad-hoc, foreign)
BK_ROW = (9, 2, 1, 1, 6, 1, 1, 1, 1, 1, 1, 6, 1, 1, 1)
CSTD_ROW = (2, 0, 0, 0, 2, 0, 1, 0, 0, 1, 0, 2, 0, 0, 0)
KEYS = ("total", "collective", "enterprise", "household", "individual", "province", "department",
        "business", "other_leader", "direct", "unclassified", "regular", "campaign", "adhoc", "foreign")  # fmt: skip


def _list(tmp_path: Path) -> Path:
    rows = [[i, 2024, "88/QĐ-UBND", "10/01/2024", *r] for i, r in enumerate(ROWS, start=1)]
    return write_rows(tmp_path / "qd_88.xlsx", [HEADER, *rows])


def test_form_0603_on_a_hand_counted_list(master: Path, tmp_path: Path) -> None:
    [report] = import_files([_list(tmp_path)], master, OPERATOR)
    assert report.status == "imported", report.message()
    con = db.open_snapshot(master)
    try:
        table = statistics_forms.form_table(con, "0603", 2024)
        data, said = reports.statistical_form(con, "0603", 2024, None, "UBND tỉnh Kiên Giang")
    finally:
        con.close()
    assert said is None
    by_label = {r["label"]: r for r in table.rows.iter_rows(named=True)}
    assert tuple(by_label[BK][k] for k in KEYS) == BK_ROW
    assert tuple(by_label[CSTD][k] for k in KEYS) == CSTD_ROW
    # The Bằng khen (given to both) split beneath: its collectives, household, individuals.
    labels = table.rows["label"].to_list()
    split = table.rows[labels.index(BK) + 1 : labels.index(BK) + 4].to_dicts()
    assert [(r["label"], r["total"], r["enterprise"], r["individual"], r["direct"]) for r in split] == [
        ("– Tập thể", 2, 1, 0, 0), ("– Hộ gia đình", 1, 0, 0, 0), ("– Cá nhân", 6, 0, 6, 1),
    ]  # fmt: skip
    # The workbook: the same figures in the cells, the total row, the check said under it.
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    header = [c.value for c in ws[FIRST_ROW]]  # the row of the parts (Excel row 9)
    assert ws["A1"].value == "Biểu số: 0603.N/BNV-TĐKT" and ws["A6"].value == "Năm 2024"
    rows = {r[1]: r for r in ws.iter_rows(min_row=FIRST_ROW + 1, values_only=True) if r[1]}
    columns = list(statistics_forms.COLUMNS)
    for label, expected in (
        (BK, BK_ROW),
        (CSTD, CSTD_ROW),
        ("Tổng cộng", tuple(map(sum, zip(BK_ROW, CSTD_ROW, strict=True)))),
    ):
        got = rows[label]
        assert tuple(got[2 + columns.index(k)] for k in KEYS) == expected, label
    assert header[2 + columns.index("unclassified")] == "Kiểm tra: cá nhân chưa phân loại chức vụ"
    assert any(
        "1 lượt khen cá nhân chưa phân loại được chức vụ (1 có chức vụ chưa quy tắc nào khớp;"
        in str(r[1])
        for r in ws.iter_rows(values_only=True)
    )
    assert any(r[1] == "Người lập biểu" for r in ws.iter_rows(values_only=True))


def test_demo_forms_equal_the_awards_view(demo: tuple[Path, object]) -> None:
    master, _ = demo
    con = db.open_snapshot(master)
    try:
        for form, level in (("0603", "province"), ("0602", "state")):
            table = statistics_forms.form_table(con, form, 2024)
            counted = dict(con.execute(
                "SELECT a.form_name, count(*) FROM awards AS a WHERE a.year = 2024 "
                "AND a.form_level = ? GROUP BY ALL", [level]).fetchall())  # fmt: skip
            rows = table.rows.filter(~pl.col("is_detail"))
            assert {
                r["label"]: r["total"] for r in rows.iter_rows(named=True) if r["total"]
            } == counted
            for r in [*rows.iter_rows(named=True), table.totals]:
                assert r["total"] == r["collective"] + r["household"] + r["individual"]
                classes = sum(r[k] for k in (*statistics_forms.CLASS_NAMES, "unclassified"))
                types = sum(r[k] for k in (*statistics_forms.TYPE_NAMES, "type_unknown"))
                assert classes == r["individual"] and types == r["total"]
    finally:
        con.close()


def test_form_0601_from_the_campaigns(demo: tuple[Path, object]) -> None:
    master, province = demo
    con = db.open_snapshot(master)
    try:
        table = statistics_forms.campaign_table(con, 2021)
    finally:
        con.close()
    plans = province.campaigns.filter(pl.col("issued_on").dt.year() == 2021)  # type: ignore[attr-defined]
    blocs = province.memberships.filter(pl.col("year") == 2021)["bloc_name"].n_unique()  # type: ignore[attr-defined]
    rows = {r["scope"]: r for r in table.iter_rows(named=True)}
    assert rows["province"]["total"] == plans.height == 2  # 35/KH-UBND and 77/KH-UBND
    assert rows["province"]["regular"] == 1 and rows["province"]["thematic"] == 1
    assert rows["province"]["three_to_5"] + rows["province"]["five_up"] == 2  # 2021 → mid-2025
    assert rows["blocs"]["total"] == blocs


def test_the_command_line_and_the_page(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.apptest import app_as

    import_files([_list(tmp_path)], master, OPERATOR)
    out = tmp_path / "bieu.xlsx"
    assert main(["report", "0603", "--year", "2024", "-o", str(out), "--db", str(master)]) == 0
    ws = openpyxl.load_workbook(out).active
    assert [
        r[2] for r in ws.iter_rows(min_row=FIRST_ROW + 1, values_only=True) if r[1] == "Tổng cộng"
    ] == [11]
    assert (
        main(
            [
                "report",
                "0601",
                "--year",
                "2024",
                "--unit",
                "Sở Y tế",
                "-o",
                str(out),
                "--db",
                str(master),
            ]
        )
        == 1
    )
    at = app_as(master, monkeypatch)
    at.run()
    at.switch_page("pages/reports.py").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    total = table[table["Hình thức khen thưởng"] == "Tổng cộng"].iloc[0]
    assert (total["Tổng số"], total["Cá nhân"], total["Doanh nhân"]) == ("11", "8", "1")
    assert at.get("download_button")


# Counted here straight from the awards view, without thidua.statistics_forms.
_INDEPENDENT = """
SELECT a.form_name,
       count(*) AS total,
       count(*) FILTER (WHERE a.recipient_kind = 'collective') AS collective,
       count(*) FILTER (WHERE a.recipient_kind = 'collective' AND regexp_matches(
           replace(strip_accents(lower(a.recipient_name)), 'đ', 'd'),
           'cong ty|doanh nghiep|tap doan|hop tac xa|\\bhtx\\b|ngan hang')) AS enterprise,
       count(*) FILTER (WHERE a.recipient_kind = 'household') AS household,
       count(*) FILTER (WHERE a.recipient_kind = 'individual') AS individual,
       count(*) FILTER (WHERE a.recipient_kind = 'individual' AND a.is_leader) AS leaders,
       count(*) FILTER (WHERE a.recipient_kind = 'individual' AND NOT a.is_leader) AS direct,
       count(*) FILTER (WHERE a.recipient_kind = 'individual' AND a.is_leader IS NULL) AS unclassified,
       count(*) FILTER (WHERE a.award_type = 'regular') AS regular,
       count(*) FILTER (WHERE a.award_type = 'campaign') AS campaign,
       count(*) FILTER (WHERE a.award_type = 'adhoc') AS adhoc,
       count(*) FILTER (WHERE a.award_type = 'foreign') AS foreign_,
       count(*) FILTER (WHERE a.award_type = 'dedication') AS dedication,
       count(*) FILTER (WHERE a.award_type = 'seniority') AS seniority,
       count(*) FILTER (WHERE a.award_type = 'resistance') AS resistance,
       count(*) FILTER (WHERE a.award_type IS NULL) AS type_unknown
FROM awards AS a
WHERE a.year = ? AND a.form_level = ?
GROUP BY a.form_name
"""


@pytest.mark.parametrize(("form", "level"), [("0603", "province"), ("0602", "state")])
def test_every_cell_of_the_demos_workbook(demo: tuple[Path, object], form: str, level: str) -> None:
    master, _ = demo
    con = db.open_snapshot(master)
    try:
        data, _ = reports.statistical_form(con, form, 2024, None, "UBND tỉnh Kiên Giang")
        counted = {r[0]: r[1:] for r in con.execute(_INDEPENDENT, [2024, level]).fetchall()}
        units = dict(con.execute(
            "SELECT coalesce(unit_name, '(không ghi đơn vị)'), count(*) FROM awards "
            "WHERE year = 2024 AND form_level = ? GROUP BY ALL", [level]).fetchall())  # fmt: skip
    finally:
        con.close()
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book.worksheets[0]
    col = {k: 2 + i for i, k in enumerate(statistics_forms.COLUMNS)}
    rows = {r[1]: r for r in ws.iter_rows(min_row=FIRST_ROW + 1, values_only=True)
            if isinstance(r[1], str) and r[0] is not None}  # fmt: skip
    assert set(rows) == {name for name, c in counted.items() if c[0]} | {
        f.name_vi for f in statistics_forms.reference.AWARD_FORMS if f.level == level
    }
    for name, row in rows.items():
        c = counted.get(name, (0,) * 16)
        total, collective, enterprise, household, individual, leaders, direct, unclassified = c[:8]
        types = dict(zip(("regular", "campaign", "adhoc", "foreign", "dedication", "seniority",
                          "resistance", "type_unknown"), c[8:], strict=True))  # fmt: skip
        assert (row[col["total"]], row[col["collective"]], row[col["enterprise"]],
                row[col["household"]], row[col["individual"]]) == (
            total, collective, enterprise, household, individual), name  # fmt: skip
        leading = sum(row[col[k]] for k in ("province", "department", "business", "other_leader"))
        assert (leading, row[col["direct"]], row[col["unclassified"]]) == (
            leaders,
            direct,
            unclassified,
        ), name
        assert {k: row[col[k]] for k in types} == types, name
    # A form given to both kinds is split beneath it: the parts add up to its row.
    every = [
        r for r in ws.iter_rows(min_row=FIRST_ROW + 1, values_only=True) if isinstance(r[1], str)
    ]
    for i, r in enumerate(every):
        if r[0] is not None and i + 1 < len(every) and every[i + 1][1] == "– Tập thể":
            parts = [
                p
                for p in every[i + 1 : i + 4]
                if p[1] in ("– Tập thể", "– Hộ gia đình", "– Cá nhân")
            ]
            assert sum(p[2] for p in parts) == r[2], r[1]
    # By submitting body: a row per unit, each with its count.
    by_unit = book.worksheets[1]
    listed = {r[1]: r[2] for r in by_unit.iter_rows(min_row=FIRST_ROW + 1, values_only=True)
              if r[0] is not None}  # fmt: skip
    assert listed == units


def test_form_0601_workbook(demo: tuple[Path, object]) -> None:
    """Every cell of the demo's 0601 for 2021, counted here from the generator's campaigns:
    35/KH-UBND (thematic, 01/3/2021–30/6/2025) and 77/KH-UBND (regular, 01/5/2021–30/6/2025),
    both from three to under five years; the blocs and clusters' yearly emulation."""
    master, province = demo
    con = db.open_snapshot(master)
    try:
        data, said = reports.statistical_form(con, "0601", 2021, None, "UBND tỉnh Kiên Giang")
    finally:
        con.close()
    assert said is None
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = [r for r in ws.iter_rows(min_row=FIRST_ROW + 1, values_only=True) if r[1]][:3]
    plans = province.campaigns.filter(pl.col("issued_on").dt.year() == 2021)  # type: ignore[attr-defined]
    assert sorted(plans["plan_no"].to_list()) == ["35/KH-UBND", "77/KH-UBND"]
    blocs = province.memberships.filter(pl.col("year") == 2021)["bloc_name"].n_unique()  # type: ignore[attr-defined]
    # columns: total; under 1 year, 1 year, 1–3, 3–5, 5 and more, unknown; thematic, regular
    assert [r[2:] for r in rows] == [
        (2, 0, 0, 0, 2, 0, 0, 1, 1),
        (blocs, 0, blocs, 0, 0, 0, 0, 0, blocs),
        (2 + blocs, 0, blocs, 0, 2, 0, 0, 1, 1 + blocs),
    ]
    assert [r[1][:8] for r in rows] == ["Cấp tỉnh", "Khối, cụ", "Tổng cộn"]


def test_the_unclassified_check_tells_a_blank_position_from_one_no_rule_matched() -> None:
    """The third walk read «8 lượt khen cá nhân có chức vụ chưa được quy tắc nào phân loại»
    under form 0603 while the leaders' page listed those eight as «(để trống)»: no position
    typed. Hand-made: two blank (one empty, one spaces), one «Tổng thư ký Hội»."""
    from thidua.individual_classes import UNCLASSIFIED

    awards = pl.DataFrame(
        {
            "position": [None, "  ", "Tổng thư ký Hội", "Giám đốc"],
            "individual_class": [UNCLASSIFIED, UNCLASSIFIED, UNCLASSIFIED, "leader_province"],
        }
    )
    said = statistics_forms._unclassified_said(awards, 3)
    assert said.startswith(
        "3 lượt khen cá nhân chưa phân loại được chức vụ (2 không ghi chức vụ, 1 có chức vụ "
        "chưa quy tắc nào khớp;"
    )
