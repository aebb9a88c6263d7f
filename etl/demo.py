"""A deterministic demo province (Kiên Giang, 2018–2025) and a national benchmark set.

`build_province` draws the truth (one row per award, bloc scores, bloc memberships,
campaigns); `write_province` turns it into the spreadsheets a provincial office
would actually keep, so the demo goes through the same importer as real files.
`national_awards` draws ~10M award rows for benchmarks without writing files.

Everything is drawn with numpy over small dictionaries of strings (names,
positions, award texts) and mapped to polars Enum columns, so no Python string
is built per row. The same seed always gives the same frames.

Files vs truth: individuals in the decision lists (`qd_bang_khen_{year}.xlsx`)
have no gender column, so their `gender` is None in the truth and the importer
reads NULL for them; collectives there carry their unit only after the last
comma of the name ("Phòng Tổ chức cán bộ, Sở Y tế").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl
import polars.selectors as cs
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

Array = npt.NDArray[Any]

UNITS_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "units.csv"
PROVINCE_NAME = "Kiên Giang"
EPOCH = date(1970, 1, 1)
OPEN_END = 2**30  # "no end date" as a day number
# Groups are formed when pledges are signed; on 1 March the 2025 merged departments
# already exist and the districts still do, so that date decides a year's members.
MEMBERSHIP_DAY = (3, 1)

# ---------------------------------------------------------------------------
# Award forms (DOMAIN.md codes): weight, recipients, issuer level, texts as typed
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FormSpec:
    code: str
    weight: float
    recipients: str  # individual / collective / both
    issuer: str  # unit / province / ttg / ctn
    texts: tuple[tuple[str, float], ...]
    # regular, campaign, adhoc, dedication, seniority, foreign, resistance
    types: tuple[float, float, float, float, float, float, float]


AWARD_TYPES = ("regular", "campaign", "adhoc", "dedication", "seniority", "foreign", "resistance")
TYPE_LABELS = {
    "regular": "Thường xuyên",
    "campaign": "Theo phong trào",
    "adhoc": "Đột xuất",
    "dedication": "Cống hiến",
    "seniority": "Niên hạn",
    "foreign": "Đối ngoại",
    "resistance": "Kháng chiến",
}
TITLE_ONLY = (1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)  # yearly titles are regular by nature
GK_UNIT_TEXTS = {
    "department": "Giấy khen của Giám đốc Sở",
    "district": "Giấy khen của Chủ tịch UBND huyện",
}
BMVNAH = "Bà mẹ Việt Nam anh hùng"
DECISION_LIST_TEXT = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"

FORMS: tuple[FormSpec, ...] = (
    FormSpec(
        "GIAY_KHEN",
        36.1,
        "both",
        "unit",
        ((GK_UNIT_TEXTS["department"], 1.0),),  # replaced by the issuer's kind
        (0.64, 0.20, 0.14, 0.01, 0.0, 0.01, 0.0),
    ),
    FormSpec("LDTT", 20.0, "individual", "unit", (("Lao động tiên tiến", 1.0),), TITLE_ONLY),
    FormSpec("CSTD_CS", 10.0, "individual", "unit", (("Chiến sĩ thi đua cơ sở", 1.0),), TITLE_ONLY),
    FormSpec(
        "TTLDTT", 8.0, "collective", "unit", (("Tập thể lao động tiên tiến", 1.0),), TITLE_ONLY
    ),
    FormSpec(
        "BK_TINH",
        12.0,
        "both",
        "province",
        (("Bằng khen của Chủ tịch UBND tỉnh", 0.6), (DECISION_LIST_TEXT, 0.4)),
        (0.62, 0.20, 0.12, 0.04, 0.0, 0.02, 0.0),
    ),
    FormSpec(
        "CSTD_TINH",
        4.0,
        "individual",
        "province",
        (("Chiến sĩ thi đua cấp tỉnh", 1.0),),
        TITLE_ONLY,
    ),
    FormSpec(
        "TTLDXS", 4.0, "collective", "province", (("Tập thể lao động xuất sắc", 1.0),), TITLE_ONLY
    ),
    FormSpec(
        "CO_TINH",
        1.5,
        "collective",
        "province",
        (("Cờ thi đua của UBND tỉnh", 0.6), ("Cờ thi đua của Ủy ban nhân dân tỉnh", 0.4)),
        TITLE_ONLY,
    ),
    FormSpec(
        "KY_NIEM_CHUONG",
        2.0,
        "individual",
        "province",
        (("Kỷ niệm chương Vì sự nghiệp thi đua - khen thưởng", 1.0),),
        (0.30, 0.0, 0.0, 0.20, 0.45, 0.05, 0.0),
    ),
    FormSpec(
        "BK_TTG",
        0.7,
        "both",
        "ttg",
        (("Bằng khen của Thủ tướng Chính phủ", 0.7), ("Bằng khen của TTg Chính phủ", 0.3)),
        (0.70, 0.15, 0.10, 0.05, 0.0, 0.0, 0.0),
    ),
    FormSpec(
        "HUAN_CHUONG",
        0.4,
        "both",
        "ctn",
        (
            ("Huân chương Lao động hạng Ba", 0.6),
            ("Huân chương Lao động hạng Nhì", 0.2),
            ("Huân chương Bảo vệ Tổ quốc hạng Ba", 0.2),
        ),
        (0.55, 0.0, 0.05, 0.35, 0.0, 0.05, 0.0),
    ),
    FormSpec(
        "HUY_CHUONG",
        0.25,
        "individual",  # both medals below go to people only
        "ctn",
        (("Huy chương Chiến sĩ vẻ vang hạng Ba", 0.6), ("Huy chương Quân kỳ quyết thắng", 0.4)),
        (0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0),
    ),
    FormSpec("CO_CP", 0.08, "collective", "ttg", (("Cờ thi đua của Chính phủ", 1.0),), TITLE_ONLY),
    FormSpec(
        "CSTD_TQ", 0.07, "individual", "ttg", (("Chiến sĩ thi đua toàn quốc", 1.0),), TITLE_ONLY
    ),
    FormSpec(
        "DH_VINH_DU",
        0.45,
        "individual",
        "ctn",
        ((BMVNAH, 0.5), ("Nhà giáo ưu tú", 0.3), ("Thầy thuốc ưu tú", 0.2)),
        TITLE_ONLY,  # Bà mẹ Việt Nam anh hùng is switched to resistance below
    ),
    FormSpec(
        "GIAI_THUONG", 0.02, "individual", "ctn", (("Giải thưởng Nhà nước", 1.0),), TITLE_ONLY
    ),
)
FORM_CODES = tuple(f.code for f in FORMS)
FORM_INDEX = {c: i for i, c in enumerate(FORM_CODES)}
STATE_CODES = frozenset(f.code for f in FORMS if f.issuer in {"ttg", "ctn"})
INDIVIDUAL_ONLY = frozenset(f.code for f in FORMS if f.recipients == "individual")
COLLECTIVE_ONLY = frozenset(f.code for f in FORMS if f.recipients == "collective")
# Who may get a "both" form: individual, collective, household.
KIND_SHARES = {
    "GIAY_KHEN": (0.74, 0.24, 0.02),
    "BK_TINH": (0.74, 0.24, 0.02),
    "BK_TTG": (0.80, 0.20, 0.0),
    "HUAN_CHUONG": (0.85, 0.15, 0.0),
}
RECIPIENT_KINDS = ("individual", "collective", "household")
KIND_LABELS = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}

TEXTS: tuple[str, ...] = tuple(
    dict.fromkeys([t for f in FORMS for t, _ in f.texts] + list(GK_UNIT_TEXTS.values()))
)
TEXT_INDEX = {t: i for i, t in enumerate(TEXTS)}

# Decision issuers other than the awarding unit itself: (suffix, batches per award type).
ISSUERS = {"province": 0, "ttg": 1, "ctn": 2, "decision_list": 3}
ISSUER_SUFFIX = ("UBND", "TTg", "CTN", "UBND")
# How many decisions an issuer splits a year's awards of one type into.
BATCHES = {
    "province": (8, 2, 10, 2, 2, 2, 2),
    "ttg": (2, 1, 2, 1, 1, 1, 1),
    "ctn": (2, 1, 1, 2, 2, 1, 2),
    "decision_list": (1, 1, 1, 1, 1, 1, 1),
    "unit": (2, 1, 3, 1, 1, 1, 1),
}
# Largest step between consecutive decision numbers of one issuer (sets how high numbers run).
NUMBER_GAP = {"UBND": 25, "TTg": 300, "CTN": 200}
DEFAULT_NUMBER_GAP = 60
SUFFIX_OVERRIDES = {
    "SGDDT": "SGDĐT",
    "SKHDT": "SKHĐT",
    "SLDTBXH": "SLĐTBXH",
    "TDOAN": "TĐTN",
    "LDLD": "LĐLĐ",
    "DPTTH": "ĐPTTH",
    "DHKG": "ĐHKG",
    "BDBP": "BĐBP",
    "BCHQS": "BCH",
}

# ---------------------------------------------------------------------------
# People, positions, collectives
# ---------------------------------------------------------------------------

FAMILY_NAMES = (
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Huỳnh", 5), ("Võ", 4),
    ("Phan", 4), ("Trương", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2),
    ("Ngô", 2), ("Dương", 2), ("Lý", 2), ("Danh", 2), ("Thạch", 1), ("Lâm", 2),
)  # fmt: skip
MIDDLE_NAMES = {
    "M": ("Văn", "Hữu", "Minh", "Quốc", "Thanh", "Công", "Đức", "Hoàng"),
    "F": ("Thị", "Ngọc", "Thanh", "Mỹ", "Thu", "Kim", "Thùy", "Hồng"),
}
GIVEN_NAMES = {
    "M": (
        "Hùng", "Dũng", "Tuấn", "Nam", "Long", "Sơn", "Phong", "Khang", "Lợi", "Tâm",
        "Hải", "Bình", "Phúc", "Trung", "Hiếu", "Thắng", "Quang", "Toàn", "Tài", "Nghĩa",
    ),
    "F": (
        "Hương", "Lan", "Mai", "Linh", "Nga", "Thảo", "Diễm", "Phượng", "Hạnh", "Trang",
        "Hằng", "Yến", "Tuyết", "Nhung", "Vân", "Hoa", "Loan", "Trinh", "Ngân", "Thủy",
    ),
}  # fmt: skip
FEMALE_SHARE = 0.45
BLANK_POSITION_SHARE = 0.004
JOINED_POSITION_SHARE = 0.35  # "Phó Giám đốc" typed as "Phó Giám đốc Sở Y tế"

# Position pools by unit sector: (text, weight). The pool decides is_leader (DOMAIN.md rule:
# deputy head of division or above leads; team leads such as Tổ trưởng do not).
LEADER_POOLS: dict[str, tuple[tuple[str, float], ...]] = {
    "general": (
        ("Giám đốc", 2), ("Phó Giám đốc", 5), ("Trưởng phòng", 8), ("Phó Trưởng phòng", 10),
        ("Trưởng phòng Kế hoạch - Tài chính", 2), ("Chánh Văn phòng", 3),
        ("Phó Chánh Văn phòng", 3), ("Chánh Thanh tra", 2), ("Phó Chánh Thanh tra", 2),
        ("Chi cục trưởng", 2), ("Phó Chi cục trưởng", 2),
    ),
    "health": (
        ("Giám đốc", 2), ("Phó Giám đốc", 4), ("Trưởng khoa Nội", 3), ("Trưởng khoa", 4),
        ("Phó Trưởng khoa", 4), ("Trưởng phòng", 3), ("Phó Trưởng phòng", 3),
    ),
    "education": (
        ("Hiệu trưởng", 5), ("Phó Hiệu trưởng", 6),
        ("Phó Hiệu trưởng Trường THPT Nguyễn Trung Trực", 1), ("Giám đốc", 1),
        ("Phó Giám đốc", 2), ("Trưởng phòng", 3), ("Phó Trưởng phòng", 3),
    ),
    "security": (
        ("Phó Giám đốc", 1), ("Trưởng phòng", 4), ("Phó Trưởng phòng", 6),
        ("Chánh Văn phòng", 1),
    ),
    "media": (
        ("Giám đốc", 1), ("Phó Giám đốc", 2), ("Trưởng phòng", 4), ("Phó Trưởng phòng", 4),
    ),
    "district": (
        ("Chủ tịch UBND {commune}", 3), ("Phó Chủ tịch UBND {commune}", 3),
        ("Bí thư Đảng ủy {commune}", 2), ("Phó Chủ tịch UBND huyện", 2), ("Phó Chủ tịch", 1),
        ("Trưởng phòng", 4), ("Phó Trưởng phòng", 4), ("Hiệu trưởng", 3),
        ("Phó Hiệu trưởng", 2), ("Chánh Văn phòng", 1),
    ),
}  # fmt: skip
WORKER_POOLS: dict[str, tuple[tuple[str, float], ...]] = {
    "general": (
        ("Chuyên viên", 20), ("Chuyên viên chính", 12), ("Cán sự", 6), ("Nhân viên", 6),
        ("Kế toán", 5), ("Văn thư", 4), ("Kỹ thuật viên", 3), ("Công nhân", 2),
    ),
    "health": (
        ("Bác sĩ", 10), ("Điều dưỡng", 10), ("Y sĩ", 4), ("Dược sĩ", 3), ("Kỹ thuật viên", 3),
        ("Nhân viên", 2), ("Kế toán", 1),
    ),
    "education": (
        ("Giáo viên", 20), ("Giáo viên, Tổ trưởng chuyên môn", 5), ("Tổ trưởng chuyên môn", 4),
        ("Nhân viên", 2), ("Kế toán", 1), ("Văn thư", 1), ("Chuyên viên", 2),
    ),
    "security": (("Chiến sĩ", 15), ("Nhân viên", 2), ("Kế toán", 1), ("Văn thư", 1)),
    "media": (("Phóng viên", 10), ("Kỹ thuật viên", 4), ("Nhân viên", 2), ("Kế toán", 1)),
    "district": (
        ("Giáo viên", 10), ("Nông dân", 8), ("Công nhân", 4), ("Chuyên viên", 6), ("Cán sự", 4),
        ("Bác sĩ", 3), ("Điều dưỡng", 2), ("Y sĩ", 2), ("Kế toán", 2), ("Văn thư", 2),
        ("Chiến sĩ", 2), ("Giáo viên, Tổ trưởng chuyên môn", 2), ("Nhân viên", 2),
    ),
}  # fmt: skip
SECTORS = tuple(LEADER_POOLS)
UNIT_SECTORS = {
    "SYT": "health",
    "SGDDT": "education",
    "DHKG": "education",
    "TCT": "education",
    "CDKG": "education",
    "CAT": "security",
    "BCHQS": "security",
    "BDBP": "security",
    "DPTTH": "media",
    "BKG": "media",
}
UNIT_WEIGHTS = {
    "SGDDT": 3.0, "SYT": 2.5, "CAT": 2.0, "BCHQS": 1.5, "SNNPTNT": 1.5, "SNNMT": 2.0,
    "RGIA": 2.8, "PQUOC": 2.4, "PQUOC_H": 2.2, "HCCB": 0.6, "HCTD": 0.6, "LMHTX": 0.6,
    "BQLDA": 0.6, "VPDDBQH": 0.6,
}  # fmt: skip
DISTRICT_WEIGHT = 2.2
# Two real communes (or wards) per district-level unit.
COMMUNES = {
    "RGIA": ("phường Vĩnh Lạc", "phường Vĩnh Thanh Vân"),
    "HTIEN": ("phường Đông Hồ", "xã Mỹ Đức"),
    "PQUOC_H": ("xã Hàm Ninh", "xã Cửa Dương"),
    "PQUOC": ("phường Dương Đông", "phường An Thới"),
    "KLUONG": ("xã Hòa Điền", "xã Dương Hòa"),
    "HDAT": ("xã Sóc Sơn", "xã Bình Sơn"),
    "THIEP": ("xã Thạnh Đông", "xã Tân Hội"),
    "CTHANH": ("xã Mong Thọ", "xã Giục Tượng"),
    "GRIENG": ("xã Ngọc Chúc", "xã Thạnh Hòa"),
    "GQUAO": ("xã Vĩnh Hòa Hưng Bắc", "xã Định An"),
    "ABIEN": ("xã Nam Yên", "xã Đông Thái"),
    "AMINH": ("xã Đông Hưng", "xã Vân Khánh"),
    "VTHUAN": ("xã Vĩnh Bình Bắc", "xã Tân Thuận"),
    "UMT": ("xã Thạnh Yên", "xã An Minh Bắc"),
    "GTHANH": ("xã Tân Khánh Hòa", "xã Phú Mỹ"),
    "KHAI": ("xã Hòn Tre", "xã Lại Sơn"),
}
DEPT_COLLECTIVES = (
    "Phòng Tổ chức cán bộ, {unit}",
    "Văn phòng, {unit}",
    "Thanh tra, {unit}",
    "Phòng Kế hoạch - Tài chính, {unit}",
    "Phòng Nghiệp vụ, {unit}",
)
DISTRICT_COLLECTIVES = (
    "Phòng Nội vụ, {unit}",
    "Phòng Giáo dục và Đào tạo, {unit}",
    "Phòng Tài chính - Kế hoạch, {unit}",
    "Phòng Văn hóa - Thông tin, {unit}",
)
COMMUNE_COLLECTIVES = ("UBND {commune}", "Hội Nông dân {commune}")
SPECIFIC_COLLECTIVES = {
    "SYT": (
        "Bệnh viện Đa khoa tỉnh",
        "Trung tâm Kiểm soát bệnh tật tỉnh",
        "Bệnh viện Sản - Nhi tỉnh",
    ),
    "SGDDT": (
        "Trường THPT Nguyễn Trung Trực",
        "Trường THPT chuyên Huỳnh Mẫn Đạt",
        "Trường THPT Nguyễn Hùng Sơn",
        "Trường THPT Ngô Sĩ Liên",
    ),
    "SNNPTNT": ("Chi cục Kiểm lâm", "Chi cục Thủy lợi"),
    "SNNMT": ("Chi cục Kiểm lâm", "Chi cục Thủy lợi"),
    "CAT": ("Phòng Cảnh sát giao thông, Công an tỉnh",),
}

# ---------------------------------------------------------------------------
# Campaigns (phong trào thi đua) 2018–2025
# ---------------------------------------------------------------------------

CAMPAIGN_KINDS = {"regular": "Thường xuyên", "thematic": "Chuyên đề", "special": "Theo đợt"}
_CAMPAIGNS: tuple[tuple[str, date, str, str, date, date, date | None, str | None], ...] = (
    (
        "28/KH-UBND", date(2018, 2, 5),
        "Phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
        "regular", date(2018, 1, 1), date(2020, 12, 31), None, None,
    ),
    (
        "52/KH-UBND", date(2018, 3, 20),
        "Phong trào thi đua “Cả nước thi đua xây dựng nông thôn mới”",
        "regular", date(2018, 1, 1), date(2025, 6, 30), None, None,
    ),
    (
        "89/KH-UBND", date(2018, 6, 12),
        "Phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển”",
        "regular", date(2018, 7, 1), date(2020, 12, 31), None, None,
    ),
    (
        "136/KH-UBND", date(2019, 9, 13),
        "Phong trào thi đua thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh",
        "thematic", date(2019, 6, 1), date(2020, 6, 30), date(2019, 10, 30),
        "Đoàn kết, đổi mới, sáng tạo, hiệu quả, bứt phá",
    ),
    (
        "41/KH-UBND", date(2019, 3, 8),
        "Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”",
        "thematic", date(2019, 3, 15), date(2025, 6, 30), date(2019, 4, 30),
        "Kỷ cương, trách nhiệm, thân thiện, phục vụ",
    ),
    (
        "61/KH-UBND", date(2020, 4, 2),
        "Phong trào thi đua phòng, chống dịch COVID-19",
        "special", date(2020, 3, 15), date(2021, 12, 31), None, "Chống dịch như chống giặc",
    ),
    (
        "18/KH-UBND", date(2020, 2, 10),
        "Phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh lần thứ XI",
        "special", date(2020, 2, 15), date(2020, 10, 31), date(2020, 3, 15), None,
    ),
    (
        "35/KH-UBND", date(2021, 2, 26),
        "Phong trào thi đua “Chuyển đổi số tỉnh Kiên Giang giai đoạn 2021 - 2025”",
        "thematic", date(2021, 3, 1), date(2025, 6, 30), date(2021, 4, 15),
        "Chuyển đổi số vì người dân, doanh nghiệp",
    ),
    (
        "77/KH-UBND", date(2021, 4, 19),
        "Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025",
        "regular", date(2021, 5, 1), date(2025, 6, 30), None, None,
    ),
    (
        "95/KH-UBND", date(2023, 5, 22),
        "Phong trào thi đua đẩy mạnh cải cách hành chính, nâng cao Chỉ số PAR INDEX",
        "thematic", date(2023, 6, 1), date(2025, 6, 30), date(2023, 7, 15),
        "Hành chính phục vụ",
    ),
    (
        "150/KH-UBND", date(2024, 5, 10),
        "Phong trào thi đua “Cả nước chung tay xóa nhà tạm, nhà dột nát”",
        "special", date(2024, 5, 10), date(2025, 8, 31), date(2024, 6, 15),
        "Mái ấm cho người nghèo",
    ),
    (
        "12/KH-UBND", date(2025, 1, 14),
        "Phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030",
        "special", date(2025, 1, 15), date(2025, 9, 30), date(2025, 2, 28), None,
    ),
)  # fmt: skip
CAMPAIGN_TAIL_DAYS = 60  # campaign awards may be decided shortly after a campaign ends

PROVINCES_2025 = (
    "Hà Nội", "TP. Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "An Giang",
    "Bắc Ninh", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Tĩnh", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lạng Sơn", "Lào Cai",
    "Lâm Đồng", "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sơn La", "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long",
)  # fmt: skip
SIGNERS = ("Lê Văn Sơn", "Trần Minh Khoa", "Nguyễn Hữu Phước", "Phạm Thanh Bình")

AWARD_COLUMNS = (
    "year", "decision_no", "decision_date", "recipient_kind", "recipient_name", "gender",
    "position", "unit_name", "form_code", "form_text", "award_type", "achievement_year",
    "campaign_code", "is_leader", "file_kind",
)  # fmt: skip


@dataclass(frozen=True)
class DemoProvince:
    awards: pl.DataFrame  # the truth, one row per award
    bloc_scores: pl.DataFrame
    memberships: pl.DataFrame
    campaigns: pl.DataFrame


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _day(when: date) -> int:
    return (when - EPOCH).days


def _date(day: int) -> date:
    return EPOCH + timedelta(days=int(day))


def _probs(weights: Sequence[float]) -> Array:
    p = np.asarray(weights, dtype=np.float64)
    return p / p.sum()


def _enum(values: Sequence[str]) -> pl.Series:
    """A one-of-each Enum series to gather codes from (cheap for millions of rows)."""
    cats = list(values)
    return pl.Series(cats, dtype=pl.Enum(cats))


def _null_where(series: pl.Series, missing: Array | None) -> pl.Series:
    if missing is None or not missing.any():
        return series
    return pl.select(
        pl.when(pl.lit(pl.Series(missing))).then(None).otherwise(pl.lit(series))
    ).to_series()


def _gather(dictionary: pl.Series, codes: Array, missing: Array | None = None) -> pl.Series:
    return _null_where(dictionary.gather(pl.Series(codes.astype(np.uint32))), missing)


class _Strings:
    """An ordered set of strings; ids are stable positions (dictionary for Enum columns)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def add(self, text: str) -> int:
        return self.index.setdefault(_nfc(text), len(self.index))

    def values(self) -> list[str]:
        return list(self.index)


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------


