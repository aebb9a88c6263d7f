"""Every sentence with which the importer refuses a file or a row — and, in the last section,
what it tells the analyst without refusing anything.

Why one file: a reader of the code, a translator, or the office that writes the user guide
can read here every reason a file is refused and the fix each one offers, without hunting
through the stages that find them. Each sentence names what is wrong and how to put it right.

What is not here: where the problem is. `etl.problems.Problem.__str__` puts the file, the
Excel row, the column and the value before the sentence («DS.xlsx, dòng 12, cột I «Hình thức
khen thưởng»: giá trị «BK» — » then the sentence), so no sentence repeats them.

The groups follow a file through the importer: reading (etl/reading), recognising the table
(header row, layout), award lists (their cells and the counts they state about themselves),
bloc sheets, campaign lists, the analyst's choices and the import itself, then the warnings.
A fixed sentence is a constant; a sentence with variable parts is a function of them. The
texts are compared by the tests: a change of wording here is a change the tests must agree to.

This module imports nothing heavy: the reading child (etl.reading.worker) loads it inside
its memory bound.
"""

from __future__ import annotations

from etl.parse.days import impossible_date
from thidua.formatting import number
from thidua.reference import CAMPAIGN_KIND_NAMES
from thidua.settings import LIMITS, ImportLimits, too_big

# ── Reading: the file's bytes, before any table is looked for (etl/reading) ────────────────

CANNOT_OPEN = "không mở được tệp (tệp không tồn tại hoặc không có quyền đọc)."


def file_too_big(size: int, limits: ImportLimits = LIMITS) -> str:
    """Said before a reading child starts (etl.reading.stage) and on upload (etl.upload)."""
    return too_big(size, limits) + " Hãy tách thành nhiều tệp nhỏ hơn."


# A temporary folder or a process could not be made (disk full, too many processes).
NO_READER = (
    "máy chủ chưa đọc được tệp lúc này (không tạo được thư mục tạm hoặc tiến trình đọc; có thể "
    "đĩa đầy); không có gì thay đổi. Hãy thử lại sau hoặc báo quản trị viên."
)


def read_too_long(seconds: float) -> str:
    # «60», or «0,3» for a bound under a second (it said «quá 0 giây»).
    shown = number(seconds, 0 if float(seconds).is_integer() else 1)
    return (
        f"đọc tệp quá {shown} giây nên đã dừng để bảo vệ máy chủ; "
        "tệp quá lớn hoặc bị hỏng. Hãy mở bằng Excel, lưu lại dưới dạng .xlsx (hoặc tách "
        "thành nhiều tệp) rồi gửi lại."
    )


def read_out_of_memory(megabytes: int) -> str:
    return (
        f"đọc tệp cần hơn {number(megabytes, 0)} MB bộ nhớ nên đã dừng để bảo vệ "
        "máy chủ. Thường do một trang có ô ở rất xa bảng (ví dụ ô cuối XFD1048576) hoặc tệp "
        "bị hỏng: hãy mở bằng Excel, xóa các dòng và cột thừa sau bảng, lưu lại dưới dạng "
        ".xlsx rồi gửi lại."
    )


UNREADABLE = (
    "không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng; hãy mở bằng Excel rồi lưu "
    "lại dưới dạng .xlsx."
)
EMPTY_FILE = "tệp rỗng (0 byte), không có dữ liệu để nhập."

# What a file is when it is not a workbook the reader takes — told from its bytes, never its
# name (etl.reading.kinds) — and what to send instead.
_SAVE_AS_XLSX = (
    "hãy mở tệp gốc bằng Excel rồi lưu lại dưới dạng «Sổ làm việc Excel (.xlsx)» và gửi lại."
)
_SEND_LIST = "hãy gửi bảng Excel của danh sách."
_SEND_NOT_SCAN = "ảnh hay bản quét không đọc được thành số liệu; hãy gửi tệp Excel của danh sách."


def _not_a_sheet(what: str, todo: str = _SAVE_AS_XLSX) -> str:
    return f"tệp này là {what}, không phải bảng tính Excel; {todo}"


def _other_sheet(what: str, todo: str = _SAVE_AS_XLSX) -> str:
    """A spreadsheet in a format the reader does not take («not a spreadsheet» would be wrong)."""
    return f"tệp này là {what}, định dạng bảng tính không đọc được; {todo}"


