"""Thi đua – khen thưởng: the dashboard's entry point and navigation."""

from __future__ import annotations

import logging

import streamlit as st

from pages._common import filter_sidebar
from thidua import db, settings

st.set_page_config(page_title="Thi đua – Khen thưởng", page_icon="🏅", layout="wide")


@st.cache_resource(show_spinner=False)
def _schema_checked(master: str) -> bool:
    """Once per server process: an older warehouse is upgraded before pages read it."""
    from pathlib import Path

    return db.ensure_current(Path(master))


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
_schema_checked(str(settings.db_path()))
# (file, title, icon, url path); the first is the default page, served at "/".
PAGES = [
    ("pages/overview.py", "Tổng quan", ":material/dashboard:", "tong-quan"),
    ("pages/bloc_ranking.py", "Xếp hạng khối thi đua", ":material/leaderboard:", "xep-hang-khoi"),
    ("pages/distribution.py", "Cơ cấu khen thưởng", ":material/donut_small:", "co-cau"),
    (
        "pages/leaders.py",
        "Lãnh đạo và người lao động trực tiếp",
        ":material/groups:",
        "lanh-dao-nld",
    ),
    ("pages/campaigns.py", "Phong trào thi đua", ":material/flag:", "phong-trao"),
    ("pages/search.py", "Tra cứu", ":material/search:", "tra-cuu"),
    ("pages/upload.py", "Tải dữ liệu", ":material/upload_file:", "tai-du-lieu"),
    ("pages/slideshow.py", "Trình chiếu", ":material/slideshow:", "trinh-chieu"),
]
# While a show runs (…/trinh-chieu?chay=1) nothing but the slides is on screen.
SHOWING = st.query_params.get("chay") == "1"
navigation = st.navigation(
    [
        st.Page(path, title=title, icon=icon, url_path=url, default=index == 0)
        for index, (path, title, icon, url) in enumerate(PAGES)
    ],
    position="hidden" if SHOWING else "sidebar",
)
# The shared filters belong to the pages that chart awards, not to search and upload.
if navigation.url_path not in {"tra-cuu", "tai-du-lieu", "trinh-chieu"}:
    filter_sidebar()
try:
    navigation.run()
except Exception:  # st.stop/st.rerun are BaseExceptions and pass through
    # The reader gets a Vietnamese sentence; the traceback goes to the server log only.
    logging.getLogger("thidua").exception("page failed")
    st.error(
        "Trang này gặp lỗi khi hiển thị. Lỗi đã được ghi vào nhật ký máy chủ; "
        "hãy tải lại trang hoặc báo quản trị viên."
    )