def load_units(path: Path = UNITS_CSV) -> pl.DataFrame:
    """units.csv with dates parsed; empty cells are open ends / no successor."""
    return pl.read_csv(path, infer_schema=False, encoding="utf8").with_columns(
        pl.col("name").map_elements(_nfc, return_dtype=pl.String),
        pl.col("valid_from", "valid_to").replace("", None).str.to_date("%Y-%m-%d"),
        pl.col("successor_code").replace("", None),
    )


@dataclass(frozen=True)
class _Catalog:
    """Units as arrays, plus the string dictionaries that depend on them."""

    codes: list[str]
    names: list[str]
    is_district: Array
    valid_from: Array  # day numbers
    valid_to: Array
    weight: Array
    sector: Array  # index into SECTORS
    suffix: Array  # index into suffixes
    suffixes: list[str]
    commune_first: Array  # index of the unit's first commune, -1 if none
    communes: list[str]


def _catalog(units: pl.DataFrame) -> _Catalog:
    codes = units["unit_code"].to_list()
    kinds = units["kind"].to_list()
    is_district = np.array([k == "district" for k in kinds])
    start = [_day(d) if d else -OPEN_END for d in units["valid_from"].to_list()]
    end = [_day(d) if d else OPEN_END for d in units["valid_to"].to_list()]
    weight = [
        UNIT_WEIGHTS.get(c, DISTRICT_WEIGHT if d else 1.0)
        for c, d in zip(codes, is_district, strict=True)
    ]
    sector = [
        SECTORS.index("district" if d else UNIT_SECTORS.get(c, "general"))
        for c, d in zip(codes, is_district, strict=True)
    ]
    suffixes = list(dict.fromkeys(ISSUER_SUFFIX))
    suffix = []
    for code, district in zip(codes, is_district, strict=True):
        text = "UBND" if district else SUFFIX_OVERRIDES.get(code, code)
        if text not in suffixes:
            suffixes.append(text)
        suffix.append(suffixes.index(text))
    communes: list[str] = []
    first = []
    for code in codes:
        first.append(len(communes) if code in COMMUNES else -1)
        communes.extend(COMMUNES.get(code, ()))
    return _Catalog(
        codes=codes,
        names=units["name"].to_list(),
        is_district=is_district,
        valid_from=np.array(start, dtype=np.int64),
        valid_to=np.array(end, dtype=np.int64),
        weight=np.array(weight),
        sector=np.array(sector),
        suffix=np.array(suffix),
        suffixes=suffixes,
        commune_first=np.array(first),
        communes=communes,
    )