PDF_FILE = _not_a_sheet(
    "tệp PDF (bản in hoặc bản quét của văn bản)",
    "PDF không đọc được thành số liệu; hãy gửi tệp Excel của danh sách.",
)
PNG_IMAGE = _not_a_sheet("ảnh PNG", _SEND_NOT_SCAN)
JPEG_IMAGE = _not_a_sheet("ảnh JPEG (ảnh chụp hoặc bản quét)", _SEND_NOT_SCAN)
GIF_IMAGE = _not_a_sheet("ảnh GIF", _SEND_NOT_SCAN)
TIFF_IMAGE = _not_a_sheet("ảnh TIFF (bản quét)", _SEND_NOT_SCAN)
BMP_IMAGE = _not_a_sheet("ảnh BMP", _SEND_NOT_SCAN)
WEBP_IMAGE = _not_a_sheet("ảnh WEBP", _SEND_NOT_SCAN)
WORD_RTF = _not_a_sheet("văn bản Word (RTF)", _SEND_LIST)
UNKNOWN_BINARY = _not_a_sheet("tệp nhị phân không rõ loại")
WEB_PAGE = _not_a_sheet(
    "trang web (HTML) được đặt tên như tệp Excel (phần mềm «xuất ra Excel» thường làm vậy)"
)
XML_2003_WORKBOOK = _other_sheet("bảng tính XML 2003 (SpreadsheetML) được đặt tên như tệp Excel")
WORD_DOCX = _not_a_sheet("văn bản Word (.docx)", _SEND_LIST)
POWERPOINT_PPTX = _not_a_sheet("bài trình chiếu PowerPoint (.pptx)", _SEND_LIST)
OPENDOCUMENT_WORKBOOK = _other_sheet(
    "bảng tính OpenDocument (.ods, LibreOffice)",
    "hãy mở bằng LibreOffice hoặc Excel rồi lưu lại dưới dạng .xlsx và gửi lại.",
)
OPENDOCUMENT_TEXT = _not_a_sheet("văn bản OpenDocument (LibreOffice)", _SEND_LIST)
ZIP_ARCHIVE = _not_a_sheet("tệp nén (.zip)", "hãy giải nén và gửi từng bảng tính Excel.")
WORD_DOC = _not_a_sheet("văn bản Word (.doc)", _SEND_LIST)
POWERPOINT_PPT = _not_a_sheet("bài trình chiếu PowerPoint (.ppt)", _SEND_LIST)
UNKNOWN_OFFICE = _not_a_sheet("tệp Office không rõ loại")
# An Office 97–2003 file holding an encrypted workbook.
PASSWORD_WORKBOOK = (
    "tệp Excel có đặt mật khẩu nên không đọc được; hãy mở bằng Excel, bỏ mật khẩu "
    "(Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại và gửi lại."
)
# A zip that cannot be opened, or an .xlsx whose parts are cut short or do not inflate.
BROKEN_XLSX = (
    "tệp Excel bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); hãy lưu lại tệp từ Excel."
)

# The workbook as a whole (etl.reading.book).


def every_sheet_hidden(sheets: list[str]) -> str:
    hidden = ", ".join(f"«{sheet}»" for sheet in sheets)
    return (
        f"mọi trang có dữ liệu đều bị ẩn ({hidden}); nếu đó là danh sách cần nhập, hãy "
        "bỏ ẩn trang (chuột phải vào tên trang › Bỏ ẩn) rồi lưu lại."
    )


NO_DATA = "bảng tính không có dữ liệu (mọi trang tính đều trống)."
BROKEN_XLS = "không đọc được bảng tính: tệp bị hỏng hoặc không đúng định dạng Excel."


def broken_sheet(sheet: str) -> str:
    return f"không đọc được trang tính «{sheet}»: tệp bị hỏng."


def sheet_too_long(sheet: str, rows: int) -> str:
    return f"trang «{sheet}» có {number(rows)} dòng, quá giới hạn."


def sheet_over_row_limit(sheet: str, rows: int, limit: int) -> str:
    return f"trang «{sheet}» có {rows} dòng, quá giới hạn {limit}."


def cell_too_long(sheet: str, length: int, limit: int) -> str:
    return f"trang «{sheet}»: một ô dài {number(length)} ký tự, quá giới hạn {number(limit)}."


# CSV and tab-separated text (etl.reading.text); the row named is the line in a text editor.
_SEPARATOR_NAMES = {",": "dấu phẩy", ";": "dấu chấm phẩy", "\t": "dấu tab", "|": "dấu gạch đứng"}


def separator_unclear(first: str, second: str) -> str:
    """`first`, `second`: two separators («,», «;», tab, «|») that split the lines alike."""
    return (
        f"không rõ các cột được ngăn bằng {_SEPARATOR_NAMES[first]} hay "
        f"{_SEPARATOR_NAMES[second]} (cả hai đều chia đều các dòng); "
        "hãy mở bằng Excel rồi lưu lại dưới dạng .xlsx."
    )


