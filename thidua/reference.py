"""The reference lists of DOMAIN.md: award codes, award types and recipient kinds.

They are seeded into the warehouse (ref_* tables) so that analysts can join on
them from any DuckDB client, and used by the importer to recognise values.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AwardForm:
    code: str
    name_vi: str
    name_en: str
    recipients: str  # individual / collective / both
    level: str  # state / province / unit


AWARD_FORMS: tuple[AwardForm, ...] = (
    AwardForm(
        "CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter", "individual", "state"
    ),
    AwardForm(
        "CSTD_TINH",
        "Chiến sĩ thi đua cấp tỉnh",
        "Provincial Emulation Fighter",
        "individual",
        "province",
    ),
    AwardForm(
        "CSTD_CS", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", "individual", "unit"
    ),
    AwardForm("LDTT", "Lao động tiên tiến", "Advanced Worker", "individual", "unit"),
    AwardForm(
        "CO_CP", "Cờ thi đua của Chính phủ", "Government Emulation Flag", "collective", "state"
    ),
    AwardForm(
        "CO_TINH", "Cờ thi đua của UBND tỉnh", "Provincial Emulation Flag", "collective", "province"
    ),
    AwardForm(
        "TTLDXS",
        "Tập thể lao động xuất sắc",
        "Excellent Labour Collective",
        "collective",
        "province",
    ),
    AwardForm(
        "TTLDTT", "Tập thể lao động tiên tiến", "Advanced Labour Collective", "collective", "unit"
    ),
    AwardForm("HUAN_CHUONG", "Huân chương", "Orders", "both", "state"),
    AwardForm("HUY_CHUONG", "Huy chương", "Medals", "both", "state"),
    AwardForm("DH_VINH_DU", "Danh hiệu vinh dự Nhà nước", "State honorary titles", "both", "state"),
    AwardForm(
        "GIAI_THUONG", "Giải thưởng Hồ Chí Minh / Nhà nước", "State prizes", "individual", "state"
    ),
    AwardForm(
        "BK_TTG",
        "Bằng khen của Thủ tướng Chính phủ",
        "Prime Minister's Certificate of Merit",
        "both",
        "state",
    ),
    AwardForm(
        "BK_TINH",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Provincial Certificate of Merit",
        "both",
        "province",
    ),
    AwardForm(
        "KY_NIEM_CHUONG",
        "Kỷ niệm chương / Huy hiệu",
        "Commemorative medal",
        "individual",
        "province",
    ),
    AwardForm("GIAY_KHEN", "Giấy khen", "Certificate of Commendation", "both", "unit"),
)
FORMS_BY_CODE = {form.code: form for form in AWARD_FORMS}

# code -> (Vietnamese label, words that mean it once folded; old-law words included)
AWARD_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    # "đột xuất" must win over "theo đợt": both fold to something with "dot".
    "adhoc": ("Đột xuất", ("dot xuat",)),
    "campaign": ("Theo phong trào thi đua", ("phong trao", "chuyen de", "theo dot")),
    "dedication": ("Quá trình cống hiến", ("cong hien",)),
    "seniority": ("Theo niên hạn", ("nien han",)),
    "foreign": ("Đối ngoại", ("doi ngoai",)),
    "resistance": ("Kháng chiến", ("khang chien",)),
    "regular": ("Công trạng, thường xuyên", ("thuong xuyen", "cong trang", "thuc hien nhiem vu")),
}

RECIPIENT_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "individual": ("Cá nhân", ("ca nhan",)),
    "collective": ("Tập thể", ("tap the",)),
    "household": ("Hộ gia đình", ("ho gia dinh", "gia dinh")),
}

BLOC_ROLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "head": ("Trưởng khối/cụm", ("khoi truong", "cum truong", "truong khoi", "truong cum")),
    "deputy": ("Phó khối/cụm", ("khoi pho", "cum pho", "pho khoi", "pho cum")),
    "member": ("Thành viên", ("thanh vien",)),
}

CAMPAIGN_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "regular": ("Thường xuyên", ("thuong xuyen",)),
    "thematic": ("Chuyên đề", ("chuyen de",)),
    "special": ("Theo đợt", ("theo dot", "dot", "dac biet")),
}

# A dossier's state in the register (DOMAIN.md, Dossiers): code -> (name, folded keywords).
# Tried in this order: «Đã trả kết quả» is decided, «Trả lại để bổ sung» is not, «Đã trình
# UBND tỉnh quyết định» is still waiting for the decision.
DOSSIER_STATUSES: dict[str, tuple[str, tuple[str, ...]]] = {
    "rejected": (
        "Không đủ điều kiện",
        ("khong du dieu kien", "tu choi", "khong xet", "khong de nghi", "khong dat"),
    ),
    "returned": ("Trả lại để bổ sung", ("bo sung", "tra lai", "tra ho so", "hoan tra")),
    "submitted": ("Đã trình Chủ tịch", ("trinh", "cho ky", "cho phe duyet", "cho quyet dinh")),
    "decided": (
        "Đã có quyết định",
        ("quyet dinh", "da khen", "da tra ket qua", "hoan thanh", "da giai quyet"),
    ),
    "appraising": ("Đang thẩm định", ("tham dinh", "dang xu ly", "dang giai quyet", "xu ly")),
    "received": ("Đã tiếp nhận", ("tiep nhan", "moi nhan", "da nhan", "cho xu ly")),
}
DOSSIER_STATUS_NAMES = {code: name for code, (name, _) in DOSSIER_STATUSES.items()}
# The states in which a dossier is still with the office (no result returned yet).
OPEN_DOSSIER_STATUSES = ("received", "appraising", "submitted")

# code -> the name a reader sees.
FORM_NAMES = {form.code: form.name_vi for form in AWARD_FORMS}
TYPE_NAMES = {code: label for code, (label, _) in AWARD_TYPES.items()}
KIND_NAMES = {code: label for code, (label, _) in RECIPIENT_KINDS.items()}
CAMPAIGN_KIND_NAMES = {code: label for code, (label, _) in CAMPAIGN_KINDS.items()}
# A bloc member's role as the charts, slides and score table mark it beside its name.
ROLE_SIGNS = {"head": "★", "deputy": "☆"}
# A unit's role in its bloc or cluster, as tables name it (lower-case inside a sentence).
BLOC_ROLE_NAMES = {"head": "Khối/cụm trưởng", "deputy": "Khối/cụm phó", "member": "Thành viên"}
BLOC_KIND_NAMES = {"bloc": "Khối", "cluster": "Cụm"}
# The further condition of an eligibility rule (thidua.ladder), as the rules editor names it.
LADDER_CONDITION_NAMES = {
    "initiative": "Có sáng kiến được công nhận",
    "led_bloc": "Dẫn đầu khối, cụm",
}
# is_leader -> the class a reader sees; NULL is a position no rule recognised (DOMAIN.md).
LEADER_CLASS_NAMES = {True: "Lãnh đạo", False: "Người lao động trực tiếp", None: "Chưa phân loại"}
# The same in a narrow table column (NLĐ: người lao động, as the menu says it).
LEADER_CLASS_SHORT = LEADER_CLASS_NAMES | {False: "NLĐ trực tiếp"}


# The kinds of table the importer reads, as analysts and the audit trail name them.
LAYOUT_NAMES = {
    "awards": "danh sách khen thưởng",
    "bloc_scores": "bảng chấm điểm khối/cụm",
    "memberships": "danh sách thành viên khối/cụm",
    "campaigns": "danh sách phong trào thi đua",
    "dossiers": "sổ theo dõi hồ sơ đề nghị",
}

# What each column of an award list or a bloc sheet holds, as the column-mapping choices say it.
FIELD_LABELS = {
    "stt": "Số thứ tự", "year": "Năm quyết định", "decision_no": "Số quyết định", "decision_date": "Ngày quyết định",
    "recipient_kind": "Đối tượng", "recipient_name": "Họ tên / Tên tập thể", "gender": "Giới tính",
    "position": "Chức vụ", "position_unit": "Chức vụ, đơn vị công tác", "unit": "Đơn vị", "form": "Hình thức khen thưởng",
    "award_type": "Loại hình", "achievement_year": "Năm thành tích", "achievement": "Thành tích", "campaign": "Phong trào",
    "bloc": "Khối/Cụm thi đua", "role": "Vai trò", "self_score": "Điểm tự chấm", "bloc_score": "Điểm khối chấm",
    "bonus": "Điểm cộng", "penalty": "Điểm trừ", "total": "Tổng điểm", "rank": "Xếp hạng",
    "plan_no": "Số kế hoạch", "issued_on": "Ngày ban hành", "campaign_name": "Tên phong trào", "campaign_kind": "Loại phong trào",
    "birth_male": "Năm sinh (Nam)", "birth_female": "Năm sinh (Nữ)",
    "dossier_no": "Số hồ sơ", "received_on": "Ngày nhận", "due_on": "Ngày hẹn trả", "returned_on": "Ngày trả",
    "status": "Trạng thái", "reason": "Lý do", "proposed_forms": "Hình thức đề nghị", "recipients": "Số lượng đề nghị",
    "start": "Ngày bắt đầu", "end": "Ngày kết thúc", "deadline": "Hạn đăng ký", "slogan": "Khẩu hiệu", "note": "Ghi chú",
}  # fmt: skip

# The state of an import batch in the upload history and the CLI's status.
BATCH_STATUS_NAMES = {"active": "đang dùng", "undone": "đã hủy", "replaced": "đã được thay thế"}
