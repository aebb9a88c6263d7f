"""Thi đua – khen thưởng: the dashboard's entry point and navigation."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from pages._access import (
    account_box,
    begin_run,
    cookie_writer,
    current_account,
    refusal,
    sign_in_form,
)
from pages._common import PAGE_SIDEBAR, filter_sidebar
from pages._widget_texts import streamlit_words_in_vietnamese
from thidua import db, settings
from thidua.access import Account

st.set_page_config(page_title="Thi đua – Khen thưởng", page_icon="🏅", layout="wide")
begin_run()


@st.cache_resource(show_spinner=False)
def _schema_checked(master: str) -> bool:
    """Once per server process: an older warehouse is upgraded before pages read it."""
    from pathlib import Path

    return db.ensure_current(Path(master))


_schema_checked(str(settings.db_path()))
# (file, title, icon, url path, capability); the first is the default page, served at "/".
PAGES = [
    ("pages/overview.py", "Tổng quan", ":material/dashboard:", "tong-quan", "view"),
    ("pages/bloc_ranking.py", "Xếp hạng khối thi đua", ":material/leaderboard:", "xep-hang-khoi", "view"),
    ("pages/distribution.py", "Cơ cấu khen thưởng", ":material/donut_small:", "co-cau", "view"),
    ("pages/leaders.py", "Lãnh đạo và NLĐ trực tiếp", ":material/groups:", "lanh-dao-nld", "view"),
    ("pages/campaigns.py", "Phong trào thi đua", ":material/flag:", "phong-trao", "view"),
    ("pages/search.py", "Tra cứu", ":material/search:", "tra-cuu", "names"),
    ("pages/upload.py", "Tải dữ liệu", ":material/upload_file:", "tai-du-lieu", "import"),
    ("pages/slideshow.py", "Trình chiếu", ":material/slideshow:", "trinh-chieu", "view"),
    ("pages/admin.py", "Quản trị", ":material/admin_panel_settings:", "quan-tri", "manage"),
]  # fmt: skip
# While a show runs (…/trinh-chieu?chay=1) nothing but the slides is on screen.
SHOWING = st.query_params.get("chay") == "1"


def _refused(title: str, capability: str) -> Callable[[], None]:
    """A page the account may not use keeps its address, hidden from the menu, and refuses."""

    def page() -> None:
        refusal(title, capability)

    page.__name__ = "refused"
    return page


def _signing_in(account: Account | None) -> bool:
    if account is None:
        return True
    if account.anonymous and st.session_state.get("want_sign_in"):
        return True
    st.session_state.pop("want_sign_in", None)
    return False


account = current_account()
if _signing_in(account):
    # Every address shows the sign-in form; once signed in, the same address opens its page.
    navigation = st.navigation(
        [
            st.Page(
                sign_in_form,
                title="Đăng nhập",
                icon=":material/login:",
                url_path=url,
                default=i == 0,
            )
            for i, (_, _, _, url, _) in enumerate(PAGES)
        ],
        position="hidden",
    )
    cookie_writer()
    navigation.run()
    st.stop()
assert account is not None
navigation = st.navigation(
    [
        st.Page(path, title=title, icon=icon, url_path=url, default=index == 0)
        if account.can(capability)
        else st.Page(_refused(title, capability), title=title, url_path=url, visibility="hidden")
        for index, (path, title, icon, url, capability) in enumerate(PAGES)
    ],
    position="hidden" if SHOWING else "sidebar",
)
st.session_state["_page_title"] = navigation.title
# The shared filters belong to the pages that chart awards, not to search, upload and admin.
if navigation.url_path not in {"tra-cuu", "tai-du-lieu", "trinh-chieu", "quan-tri"}:
    filter_sidebar()
# A page's own sidebar controls go here, above the account box (pages._common.page_sidebar).
st.session_state[PAGE_SIDEBAR] = st.sidebar.container()
if not SHOWING:
    account_box(account)
    streamlit_words_in_vietnamese()
cookie_writer()  # before the page: a page may stop early
try:
    navigation.run()
except Exception:  # st.stop/st.rerun are BaseExceptions and pass through
    # The reader gets a Vietnamese sentence; the traceback goes to the server log only.
    logging.getLogger("thidua").exception("page failed")
    st.error(
        "Trang này gặp lỗi khi hiển thị. Lỗi đã được ghi vào nhật ký máy chủ; "
        "hãy tải lại trang hoặc báo quản trị viên."
    )