def csv_cell_too_long(limit: int) -> str:
    return f"một ô dài quá {number(limit)} ký tự"


CSV_QUOTE_NOT_CLOSED = 'dấu ngoặc kép «"» mở ở dòng này không được đóng đến hết tệp'
CSV_TEXT_AFTER_QUOTE = "sau dấu ngoặc kép đóng còn ký tự khác trước dấu ngăn cột"
CSV_NUL = "dòng có ký tự rỗng (NUL): tệp không phải văn bản thuần"
CSV_BROKEN_LINE = "không đọc được dòng này (sai cấu trúc CSV: dấu ngăn cột, dấu ngoặc kép)."


def lines_lost(read: int, lines: int) -> str:
    return (
        f"đọc được {read} dòng nhưng tệp có {lines} dòng; có dòng không đọc được "
        "(dấu ngoặc kép hoặc ký tự xuống dòng lạ). Hãy mở bằng Excel rồi lưu lại."
    )


def line_too_wide(columns: int, limit: int) -> str:
    return (
        f"dòng có {number(columns)} cột, quá giới hạn {limit}; "
        "có thể chọn sai dấu ngăn cột hoặc tệp không phải danh sách."
    )


def quote_swallows_lines(lines: int) -> str:
    return (
        f'dấu ngoặc kép «"» mở ở dòng này gộp {lines} dòng vào một ô; '
        "hãy kiểm tra dấu ngoặc kép rồi lưu lại."
    )


def text_too_long(limit: int) -> str:
    return f"tệp có hơn {number(limit)} dòng, quá giới hạn."


# An .xlsx inflated and scanned before calamine may touch it (etl.reading.xlsx).
_RESAVE = "hãy mở bằng Excel rồi lưu lại dưới dạng .xlsx."
_GUARD = "Đã dừng đọc để bảo vệ máy chủ; hãy mở bằng Excel, kiểm tra rồi lưu lại."


