"""Streamlit's own words on its widgets, in Vietnamese. It writes «Press Enter to apply»
under a text box being typed in and «Upload» / «50MB per file • XLSX, XLS, CSV» on the
file drop zone, in English, with no setting to change them (streamlit#13500); a style
sheet puts the Vietnamese text in their place. Sent only by pages and dialogs that have
such widgets: the chart pages load no extra element for it."""

from __future__ import annotations

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
