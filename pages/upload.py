"""Tải dữ liệu: upload, see what was recognised, correct it, confirm; history and undo."""

from __future__ import annotations

import streamlit as st

from etl import upload
from thidua import settings, warehouse
from thidua.literal import markdown as md
from ui.guard import require_page
from ui.import_history import import_history
from ui.layout import writing_from_page
from ui.notices import say_last_run
from ui.upload_files import chosen_files, confirmed, inspected
from ui.upload_review import review

account = require_page("import")
upload.keep_one_ready()  # the files to come are read without waiting for a reader to start
master = warehouse.chosen()  # a file, or a lake (each file written in the writers' turn)
st.title("Tải dữ liệu lên")
st.caption(
    "Tải lên danh sách khen thưởng, sổ khen thưởng, bảng chấm điểm khối/cụm, danh sách khối/cụm hoặc phong trào "
    f"({', '.join('.' + kind for kind in settings.UPLOAD_KINDS)}; .txt là «Unicode Text» của Excel). "
    "Chưa có gì được ghi cho đến khi bấm «Xác nhận nhập»."
)
st.download_button(
    "Tải mẫu sổ khen thưởng (.xlsx, có danh sách chọn)",
    data=upload.register_template(),
    file_name="mau_so_khen_thuong.xlsx",
    icon=":material/description:",
    key="template",
)
inspections = inspected(chosen_files(), master)
for key, inspection in inspections:
    icon = (
        ":material/check_circle:"
        if inspection.ok
        else (":material/info:" if inspection.duplicate_of is not None else ":material/error:")
    )
    with st.container(border=True):
        st.subheader(f"{icon} {md(inspection.file)}")
        review(key, inspection, master, account)

if inspections:
    ready = [i for _, i in inspections if i.ok]
    blocked = [i for _, i in inspections if i.problems]
    if blocked:
        st.warning(f"{len(blocked)} tệp còn lỗi sẽ không được nhập; các tệp khác vẫn có thể nhập.")
    if st.button(
        f"Xác nhận nhập {len(ready)} tệp", type="primary", disabled=not ready, key="confirm"
    ):
        with st.spinner("Đang ghi vào kho dữ liệu…"), writing_from_page():
            reports = upload.confirm(master, ready, account)
        confirmed([r.message() for r in reports])
        st.rerun()

say_last_run()  # the reports of a confirm or an undo, notes on lines of their own

import_history(master, account)
