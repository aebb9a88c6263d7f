"""The analysts' upload page driven with AppTest: upload → preview → fix a mapping →
confirm → history → undo, with the files of ../shared/samples; the database is checked
after each step."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from tests.accounts import ADMIN, ANALYST
from tests.apptest import app_as, headline
from tests.builders import write_rows
from tests.conftest import SAMPLES, TRUTH
from thidua import access_file, audit, db, warehouse
from thidua.access import Account
from thidua.warehouse import Warehouse

APP = str(Path(__file__).parent.parent / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload_page(
    master: Warehouse, monkeypatch: pytest.MonkeyPatch, account: Account = ANALYST
) -> AppTest:
    at = app_as(warehouse.setting_of(master), monkeypatch, account)
    at.run()
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    return at


def send(at: AppTest, *paths: Path, names: list[str] | None = None) -> AppTest:
    files = [
        (name, path.read_bytes(), XLSX)
        for name, path in zip(names or [p.name for p in paths], paths, strict=True)
    ]
    at.file_uploader[0].set_value(files).run()
    assert not at.exception, at.exception
    return at


def awards_in(master: Warehouse) -> int:
    if warehouse.version(master) is None:
        return 0
    row = warehouse.open_for_reading(master).execute("SELECT count(*) FROM awards").fetchone()
    return int(row[0]) if row else 0


def read(body: str) -> str:
    """A Markdown body as the reader sees it: the page writes values from files as literal
    text (thidua.literal.markdown), backslash before each punctuation mark, line breaks hard."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", body).replace("\u2060", "").replace("  \n", "\n")


def metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in headline(at)]


def test_upload_preview_confirm_history_undo(
    where: Warehouse, monkeypatch: pytest.MonkeyPatch
) -> None:
    master = where
    at = upload_page(master, monkeypatch)
    send(at, SAMPLES / "qd_bang_khen_2020.xlsx", SAMPLES / "bad" / "unknown_form.xlsx")
    truth = TRUTH["qd_bang_khen_2020.xlsx"]
    # The preview of the good file: the figures of its truth, before anything is written.
    share = 100 * truth["non_leader_individual"] / truth["individual"]  # 27 of 40: 67,5%
    assert metrics(at)[:5] == [
        ("Cá nhân", str(truth["individual"])),
        ("Tập thể", str(truth["collective"])),
        ("Lãnh đạo", str(truth["individual"] - truth["non_leader_individual"])),
        ("Người lao động trực tiếp", str(truth["non_leader_individual"])),
        ("Tỷ lệ NLĐ trực tiếp", f"{share:.1f}%".replace(".", ",")),
    ]
    assert any(truth["decision_no"] in read(c.value) for c in at.caption)
    # The bad file: its problem listed with row, column, value and suggestion.
    assert any("1 lỗi" in e.value for e in at.error)
    problems = next(d.value for d in at.dataframe if "Gợi ý" in d.value.columns)
    row = problems.iloc[0]
    assert (int(row["Dòng"]), row["Cột"], row["Giá trị"], row["Gợi ý"]) == (
        3,
        "I «Hình thức khen thưởng»",
        "Bằng khenn của Chủ tịch UBND tỉnh",
        "Bằng khen của Chủ tịch UBND tỉnh",
    )
    assert awards_in(master) == 0  # nothing written before confirm
    at.button(key="confirm").click().run()
    assert [read(s.value) for s in at.success] == [
        "qd_bang_khen_2020.xlsx: đã nhập 52 dòng (danh sách khen thưởng)."
    ]
    assert awards_in(master) == 52
    history = at.dataframe[-1].value
    assert (
        history.iloc[0]["Tệp"] == "qd_bang_khen_2020.xlsx"
        and history.iloc[0]["Người nhập"] == ANALYST.signature
    )
    assert history.iloc[0]["Trạng thái"] == "đang dùng"
    # The same file again is recognised and adds nothing.
    send(at, SAMPLES / "qd_bang_khen_2020.xlsx")
    assert any("đã được nhập" in i.value for i in at.info)
    assert at.button(key="confirm").disabled
    # Undo the whole batch.
    at.checkbox(key="undo_sure").check().run()
    at.button(key="undo").click().run()
    assert any("Đã hủy lần nhập #1" in read(s.value) for s in at.success)
    assert awards_in(master) == 0
    assert at.dataframe[-1].value.iloc[0]["Trạng thái"] == f"đã hủy ({ANALYST.signature})"


