"""Trình chiếu: the conference slideshow. Chosen here (year, slides, interval — all in the
link so the operator can bookmark it), then shown full screen with no Streamlit chrome."""

from __future__ import annotations

import streamlit as st
import streamlit.components.v1 as components

from thidua import app_settings, metrics, slide_export, slides
from thidua.filters import listed_in_url
from ui.account import access_db, current_account
from ui.data import VERSIONED_CACHES, connection, data_key
from ui.guard import allowed
from ui.layout import no_data

con = connection()
params = st.query_params
years = metrics.available_years(con)
if not years:
    no_data("Chưa có khen thưởng nào trong kho để trình chiếu.")
    st.stop()


def _year() -> int:
    try:
        chosen = int(params.get("nam", years[0]))
    except ValueError:
        return years[0]
    return chosen if chosen in years else years[0]


def _sets() -> list[str]:
    return listed_in_url(params.get_all("bo"), slides.SLIDE_SETS) or list(slides.SLIDE_SETS)


def _interval() -> int:
    try:
        return min(max(int(params.get("giay", "15")), 3), 600)
    except ValueError:
        return 15


@st.cache_data(max_entries=32, show_spinner=False)
def _show(
    key: tuple[tuple[int, int] | None, str | None],
    year: int,
    sets: tuple[str, ...],
    interval: int,
    target: float,
) -> str:
    # Keyed on the data version and the reader's scope: a new import gives a new show on
    # the next load, and a unit's show is never served to another unit.
    built = slides.build_slides(connection(), year, list(sets), target)
    return slides.render_show(
        built, interval, f"Hội nghị tổng kết công tác thi đua, khen thưởng năm {year}"
    )


year, sets, interval = _year(), _sets(), _interval()
VERSIONED_CACHES["slides"] = _show
show = _show(data_key(), year, tuple(sets), interval, app_settings.non_leader_target(access_db()))

if params.get("chay") == "1":
    # Full screen: no header, toolbar, sidebar or padding; the show scales itself to the window.
    st.html(
        """<style>
        header, [data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], [data-testid=stToolbar],
        [data-testid=stDecoration], [data-testid=stStatusWidget], footer { display: none !important; }
        .stMainBlockContainer, .block-container { padding: 0 !important; max-width: 100% !important; }
        iframe[title="st.iframe"] { position: fixed; inset: 0; width: 100vw !important; height: 100vh !important;
            border: 0; z-index: 999990; background: #061426; }
        html, body, [data-testid=stAppViewContainer] { overflow: hidden !important; background: #061426; }
        </style>"""
    )
    components.html(show, height=1080)
    st.stop()

st.title("Trình chiếu hội nghị tổng kết")
st.caption(
    "Chọn năm, các trang trình chiếu và thời gian mỗi trang rồi bấm «Bắt đầu». Khi đang chiếu (bút trình "
    "chiếu dùng được ngay): → PageDown hoặc phím cách để sang trang, ← PageUp để lùi, B để tắt/bật màn hình "
    "đen, bấm chuột hoặc P để tạm dừng, Esc để thoát. Nhấn F11 để toàn màn hình."
)
left, middle, right = st.columns([1, 3, 1])
chosen_year = left.selectbox("Năm", years, index=years.index(year), key="show_year")
chosen_sets = middle.multiselect(
    "Các trang",
    list(slides.SLIDE_SETS),
    default=sets,
    format_func=slides.SLIDE_SETS.__getitem__,
    key="show_sets",
    placeholder="Tất cả các trang",
)
chosen_interval = right.number_input("Giây mỗi trang", 3, 600, interval, key="show_interval")
link = {
    "nam": str(chosen_year),
    "bo": ",".join(chosen_sets or list(slides.SLIDE_SETS)),
    "giay": str(chosen_interval),
}
if dict(params) != link:
    params.from_dict(link)
if st.button("Bắt đầu trình chiếu", type="primary", key="start", icon=":material/slideshow:"):
    params["chay"] = "1"
    st.rerun()
st.caption("Đường dẫn của trang này giữ các lựa chọn: lưu lại để mở đúng bộ trình chiếu lần sau.")

st.subheader("Xuất bản in cho kỷ yếu hội nghị")
# Exporting starts Chromium on the server: for signed-in accounts, not a public screen.
account = current_account()
can_export = allowed("export")
if not can_export:
    st.caption("Xuất ảnh và PDF dành cho tài khoản đã đăng nhập.")
elif st.button(
    "Tạo ảnh PNG (1920×1080) và tệp PDF", key="export", icon=":material/picture_as_pdf:"
):
    try:
        with st.spinner("Đang dựng từng trang bằng Chromium…"):
            st.session_state["show_export"] = slide_export.export(
                show, f"trinh_chieu_{chosen_year}", account.unit if account else None
            ).key  # the export itself stays in slide_export, once
    except slide_export.ExportBusy:
        st.warning("Máy chủ đang dựng một bản xuất khác; hãy thử lại sau ít phút.")
    except slide_export.ExportFailed as failed:
        st.warning(f"Chưa xuất được: {failed} Hãy thử lại; nếu vẫn vậy, báo quản trị viên.")
if can_export and "show_export" in st.session_state:
    made = slide_export.kept(st.session_state["show_export"])
    if made is None:
        del st.session_state["show_export"]
        st.caption("Bản xuất trước đã được thay bằng những bản mới hơn; bấm tạo lại nếu cần.")
    else:
        # Sent by the server's own route (asgi.py), for signed-in accounts of the same scope.
        cols = st.columns(2)
        cols[0].link_button(
            f"Tải {made.slides} ảnh PNG (.zip)", f"/xuat/{made.key}.zip", icon=":material/download:"
        )
        cols[1].link_button("Tải PDF", f"/xuat/{made.key}.pdf", icon=":material/download:")

st.subheader("Xem trước")
components.html(show.replace("<body>", '<body class="preview">'), height=560)