def _year_bounds(years: Array) -> tuple[Array, Array]:
    first = np.array([_day(date(int(y), 1, 1)) for y in range(1900, 2101)])
    last = np.array([_day(date(int(y), 12, 31)) for y in range(1900, 2101)])
    return first[years - 1900], last[years - 1900]


def _draw_units_for_years(rng: np.random.Generator, cat: _Catalog, years: Array) -> Array:
    """Awarding units for unit-level awards: weighted by size and by how much of the year
    the unit existed (the 2025 predecessors only lived two months)."""
    out = np.empty(len(years), dtype=np.int64)
    for year in np.unique(years):
        rows = np.flatnonzero(years == year)
        lo, hi = _day(date(int(year), 1, 1)), _day(date(int(year), 12, 31))
        overlap = np.minimum(cat.valid_to, hi) - np.maximum(cat.valid_from, lo) + 1
        w = cat.weight * np.clip(overlap, 0, None)
        out[rows] = rng.choice(len(cat.names), size=len(rows), p=w / w.sum())
    return out


def _draw_units_at(rng: np.random.Generator, cat: _Catalog, days: Array) -> Array:
    """Units valid on each row's decision date; a few validity regimes, one draw each."""
    cuts = np.unique(np.concatenate([cat.valid_from, cat.valid_to + 1]))
    regime = np.searchsorted(cuts, days, side="right")
    out = np.empty(len(days), dtype=np.int64)
    for r in np.unique(regime):
        rows = np.flatnonzero(regime == r)
        when = days[rows[0]]
        w = cat.weight * ((cat.valid_from <= when) & (cat.valid_to >= when))
        out[rows] = rng.choice(len(cat.names), size=len(rows), p=w / w.sum())
    return out