def test_fix_a_column_mapping_on_the_page(
    tmp_path: Path, master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    header: list[object] = [
        "Năm",
        "Số quyết định",
        "Ngày quyết định",
        "Đối tượng",
        "Họ tên",
        "Chức vụ",
        "Đơn vị",
        "Danh hiệu đề nghị",
    ]
    rows: list[list[object]] = [
        [
            "2024",
            "7/QĐ-UBND",
            "12/01/2024",
            "Cá nhân",
            "Lý Thị Mai",
            "Giáo viên",
            "Sở Giáo dục và Đào tạo",
            "Chiến sĩ thi đua cấp tỉnh",
        ],
        [
            "2024",
            "7/QĐ-UBND",
            "12/01/2024",
            "Tập thể",
            "Phòng Tổ chức, Sở Y tế",
            None,
            "Sở Y tế",
            "Tập thể lao động xuất sắc",
        ],
    ]
    at = upload_page(master, monkeypatch)
    send(at, write_rows(tmp_path / "de_nghi.xlsx", [header, *rows]))
    # No award column recognised (rows 2, 3), and the column that holds it is asked about.
    assert any("3 lỗi" in e.value for e in at.error), [e.value for e in at.error]
    at.selectbox(key="map_" + at.file_uploader[0].value[0].file_id + "_Sheet1_7").select(
        "form"
    ).run()
    assert not at.error, [e.value for e in at.error]
    at.button(key="confirm").click().run()
    con = db.open_snapshot(master)
    assert con.execute(
        "SELECT recipient_name, form_code, is_leader FROM awards ORDER BY source_row"
    ).fetchall() == [
        ("Lý Thị Mai", "CSTD_TINH", False),
        ("Phòng Tổ chức, Sở Y tế", "TTLDXS", None),
    ]
    con.close()
    # The next file with the same header set is read with the mapping chosen above, and
    # the page says so: nothing to map again.
    later = [["2025", "3/QĐ-UBND", "06/01/2025", "Cá nhân", "Hà Văn Sơn", "Kỹ thuật viên",
              "Sở Y tế", "Lao động tiên tiến"]]  # fmt: skip
    at = upload_page(master, monkeypatch)
    send(at, write_rows(tmp_path / "de_nghi_2025.xlsx", [header, *later]))
    assert not at.error, [e.value for e in at.error]
    assert any("lần nhập trước có cùng dòng tiêu đề" in i.value for i in at.info)
    at.button(key="confirm").click().run()
    con = db.open_snapshot(master)
    assert con.execute(
        "SELECT recipient_name, form_code FROM awards WHERE year = 2025"
    ).fetchall() == [("Hà Văn Sơn", "LDTT")]
    con.close()


def test_legacy_file_shows_unicode_and_bad_files_write_nothing(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = upload_page(master, monkeypatch)
    send(
        at,
        SAMPLES / "so_khen_2005_tcvn3.xls",
        SAMPLES / "bad" / "empty.xlsx",
        SAMPLES / "bad" / "truncated.xlsx",
    )
    assert any("bảng mã TCVN3" in i.value for i in at.info)  # not «tcvn3»
    sample = next(d.value for d in at.dataframe if "Họ tên / Tên tập thể" in d.value.columns)
    assert sample.iloc[0]["Họ tên / Tên tập thể"] == TRUTH["so_khen_2005_tcvn3.xls"]["first_name"]
    assert [read(h.value) for h in at.subheader][:3] == [
        ":material/check_circle: so_khen_2005_tcvn3.xls",
        ":material/error: empty.xlsx",
        ":material/error: truncated.xlsx",
    ]
    # A file that could not be read at all says its sentence alone (no table of cell errors).
    assert not [d for d in at.dataframe if "Lỗi" in d.value.columns]
    assert [read(e.value) for e in at.error] == [
        "empty.xlsx: bảng tính không có dữ liệu (mọi trang tính đều trống).",
        "truncated.xlsx: tệp Excel bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); hãy lưu "
        "lại tệp từ Excel.",
    ]
    at.button(key="confirm").click().run()
    assert [read(s.value) for s in at.success] == [
        "so_khen_2005_tcvn3.xls: đã nhập 25 dòng (danh sách khen thưởng); đã chuyển mã từ TCVN3 (.VnTime) sang Unicode."
    ]
    assert awards_in(master) == 25


def test_marked_copy_points_at_the_wrong_cell(master: Path) -> None:
    from etl import upload

    inspection = upload.inspect_upload(
        master, SAMPLES / "bad" / "unknown_form.xlsx", "unknown_form.xlsx"
    )
    book = openpyxl.load_workbook(io.BytesIO(upload.marked_copy(inspection)))
    cell = book["Sheet1"]["I3"]
    assert cell.value == "Bằng khenn của Chủ tịch UBND tỉnh"
    assert cell.comment is not None and "không phải hình thức khen thưởng" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("F8D7DA")
    assert [c.value for c in book["Lỗi"][2]] == [
        3,
        "I «Hình thức khen thưởng»",
        "Bằng khenn của Chủ tịch UBND tỉnh",
        "không phải hình thức khen thưởng đã biết.",
        "Bằng khen của Chủ tịch UBND tỉnh",
    ]


def test_template_has_drop_down_lists() -> None:
    from etl.templates import register_template

    book = openpyxl.load_workbook(io.BytesIO(register_template()))
    sheet = book["Khen thuong"]
    assert [c.value for c in sheet[1]][:5] == [
        "Năm",
        "Số quyết định",
        "Ngày quyết định",
        "Đối tượng",
        "Họ tên / Tên tập thể",
    ]
    validated = {str(v.sqref).split(":")[0] for v in sheet.data_validations.dataValidation}
    assert {"D2", "F2", "I2", "J2"} <= validated


def test_unit_variants_are_matched_and_unknown_ones_mapped_as_aliases(
    tmp_path: Path, where: Warehouse, monkeypatch: pytest.MonkeyPatch
) -> None:
    master = where
    header: list[object] = [
        "Năm",
        "Số quyết định",
        "Ngày quyết định",
        "Đối tượng",
        "Họ tên",
        "Chức vụ",
        "Đơn vị",
        "Hình thức khen thưởng",
    ]
    row: list[object] = [
        "2024",
        "8/QĐ-UBND",
        "12/01/2024",
        "Cá nhân",
        "",
        "Giáo viên",
        "",
        "Lao động tiên tiến",
    ]
    typed = ["Sở GD&ĐT", "Sở Giáo dục - Đào tạo", "UBND TP Rạch Giá", "Phòng GD huyện Kiên Hải"]
    rows = [[*row[:4], f"Người {i}", row[5], unit, row[7]] for i, unit in enumerate(typed)]
    # An analyst sees the unknown name but may not map it: aliases are the admins'.
    at = upload_page(master, monkeypatch)
    send(at, write_rows(tmp_path / "don_vi.xlsx", [header, *rows]))
    assert not [b for b in at.button if b.key and b.key.startswith("save_units_")]
    assert "Chỉ quản trị viên lưu được ánh xạ tên đơn vị (trang Quản trị)." in [
        c.value for c in at.caption
    ]
    at = upload_page(master, monkeypatch, ADMIN)
    send(at, write_rows(tmp_path / "don_vi.xlsx", [header, *rows]))
    # Three spellings are recognised; the fourth is offered for mapping, not created.
    labels = [s.label for s in at.selectbox if s.key and s.key.startswith("unit_")]
    assert labels == ["«Phòng GD huyện Kiên Hải» (1 lượt)"]
    pick = next(s for s in at.selectbox if s.key and s.key.startswith("unit_"))
    pick.select("UBND huyện Kiên Hải").run()
    at.button(
        key=next(b.key for b in at.button if b.key and b.key.startswith("save_units_"))
    ).click().run()
    assert any(
        "«Phòng GD huyện Kiên Hải» là UBND huyện Kiên Hải" in read(s.value) for s in at.success
    )
    assert not [s for s in at.selectbox if s.key and s.key.startswith("unit_")]
    at.button(key="confirm").click().run()
    con = warehouse.open_for_reading(master)
    assert [
        r[0] for r in con.execute("SELECT unit_name FROM awards ORDER BY source_row").fetchall()
    ] == [
        "Sở Giáo dục và Đào tạo",
        "Sở Giáo dục và Đào tạo",
        "UBND thành phố Rạch Giá",
        "UBND huyện Kiên Hải",
    ]
    assert con.execute("SELECT alias, unit_name, created_by FROM unit_aliases").fetchall() == [
        ("Phòng GD huyện Kiên Hải", "UBND huyện Kiên Hải", ADMIN.signature)
    ]


def test_a_decision_date_is_typed_the_vietnamese_way(
    tmp_path: Path, master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list whose title gives the decision number but no date: the analyst types the date
    as «ngày/tháng/năm»; something that is not a date is said, and not taken."""
    book = openpyxl.load_workbook(SAMPLES / "qd_bang_khen_2020.xlsx")
    sheet = book.active
    assert sheet is not None
    sheet["A6"] = (
        "(Kèm theo Quyết định số 215/QĐ-UBND của Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang)"
    )
    undated = tmp_path / "qd_khong_ngay.xlsx"
    book.save(undated)
    at = upload_page(master, monkeypatch)
    send(at, undated)
    [when] = [t for t in at.text_input if t.label == "Ngày quyết định (ngày/tháng/năm)"]
    assert when.value == "" and not when.disabled
    when.set_value("25 tháng Giêng").run()
    assert [read(e.value) for e in at.error if "Giêng" in read(e.value)] == [
        "«25 tháng Giêng»: không phải một ngày: gõ theo dạng ngày/tháng/năm, ví dụ 25/01/2020."
    ]
    [when] = [t for t in at.text_input if t.label == "Ngày quyết định (ngày/tháng/năm)"]
    when.set_value("31/02/2020").run()  # a day no calendar has is said as such (issue 21, 10)
    assert [read(e.value) for e in at.error if "31/02/2020" in read(e.value)] == [
        "«31/02/2020»: tháng 2 năm 2020 chỉ có 29 ngày, không có ngày 31; hãy sửa lại ngày."
    ]
    [when] = [t for t in at.text_input if t.label == "Ngày quyết định (ngày/tháng/năm)"]
    when.set_value("25/01/2020").run()
    assert not [e.value for e in at.error if "2020»:" in e.value]
    at.button(key="confirm").click().run()
    assert not at.exception
    dates = (
        db.open_snapshot(master)
        .execute("SELECT DISTINCT decision_date::VARCHAR, count(*) FROM awards GROUP BY ALL")
        .fetchall()
    )
    assert dates == [("2020-01-25", TRUTH["qd_bang_khen_2020.xlsx"]["awards"])]


def test_hidden_draft_and_stray_cell_are_said_before_confirming(
    master: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The preview says what the reader skipped (a hidden draft sheet) and dropped (a value
    far from the table); confirming imports only the visible list's rows."""
    from tests import hostile_files

    at = upload_page(master, monkeypatch)
    send(
        at,
        hostile_files.hidden_draft(tmp_path, rows=27, draft_rows=30),
        hostile_files.stray_last_cell(tmp_path, rows=60),
    )
    assert [read(i.value) for i in at.info if "Bỏ qua trang" in i.value] == [
        "Bỏ qua trang «Bản nháp»: trang bị ẩn — thường là bản nháp cũ; không nhập."
    ]
    notes = [read(w.value) for w in at.warning if w.value.startswith("Lưu ý")]
    assert len(notes) == 1 and "XFD1048576 («x»)" in notes[0]
    at.button(key="confirm").click().run()
    assert awards_in(master) == 27 + 60


def test_an_unread_column_is_asked_about_and_can_be_left_out(
    tmp_path: Path, master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«Cơ sở» (column D) holds values no field took: asked about; «không nhập cột này»
    answers it (a column not yet chosen is not the same as one left out on purpose)."""
    rows: list[list[object]] = [
        ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
        ["(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của Chủ tịch UBND tỉnh)"],
        ["STT", "Họ và tên", "Chức vụ", "Cơ sở"],
        [1, "Nguyễn Văn An", "Phó Giám đốc", "Sở Y tế"],
    ]
    at = upload_page(master, monkeypatch)
    send(at, write_rows(tmp_path / "qd_cot_la.xlsx", rows))
    assert any("1 lỗi" in e.value for e in at.error), [e.value for e in at.error]
    key = "map_" + at.file_uploader[0].value[0].file_id + "_Sheet1_3"
    assert at.selectbox(key=key).value == "?"  # «(chưa chọn)»
    at.selectbox(key=key).select("").run()
    assert not at.error, [e.value for e in at.error]
    assert at.selectbox(key=key).value == ""  # «(không nhập cột này)», kept


def test_a_unit_row_is_answered_on_the_page(
    tmp_path: Path, master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«Sở Y tế» numbered 1 over people numbered 2 and 3: asked; «tập thể được khen» answers
    it and the confirmed import holds the collective and the two people."""
    from tests.test_unit_headings import _numbered_on

    at = upload_page(master, monkeypatch)
    send(at, _numbered_on(tmp_path / "qd_mot_day_so.xlsx"))
    assert any("1 lỗi" in e.value for e in at.error), [e.value for e in at.error]
    key = "ctx_unit_rows_" + at.file_uploader[0].value[0].file_id + "_Sheet1"
    assert at.radio(key=key).value == ""  # «để hệ thống xét»
    at.radio(key=key).set_value("award").run()
    assert not at.exception
    assert not [e.value for e in at.error], [e.value for e in at.error]
    at.button(key="confirm").click().run()
    rows = db.open_snapshot(master).execute(
        "SELECT recipient_kind, count(*) FROM awards GROUP BY ALL ORDER BY ALL"
    )
    assert rows.fetchall() == [("collective", 1), ("individual", 2)]


def test_a_workbook_of_two_decision_lists_is_previewed_and_imported(
    tmp_path: Path, master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One sheet per decision (family 8): each sheet's title editor has its own widgets (the
    page once crashed on the second one's keys); confirming imports both lists: 2 + 3 people."""
    import xlsxwriter

    path = tmp_path / "qd_hai_quyet_dinh.xlsx"
    book = xlsxwriter.Workbook(path)
    people = [
        ["Nguyễn Văn An", "Phó Giám đốc"],
        ["Trần Thị Bình", "Giáo viên"],
        ["Lê Văn Cường", "Kế toán"],
    ]
    for sheet_name, decision, listed in (("QĐ 7", "7", people[:2]), ("QĐ 9", "9", people)):
        sheet = book.add_worksheet(sheet_name)
        rows = [
            ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
            [f"(Kèm theo Quyết định số {decision}/QĐ-UBND ngày 02/01/2025)"],
            ["STT", "Họ và tên", "Chức vụ"],
            *[[n, *person] for n, person in enumerate(listed, 1)],
        ]
        for r, row in enumerate(rows):
            sheet.write_row(r, 0, row)
    book.close()
    at = upload_page(master, monkeypatch)
    send(at, path)
    assert [t.label for t in at.text_input].count("Số quyết định") == 2
    at.button(key="confirm").click().run()
    assert not at.exception
    imported = db.open_snapshot(master).execute(
        "SELECT decision_no, count(*) FROM awards GROUP BY ALL ORDER BY ALL"
    )
    assert imported.fetchall() == [("7/QĐ-UBND", 2), ("9/QĐ-UBND", 3)]


def test_names_in_a_file_are_shown_as_typed_in_the_preview(
    tmp_path: Path, master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file's name, an unknown unit and a column's header written as Markdown links and
    images: each is shown as typed (escaped Markdown), nowhere a link or an image."""
    from tests.builders import REGISTER_HEADER

    WJ = "\u2060"  # the word joiner that keeps «http://» from becoming a link (thidua.literal)
    header = [*REGISTER_HEADER, "![](http://evil.example/i.png)"]
    row = [2024, "9/QĐ-UBND", "12/01/2024", "Cá nhân", "[x](http://evil.example)", "Nữ",
           "Giáo viên", "[bấm](http://evil.example)", "Giấy khen", "Thường xuyên", "ghi chú"]  # fmt: skip
    at = upload_page(master, monkeypatch, ADMIN)
    send(
        at,
        write_rows(tmp_path / "ds.xlsx", [header, row]),
        names=["[tệp](http://evil.example).xlsx"],
    )
    assert [h.value.split(" ", 1)[1] for h in at.subheader[:1]] == [
        rf"\[tệp\]\(http{WJ}\:\/\/evil\.example\)\.xlsx"
    ]
    labels = [s.label for s in at.selectbox]
    assert rf"«\[bấm\]\(http{WJ}\:\/\/evil\.example\)» (1 lượt)" in labels, labels
    assert rf"Cột K: «\!\[\]\(http{WJ}\:\/\/evil\.example\/i\.png\)»" in labels, labels
    bodies = (
        [
            e.value
            for e in [*at.markdown, *at.caption, *at.subheader, *at.info, *at.warning, *at.error]
        ]
        + labels
        + [e.label for e in at.expander]
    )
    assert not [b for b in bodies if isinstance(b, str) and "](" in b], bodies
    # The first rows, as they will be stored, hold the name as typed (the grid is plain text).
    sample = next(d.value for d in at.dataframe if "Họ tên / Tên tập thể" in d.value.columns)
    assert sample.iloc[0]["Họ tên / Tên tập thể"] == "[x](http://evil.example)"


def test_the_history_shows_an_upload_in_vietnam_time_as_the_audit_does(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 21, 6: on a UTC server the history printed 06:27 for an upload the audit
    trail showed at 13:27. Both say Vietnam time now, and say so."""
    at = upload_page(master, monkeypatch)
    send(at, SAMPLES / "so_khen_thuong_2021.csv")
    at.button(key="confirm").click().run()
    header = "Thời gian (giờ Việt Nam)"
    [history] = [t.value for t in at.dataframe if header in t.value.columns]
    shown = dt.datetime.strptime(str(history[header].iloc[0]), "%d/%m/%Y %H:%M")
    vietnam_now = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(hours=7)
    assert abs(shown - vietnam_now) < dt.timedelta(minutes=2)
    [imported] = [
        e for e in audit.audit_log(access_file.access_path(master)) if e.action == "import"
    ]
    audited = imported.at.astimezone(dt.timezone(dt.timedelta(hours=7))).replace(tzinfo=None)
    assert abs(shown - audited) < dt.timedelta(minutes=1)


def test_the_preview_names_each_position_rule_in_words(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The positions table of a preview: the class and the rule that decided it, in words (a
    rule code such as L_GIAM_DOC means nothing to an analyst); the classes add up to the
    file's truth (40 individuals, 27 of them direct workers)."""
    at = upload_page(master, monkeypatch)
    send(at, SAMPLES / "qd_bang_khen_2020.xlsx")
    truth = TRUTH["qd_bang_khen_2020.xlsx"]
    table = next(d.value for d in at.dataframe if "Theo quy tắc" in d.value.columns)
    assert "Quy tắc" not in table.columns
    awards = table.groupby("Phân loại")["Số lượt"].apply(lambda s: sum(int(v) for v in s))
    assert awards.to_dict() == {
        "Lãnh đạo": truth["individual"] - truth["non_leader_individual"],
        "Người lao động trực tiếp": truth["non_leader_individual"],
    }
    said = set(table["Theo quy tắc"])
    assert "Chủ tịch / Phó Chủ tịch" in said
    assert not [s for s in said if re.fullmatch(r"[A-Z_]+", s)], said


def test_a_corrected_scoring_sheet_through_the_page_and_its_undo(
    master: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The preview of a scoring sheet names its bloc and year and shows its ranking (the
    sample's truth); a corrected sheet says which sheet in force it replaces; confirmed,
    the earlier one is «đã được thay thế»; undone, the earlier one is «đang dùng» again."""
    from tests.test_history import _corrected_bloc_sheet

    truth = TRUTH["diem_khoi4_2018.xlsx"]
    at = upload_page(master, monkeypatch)
    send(at, SAMPLES / "diem_khoi4_2018.xlsx")
    assert any(
        f"{truth['bloc']}** năm {truth['year']}: {truth['units']} đơn vị" in read(m.value)
        for m in at.markdown
    )
    ranking = next(d.value for d in at.dataframe if "Xếp hạng" in d.value.columns)
    assert list(ranking["Đơn vị"]) == truth["ranking"]
    assert not [w for w in at.warning if "thay bảng điểm" in w.value]
    at.button(key="confirm").click().run()
    send(at, _corrected_bloc_sheet(tmp_path))
    [warning] = [read(w.value) for w in at.warning if "thay bảng điểm" in w.value]
    assert f"{truth['bloc']} năm {truth['year']} (lần nhập #1, tệp diem_khoi4_2018.xlsx)" in warning
    at.button(key="confirm").click().run()
    history = at.dataframe[-1].value
    status = dict(zip(history["Tệp"], history["Trạng thái"], strict=True))
    assert status == {
        "diem_khoi4_2018_sua.xlsx": "đang dùng",
        "diem_khoi4_2018.xlsx": "đã được thay thế bằng lần #2",
    }
    at.checkbox(key="undo_sure").check().run()
    at.button(key="undo").click().run()
    assert any("Dùng lại lần nhập trước mà nó đã thay: #1" in read(s.value) for s in at.success)
    history = at.dataframe[-1].value
    status = dict(zip(history["Tệp"], history["Trạng thái"], strict=True))
    assert status == {
        "diem_khoi4_2018_sua.xlsx": f"đã hủy ({ANALYST.signature})",
        "diem_khoi4_2018.xlsx": "đang dùng",
    }


def test_a_list_whose_column_titles_are_not_known_is_fixed_on_the_page(
    master: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Issue 21, 3: a sheet whose title row the importer cannot find (the sample with its
    column titles reworded) is not a dead end: the page shows its first rows numbered as in
    Excel, the analyst points at the title row and says what each column holds, and the
    preview and the import then give the sample's truth."""
    import openpyxl

    book = openpyxl.load_workbook(SAMPLES / "qd_bang_khen_2020.xlsx")
    sheet = book.active
    assert sheet is not None and sheet.title == "DS"
    reworded = ["Số", "Người nhận", "Cương vị", "Nơi làm việc", "Được khen vì"]
    for column, text in enumerate(reworded, start=1):
        sheet.cell(8, column).value = text
    path = tmp_path / "ds_khen_tieu_de_la.xlsx"
    book.save(path)
    truth = TRUTH["qd_bang_khen_2020.xlsx"]

    at = send(upload_page(master, monkeypatch), path)
    file_id = at.file_uploader[0].value[0].file_id
    problems = next(d.value for d in at.dataframe if "Lỗi" in d.value.columns)
    assert any("không tìm thấy dòng tiêu đề cột" in said for said in problems["Lỗi"])
    first_rows = next(d.value for d in at.dataframe if "Dòng" in d.value.columns)
    assert list(first_rows["Dòng"])[:8] == list(range(1, 9))  # Excel's numbers
    assert list(first_rows.iloc[7])[1:6] == reworded
    at.selectbox(key=f"header_{file_id}_DS").select(8).run()
    for column, field in enumerate(["stt", "recipient_name", "position", "unit", "achievement"]):
        at.selectbox(key=f"map_{file_id}_DS_{column}").select(field).run()
    assert not at.error, [e.value for e in at.error]
    assert metrics(at)[:2] == [
        ("Cá nhân", str(truth["individual"])),
        ("Tập thể", str(truth["collective"])),
    ]
    at.button(key="confirm").click().run()
    con = db.open_snapshot(master)
    assert con.execute("SELECT count(*) FROM awards").fetchone() == (
        truth["individual"] + truth["collective"],
    )


def test_the_history_names_a_command_line_import_as_the_audit_does(
    master: Warehouse, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk saw «cli:root» in the history, then «dòng lệnh: root»: the server's command,
    and the system account it ran under."""
    from etl.importer import import_files
    from tests.accounts import OPERATOR

    [report] = import_files([SAMPLES / "qd_bang_khen_2020.xlsx"], master, OPERATOR)
    assert report.status == "imported", report.message()
    history = upload_page(master, monkeypatch).dataframe[-1].value
    assert history.iloc[0]["Người nhập"] == "test (Người chạy lệnh) (dòng lệnh)"