def _size(count: int) -> str:
    """Bytes as a person reads them: «4 KB», «1,2 GB»."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= size:
            return f"{number(count / size, 1 if count < 10 * size else 0)} {unit}"
    return f"{count} byte"


def too_many_members(members: int) -> str:
    return f"tệp nén có {members} thành phần, bất thường; {_GUARD}"


def missing_member(member: str) -> str:
    return f"tệp Excel thiếu phần «{member}»; {_RESAVE}"


PASSWORD_MEMBER = "tệp Excel có đặt mật khẩu; hãy bỏ mật khẩu rồi lưu lại."
ODD_COMPRESSION = f"tệp Excel nén theo cách lạ; {_RESAVE}"


def member_size_differs(member: str, declared: int, produced: int) -> str:
    return (
        f"phần «{member}» khai {_size(declared)} nhưng giải nén ra "
        f"{_size(produced)}; tệp bị hỏng hoặc bị làm giả. {_GUARD}"
    )


def member_inflates_too_far(member: str, declared: int, compressed: int, produced: int) -> str:
    return (
        f"tệp nén bất thường: phần «{member}» khai {_size(declared)} khi giải nén "
        f"(nén {_size(compressed)}) nhưng đã giải nén ra hơn {_size(produced)}. "
        f"{_GUARD}"
    )


def member_too_big(member: str) -> str:
    return f"phần «{member}» của tệp Excel lớn bất thường. {_GUARD}"


# Why the scan of one sheet's XML stopped, said after the sheet's name by `scan_stopped`.
NO_SHEET_DATA = "không có phần dữ liệu (sheetData)"
LONG_XML_TAG = "có một thẻ XML dài bất thường"


def scan_too_many_rows(limit: int) -> str:
    return f"có hơn {number(limit)} dòng có dữ liệu"


def scan_too_many_columns(limit: int) -> str:
    return f"có dữ liệu ở quá {limit} cột"


def scan_stopped(sheet: str, reason: str) -> str:
    return f"trang «{sheet}» {reason}. {_GUARD}"


def sheet_too_wide(sheet: str, width: int, limit: int) -> str:
    return f"trang «{sheet}» có dữ liệu trên {width} cột, quá giới hạn {limit}. {_GUARD}"


def sheet_too_many_cells(sheet: str, height: int, width: int, limit: int) -> str:
    return (
        f"trang «{sheet}» trải trên {number(height)} dòng × {width} cột, quá giới hạn "
        f"{number(limit)} ô. {_GUARD}"
    )


def far_from_table(sheet: str, last_row: int, cells: list[str]) -> str:
    """`cells`: the first few far cells by their Excel names («AB7»), if any (a far row has none)."""
    far = ", ".join(cells)
    return (
        f"trang «{sheet}» có dữ liệu ở xa bảng chính (dòng {number(last_row)}"
        f"{', ô ' + far if far else ''}): hãy xóa các ô thừa hoặc chuyển dữ liệu lên gần "
        "bảng, rồi lưu lại."
    )


# ── Recognising: the header row and the kind of table (etl.importer, etl.recognise) ──────────


def layout_unclear(
    sheet: str, first: str, first_reasons: str, second: str, second_reasons: str
) -> str:
    """`first`, `second`: two kinds of table the sheet scores alike, with why each fits."""
    return (
        f"trang «{sheet}»: không rõ là {first} ({first_reasons}) hay "
        f"{second} ({second_reasons}). Hãy chọn ý nghĩa các cột ở trang Tải "
        "dữ liệu, hoặc dùng --column … =bỏ qua cho cột gây nhầm ở dòng lệnh."
    )


def no_known_table(sheet: str) -> str:
    return (
        f"trang «{sheet}»: không tìm thấy dòng tiêu đề cột của một loại bảng đã biết "
        "(danh sách khen thưởng cần cột «Họ và tên»; bảng điểm cần «Đơn vị», «Tổng điểm», "
        "«Xếp hạng»; mẫu sổ khen thưởng: nút «Tải mẫu sổ khen thưởng» trên trang Tải dữ liệu)."
    )


def no_data_rows(sheet: str) -> str:
    return f"trang «{sheet}» có tiêu đề cột nhưng không có dòng dữ liệu nào."


# ── Award lists: the title block, every cell, the counts a list states about itself
#    (etl/parse/awards/preamble.py, etl/check/awards.py, etl/check/stated_counts.py) ────────

# What the title block says, named when the analyst's choice contradicts it.
_CHOSEN = {
    "decision_no": "số quyết định",
    "decision_date": "ngày quyết định",
    "title_form": "hình thức khen thưởng",
}


def choice_contradicts_file(field: str, in_file: str, chosen: str) -> str:
    """`field`: decision_no, decision_date or title_form; both values as a person reads them."""
    return (
        f"tệp ghi {_CHOSEN[field]} «{in_file}» nhưng lựa chọn của bạn là "
        f"«{chosen}». Hãy bỏ lựa chọn đó, hoặc sửa tệp nếu tệp ghi sai."
    )


def unread_column(rows: int, letter: str) -> str:
    """A column with a header and values that no field took (`letter`: its Excel letter)."""
    return (
        f"cột này có dữ liệu ở {rows} dòng khen thưởng nhưng không nhận ra là thông tin "
        "gì (đơn vị? chức vụ? hình thức?). Hãy chọn ý nghĩa của cột ở trang Tải dữ liệu "
        "(mục «Cách hiểu các cột»; «không nhập cột này» nếu không cần), hoặc dùng "
        f"--column {letter}=… ở dòng lệnh (ví dụ {letter}=unit; {letter}=bỏ qua)."
    )


MISSING_RECIPIENT = "thiếu họ tên / tên tập thể được khen."
BIRTH_YEAR_TWICE = "năm sinh ghi ở cả cột Nam và cột Nữ: không biết người này là nam hay nữ."
UNKNOWN_FORM = "không phải hình thức khen thưởng đã biết."
MISSING_FORM = "thiếu hình thức khen thưởng (không có ở cột, ở mục hay ở tiêu đề danh sách)."
UNKNOWN_RECIPIENT_KIND = "đối tượng phải là «Cá nhân», «Tập thể» hoặc «Hộ gia đình»."
RECIPIENT_KIND_UNSAID = (
    "không xác định được đây là cá nhân hay tập thể: thêm cột «Đối tượng» hoặc mục "
    "«I. CÁ NHÂN» / «II. TẬP THỂ»."
)
FORM_NOT_FOR_KIND = (
    "hình thức này không tặng cho loại đối tượng ghi ở dòng này (cá nhân / tập thể)."
)
UNKNOWN_GENDER = "giới tính phải là «Nam» hoặc «Nữ»."
BAD_YEAR = "năm không hợp lệ (cần 4 chữ số, ví dụ 2020)."
MISSING_YEAR = (
    "thiếu năm: không có cột «Năm» và không có ngày quyết định. Hãy ghi dòng «(Kèm "
    "theo Quyết định số … ngày …)» vào tệp, điền ngày quyết định ở trang Tải dữ liệu, "
    "hoặc dùng --decision-date / --year ở dòng lệnh."
)
BAD_DECISION_DATE = "ngày không đọc được; hãy ghi theo dạng ngày/tháng/năm, ví dụ 25/01/2020."
YEAR_NOT_DECISION_YEAR = (
    "năm không khớp với năm của ngày quyết định (năm khen thưởng là năm ra quyết định)."
)


def unknown_award_type(types: list[str]) -> str:
    """`types`: the award types' names (thidua.reference.AWARD_TYPES)."""
    allowed = ", ".join(f"«{name}»" for name in types)
    return f"loại hình khen thưởng phải là một trong: {allowed}."