# ---------------------------------------------------------------------------
# Dictionaries of names, positions and collectives
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Dictionaries:
    names: _Strings
    person_base: int  # id of the first individual name
    household_base: int
    collective_ids: Array  # flat candidate ids per unit (CSR)
    collective_first: Array
    collective_count: Array
    positions: _Strings
    position_leader: Array  # per position id
    pools: dict[tuple[int, bool], tuple[Array, Array]]  # (sector, leader) -> (ids, probs)
    joined: dict[int, Array]  # base position id -> id of "<base> <unit>" per unit
    commune_forms: dict[int, Array]  # template id -> id of "<template> <commune>" per commune
    city_remap: tuple[int, int]  # "Phó Chủ tịch UBND huyện" -> "... thành phố"


NAME_SIZES = (len(FAMILY_NAMES), len(MIDDLE_NAMES["M"]), len(GIVEN_NAMES["M"]))


def _person_names(prefix: str = "") -> list[str]:
    """All names in id order: gender (M, F) × family × middle × given."""
    out = []
    for gender in ("M", "F"):
        title = {"M": "ông ", "F": "bà "}[gender] if prefix else ""
        for family, _ in FAMILY_NAMES:
            for middle in MIDDLE_NAMES[gender]:
                for given in GIVEN_NAMES[gender]:
                    out.append(f"{prefix}{title}{family} {middle} {given}")
    return out


def _dictionaries(cat: _Catalog) -> _Dictionaries:
    names = _Strings()
    person = [names.add(n) for n in _person_names()]
    household = [names.add(n) for n in _person_names("Hộ gia đình ")]
    # Name ids are computed arithmetically from their parts, so they must be contiguous.
    assert len(names.index) == len(person) + len(household)
    flat: list[int] = []
    first, count = [], []
    for code, name, district in zip(cat.codes, cat.names, cat.is_district, strict=True):
        templates = DISTRICT_COLLECTIVES if district else DEPT_COLLECTIVES
        ids = [names.add(t.format(unit=name)) for t in templates]
        ids += [names.add(t) for t in SPECIFIC_COLLECTIVES.get(code, ())]
        for commune in COMMUNES.get(code, ()):
            ids += [names.add(t.format(commune=commune)) for t in COMMUNE_COLLECTIVES]
        first.append(len(flat))
        count.append(len(ids))
        flat.extend(ids)

    positions = _Strings()
    leader: dict[int, bool] = {}
    pools: dict[tuple[int, bool], tuple[Array, Array]] = {}
    for is_leader, table in ((True, LEADER_POOLS), (False, WORKER_POOLS)):
        for sector, pool in table.items():
            ids = [positions.add(text) for text, _ in pool]
            leader.update(dict.fromkeys(ids, is_leader))
            pools[(SECTORS.index(sector), is_leader)] = (
                np.array(ids),
                _probs([w for _, w in pool]),
            )
    joined: dict[int, Array] = {}
    for base in ("Giám đốc", "Phó Giám đốc"):
        joined[positions.index[base]] = np.array([positions.add(f"{base} {n}") for n in cat.names])
    commune_forms: dict[int, Array] = {}
    for text, template_id in list(positions.index.items()):
        if "{commune}" in text:
            commune_forms[template_id] = np.array(
                [positions.add(text.format(commune=c)) for c in cat.communes] or [template_id]
            )
    for id_array in [*joined.values(), *commune_forms.values()]:
        leader.update(dict.fromkeys(id_array.tolist(), True))
    city = positions.add("Phó Chủ tịch UBND thành phố")
    leader[city] = True
    position_leader = np.array([leader[i] for i in range(len(positions.index))])
    return _Dictionaries(
        names=names,
        person_base=person[0],
        household_base=household[0],
        collective_ids=np.array(flat),
        collective_first=np.array(first),
        collective_count=np.array(count),
        positions=positions,
        position_leader=position_leader,
        pools=pools,
        joined=joined,
        commune_forms=commune_forms,
        city_remap=(positions.index["Phó Chủ tịch UBND huyện"], city),
    )


# ---------------------------------------------------------------------------
# The vectorised award draw shared by the province and the national set
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Campaigns:
    codes: list[str]
    start: Array
    end: Array


def _campaign_arrays(campaigns: pl.DataFrame) -> _Campaigns:
    return _Campaigns(
        codes=campaigns["plan_no"].to_list(),
        # No award under a plan before the plan is signed.
        start=np.array(
            [_day(max(a, b)) for a, b in campaigns.select("start", "issued_on").iter_rows()]
        ),
        end=np.array([_day(d) for d in campaigns["end"].to_list()]),
    )


def _choose_by_form(
    rng: np.random.Generator, form: Array, tables: dict[int, tuple[Array, Array]], fill: int
) -> Array:
    """Per form index, draw from its own (values, probabilities)."""
    out = np.full(len(form), fill, dtype=np.int64)
    for f, (values, p) in tables.items():
        rows = np.flatnonzero(form == f)
        if len(rows):
            out[rows] = values[rng.choice(len(values), size=len(rows), p=p)]
    return out


def _draw_types(rng: np.random.Generator, form: Array, text: Array) -> Array:
    tables = {i: (np.arange(len(AWARD_TYPES)), _probs(f.types)) for i, f in enumerate(FORMS)}
    kind = _choose_by_form(rng, form, tables, 0)
    kind[text == TEXT_INDEX[BMVNAH]] = AWARD_TYPES.index("resistance")
    return kind


def _draw_kinds(rng: np.random.Generator, form: Array) -> Array:
    tables: dict[int, tuple[Array, Array]] = {}
    for i, f in enumerate(FORMS):
        shares = KIND_SHARES.get(f.code) or (
            (1.0, 0.0, 0.0) if f.recipients == "individual" else (0.0, 1.0, 0.0)
        )
        tables[i] = (np.arange(3), _probs(shares))
    return _choose_by_form(rng, form, tables, 0)


def _draw_campaigns(
    rng: np.random.Generator, camp: _Campaigns, years: Array, award_type: Array
) -> Array:
    """A campaign running in the award's year for campaign awards; -1 elsewhere. Years
    without a running campaign turn their campaign awards into regular ones."""
    out = np.full(len(years), -1, dtype=np.int64)
    is_campaign = award_type == AWARD_TYPES.index("campaign")
    first, last = _year_bounds(np.arange(1900, 2101))
    for year in np.unique(years[is_campaign]):
        rows = np.flatnonzero(is_campaign & (years == year))
        y0, y1 = first[year - 1900], last[year - 1900]
        running = np.flatnonzero((camp.start <= y1) & (camp.end + CAMPAIGN_TAIL_DAYS >= y0))
        if len(running):
            out[rows] = running[rng.integers(0, len(running), size=len(rows))]
        else:
            award_type[rows] = AWARD_TYPES.index("regular")
    return out


def _type_windows(
    camp: _Campaigns, years: Array, award_type: Array, campaign: Array
) -> tuple[Array, Array]:
    """Earliest and latest decision day by award type: regular awards are decided in
    January–April for the year before, the rest any time, campaign awards in the campaign."""
    y0, y1 = _year_bounds(years)
    lo, hi = y0 + 1, y1 - 3
    regular = award_type == AWARD_TYPES.index("regular")
    hi = np.where(regular, y0 + 117, hi)  # 28 April (29 in leap years: close enough)
    lo = np.where(regular, y0 + 4, lo)
    has = campaign >= 0
    safe = np.where(has, campaign, 0)
    lo = np.where(has, np.maximum(lo, camp.start[safe]), lo)
    hi = np.where(has, np.minimum(hi, camp.end[safe] + CAMPAIGN_TAIL_DAYS), hi)
    return lo, hi


