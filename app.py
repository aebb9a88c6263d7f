"""Thi đua – khen thưởng: the dashboard's entry point and navigation."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import NamedTuple

import streamlit as st

from thidua import db, warehouse
from thidua.access_file import StoreUnavailable
from thidua.lake import Lake
from ui.account import (
    account_box,
    account_page,
    begin_run,
    cookie_writer,
    current_account,
    sign_in_form,
    wants_sign_in,
)
from ui.as_of import as_of_control
from ui.data import say_unreadable
from ui.filters import filter_sidebar
from ui.guard import allowed, entering, refusal
from ui.layout import open_page_sidebar, set_this_page

st.set_page_config(page_title="Thi đua – Khen thưởng", page_icon="🏅", layout="wide")
begin_run()


@st.cache_resource(show_spinner=False)
def _schema_checked(master: str) -> bool:
    """Once per server process: an older warehouse file is upgraded before pages read it (a
    lake's schema is its writers' to bring up to date: thidua.lake_writer)."""
    where = warehouse.chosen(master)
    return True if isinstance(where, Lake) else db.ensure_current(where)


try:
    _schema_checked(warehouse.setting_of(warehouse.chosen()))
except db.WarehouseUnreadable as unreadable:  # a leader sees a sentence, not Streamlit's error
    say_unreadable(unreadable)


class Row(NamedTuple):
    """One page: its file, menu title and icon, address, the capability it needs, and
    whether the shared filters (awards by year, bloc, unit, form…) apply to it."""

    file: str
    title: str
    icon: str
    url: str
    capability: str
    filters: bool


# The page list; the first is the default page, served at "/".
PAGES = [
    Row("pages/overview.py", "Tổng quan", ":material/dashboard:", "tong-quan", "view", True),
    Row("pages/bloc_ranking.py", "Xếp hạng khối thi đua", ":material/leaderboard:", "xep-hang-khoi", "view", True),
    Row("pages/distribution.py", "Cơ cấu khen thưởng", ":material/donut_small:", "co-cau", "view", True),
    Row("pages/leaders.py", "Lãnh đạo và NLĐ trực tiếp", ":material/groups:", "lanh-dao-nld", "view", True),
    Row("pages/campaigns.py", "Phong trào thi đua", ":material/flag:", "phong-trao", "view", True),
    Row("pages/dossiers.py", "Hồ sơ đề nghị", ":material/folder_open:", "ho-so", "view", True),
    Row("pages/reports.py", "Báo cáo thống kê", ":material/table_view:", "bao-cao-thong-ke", "view", False),
    Row("pages/search.py", "Tra cứu", ":material/search:", "tra-cuu", "names", False),
    Row("pages/ladder.py", "Đề nghị theo tiêu chuẩn", ":material/military_tech:", "de-nghi-tieu-chuan", "names", False),
    Row("pages/upload.py", "Tải dữ liệu", ":material/upload_file:", "tai-du-lieu", "import", False),
    Row("pages/doubles.py", "Rà soát khen trùng", ":material/content_copy:", "ra-soat-khen-trung", "import", True),
    Row("pages/slideshow.py", "Trình chiếu", ":material/slideshow:", "trinh-chieu", "view", False),
    Row("pages/admin.py", "Quản trị", ":material/admin_panel_settings:", "quan-tri", "manage", False),
]  # fmt: skip
# The signed-in reader's own page (ui.account.account_page), outside the menu.
ACCOUNT_URL = "tai-khoan"
# The pages that show figures (not upload and admin, which change the warehouse as it is now).
FIGURE_CAPABILITIES = ("view", "names")
# While a show runs (…/trinh-chieu?chay=1) nothing but the slides is on screen.
SHOWING = st.query_params.get("chay") == "1"


def _refused(title: str, capability: str) -> Callable[[], None]:
    """A page the account may not use keeps its address, hidden from the menu, and refuses."""

    def page() -> None:
        refusal(title, capability)

    page.__name__ = "refused"
    return page


try:
    account = current_account()
except StoreUnavailable as unusable:  # a lake's PostgreSQL that does not answer
    say_unreadable(unusable)
if wants_sign_in(account):
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
            for i, url in enumerate([*(row.url for row in PAGES), ACCOUNT_URL])
        ],
        position="hidden",
    )
    cookie_writer()
    navigation.run()
    st.stop()
assert account is not None
# The signed-in reader's own page, reached from the account box (ui.account), not the menu.
ACCOUNT_PAGE = st.Page(
    account_page, title="Tài khoản", icon=":material/account_circle:", url_path=ACCOUNT_URL,
    visibility="hidden",
)  # fmt: skip
navigation = st.navigation(
    [
        st.Page(row.file, title=row.title, icon=row.icon, url_path=row.url, default=index == 0)
        if allowed(row.capability)
        else st.Page(
            _refused(row.title, row.capability),
            title=row.title,
            url_path=row.url,
            visibility="hidden",
        )
        for index, row in enumerate(PAGES)
    ]
    + [ACCOUNT_PAGE],
    position="hidden" if SHOWING else "sidebar",
    expanded=True,  # every page in the menu (collapsed, Streamlit hid four behind «View more»)
)
entering(navigation.title)
page_row = next((row for row in PAGES if row.title == navigation.title), None)
if page_row is not None and page_row.capability in FIGURE_CAPABILITIES:
    as_of_control(showing=SHOWING)  # on a lake: the figures as they were on a chosen day
if page_row is not None and page_row.filters:
    filter_sidebar()
# A page's own sidebar controls go here, above the account box (ui.layout.page_sidebar).
open_page_sidebar()
set_this_page(navigation)  # a page's tabs are links to it (ui.layout.open_tab)
if not SHOWING:
    account_box(account, ACCOUNT_PAGE)
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
