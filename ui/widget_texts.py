"""Streamlit's own words on its widgets, in Vietnamese. It writes «Press Enter to apply»
under a text box being typed in and «Upload» / «50MB per file • XLSX, XLS, CSV» on the
file drop zone, in English, with no setting to change them (streamlit#13500); a style
sheet puts the Vietnamese text in their place. Sent only by pages and dialogs that have
such widgets: the chart pages load no extra element for it.

The words Streamlit draws at run time — a table's toolbar («Show/hide columns», «Download as
CSV», «Search», «Fullscreen»), its column menu, an emptied multiselect's «Choose options»,
the main menu — cannot be reached by a style sheet (they are tooltips and aria-labels), so
the page itself carries one small script (`words_script`, put into Streamlit's index.html by
ui.page_shell) that puts the Vietnamese word in place of each English one as it appears.
Sent as an element of every run (st.html in the sidebar), the same script cost each page
load 5-7 % of the reader's browser time, measured side by side with `make bench`."""

from __future__ import annotations

import json

import streamlit as st

# Light imports only: every page loads this module (through the sign-in form), and the
# importer's modules cost a viewer's server ~0,18 s more at start-up.
from thidua.formatting import number
from thidua.settings import LIMITS, MB, UPLOAD_KINDS

# The English text is set to size 0 and the Vietnamese is drawn after it at the size and
# colour Streamlit gives that text (12 px under inputs, 14 px in the drop zone).
_CSS = """
[data-testid="InputInstructions"] { font-size: 0; }
[data-testid="InputInstructions"]::after { content: "Nhấn Enter để áp dụng"; font-size: 12px; }
[data-testid="stForm"] [data-testid="InputInstructions"]::after { content: "Nhấn Enter để gửi"; }
[data-testid="stFileUploaderDropzone"] button p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button p::after { content: "Chọn tệp"; font-size: 14px; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after { content: "%s"; font-size: 14px; }
/* A chosen file's size, written «8.5KB» with an English decimal point (the third walk): the
   page says each file's rows and layout below, and refuses one too big by its own message. */
[data-testid="stFileChipName"] + * { display: none; }
"""


def drop_zone_hint() -> str:
    """The drop zone's line beside «Chọn tệp», from the import limit and the kinds the page
    takes: «hoặc kéo thả tệp vào đây · tối đa 50 MB mỗi tệp · .xlsx, .xls, .csv, .txt, .tsv»."""
    most = number(LIMITS.max_file_bytes / MB, 0)
    return f"hoặc kéo thả tệp vào đây · tối đa {most} MB mỗi tệp · " + ", ".join(
        f".{kind}" for kind in UPLOAD_KINDS
    )


def vietnamese_widget_texts() -> None:
    st.html("<style>" + _CSS.replace("%s", drop_zone_hint()) + "</style>")


# Exact English words of Streamlit 1.67's front end (static/js) → the Vietnamese shown instead.
STREAMLIT_WORDS = {
    # a table's toolbar
    "Show/hide columns": "Hiện/ẩn cột",
    "Download as CSV": "Tải về dạng CSV",
    "Search": "Tìm trong bảng",
    "Fullscreen": "Phóng to toàn màn hình",
    "Close fullscreen": "Thu nhỏ lại",
    "Clear selection": "Bỏ chọn",
    "Close Search": "Đóng ô tìm",
    "Next Result": "Kết quả sau",
    "Previous Result": "Kết quả trước",
    # a column's menu
    "Dataframe column menu": "Trình đơn của cột",
    "Sort ascending": "Xếp tăng dần",
    "Sort descending": "Xếp giảm dần",
    "Format": "Định dạng số",
    "Autosize": "Vừa nội dung",
    "Pin column": "Ghim cột",
    "Unpin column": "Bỏ ghim cột",
    "Hide column": "Ẩn cột",
    "Copy column name": "Chép tên cột",
    "Automatic": "Tự động",
    "Localized": "Theo ngôn ngữ máy",
    "Plain": "Số thường",
    "Compact": "Rút gọn",
    "Percent": "Phần trăm",
    "Scientific": "Dạng khoa học",
    "Accounting": "Kế toán",
    # an editable table (accounts, aliases)
    "Add row": "Thêm dòng",
    "Delete row(s)": "Xóa dòng đã chọn",
    # selects
    "Choose options": "Chọn…",
    "Choose an option": "Chọn một mục",
    "No options to select": "Không còn mục nào để chọn",
    "No results": "Không có kết quả",
    "Clear all": "Xóa hết",
    "Select all": "Chọn tất cả",
    "Selected values": "Mục đã chọn",
    # the main menu (⋮)
    "Rerun": "Chạy lại trang",
    "Settings": "Cài đặt",
    "Print": "In trang",
    "Record a screencast": "Quay video màn hình",
    "About": "Giới thiệu",
}

# Text nodes, and the attributes that name a control (aria-label, a tooltip's title, Plotly's
# data-title, a placeholder), are rewritten when they equal an English word — or begin with
# one and « (» (the toolbar appends a table's label to its aria-label). A multiselect's
# «Remove X» becomes «Bỏ chọn X» and the search box's «2 of 7» «2/7».
_SCRIPT = """<script id="thidua-words">
(() => {
  const words = %s;
  const attrs = ["aria-label", "title", "data-title", "placeholder"];
  const ofCount = /^(\\d+) of (\\d+)$/;
  const swap = (text) => {
    const bare = text.trim();
    if (words[bare]) return text.replace(bare, words[bare]);
    if (bare.startsWith("Remove ")) return "Bỏ chọn " + bare.slice(7);
    const counted = bare.match(ofCount);
    if (counted) return text.replace(bare, counted[1] + "/" + counted[2]);
    const space = bare.indexOf(" (");
    if (space > 0 && words[bare.slice(0, space)]) {
      return words[bare.slice(0, space)] + bare.slice(space);
    }
    return null;
  };
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const better = swap(node.data);
      if (better !== null) node.data = better;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const better = swap(text.data);
      if (better !== null) text.data = better;
    }
    for (const named of [node, ...node.querySelectorAll("[aria-label],[title],[data-title],[placeholder]")]) {
      for (const name of attrs) {
        const value = named.getAttribute(name);
        const better = value && swap(value);
        if (better) named.setAttribute(name, better);
      }
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "childList") record.addedNodes.forEach(visit);
      else visit(record.target);
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: attrs,
  });
  visit(document.documentElement);
})();
</script>
"""


def words_script() -> str:
    """The script, for the head of the page: it runs before Streamlit's own, and watches
    the whole document (there is no body yet) for the rest of the visit."""
    return _SCRIPT % json.dumps(STREAMLIT_WORDS)