BAD_ACHIEVEMENT_YEAR = "năm thành tích không hợp lệ (cần 4 chữ số)."


def same_award_twice(first_row: int, form: str, decision: str | None, also_at: list[int]) -> str:
    """Said at the second row listing the person; `also_at`: the rows after it, if any."""
    return (
        f"đã có ở dòng {first_row} với cùng chức vụ, đơn vị và hình thức «{form}»"
        + (f" của quyết định {decision}" if decision else "")
        + (f" (còn ở dòng {', '.join(map(str, also_at))})" if also_at else "")
        + "; một người không được khen hai lần cùng hình thức trong một quyết định. "
        "Hãy xóa dòng lặp."
    )


def footer_differs(
    stated_individuals: int, stated_collectives: int, individuals: int, collectives: int
) -> str:
    return (
        f"dòng tổng ghi {stated_individuals} cá nhân và {stated_collectives} tập thể nhưng "
        f"danh sách có {individuals} cá nhân và {collectives} tập thể. Hãy kiểm tra các dòng bị "
        "thiếu hoặc thừa."
    )


def rows_between(counted: list[int], since: int, row: int) -> str:
    """Where the rows a count covers are: `counted`, the award rows found; else the rows
    between the count before (`since`, 0 for none) and this one (`row`)."""
    if not counted:
        return f"giữa dòng {since} và dòng {row}" if since else f"trước dòng {row}"
    return f"từ dòng {counted[0]} đến dòng {counted[-1]}"


def stated_subtotal_differs(stated: int, counted: int, span: str) -> str:
    return (
        f"dòng cộng ghi {stated} nhưng có {counted} dòng khen thưởng "
        f"{span}. Hãy kiểm tra dòng thiếu, thừa hoặc số cộng."
    )


def grand_total_differs(stated: int, counted: int) -> str:
    return (
        f"dòng tổng cộng ghi {stated} nhưng danh sách có {counted} dòng "
        "khen thưởng. Hãy kiểm tra dòng thiếu, thừa hoặc số tổng."
    )


def section_count_differs(stated: int, counted: int, span: str) -> str:
    """`span`: where the rows are (rows_between), or "" when the section has none."""
    return (
        f"tên mục ghi {stated} nhưng dưới mục có {counted} dòng khen "
        f"thưởng{' ' + span if span else ''}. "
        "Hãy kiểm tra dòng thiếu, thừa hoặc số ghi ở tên mục."
    )


# The STT within a run of award rows: up by one, or back to 1.
_STT_FIX = (
    "Hãy đối chiếu với bản gốc; nếu chỉ STT đánh sai, hãy đánh lại STT (hoặc chọn «bỏ qua» "
    "cho cột STT) rồi gửi lại."
)


def stt_repeated(stt: int, before_row: int) -> str:
    return (
        f"số thứ tự {stt} lặp lại số của dòng {before_row}: có thể một dòng bị chép hai lần "
        f"hoặc được thêm vào mà chưa đánh lại STT. {_STT_FIX}"
    )


def stt_skips(before: int, before_row: int, stt: int) -> str:
    missing = stt - before - 1
    return (
        f"số thứ tự nhảy từ {before} (dòng {before_row}) lên {stt}: thiếu {missing} số — "
        f"có thể {'một dòng đã bị' if missing == 1 else f'{missing} dòng đã bị'} xóa. {_STT_FIX}"
    )


def stt_goes_back(before: int, before_row: int, stt: int) -> str:
    return (
        f"số thứ tự lùi từ {before} (dòng {before_row}) về {stt}: có thể một dòng bị chuyển chỗ "
        f"hoặc danh sách bị ghép sai. {_STT_FIX}"
    )


# ── Bloc sheets: scoring summaries and membership lists (etl/parse/blocs.py) ─────────────────