@dataclass(frozen=True)
class _Draw:
    """Per-row codes of an award draw (before strings)."""

    year: Array
    group: Array
    form: Array
    text: Array
    award_type: Array
    kind: Array
    campaign: Array
    unit: Array
    day: Array
    decision: Array  # index into decision_texts
    decision_texts: list[str]
    decision_list: Array  # bool


def _draw_core(
    rng: np.random.Generator,
    cat: _Catalog,
    camp: _Campaigns,
    years: Array,
    groups: Array,
    decision_list: Array,
) -> _Draw:
    n = len(years)
    form = rng.choice(len(FORMS), size=n, p=_probs([f.weight for f in FORMS]))
    form[decision_list] = FORM_INDEX["BK_TINH"]
    text_tables = {
        i: (np.array([TEXT_INDEX[t] for t, _ in f.texts]), _probs([w for _, w in f.texts]))
        for i, f in enumerate(FORMS)
    }
    text = _choose_by_form(rng, form, text_tables, 0)
    text[decision_list] = TEXT_INDEX[DECISION_LIST_TEXT]
    award_type = _draw_types(rng, form, text)
    award_type[decision_list] = AWARD_TYPES.index("regular")
    kind = _draw_kinds(rng, form)
    kind[decision_list] = np.where(rng.random(int(decision_list.sum())) < 0.75, 0, 1)
    campaign = _draw_campaigns(rng, camp, years, award_type)

    levels = ("unit", "province", "ttg", "ctn")
    issuer_level = np.array([levels.index(f.issuer) for f in FORMS], dtype=np.int8)[form]
    by_unit = issuer_level == 0
    unit = np.full(n, -1, dtype=np.int64)
    unit[by_unit] = _draw_units_for_years(rng, cat, years[by_unit])
    lo, hi = _type_windows(camp, years, award_type, campaign)
    lo = np.where(by_unit, np.maximum(lo, cat.valid_from[unit]), lo)
    hi = np.where(by_unit, np.minimum(hi, cat.valid_to[unit]), hi)
    # A campaign or season the unit did not live through: an ad-hoc award instead.
    empty = lo > hi
    if empty.any():
        award_type[empty] = AWARD_TYPES.index("adhoc")
        campaign[empty] = -1
        y0, y1 = _year_bounds(years[empty])
        own = by_unit[empty]
        lo[empty] = np.where(own, np.maximum(y0, cat.valid_from[unit[empty]]), y0)
        hi[empty] = np.where(own, np.minimum(y1, cat.valid_to[unit[empty]]), y1)

    issuer = np.select(
        [decision_list, by_unit, issuer_level == 1, issuer_level == 2],
        [ISSUERS["decision_list"], len(ISSUERS) + unit, ISSUERS["province"], ISSUERS["ttg"]],
        ISSUERS["ctn"],
    )
    batches = np.array(
        [BATCHES[level] for level in ("province", "ttg", "ctn", "decision_list", "unit")]
    )
    level = np.minimum(issuer, len(ISSUERS))
    batch = (rng.random(n) * batches[level, award_type]).astype(np.int64)
    day, decision, texts = _decisions(
        rng, cat, years, groups, issuer, award_type, campaign, batch, lo, hi
    )
    need_unit = unit < 0
    unit[need_unit] = _draw_units_at(rng, cat, day[need_unit])
    _pin_honours(cat, text, unit)
    return _Draw(
        year=years,
        group=groups,
        form=form,
        text=text,
        award_type=award_type,
        kind=kind,
        campaign=campaign,
        unit=unit,
        day=day,
        decision=decision,
        decision_texts=texts,
        decision_list=decision_list,
    )


def _pin_honours(cat: _Catalog, text: Array, unit: Array) -> None:
    """Teachers' and doctors' honorary titles belong to education and health."""
    for title, code in (("Nhà giáo ưu tú", "SGDDT"), ("Thầy thuốc ưu tú", "SYT")):
        if code in cat.codes:
            unit[text == TEXT_INDEX[title]] = cat.codes.index(code)


def _decisions(
    rng: np.random.Generator,
    cat: _Catalog,
    years: Array,
    groups: Array,
    issuer: Array,
    award_type: Array,
    campaign: Array,
    batch: Array,
    lo: Array,
    hi: Array,
) -> tuple[Array, Array, list[str]]:
    """Group awards into decisions, date them, and number them per issuer suffix and year
    in date order (a province's UBND numbers run through the year)."""
    n_camp = int(campaign.max()) + 2 if len(campaign) else 1
    key = groups.astype(np.int64)
    for value, size in (
        (years - years.min(), 200),
        (issuer, len(ISSUERS) + len(cat.names)),
        (award_type, len(AWARD_TYPES)),
        (campaign + 1, n_camp),
        (batch, 16),
    ):
        key = key * size + value
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    d_lo, d_hi = lo[first], hi[first]
    d_day = d_lo + (rng.random(len(first)) * (d_hi - d_lo + 1)).astype(np.int64)
    d_issuer = issuer[first]
    unit_of = np.maximum(d_issuer - len(ISSUERS), 0)
    d_suffix = np.where(
        d_issuer >= len(ISSUERS),
        cat.suffix[unit_of],
        np.array([cat.suffixes.index(s) for s in ISSUER_SUFFIX])[np.minimum(d_issuer, 3)],
    )
    gap_max = np.array([NUMBER_GAP.get(s, DEFAULT_NUMBER_GAP) for s in cat.suffixes])
    gaps = 1 + (rng.random(len(first)) * gap_max[d_suffix]).astype(np.int64)
    numbering = (groups[first].astype(np.int64) * 200 + years[first] - years.min()) * len(
        cat.suffixes
    ) + d_suffix
    order = np.lexsort((np.arange(len(first)), d_day, numbering))
    steps = np.cumsum(gaps[order])
    starts = np.r_[True, numbering[order][1:] != numbering[order][:-1]]
    offset = np.maximum.accumulate(np.where(starts, steps - gaps[order], 0))
    number = np.empty(len(first), dtype=np.int64)
    number[order] = steps - offset
    texts = _Strings()
    d_text = np.array(
        [
            texts.add(f"{num}/QĐ-{cat.suffixes[s]}")
            for num, s in zip(number.tolist(), d_suffix.tolist(), strict=True)
        ],
        dtype=np.int64,
    )
    return d_day[inverse], d_text[inverse], texts.values()


def _leader_share(rng: np.random.Generator, n_groups: int, years: Array) -> Array:
    """Each province-year has its own leader share (35–45 %), as in real reports."""
    span = int(years.max() - years.min() + 1)
    share = np.clip(0.40 + rng.normal(0, 0.025, size=(n_groups, span)), 0.35, 0.45)
    return share


def _draw_people(
    rng: np.random.Generator, cat: _Catalog, dic: _Dictionaries, draw: _Draw, n_groups: int
) -> tuple[Array, Array, Array, Array]:
    """Recipient name id, gender (0 M, 1 F, -1 none), position id (-1 blank)."""
    n = len(draw.year)
    person = draw.kind != 1
    female = rng.random(n) < FEMALE_SHARE
    female[draw.text == TEXT_INDEX[BMVNAH]] = True
    f_size, m_size, g_size = NAME_SIZES
    family = rng.choice(f_size, size=n, p=_probs([w for _, w in FAMILY_NAMES]))
    middle = rng.integers(0, m_size, size=n)
    given = rng.integers(0, g_size, size=n)
    person_id = ((female * f_size + family) * m_size + middle) * g_size + given
    base = np.where(draw.kind == 2, dic.household_base, dic.person_base)
    slot = (rng.random(n) * dic.collective_count[draw.unit]).astype(np.int64)
    collective = dic.collective_ids[dic.collective_first[draw.unit] + slot]
    name = np.where(person, base + person_id, collective)
    gender = np.where(draw.kind == 0, female.astype(np.int64), -1)
    gender[draw.decision_list] = -1  # the decision list has no gender column

    share = _leader_share(rng, n_groups, draw.year)
    leads = rng.random(n) < share[draw.group, draw.year - draw.year.min()]
    sector = cat.sector[draw.unit]
    position = np.full(n, -1, dtype=np.int64)
    for (sec, is_leader), (ids, p) in dic.pools.items():
        rows = np.flatnonzero((draw.kind == 0) & (sector == sec) & (leads == is_leader))
        position[rows] = ids[rng.choice(len(ids), size=len(rows), p=p)]
    _join_positions(rng, cat, dic, draw.unit, position)
    blank = (rng.random(n) < BLANK_POSITION_SHARE) | (draw.text == TEXT_INDEX[BMVNAH])
    position[blank | (draw.kind != 0)] = -1
    return name, gender, position, leads


