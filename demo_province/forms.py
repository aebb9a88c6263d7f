"""The award forms of the demo (DOMAIN.md codes): weight, recipients, issuer level and
texts as typed; award types and recipient kinds with their labels; the issuers, batches
and number gaps decisions are made with."""

from __future__ import annotations

from dataclasses import dataclass


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
