"""Thi đua – khen thưởng: the dashboard's entry point and navigation."""

from __future__ import annotations

import logging

import streamlit as st

from pages._common import filter_sidebar
from thidua import db, settings

st.set_page_config(page_title="Thi đua – Khen thưởng", page_icon="🏅", layout="wide")


def _first_start() -> None:
    """On the very first start with the default warehouse, build the demo province
    through the analysts' import code, so the dashboard opens on real figures."""
    master = settings.db_path()
    if db.snapshot_version(master) is not None or master != settings.DEFAULT_DB:
        return
    from etl.demo_import import import_demo

    with st.spinner("Lần chạy đầu tiên: đang tạo và nhập dữ liệu tỉnh mẫu (khoảng một phút)…"):
        import_demo(master, if_missing=True)


_first_start()
filter_sidebar()
navigation = st.navigation(
    [
        st.Page(
            "pages/overview.py",
            title="Tổng quan",
            icon=":material/dashboard:",
            url_path="tong-quan",
            default=True,
        )
    ]
)
try:
    navigation.run()
except Exception:  # st.stop/st.rerun are BaseExceptions and pass through
    # The reader gets a Vietnamese sentence; the traceback goes to the server log only.
    logging.getLogger("thidua").exception("page failed")
    st.error(
        "Trang này gặp lỗi khi hiển thị. Lỗi đã được ghi vào nhật ký máy chủ; "
        "hãy tải lại trang hoặc báo quản trị viên."
    )