def _join_positions(
    rng: np.random.Generator, cat: _Catalog, dic: _Dictionaries, unit: Array, position: Array
) -> None:
    """Offices type some posts with their unit or commune: "Phó Giám đốc Sở Y tế",
    "Chủ tịch UBND xã Mong Thọ"."""
    is_so = np.array([n.startswith("Sở ") for n in cat.names])[unit]
    joined = is_so & (rng.random(len(unit)) < JOINED_POSITION_SHARE)
    for base, ids in dic.joined.items():
        rows = joined & (position == base)
        position[rows] = ids[unit[rows]]
    has_commune = cat.commune_first[unit] >= 0
    pick = cat.commune_first[unit] + rng.integers(0, 2, size=len(unit))
    for template, ids in dic.commune_forms.items():
        rows = (position == template) & has_commune
        position[rows] = ids[pick[rows]]
    is_city = np.array(["thành phố" in n for n in cat.names])[unit]
    huyen, city = dic.city_remap
    position[(position == huyen) & is_city] = city


def _achievement_year(draw: _Draw) -> Array:
    """Regular awards reward the year before; undated merits (dedication, seniority,
    resistance) have no achievement year (0 here, null in the frame)."""
    t = draw.award_type
    none = np.isin(t, [AWARD_TYPES.index(k) for k in ("dedication", "seniority", "resistance")])
    return np.where(none, 0, np.where(t == 0, draw.year - 1, draw.year))


def _awards_frame(
    rng: np.random.Generator,
    cat: _Catalog,
    camp: _Campaigns,
    years: Array,
    groups: Array,
    decision_list: Array,
    n_groups: int,
) -> pl.DataFrame:
    """The award frame with Enum (code) string columns."""
    dic = _dictionaries(cat)
    draw = _draw_core(rng, cat, camp, years, groups, decision_list)
    name, gender, position, _ = _draw_people(rng, cat, dic, draw, n_groups)
    text = draw.text.copy()
    gk = draw.form == FORM_INDEX["GIAY_KHEN"]
    text[gk] = np.where(
        cat.is_district[draw.unit[gk]],
        TEXT_INDEX[GK_UNIT_TEXTS["district"]],
        TEXT_INDEX[GK_UNIT_TEXTS["department"]],
    )
    achievement = _achievement_year(draw)
    blank_position = position < 0
    safe_position = np.maximum(position, 0)
    return pl.DataFrame(
        {
            "year": pl.Series(draw.year.astype(np.int32)),
            "decision_no": _gather(_enum(draw.decision_texts), draw.decision),
            "decision_date": pl.Series(draw.day.astype(np.int32)).cast(pl.Date),
            "recipient_kind": _gather(_enum(RECIPIENT_KINDS), draw.kind),
            "recipient_name": _gather(_enum(dic.names.values()), name),
            "gender": _gather(_enum(["M", "F"]), np.maximum(gender, 0), gender < 0),
            "position": _gather(_enum(dic.positions.values()), safe_position, blank_position),
            "unit_name": _gather(_enum(cat.names), draw.unit),
            "form_code": _gather(_enum(FORM_CODES), draw.form),
            "form_text": _gather(_enum(TEXTS), text),
            "award_type": _gather(_enum(AWARD_TYPES), draw.award_type),
            "achievement_year": _null_where(
                pl.Series(achievement.astype(np.int32)), achievement == 0
            ),
            "campaign_code": _gather(
                _enum(camp.codes), np.maximum(draw.campaign, 0), draw.campaign < 0
            ),
            "is_leader": _null_where(pl.Series(dic.position_leader[safe_position]), blank_position),
            "file_kind": _gather(
                _enum(["register", "decision_list"]), draw.decision_list.astype(np.int64)
            ),
        }
    )


# ---------------------------------------------------------------------------
# Campaigns, memberships, bloc scores
# ---------------------------------------------------------------------------


def campaigns_frame() -> pl.DataFrame:
    rows = [
        dict(
            zip(
                ("plan_no", "issued_on", "name", "kind", "start", "end"),
                (c[0], c[1], _nfc(c[2]), c[3], c[4], c[5]),
                strict=True,
            ),
            registration_deadline=c[6],
            slogan=_nfc(c[7]) if c[7] else None,
        )
        for c in _CAMPAIGNS
    ]
    schema = {
        "plan_no": pl.String,
        "issued_on": pl.Date,
        "name": pl.String,
        "kind": pl.String,
        "start": pl.Date,
        "end": pl.Date,
        "registration_deadline": pl.Date,
        "slogan": pl.String,
    }
    return pl.DataFrame(rows, schema=schema).sort("issued_on", "plan_no")


def _valid_on(units: pl.DataFrame, when: date, kind: str) -> list[str]:
    frame = units.filter(
        (pl.col("kind") == kind)
        & (pl.col("valid_from").is_null() | (pl.col("valid_from") <= when))
        & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= when))
    )
    return frame["name"].to_list()


def _rebalance(rng: np.random.Generator, groups: list[list[str]], low: int, high: int) -> None:
    """Move members from the largest to the smallest group until sizes are in bounds."""
    while True:
        sizes = [len(g) for g in groups]
        big, small = int(np.argmax(sizes)), int(np.argmin(sizes))
        if sizes[big] <= high and sizes[small] >= low or sizes[big] - sizes[small] <= 1:
            return
        groups[small].append(groups[big].pop(int(rng.integers(0, len(groups[big])))))


def _shuffle_one(rng: np.random.Generator, groups: list[list[str]], low: int, high: int) -> None:
    """A unit changes group from one year to the next (if sizes allow)."""
    donors = [i for i, g in enumerate(groups) if len(g) > low]
    if not donors:
        return
    src = donors[int(rng.integers(0, len(donors)))]
    takers = [i for i, g in enumerate(groups) if i != src and len(g) < high]
    if takers:
        dst = takers[int(rng.integers(0, len(takers)))]
        groups[dst].append(groups[src].pop(int(rng.integers(0, len(groups[src])))))


def _carry_over(
    units: pl.DataFrame, groups: list[list[str]], valid: list[str], n_groups: int
) -> list[list[str]]:
    """Keep last year's groups, drop units that ended, put successors where their
    predecessor sat, dissolve surplus groups into the smallest ones."""
    successor = dict(
        units.join(units.select("unit_code", succ_name="name"), left_on="successor_code",
                   right_on="unit_code", how="left")
        .select("name", "succ_name")
        .iter_rows()
    )  # fmt: skip
    kept = [[u for u in g if u in valid] for g in groups]
    placed = {u for g in kept for u in g}
    for gi, group in enumerate(groups):
        for u in group:
            s = successor.get(u)
            if u not in valid and s in valid and s not in placed:
                kept[gi].append(s)
                placed.add(s)
    for u in valid:
        if u not in placed:
            min(kept, key=len).append(u)
    while len(kept) > n_groups:
        for u in kept.pop():
            min(kept, key=len).append(u)
    return kept


def _roles(
    rng: np.random.Generator, members: list[str], previous: tuple[str, str] | None
) -> tuple[str, str]:
    """Last year's deputy takes over as head; a new deputy who was not just head."""
    if previous and previous[1] in members:
        head = previous[1]
    else:
        head = members[int(rng.integers(0, len(members)))]
    barred = {head, previous[0] if previous else head}
    options = [m for m in members if m not in barred] or [m for m in members if m != head]
    return head, options[int(rng.integers(0, len(options)))]


def _group_count(n_units: int, kind: str) -> int:
    if kind == "district":
        return max(1, round(n_units / 8))
    return 6 if n_units >= 42 else 5


def memberships_frame(rng: np.random.Generator, units: pl.DataFrame, years: range) -> pl.DataFrame:
    rows: list[dict[str, Any]] = []
    state: dict[str, list[list[str]]] = {}
    heads: dict[str, tuple[str, str]] = {}
    for year in years:
        when = date(year, *MEMBERSHIP_DAY)
        for kind, word, bloc_kind in (
            ("department", "Khối", "bloc"),
            ("district", "Cụm", "cluster"),
        ):
            valid = sorted(_valid_on(units, when, kind))
            n_groups = _group_count(len(valid), kind)
            if kind not in state:
                order = [valid[i] for i in rng.permutation(len(valid))]
                groups = [list(g) for g in np.array_split(np.array(order, dtype=object), n_groups)]
            else:
                groups = _carry_over(units, state[kind], valid, n_groups)
                _shuffle_one(rng, groups, 7, 10)
            _rebalance(rng, groups, 7, 10)
            state[kind] = groups
            for gi, members in enumerate(groups):
                name = f"{word} thi đua số {gi + 1}"
                head, deputy = _roles(rng, members, heads.get(name))
                heads[name] = (head, deputy)
                for unit in members:
                    role = "head" if unit == head else "deputy" if unit == deputy else "member"
                    rows.append(
                        dict(year=year, bloc_name=_nfc(name), bloc_kind=bloc_kind,
                             unit_name=unit, role=role)
                    )  # fmt: skip
    role_order = pl.col("role").replace_strict({"head": 0, "deputy": 1, "member": 2})
    frame = pl.DataFrame(rows, schema={"year": pl.Int64, "bloc_name": pl.String,
                                       "bloc_kind": pl.String, "unit_name": pl.String,
                                       "role": pl.String})  # fmt: skip
    return frame.sort(
        "year", pl.col("bloc_kind") != "bloc", pl.col("bloc_name"), role_order, "unit_name"
    )