UNKNOWN_UNIT = (
    "đơn vị không có trong danh mục đơn vị của tỉnh; nếu là tên khác của một "
    "đơn vị đã có, hãy ánh xạ ở trang Tải dữ liệu."
)
BLOC_TITLE_MISSING = (
    "tiêu đề phải nêu khối/cụm và năm, ví dụ «BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA "
    "KHỐI THI ĐUA SỐ 4 NĂM 2018»."
)
MISSING_UNIT = "thiếu tên đơn vị."
TOTAL_NOT_A_NUMBER = "tổng điểm phải là số (ví dụ 95,5)."
BAD_RANK = "xếp hạng phải là số (1, 2, 3…) hoặc chữ (Nhất, Nhì, Ba…)."
SCORE_NOT_A_NUMBER = "điểm phải là số (ví dụ 95,5)."
TOTAL_NOT_SUM = "tổng điểm không bằng điểm khối chấm + điểm cộng − điểm trừ."
UNIT_TWICE = "đơn vị xuất hiện hai lần trong bảng."


def rank_should_be(total: float, same_total: int, higher: int, rank: int) -> str:
    """`same_total`: the other units with this total; `higher`: the units with a higher one;
    `rank`: the rank the totals give (đồng hạng)."""
    because = f"cùng tổng điểm với {same_total} đơn vị khác, " if same_total else ""
    above = f"{higher} đơn vị có tổng cao hơn" if higher else "không đơn vị nào có tổng cao hơn"
    return f"với tổng {total:g} điểm ({because}{above}) đơn vị này phải xếp thứ {rank}."


BAD_MEMBERSHIP_YEAR = "năm không hợp lệ (cần 4 chữ số)."
UNKNOWN_BLOC = "không nhận ra khối/cụm; hãy ghi dạng «Khối thi đua số 1» hoặc «Cụm thi đua số 2»."
UNKNOWN_ROLE = "vai trò phải là «Khối trưởng»/«Cụm trưởng», «Khối phó»/«Cụm phó» hoặc «Thành viên»."
TWO_HEADS = "khối/cụm này có hơn một khối trưởng trong cùng năm."
TWO_DEPUTIES = "khối/cụm này có hơn một khối phó trong cùng năm."
UNIT_IN_TWO_BLOCS = "đơn vị thuộc hai khối/cụm (hoặc ghi hai lần) trong cùng năm."

# ── Campaign lists (etl/parse/campaigns.py) ─────────────────────────────────────────────────

MISSING_PLAN_NO = "thiếu số kế hoạch (ví dụ 136/KH-UBND)."
PLAN_NO_TWICE = "số kế hoạch bị ghi hai lần."
MISSING_CAMPAIGN_NAME = "thiếu tên phong trào."
_KINDS = [f"«{name}»" for name in CAMPAIGN_KIND_NAMES.values()]
UNKNOWN_CAMPAIGN_KIND = f"loại phải là {', '.join(_KINDS[:-1])} hoặc {_KINDS[-1]}."
BAD_CAMPAIGN_DATE = "ngày không đọc được; hãy ghi theo dạng ngày/tháng/năm."
END_BEFORE_START = "ngày kết thúc trước ngày bắt đầu."

# ── The dossier register (etl/parse/dossiers.py) ──────────────────────────────────────────────
MISSING_DOSSIER_NO = "thiếu số hồ sơ (số ghi trên giấy tiếp nhận, ví dụ HS-2024-0015)."
DOSSIER_TWICE = (
    "số hồ sơ này đã có ở một dòng khác. Một hồ sơ chỉ được ghi lại khi lần trước đã «trả lại để "
    "bổ sung» (có ngày trả) và lần nộp lại nhận sau ngày trả đó; nếu là hai hồ sơ khác nhau, hãy "
    "sửa số hồ sơ."
)
MISSING_DOSSIER_UNIT = "thiếu đơn vị đề nghị."
MISSING_RECEIVED_ON = "thiếu ngày nhận hồ sơ."
MISSING_DUE_ON = (
    "thiếu ngày hẹn trả kết quả (ghi trên giấy tiếp nhận); không tính được đúng hạn hay trễ hạn."
)
BAD_DOSSIER_DATE = "ngày không đọc được; hãy ghi theo dạng ngày/tháng/năm (ví dụ 05/03/2024)."
DUE_BEFORE_RECEIVED = "ngày hẹn trả trước ngày nhận hồ sơ."
RETURNED_BEFORE_RECEIVED = "ngày trả trước ngày nhận hồ sơ."
DATE_AFTER_TODAY = "ngày này chưa tới (sau hôm nay); hãy kiểm tra lại năm hoặc tháng."
UNKNOWN_DOSSIER_STATUS = (
    "trạng thái phải là một trong: «Đã tiếp nhận», «Đang thẩm định», «Đã trình Chủ tịch», "
    "«Đã có quyết định», «Trả lại để bổ sung», «Không đủ điều kiện»."
)
ANSWERED_WITHOUT_DATE = (
    "hồ sơ đã có kết quả (quyết định, trả lại hoặc không đủ điều kiện) nhưng thiếu ngày trả; "
    "không tính được đúng hạn hay trễ hạn."
)
OPEN_WITH_RETURN_DATE = (
    "trạng thái nói hồ sơ còn đang xử lý nhưng dòng này có ngày trả; trạng thái hay ngày trả "
    "mới đúng?"
)
DECIDED_WITHOUT_DECISION = "hồ sơ đã có quyết định nhưng thiếu số quyết định; không đối chiếu được với khen thưởng đã nhập."
REJECTED_WITHOUT_REASON = "hồ sơ không đủ điều kiện nhưng thiếu lý do."
UNKNOWN_PROPOSED_FORM = (
    "có hình thức khen thưởng không nhận ra; ghi các hình thức cách nhau bằng dấu chấm phẩy."
)
BAD_RECIPIENT_COUNT = "số lượng đề nghị phải là số nguyên không âm."


