"""The eligibility ladder (issue 23, second part), on hand-made histories: a run of three
Chiến sĩ thi đua cơ sở makes a candidate for the provincial title the year after; a gap
breaks it; namesakes in two units are two people; a unit merged away keeps its people's
runs; a name typed two ways or two namesakes in one unit make a candidate «chưa chắc chắn»;
the Government flag's candidates are the provincial flags that led their bloc."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.importer import import_files
from tests.accounts import OPERATOR
from tests.builders import write_rows
from thidua import db, ladder

HEADER = ["STT", "Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể",
          "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Năm thành tích"]  # fmt: skip
CS = "Chiến sĩ thi đua cơ sở"


def _award(
    name: str, unit: str, achievement: int, form: str = CS, kind: str = "Cá nhân"
) -> list[object]:
    decided = achievement + 1
    return [
        decided,
        f"{achievement}/QĐ-X",
        f"15/01/{decided}",
        kind,
        name,
        "Chuyên viên",
        unit,
        form,
        achievement,
    ]


HISTORY = [
    # a run 2021–2023: a candidate for 2024
    *[_award("Nguyễn Văn An", "Sở Y tế", y) for y in (2021, 2022, 2023)],
    # the same name in another unit, 2022–2023 only: another person, no run
    *[_award("Nguyễn Văn An", "Sở Tư pháp", y) for y in (2022, 2023)],
    # a gap year (2022 missing): no run
    *[_award("Trần Thị Bình", "Sở Y tế", y) for y in (2020, 2021, 2023)],
    # Sở Kế hoạch và Đầu tư merged into Sở Tài chính in 2025: the run 2022–2024 holds
    _award("Lê Văn Cường", "Sở Kế hoạch và Đầu tư", 2022),
    _award("Lê Văn Cường", "Sở Kế hoạch và Đầu tư", 2023),
    _award("Lê Văn Cường", "Sở Tài chính", 2024),
    # typed without accents one year: a candidate, but not a certain one
    _award("Phạm Thị Dung", "Sở Nội vụ", 2021),
    _award("Pham Thi Dung", "Sở Nội vụ", 2022),
    _award("Phạm Thị Dung", "Sở Nội vụ", 2023),
]  # fmt: skip


def _candidates(master: Path, year: int) -> dict[tuple[str, str], dict[str, object]]:
    con = db.open_snapshot(master)
    try:
        found = ladder.candidates(con, year)
    finally:
        con.close()
    return {(r["recipient_name"], r["rule_id"]): r for r in found.iter_rows(named=True)}


def _history(tmp_path: Path, rows: list[list[object]]) -> Path:
    return write_rows(
        tmp_path / "lich_su.xlsx", [HEADER, *[[i, *r] for i, r in enumerate(rows, 1)]]
    )


def test_the_ladder_on_hand_made_histories(master: Path, tmp_path: Path) -> None:
    [report] = import_files([_history(tmp_path, HISTORY)], master, OPERATOR)
    assert report.status == "imported", report.message()
    found = _candidates(master, 2024)
    rule = "CSTD_TINH_TU_CSTD_CS"
    assert set(found) == {("Nguyễn Văn An", rule), ("Phạm Thị Dung", rule)}
    an = found[("Nguyễn Văn An", rule)]
    assert (an["unit_name"], an["status"], an["target_form"]) == (
        "Sở Y tế",
        "to_check",
        "CSTD_TINH",
    )
    assert "sáng kiến" in str(an["notes"])
    evidence = str(an["evidence"])
    assert [y in evidence for y in ("năm 2021", "năm 2022", "năm 2023")] == [True] * 3
    assert "QĐ 2021/QĐ-X ngày 15/01/2022 (lich_su.xlsx, dòng 2)" in evidence
    # The page's narrow column: each year of the run with its decision.
    assert an["decisions"] == "2021: 2021/QĐ-X; 2022: 2022/QĐ-X; 2023: 2023/QĐ-X"
    dung = found[("Phạm Thị Dung", rule)]
    assert dung["status"] == "uncertain" and "Pham Thi Dung" in str(dung["notes"])
    # 2025: Lê Văn Cường's run crosses the merger; Nguyễn Văn An's has a gap in 2024.
    later = _candidates(master, 2025)
    assert set(later) == {("Lê Văn Cường", rule)}
    assert later[("Lê Văn Cường", rule)]["unit_name"] == "Sở Tài chính"


def test_two_namesakes_in_one_unit_the_same_year_are_not_joined(
    master: Path, tmp_path: Path
) -> None:
    rows = [*[_award("Võ Văn Em", "Sở Y tế", y) for y in (2021, 2022, 2023)],
            _award("Võ Văn Em", "Sở Y tế", 2022)]  # fmt: skip
    rows[-1][1] = "99/QĐ-X"  # another decision the same year: a second person of that name
    import_files([_history(tmp_path, rows)], master, OPERATOR)
    [(key, found)] = _candidates(master, 2024).items()
    assert found["status"] == "uncertain" and "trùng tên" in str(found["notes"])


def test_the_government_flag_from_the_provincial_flag_and_the_bloc(
    master: Path, tmp_path: Path
) -> None:
    flag = "Cờ thi đua của UBND tỉnh"
    rows = [_award("Sở Y tế", "Sở Y tế", 2023, flag, "Tập thể"),
            _award("Sở Tư pháp", "Sở Tư pháp", 2023, flag, "Tập thể")]  # fmt: skip
    scores = write_rows(tmp_path / "diem_khoi1_2023.xlsx", [
        ["BẢNG TỔNG HỢP ĐIỂM KHỐI THI ĐUA SỐ 1 NĂM 2023"], [],
        ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
        [1, "Sở Y tế", 98.5, 1], [2, "Sở Tư pháp", 97.0, 2],
    ])  # fmt: skip
    reports = import_files([_history(tmp_path, rows), scores], master, OPERATOR)
    assert [r.status for r in reports] == ["imported", "imported"], [r.message() for r in reports]
    found = _candidates(master, 2024)
    assert set(found) == {("Sở Y tế", "CO_CP_TU_CO_TINH")}
    flag_row = found[("Sở Y tế", "CO_CP_TU_CO_TINH")]
    assert flag_row["status"] == "meets" and "đứng đầu Khối thi đua số 1 năm 2023" in str(
        flag_row["notes"]
    )


def test_the_ladder_page_and_a_draft_list_checked(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.accounts import ANALYST
    from tests.apptest import app_as

    import_files([_history(tmp_path, HISTORY)], master, OPERATOR)
    at = app_as(master, monkeypatch, ANALYST, nam="2024")
    at.run()
    at.switch_page("pages/ladder.py").run()
    assert not at.exception, at.exception
    table = at.dataframe[1].value  # after the rules
    shown = dict(zip(table["Họ tên / Tên tập thể"], table["Kết luận"], strict=True))
    assert shown == {"Nguyễn Văn An": "Cần kiểm tra", "Phạm Thị Dung": "Chưa chắc chắn"}
    draft = write_rows(tmp_path / "du_thao.xlsx", [
        ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"], [],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"],
        [1, "Nguyễn Văn An", "Chuyên viên", "Sở Y tế", "Chiến sĩ thi đua cấp tỉnh"],
        [2, "Trần Thị Bình", "Chuyên viên", "Sở Y tế", "Chiến sĩ thi đua cấp tỉnh"],
        [3, "Lê Văn Cường", "Chuyên viên", "Sở Tài chính", "Bằng khen của Chủ tịch UBND tỉnh"],
    ])  # fmt: skip
    at.file_uploader(key="ladder_draft").set_value(
        [("du_thao.xlsx", draft.read_bytes(), "application/octet-stream")]
    ).run()
    assert not at.exception, at.exception
    checked = at.dataframe[-1].value
    rows = {
        r["Họ tên / Tên tập thể"]: (r["Dòng"], r["Kết luận"], r["Cần lưu ý"])
        for _, r in checked.iterrows()
    }
    assert rows["Nguyễn Văn An"][:2] == (4, "Cần kiểm tra")
    assert rows["Trần Thị Bình"] == (
        5,
        "Không đủ",
        "cần Chiến sĩ thi đua cơ sở các năm 2021, 2022, 2023",
    )
    assert rows["Lê Văn Cường"][:2] == (6, "Không có quy tắc")
    # The drop zone's line says .txt and .tsv too, as on the upload page: the same draft
    # saved as text with tabs is checked alike (the walk read three kinds in the label).
    text = (
        "STT\tHọ và tên\tChức vụ\tĐơn vị\tHình thức khen thưởng\n"
        "1\tTrần Thị Bình\tChuyên viên\tSở Y tế\tChiến sĩ thi đua cấp tỉnh"
    )
    at.file_uploader(key="ladder_draft").set_value(
        [("du_thao.txt", text.encode("utf-8"), "text/plain")]
    ).run()
    assert not at.exception, at.exception
    [row] = at.dataframe[-1].value.to_dict("records")
    assert (row["Họ tên / Tên tập thể"], row["Dòng"], row["Kết luận"]) == (
        "Trần Thị Bình", 2, "Không đủ",
    )  # fmt: skip


def test_a_proposal_year_without_candidates_offers_the_nearest_that_has_them(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page opens on the year after the newest decisions (2026 here): its runs need the
    titles of 2025, decided in 2026 and not imported. The walk found an empty page; it now
    says why and offers 2025, whose one candidate is Lê Văn Cường (2022–2024, his unit merged)."""
    from tests.accounts import ANALYST
    from tests.apptest import app_as

    import_files([_history(tmp_path, HISTORY)], master, OPERATOR)
    at = app_as(master, monkeypatch, ANALYST)
    at.run()
    at.switch_page("pages/ladder.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="ladder_year").value == 2026
    [said] = at.info
    assert "năm 2026" in said.value and "danh hiệu năm 2025" in said.value
    offer = at.button(key="ladder_nearest")
    assert offer.label == "Xem năm 2025: 1 ứng viên"
    offer.click().run()
    assert not at.exception, at.exception
    assert at.selectbox(key="ladder_year").value == 2025
    table = at.dataframe[1].value  # after the rules
    assert table["Họ tên / Tên tập thể"].to_list() == ["Lê Văn Cường"]


def test_an_admin_changes_a_rule_and_the_candidates_follow(master: Path, tmp_path: Path) -> None:
    from etl import upload
    from tests.accounts import ADMIN, ANALYST
    from thidua import audit, warehouse
    from thidua.access import PermissionDenied

    import_files([_history(tmp_path, HISTORY)], master, OPERATOR)
    rules = upload.current_ladder(master)
    assert rules["rule_id"].to_list() == [
        "CSTD_TINH_TU_CSTD_CS", "CSTD_TQ_TU_CSTD_TINH", "CO_CP_TU_CO_TINH",
    ]  # fmt: skip
    # Two years running instead of three: Nguyễn Văn An of Sở Tư pháp (2022–2023) is one now.
    import polars as pl

    two = rules.with_columns(
        times=pl.when(pl.col("rule_id") == "CSTD_TINH_TU_CSTD_CS")
        .then(2)
        .otherwise(pl.col("times"))
    )
    with pytest.raises(PermissionDenied):
        upload.save_ladder(master, two, ANALYST)
    message, problems = upload.save_ladder(master, two, ADMIN)
    assert (message, problems) == ("Đã lưu 3 quy tắc xét đề nghị.", [])
    con = db.open_snapshot(master)
    try:
        units = set(
            ladder.candidates(con, 2024).filter(pl.col("recipient_name") == "Nguyễn Văn An")[
                "unit_name"
            ]
        )
    finally:
        con.close()
    assert units == {"Sở Y tế", "Sở Tư pháp"}
    # A row naming no known award is refused, nothing saved.
    bad = two.with_columns(target_form=pl.lit("BANG_KHEN_LA"))
    message, problems = upload.save_ladder(master, bad, ADMIN)
    assert (
        problems[0]
        == "dòng 1 («CSTD_TINH_TU_CSTD_CS»): hình thức đề nghị «BANG_KHEN_LA» không phải hình thức đã biết."
    )
    assert upload.current_ladder(master)["target_form"][0] == "CSTD_TINH"
    trail = [e.action for e in audit.audit_log(warehouse.access_store(master))]
    assert trail.count("ladder_change") == 1


def test_the_ladder_rules_on_the_admin_page(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.accounts import ADMIN
    from tests.apptest import app_as, open_tab

    import_files([_history(tmp_path, HISTORY)], master, OPERATOR)
    at = app_as(master, monkeypatch, ADMIN)
    at.run()
    at.switch_page("pages/admin.py").run()
    at = open_tab(at, "admin_tab", "Quy tắc xét đề nghị")
    assert not at.exception, at.exception
    [editor] = at.dataframe
    assert editor.key == "ladder_editor"
    assert list(editor.value["rule_id"]) == [
        "CSTD_TINH_TU_CSTD_CS",
        "CSTD_TQ_TU_CSTD_TINH",
        "CO_CP_TU_CO_TINH",
    ]
    # The editor shows the stored codes by their Vietnamese names (issue 21, 9: no English
    # «individual», «led_bloc» nor codes such as «CSTD_TINH» for a reader to decode).
    import json

    config = json.loads(editor.proto.columns)
    shown = {
        column: {o["value"]: o["label"] for o in config[column]["type_config"]["options"]}
        for column in ("target_form", "recipient_kind", "condition")
    }
    assert shown["target_form"]["CSTD_TINH"] == "Chiến sĩ thi đua cấp tỉnh"
    assert shown["recipient_kind"] == {"individual": "Cá nhân", "collective": "Tập thể"}
    assert shown["condition"] == {
        "initiative": "Có sáng kiến được công nhận",
        "led_bloc": "Dẫn đầu khối, cụm",
    }
    assert config["rule_id"]["pinned"] is True