def _score_group(rng: np.random.Generator, n: int) -> tuple[Array, Array, Array, Array, Array]:
    """Scores in tenths of a point; totals redrawn until no two units tie."""
    bloc = rng.integers(860, 990, size=n)
    while True:
        self_score = np.clip(bloc + rng.integers(-8, 9, size=n), 800, 1000)
        bonus = rng.choice([0, 0, 0, 5, 10, 20, 30, 50], size=n)
        penalty = rng.choice([0, 0, 0, 0, 5, 10, 20], size=n)
        total = bloc + bonus - penalty
        if len(np.unique(total)) == n:
            return self_score, bloc, bonus, penalty, total
        bloc = rng.integers(860, 990, size=n)


def bloc_scores_frame(rng: np.random.Generator, memberships: pl.DataFrame) -> pl.DataFrame:
    parts = []
    for (year, bloc), group in memberships.group_by(
        "year", "bloc_name", maintain_order=True
    ):  # one summary per group and year
        n = group.height
        self_score, bloc_score, bonus, penalty, total = _score_group(rng, n)
        order = np.argsort(-total, kind="stable")
        rank = np.empty(n, dtype=np.int32)
        rank[order] = np.arange(1, n + 1)
        units = [group["unit_name"][int(i)] for i in rng.permutation(n)]  # rows in STT order
        parts.append(
            pl.DataFrame(
                {
                    "year": pl.Series([year] * n, dtype=pl.Int64),
                    "bloc_name": [bloc] * n,
                    "unit_name": units,
                    "self_score": self_score / 10,
                    "bloc_score": bloc_score / 10,
                    "bonus": bonus / 10,
                    "penalty": penalty / 10,
                    "total": total / 10,
                    "rank": rank,
                }
            )
        )
    return pl.concat(parts)


# ---------------------------------------------------------------------------
# Public builders
# ---------------------------------------------------------------------------


def _decision_list_collectives(awards: pl.DataFrame) -> pl.DataFrame:
    """In a decision list a collective's unit is written after its name, as in the sample."""
    name = pl.col("recipient_name")
    needs_unit = (
        (pl.col("file_kind") == "decision_list")
        & (pl.col("recipient_kind") == "collective")
        & ~name.str.ends_with(pl.lit(", ") + pl.col("unit_name"))
    )
    return awards.with_columns(
        pl.when(needs_unit)
        .then(name + ", " + pl.col("unit_name"))
        .otherwise(name)
        .alias("recipient_name")
    )