def unknown_proposed_form(part: str) -> str:
    return (
        f"«{part}» không phải tên một hình thức khen thưởng đã biết (với bằng khen, ghi rõ của "
        "ai: «Bằng khen của Chủ tịch UBND tỉnh», «Bằng khen của Thủ tướng Chính phủ»…); ghi các "
        "hình thức cách nhau bằng dấu chấm phẩy."
    )


def dossier_total_differs(stated: int, counted: int) -> str:
    return (
        f"dòng tổng ghi {stated} hồ sơ nhưng sổ có {counted} dòng hồ sơ; thiếu, thừa hay ghi "
        "trùng một dòng, hay dòng tổng ghi sai?"
    )


def recipient_total_differs(stated: int, counted: int) -> str:
    return (
        f"dòng tổng ghi {stated} đối tượng đề nghị nhưng cộng các dòng được {counted}; "
        "hãy kiểm tra lại số lượng từng hồ sơ hoặc dòng tổng."
    )


# ── The analyst's choices and the import itself (etl/importer.py, etl/load.py; etl/upload.py
#    refuses an upload too big with file_too_big above) ───────────────────────────────────────

CANNOT_OPEN_TO_READ = "không mở được tệp để đọc."


def alias_to_unknown_unit(alias: str, unit: str) -> str:
    return f"tên gọi «{alias}» chỉ tới «{unit}», không có trong danh mục đơn vị."


def no_such_sheet(sheet: str, sheets: list[str]) -> str:
    """`sheets`: the ones the file has, to choose from."""
    listed = ", ".join(f"«{name}»" for name in sheets)
    return f"không có trang «{sheet}»; các trang đọc được: {listed}."


def replaced_meanwhile(batch_id: int) -> str:
    return (
        f"lần nhập #{batch_id} mà tệp này sửa đã được thay thế hoặc hủy bởi người khác trong lúc "
        "bạn xem trước; không có gì thay đổi. Hãy tải tệp lên lại để xem nó sẽ thay thế gì."
    )


def write_failed(error: str) -> str:
    """`error`: the database error's class name."""
    return f"không ghi được vào kho dữ liệu ({error}); không có gì thay đổi."


# The command line's choices (etl/choices.py): each wrong one is one sentence naming the
# option and the value, printed before anything is read.


def bad_alias_choice(spec: str) -> str:
    return (
        f"--alias «{spec}»: cần dạng «tên trong tệp=tên đơn vị trong danh mục», ví dụ "
        "«Sở GD&ĐT=Sở Giáo dục và Đào tạo»."
    )


def bad_column_choice(spec: str) -> str:
    return (
        f"--column «{spec}»: cần dạng «CỘT=ý nghĩa» (ví dụ «E=unit» hoặc «E=Đơn vị», "
        "«F=bỏ qua»), thêm «Trang!» ở đầu để chỉ một trang."
    )


def unknown_column_meaning(spec: str, meaning: str, known: str) -> str:
    """`known`: the fields one may name, as «code («label»), …»."""
    return f"--column «{spec}»: không biết ý nghĩa «{meaning}». Dùng một trong: {known}; hoặc «bỏ qua»."


def bad_decision_date_choice(typed: str) -> str:
    why = impossible_date(typed)
    return f"--decision-date «{typed}»: " + (why or "không phải ngày (ví dụ 05/03/2025).")


def unknown_award_choice(typed: str) -> str:
    return (
        f"--award «{typed}»: không phải hình thức khen thưởng đã biết (ví dụ "
        "«Bằng khen của Chủ tịch UBND tỉnh» hoặc mã BK_TINH)."
    )


