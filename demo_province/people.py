"""What people, positions and collectives are drawn from: Vietnamese names, leader and
worker posts by sector, unit weights and sectors, two communes per district-level unit,
and the collectives of departments, districts and communes."""

from __future__ import annotations

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
