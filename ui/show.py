"""The slideshow page's parts: the show chosen in the link (year, slides, seconds — the
operator bookmarks it), the full-screen stage, and the print export. Owns the widget keys
show_year, show_sets, show_interval, start, export and the session key show_export."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
import streamlit.components.v1 as components

from thidua import slide_export, slides
from thidua.filters import listed_in_url
from ui.account import current_account
from ui.guard import allowed

EXPORT_KEY = "show_export"
# Full screen: no header, toolbar, sidebar or padding; the show scales itself to the window.
_STAGE = """<style>
header, [data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], [data-testid=stToolbar],
[data-testid=stDecoration], [data-testid=stStatusWidget], footer { display: none !important; }
.stMainBlockContainer, .block-container { padding: 0 !important; max-width: 100% !important; }
iframe[title="st.iframe"] { position: fixed; inset: 0; width: 100vw !important; height: 100vh !important;
    border: 0; z-index: 999990; background: #061426; }
html, body, [data-testid=stAppViewContainer] { overflow: hidden !important; background: #061426; }
</style>"""


@dataclass(frozen=True)
class Choice:
    year: int
    sets: tuple[str, ...]
    interval: int


def linked_choice(years: list[int]) -> Choice:
    """The show the link names; the newest year, every slide and 15 s where it names none
    (or a value that is not one)."""
    params = st.query_params
    try:
        year = int(params.get("nam", years[0]))
    except ValueError:
        year = years[0]
    try:
        interval = min(max(int(params.get("giay", "15")), 3), 600)
    except ValueError:
        interval = 15
    sets = listed_in_url(params.get_all("bo"), slides.SLIDE_SETS) or list(slides.SLIDE_SETS)
    return Choice(year if year in years else years[0], tuple(sets), interval)


def running() -> bool:
    return st.query_params.get("chay") == "1"


def stage(show: str) -> None:
    """The show alone on the screen (…/trinh-chieu?chay=1)."""
    st.html(_STAGE)
    components.html(show, height=1080)


def choose(years: list[int], linked: Choice) -> Choice:
    """The operator's choice, kept in the link, and the button that starts the show."""
    left, right, _ = st.columns([1, 1, 3])
    year = left.selectbox("Năm", years, index=years.index(linked.year), key="show_year")
    interval = right.number_input("Giây mỗi trang", 3, 600, linked.interval, key="show_interval")
    # Every kind of slide in sight, each a toggle: in a box of chips the third walk read three
    # of six at 1366 px, the third cut. None chosen shows them all.
    sets = st.pills(
        "Các trang (không chọn trang nào: chiếu tất cả)",
        list(slides.SLIDE_SETS),
        selection_mode="multi",
        default=list(linked.sets),
        format_func=slides.SLIDE_SETS.__getitem__,
        key="show_sets",
    )
    chosen = Choice(int(year), tuple(sets or slides.SLIDE_SETS), int(interval))
    link = {"nam": str(chosen.year), "bo": ",".join(chosen.sets), "giay": str(chosen.interval)}
    if dict(st.query_params) != link:
        st.query_params.from_dict(link)
    if st.button("Bắt đầu trình chiếu", type="primary", key="start", icon=":material/slideshow:"):
        st.query_params["chay"] = "1"
        st.rerun()
    st.caption(
        "Đường dẫn của trang này giữ các lựa chọn: lưu lại để mở đúng bộ trình chiếu lần sau."
    )
    return chosen


def export_panel(show: str, year: int) -> None:
    """PNGs and a PDF of the show for the conference book. Exporting starts Chromium on the
    server: for signed-in accounts (the guard's «export»), not a public screen."""
    st.subheader("Xuất bản in cho kỷ yếu hội nghị")
    if not allowed("export"):
        st.caption("Xuất ảnh và PDF dành cho tài khoản đã đăng nhập.")
        return
    account = current_account()
    if st.button(
        "Tạo ảnh PNG (1920×1080) và tệp PDF", key="export", icon=":material/picture_as_pdf:"
    ):
        try:
            with st.spinner("Đang dựng từng trang bằng Chromium…"):
                st.session_state[EXPORT_KEY] = slide_export.export(
                    show, f"trinh_chieu_{year}", account.unit if account else None
                ).key  # the export itself stays in slide_export, once
        except slide_export.ExportBusy:
            st.warning("Máy chủ đang dựng một bản xuất khác; hãy thử lại sau ít phút.")
        except slide_export.ExportFailed as failed:
            st.warning(f"Chưa xuất được: {failed} Hãy thử lại; nếu vẫn vậy, báo quản trị viên.")
    if EXPORT_KEY not in st.session_state:
        return
    made = slide_export.kept(st.session_state[EXPORT_KEY])
    if made is None:
        del st.session_state[EXPORT_KEY]
        st.caption("Bản xuất trước đã được thay bằng những bản mới hơn; bấm tạo lại nếu cần.")
        return
    # Sent by the server's own route (asgi.py), for signed-in accounts of the same scope.
    cols = st.columns(2)
    cols[0].link_button(
        f"Tải {made.slides} ảnh PNG (.zip)", f"/xuat/{made.key}.zip", icon=":material/download:"
    )
    cols[1].link_button("Tải PDF", f"/xuat/{made.key}.pdf", icon=":material/download:")


def preview(show: str) -> None:
    st.subheader("Xem trước")
    components.html(show.replace("<body>", '<body class="preview">'), height=560)