def bad_year_choice(typed: str) -> str:
    return f"--year «{typed}»: cần một năm, ví dụ 2024."


def bad_unit_rows_choice(typed: str) -> str:
    return (
        f"--unit-rows «{typed}»: cần «heading» (tiêu đề nhóm: người ở các dòng dưới thuộc đơn vị "
        "đó) hoặc «award» (tập thể được khen)."
    )


# A row that only names a unit, in a list no section divides into people and collectives
# (etl/parse/awards/rows.py), when the rows around it cannot tell: asked, never guessed.
UNIT_ROW_HEADING_OR_AWARD = (
    "dòng này chỉ ghi tên một đơn vị và danh sách không có mục «CÁ NHÂN» / «TẬP THỂ»: đây là "
    "tiêu đề nhóm (những người ở các dòng dưới thuộc đơn vị này) hay một tập thể được khen? "
    "Hãy trả lời ở trang Tải dữ liệu (mục «Dòng chỉ ghi tên đơn vị»), hoặc dùng --unit-rows "
    "heading (tiêu đề) / --unit-rows award (tập thể được khen) ở dòng lệnh."
)


# ── Warnings: told to the analyst, nothing refused ──────────────────────────────────────────

# Why a sheet is not imported (shown as «bỏ qua trang «…»: …»).
HIDDEN_SHEET = "trang bị ẩn — thường là bản nháp cũ; không nhập"
VERY_HIDDEN_SHEET = "trang bị ẩn sâu (veryHidden) — thường là bản nháp cũ; không nhập"
CHART_SHEET = "trang biểu đồ, không có bảng số liệu"
SHEET_NOT_CHOSEN = "không được chọn để nhập (--sheet)"


def stray_cells_dropped(sheet: str, cells: list[tuple[str, str]]) -> str:
    """`cells`: (Excel name, value) of each cell dropped far from the table (etl.reading.xlsx)."""
    listed = ", ".join(f"{ref} («{value[:40]}»)" if value else ref for ref, value in cells)
    return (
        f"trang «{sheet}»: đã bỏ qua ô {listed} nằm cách xa bảng (có lẽ gõ nhầm); "
        "nếu không cần, hãy xóa ô đó trong tệp."
    )


def post_not_split(column: str, cells: int, rows_of: list[tuple[str, list[int]]]) -> str:
    """«Chức vụ, đơn vị công tác» cells kept whole as the unit (etl.parse.awards.post_unit):
    `cells` of them, `rows_of` each text and the rows it is in."""
    said = [
        f"«{text}» (dòng {', '.join(map(str, rows[:5]))}{', …' if len(rows) > 5 else ''})"
        for text, rows in rows_of
    ]
    return (
        f"cột {column}: không tách được chức vụ khỏi đơn vị ở {cells} ô — "
        + "; ".join(said[:10])
        + ("; …" if len(said) > 10 else "")
        + ". Đã giữ cả ô làm đơn vị, chức vụ để trống: những người này không được tính là lãnh "
        "đạo hay NLĐ trực tiếp. Nếu sai, hãy tách ô trong tệp (chức vụ, đơn vị) hoặc thêm tên "
        "gọi của đơn vị (--alias, trang Quản trị)."
    )


def unit_rows_read_as_headings(rows: list[tuple[int, str]]) -> str:
    """Rows that only name a unit, read as headings by the rule (a person follows, numbered
    apart; etl/parse/awards/rows.py): (Excel row, text) of each."""
    listed = "; ".join(f"dòng {row} «{text}»" for row, text in rows[:8])
    return (
        f"{len(rows)} dòng chỉ ghi tên đơn vị được hiểu là tiêu đề nhóm (người ở các dòng dưới "
        f"thuộc đơn vị đó), vì dòng dưới là một người: {listed}{'; …' if len(rows) > 8 else ''}. "
        "Nếu đó là tập thể được khen, hãy chọn «tập thể được khen» ở mục «Dòng chỉ ghi tên đơn "
        "vị» (trang Tải dữ liệu) hoặc dùng --unit-rows award."
    )


def undo_held_since(batch_id: int, file_name: str, later: list[int]) -> str:
    """Undoing a correction would bring back rows that a later import now holds."""
    named = ", ".join(f"#{n}" for n in later)
    return (
        f"Chưa hủy được lần nhập #{batch_id} ({file_name}): hủy nó sẽ đưa trở lại dữ liệu cũ "
        f"mà lần nhập {named} nhập sau đã thay. Hãy hủy lần nhập {named} trước; "
        "không có gì thay đổi."
    )
