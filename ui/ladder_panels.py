"""The eligibility ladder's page parts (issue 23): the rules with their articles, the
candidates of a proposal year with the evidence of each, and the check of a draft proposal
list, row by row (analysts: an upload). This component owns the session key ladder_session."""

from __future__ import annotations

import secrets

import polars as pl
import streamlit as st

from etl import upload
from thidua import formatting as fmt
from thidua import reference
from thidua.settings import UPLOAD_KINDS
from thidua.warehouse import Warehouse
from ui.layout import no_data
from ui.tables import download_table, show_table
from ui.widget_texts import vietnamese_widget_texts

# What the candidates' short headers mean (shown on hover).
CANDIDATE_HELPS = {
    "unit_name": "Đơn vị hiện nay (sau sáp nhập, đổi tên)",
    "decisions": "Năm thành tích: số quyết định, từng lần của chuỗi danh hiệu; ngày quyết định, "
                 "tệp và dòng trong tệp .xlsx (cột «Căn cứ»)",
}  # fmt: skip
# The page's choice of proposal year.
YEAR_KEY = "ladder_year"
CANDIDATE_HEADERS = {
    "status_name": "Kết luận", "target_name": "Đề nghị", "recipient_name": "Họ tên / Tên tập thể",
    "unit_name": "Đơn vị (hiện nay)", "notes": "Cần lưu ý", "evidence": "Căn cứ (quyết định, tệp, dòng)",
}  # fmt: skip


def rules_table(rules: pl.DataFrame) -> None:
    with st.expander("Quy tắc xét (theo Luật Thi đua, khen thưởng và Nghị định 98/2023/NĐ-CP)"):
        shown = rules.with_columns(
            target=pl.col("target_form").replace_strict(reference.FORM_NAMES, default=None),
            run=pl.format("{} lần {} liên tục", "times",
                          pl.col("source_form").replace_strict(reference.FORM_NAMES, default=None)),
        )  # fmt: skip
        # The legal basis runs to 180 letters: on up to three lines in the widest column (the
        # box leaves the table 870 px at 1366).
        show_table(shown, {"target": "Danh hiệu đề nghị", "run": "Điều kiện từ lịch sử khen",
                           "source": "Căn cứ"}, widths={"target": 170, "run": 210, "source": 480},
                   lines=3)  # fmt: skip


def candidates(found: pl.DataFrame, year: int, nearest: tuple[int, int] | None = None) -> None:
    """The candidates of `year`; when there are none, `nearest` (a year, its candidates) is
    offered rather than an empty page."""
    if found.height == 0:
        no_data(
            f"Không có ai đủ chuỗi danh hiệu để đề nghị năm {year} theo dữ liệu đã nhập"
            f" (chuỗi xét đến danh hiệu năm {year - 1}: quyết định khen năm {year - 1} thường "
            "ban hành đầu năm sau, có thể chưa được nhập)."
        )
        if nearest is not None:
            other, count = nearest
            st.button(f"Xem năm {other}: {fmt.number(count)} ứng viên", key="ladder_nearest",
                      on_click=st.session_state.__setitem__, args=(YEAR_KEY, other))  # fmt: skip
        return
    counts = found.group_by("status_name").len().sort("status_name")
    st.caption(" · ".join(f"{name}: {n}" for name, n in counts.iter_rows()))
    # Every column within a 1366 px screen (the evidence was behind a scrollbar, 1149 px in
    # 904, then cut at four lines): pixel widths, text on up to five lines, the run's
    # decisions in brief (their dates, files and rows in the .xlsx).
    on_page = {**CANDIDATE_HEADERS, "unit_name": "Đơn vị", "decisions": "Quyết định"}
    del on_page["evidence"]
    show_table(found, on_page, lines=5, widths={
        "status_name": 95, "target_name": 120, "recipient_name": 150, "unit_name": 120,
        "notes": 215, "decisions": 200}, helps=CANDIDATE_HELPS)  # fmt: skip
    download_table(found, CANDIDATE_HEADERS, f"ung_vien_{year}.xlsx", key="ladder_xlsx",
                   title=f"Ứng viên đề nghị khen thưởng năm {year} theo tiêu chuẩn",
                   capability="names")  # fmt: skip


def draft_check(master: Warehouse, year: int, check: object) -> None:
    """An analyst's draft proposal list, read as an award list is (its rows: name, unit,
    «Hình thức khen thưởng»), each row against the ladder."""
    st.subheader("Kiểm tra danh sách đề nghị (dự thảo)")
    vietnamese_widget_texts()  # the uploader's «Upload», «… per file»
    # The kinds the upload page takes, as the drop zone's line says (the walk read three
    # kinds in the label and five in the line beneath it).
    sent = st.file_uploader(
        "Tệp danh sách đề nghị có cột Họ tên, Đơn vị, Hình thức khen thưởng",
        type=list(UPLOAD_KINDS), key="ladder_draft",
    )  # fmt: skip
    if sent is None:
        return
    session = st.session_state.setdefault("ladder_session", secrets.token_hex(16))
    path = upload.save_upload(sent.name, sent.getvalue(), session)
    try:
        # A draft has no decision yet: its year is the proposal year.
        given = upload.Overrides(context={"year": str(year)})
        inspection = upload.inspect_upload(master, path, sent.name, given)
    finally:
        upload.discard([path])
    proposals = inspection.awards()
    for problem in inspection.problems:
        st.error(str(problem), icon=":material/block:")
    if proposals.height == 0:
        if not inspection.problems:
            st.error(f"Tệp {sent.name} không có dòng đề nghị nào đọc được.")
        return
    assert callable(check)
    checked = check(proposals.select("source_row", "recipient_name", "unit_name", "form_code"))
    shown = checked.with_columns(
        form_name=pl.col("form_code").replace_strict(reference.FORM_NAMES, default=None)
    )
    headers = {"source_row": "Dòng", "recipient_name": "Họ tên / Tên tập thể", "unit_name": "Đơn vị",
               "form_name": "Đề nghị", "verdict_name": "Kết luận", "notes": "Cần lưu ý",
               "evidence": "Căn cứ"}  # fmt: skip
    # As the candidates: within a 1366 px screen, text on up to five lines, the run's
    # decisions in brief on the page and the whole evidence in the .xlsx.
    on_page = {**{c: h for c, h in headers.items() if c != "evidence"}, "decisions": "Quyết định"}
    show_table(shown, on_page, lines=5, widths={
        "source_row": 50, "recipient_name": 130, "unit_name": 115, "form_name": 115,
        "verdict_name": 95, "notes": 215, "decisions": 165},
        helps={"decisions": CANDIDATE_HELPS["decisions"]})  # fmt: skip
    download_table(shown, headers, "kiem_tra_de_nghi.xlsx", key="ladder_check_xlsx",
                   title=f"Kiểm tra danh sách đề nghị năm {year}", capability="names")  # fmt: skip