def build_province(
    seed: int = 2024, years: range = range(2018, 2026), awards_per_year: int = 5000
) -> DemoProvince:
    """The truth for the demo province; same seed, same frames."""
    rng = np.random.default_rng(seed)
    units = load_units()
    cat = _catalog(units)
    campaigns = campaigns_frame()
    year_list = list(years)
    in_list = rng.integers(40, 81, size=len(year_list)).clip(max=max(awards_per_year // 4, 1))
    year_arr = np.repeat(np.array(year_list, dtype=np.int64), awards_per_year)
    decision_list = np.zeros(len(year_arr), dtype=bool)
    for i, k in enumerate(in_list):
        decision_list[i * awards_per_year : i * awards_per_year + int(k)] = True
    frame = _awards_frame(
        rng,
        cat,
        _campaign_arrays(campaigns),
        year_arr,
        np.zeros(len(year_arr), dtype=np.int64),
        decision_list,
        1,
    )
    awards = _decision_list_collectives(
        frame.with_columns(cs.enum().cast(pl.String)).with_columns(
            pl.col("year", "achievement_year").cast(pl.Int64)
        )
    )
    # A person drawn twice for the same award of the same decision gets another middle name
    # (the importer refuses a list that names one person twice for one award).
    same_award = ["recipient_name", "position", "unit_name", "form_code", "decision_no", "year"]
    repeat = (pl.col("recipient_kind") == "individual") & (
        pl.int_range(pl.len()).over(same_award) > 0
    )
    awards = awards.with_columns(
        recipient_name=pl.when(repeat)
        .then(pl.col("recipient_name").str.replace(" ", " Minh ", literal=True))
        .otherwise(pl.col("recipient_name"))
    )
    awards = (
        awards.with_row_index("_draw")
        .sort("year", "decision_date", "decision_no", "_draw")
        .drop("_draw")
        .select(AWARD_COLUMNS)
    )
    memberships = memberships_frame(rng, units, years)
    return DemoProvince(
        awards=awards,
        bloc_scores=bloc_scores_frame(rng, memberships),
        memberships=memberships,
        campaigns=campaigns,
    )


def national_awards(
    seed: int = 7,
    provinces: int = 34,
    years: range = range(2006, 2026),
    awards_per_year: int = 15000,
) -> pl.DataFrame:
    """provinces × years × awards_per_year rows for benchmarks, Enum string columns.

    Units are the generic departments every province has (no Kiên Giang districts),
    with the 2025 mergers; no decision lists, every row is "register"."""
    if not 1 <= provinces <= len(PROVINCES_2025):
        raise ValueError(f"provinces must be 1..{len(PROVINCES_2025)}")
    rng = np.random.default_rng(seed)
    units = load_units().filter(
        (pl.col("kind") == "department") & ~pl.col("name").str.contains("Kiên Giang|Phú Quốc")
    )
    cat = _catalog(units)
    year_list = np.array(list(years), dtype=np.int64)
    per_province = len(year_list) * awards_per_year
    n = provinces * per_province
    groups = np.repeat(np.arange(provinces, dtype=np.int64), per_province)
    year_arr = np.tile(np.repeat(year_list, awards_per_year), provinces)
    frame = _awards_frame(
        rng,
        cat,
        _campaign_arrays(campaigns_frame()),
        year_arr,
        groups,
        np.zeros(n, dtype=bool),
        provinces,
    )
    province = _gather(_enum(PROVINCES_2025[:provinces]), groups).alias("province")
    return frame.with_columns(province).select("province", *AWARD_COLUMNS)


# ---------------------------------------------------------------------------
# Spreadsheets
# ---------------------------------------------------------------------------


def _dmy(when: date) -> str:
    return when.strftime("%d/%m/%Y")


def _write_title(ws: Worksheet, row: int, text: str, last_col: int, fmt: Any) -> None:
    ws.merge_range(row, 0, row, last_col, text, fmt)


def _write_memberships(book: xlsxwriter.Workbook, memberships: pl.DataFrame) -> None:
    ws = book.add_worksheet("Khoi cum")
    bold = book.add_format({"bold": True, "align": "center"})
    head = book.add_format({"bold": True, "border": 1})
    _write_title(ws, 0, "DANH SÁCH THÀNH VIÊN KHỐI, CỤM THI ĐUA CỦA TỈNH KIÊN GIANG", 3, bold)
    ws.write_row(2, 0, ["Năm", "Khối/Cụm thi đua", "Đơn vị", "Vai trò"], head)
    for i, (year, bloc, kind, unit, role) in enumerate(memberships.iter_rows(), start=3):
        word = "Khối" if kind == "bloc" else "Cụm"
        label = {"head": f"{word} trưởng", "deputy": f"{word} phó", "member": "Thành viên"}[role]
        ws.write_row(i, 0, [year, bloc, unit, label])
    ws.set_column(1, 2, 40)


def _write_campaigns(book: xlsxwriter.Workbook, campaigns: pl.DataFrame) -> None:
    ws = book.add_worksheet("Phong trao")
    bold = book.add_format({"bold": True, "align": "center"})
    head = book.add_format({"bold": True, "border": 1})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    _write_title(ws, 0, "DANH SÁCH PHONG TRÀO THI ĐUA", 7, bold)
    header = [
        "Số kế hoạch", "Ngày ban hành", "Tên phong trào", "Loại", "Ngày bắt đầu",
        "Ngày kết thúc", "Hạn đăng ký", "Khẩu hiệu",
    ]  # fmt: skip
    ws.write_row(2, 0, header, head)
    for i, c in enumerate(campaigns.iter_rows(named=True), start=3):
        ws.write_string(i, 0, c["plan_no"])
        ws.write_string(i, 2, c["name"])
        ws.write_string(i, 3, CAMPAIGN_KINDS[c["kind"]])
        for col, key in ((1, "issued_on"), (4, "start"), (5, "end"), (6, "registration_deadline")):
            if c[key] is not None:
                ws.write_datetime(i, col, c[key], day)
        if c["slogan"]:
            ws.write_string(i, 7, c["slogan"])
    ws.set_column(2, 2, 60)


REGISTER_HEADER = (
    "Năm", "Số quyết định", "Ngày quyết định", "Đối tượng", "Họ tên / Tên tập thể", "Giới tính",
    "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Loại hình", "Năm thành tích", "Phong trào",
)  # fmt: skip


def _write_register(path: Path, rows: pl.DataFrame) -> None:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("Khen thuong")
    ws.write_row(0, 0, REGISTER_HEADER)
    gender_label = {"M": "Nam", "F": "Nữ"}
    for i, r in enumerate(rows.iter_rows(named=True), start=1):
        ws.write_number(i, 0, r["year"])
        ws.write_string(i, 1, r["decision_no"])
        ws.write_string(i, 2, _dmy(r["decision_date"]))  # typed as text, like the offices do
        ws.write_string(i, 3, KIND_LABELS[r["recipient_kind"]])
        ws.write_string(i, 4, r["recipient_name"])
        if r["gender"]:
            ws.write_string(i, 5, gender_label[r["gender"]])
        if r["position"]:
            ws.write_string(i, 6, r["position"])
        ws.write_string(i, 7, r["unit_name"])
        ws.write_string(i, 8, r["form_text"])
        ws.write_string(i, 9, TYPE_LABELS[r["award_type"]])
        if r["achievement_year"] is not None:
            ws.write_number(i, 10, r["achievement_year"])
        if r["campaign_code"]:
            ws.write_string(i, 11, r["campaign_code"])
    book.close()


def _achievement_text(r: dict[str, Any], odd: bool) -> str:
    if r["recipient_kind"] == "collective" and odd:
        return f"Có thành tích xuất sắc trong công tác năm {r['achievement_year']}"
    return f"Hoàn thành xuất sắc nhiệm vụ năm {r['achievement_year']}"


def _write_decision_list(path: Path, rows: pl.DataFrame, signer: str) -> None:
    """The list attached to a Bằng khen decision, laid out like qd_bang_khen_2020.xlsx.
    Even years: header merged over two rows with Chức vụ | Đơn vị công tác under
    "Chức vụ, đơn vị công tác"; odd years: one joined "Chức vụ, đơn vị công tác" column."""
    year = int(rows["year"][0])
    odd = year % 2 == 1
    last = 3 if odd else 4
    decision, when = rows["decision_no"][0], rows["decision_date"][0]
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("DS")
    bold = book.add_format({"bold": True, "align": "center", "valign": "vcenter"})
    italic = book.add_format({"italic": True, "align": "center", "text_wrap": True})
    head = book.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "border": 1, "text_wrap": True}
    )
    ws.merge_range(0, 0, 0, 1, "ỦY BAN NHÂN DÂN", bold)
    ws.merge_range(1, 0, 1, 1, "TỈNH KIÊN GIANG", bold)
    ws.merge_range(0, 2, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
    ws.merge_range(1, 2, 1, last, "Độc lập - Tự do - Hạnh phúc", bold)
    _write_title(ws, 3, "DANH SÁCH", last, bold)
    title = "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    _write_title(ws, 4, title, last, bold)
    attached = (
        f"(Kèm theo Quyết định số {decision} ngày {when.day:02d} tháng {when.month:02d} "
        f"năm {when.year} của Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang)"
    )
    _write_title(ws, 5, attached, last, italic)
    row = _write_list_header(ws, 7, odd, head)
    people = rows.filter(pl.col("recipient_kind") == "individual")
    groups = rows.filter(pl.col("recipient_kind") == "collective")
    for roman, label, part in (("I", "CÁ NHÂN", people), ("II", "TẬP THỂ", groups)):
        if part.is_empty():
            continue
        ws.write_string(row, 0, roman, bold)
        ws.merge_range(row, 1, row, last, label, book.add_format({"bold": True}))
        row += 1
        for stt, r in enumerate(part.iter_rows(named=True), start=1):
            ws.write_number(row, 0, stt)
            ws.write_string(row, 1, r["recipient_name"])
            if r["recipient_kind"] == "individual":
                _write_position_unit(ws, row, r, odd)
            ws.write_string(row, last, _achievement_text(r, odd))
            row += 1
    footer = f"Danh sách này có {people.height} cá nhân và {groups.height} tập thể./."
    _write_title(ws, row + 1, footer, last, book.add_format({"italic": True}))
    for offset, text in ((3, "KT. CHỦ TỊCH"), (4, "PHÓ CHỦ TỊCH"), (8, signer)):
        ws.write_string(row + offset, last, text, bold)
    ws.set_column(1, 1, 30)
    ws.set_column(2, last, 28)
    book.close()


def _write_list_header(ws: Worksheet, row: int, odd: bool, fmt: Any) -> int:
    if odd:
        ws.write_row(row, 0, ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Thành tích"], fmt)
        return row + 1
    for col, text in ((0, "STT"), (1, "Họ và tên"), (4, "Thành tích")):
        ws.merge_range(row, col, row + 1, col, text, fmt)
    ws.merge_range(row, 2, row, 3, "Chức vụ, đơn vị công tác", fmt)
    ws.write_row(row + 1, 2, ["Chức vụ", "Đơn vị công tác"], fmt)
    return row + 2


def _write_position_unit(ws: Worksheet, row: int, r: dict[str, Any], odd: bool) -> None:
    position, unit = r["position"], r["unit_name"]
    if odd:
        ws.write_string(row, 2, f"{position}, {unit}" if position else unit)
        return
    if position:
        ws.write_string(row, 2, position)
    ws.write_string(row, 3, unit)


def _score_headers(kind: str, variant: int) -> list[str]:
    """Header words differ between blocs and years, as they do in real summaries."""
    word = "khối" if kind == "bloc" else "cụm"
    return [
        ("STT", "TT")[variant % 2],
        ("Đơn vị", "Tên đơn vị")[(variant // 2) % 2],
        "Điểm tự chấm",
        f"Điểm {word} chấm",
        "Điểm cộng",
        "Điểm trừ",
        ("Tổng điểm", "Tổng cộng")[(variant // 4) % 2],
        ("Xếp hạng", "Thứ hạng")[(variant + 1) % 2],
    ]


def _write_scores(
    path: Path, year: int, bloc: str, kind: str, rows: pl.DataFrame, head: str
) -> None:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Tong hop")
    bold = book.add_format({"bold": True, "align": "center"})
    title = f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA {bloc.upper()} NĂM {year}"
    _write_title(ws, 0, title, 7, bold)
    number = int(bloc.rsplit(" ", 1)[-1])
    ws.write_row(2, 0, _score_headers(kind, number + year), book.add_format({"bold": True}))
    for stt, r in enumerate(rows.iter_rows(named=True), start=1):
        values = [r[k] for k in ("self_score", "bloc_score", "bonus", "penalty", "total")]
        ws.write_row(2 + stt, 0, [stt, r["unit_name"], *values, r["rank"]])
    foot = 2 + rows.height + 2
    ws.write_string(foot, 5, "KHỐI TRƯỞNG" if kind == "bloc" else "CỤM TRƯỞNG", bold)
    ws.write_string(foot + 4, 5, head, bold)
    ws.set_column(1, 1, 40)
    book.close()


def _slug(bloc: str) -> str:
    word = "khoi" if bloc.startswith("Khối") else "cum"
    return f"{word}{bloc.rsplit(' ', 1)[-1]}"


def write_province(province: DemoProvince, out_dir: Path) -> list[Path]:
    """All demo spreadsheets, in import order: memberships, campaigns, then per year
    the register, the decision list and the bloc summaries."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = [out_dir / "khoi_cum_thi_dua.xlsx", out_dir / "phong_trao_thi_dua.xlsx"]
    with xlsxwriter.Workbook(str(files[0])) as book:
        _write_memberships(book, province.memberships)
    with xlsxwriter.Workbook(str(files[1])) as book:
        _write_campaigns(book, province.campaigns)
    awards = province.awards
    for i, year in enumerate(sorted(awards["year"].unique().to_list())):
        of_year = awards.filter(pl.col("year") == year)
        register = out_dir / f"so_khen_thuong_{year}.xlsx"
        _write_register(register, of_year.filter(pl.col("file_kind") == "register"))
        files.append(register)
        listed = of_year.filter(pl.col("file_kind") == "decision_list")
        if not listed.is_empty():
            path = out_dir / f"qd_bang_khen_{year}.xlsx"
            _write_decision_list(path, listed, SIGNERS[i % len(SIGNERS)])
            files.append(path)
        files.extend(_write_year_scores(province, year, out_dir))
    return files


def _write_year_scores(province: DemoProvince, year: int, out_dir: Path) -> list[Path]:
    files = []
    members = province.memberships.filter(pl.col("year") == year)
    scores = province.bloc_scores.filter(pl.col("year") == year)
    for bloc, kind in members.select("bloc_name", "bloc_kind").unique(maintain_order=True).rows():
        head = members.filter((pl.col("bloc_name") == bloc) & (pl.col("role") == "head"))
        path = out_dir / f"diem_{_slug(bloc)}_{year}.xlsx"
        rows = scores.filter(pl.col("bloc_name") == bloc)
        _write_scores(path, year, bloc, kind, rows, head["unit_name"][0])
        files.append(path)
    return files
