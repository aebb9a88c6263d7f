"""Award names and positions, classed by hand per DOMAIN.md."""

from __future__ import annotations

import random
import unicodedata

import polars as pl
import pytest

from etl.parse.awards import decision_numbers, normalise_decision_no
from thidua.db import UNITS_CSV
from thidua.forms import (
    FORM_PATTERNS,
    KNOWN_SPELLINGS,
    find_form_in,
    form_code,
    normalise_form_text,
    suggest_form,
)
from thidua.positions import classify, load_rules
from thidua.text import fold

RULES = load_rules()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bằng khen của Chủ tịch UBND tỉnh", "BK_TINH"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "BK_TINH"),
        ("BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH", "BK_TINH"),
        ("Tặng Bằng khen của Bộ trưởng Bộ Y tế", "BK_TINH"),
        ("Bằng khen của Thủ tướng Chính phủ", "BK_TTG"),
        ("Bằng khen của TTg Chính phủ", "BK_TTG"),
        ("Cờ thi đua của UBND tỉnh", "CO_TINH"),
        ("Cờ thi đua của Chính phủ", "CO_CP"),
        ("Chiến sĩ thi đua cấp tỉnh", "CSTD_TINH"),
        ("CSTĐ cơ sở", "CSTD_CS"),
        ("Chiến sĩ thi đua toàn quốc", "CSTD_TQ"),
        ("Lao động tiên tiến", "LDTT"),
        ("Chiến sĩ tiên tiến", "LDTT"),
        ("Tập thể lao động xuất sắc", "TTLDXS"),
        ("Tập thể Lao động tiên tiến", "TTLDTT"),
        ("Huân chương Lao động hạng Ba", "HUAN_CHUONG"),
        ("Huy chương Chiến sĩ vẻ vang hạng Ba", "HUY_CHUONG"),
        ("Bà mẹ Việt Nam anh hùng", "DH_VINH_DU"),
        ("Nhà giáo ưu tú", "DH_VINH_DU"),
        ("Giải thưởng Nhà nước", "GIAI_THUONG"),
        ("Kỷ niệm chương Vì sự nghiệp thi đua - khen thưởng", "KY_NIEM_CHUONG"),
        ("Giấy khen của Giám đốc Sở", "GIAY_KHEN"),
        ("BKTTg", "BK_TTG"),
        # A mixed list's form column (issue 19, family 10): ministries and orders abbreviated.
        ("BK BYT", "BK_TINH"),
        ("BK của BGDĐT", "BK_TINH"),
        ("BK BCA", "BK_TINH"),
        ("HCLĐ hạng Ba", "HUAN_CHUONG"),
        ("CSTĐCS", "CSTD_CS"),
        ("Cờ TĐ UBND tỉnh", "CO_TINH"),
        ("Bằng khenn của Chủ tịch UBND tỉnh", None),
        ("Khen ngợi", None),
        ("BK", None),  # whose certificate (the province's, a ministry's) is not said
        ("CSTĐ", None),  # which level is not said
    ],
)
def test_form_code(text: str, code: str | None) -> None:
    assert form_code(text) == code


def test_form_in_a_title_and_suggestion() -> None:
    title = "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert find_form_in(title) == "BK_TINH"
    assert find_form_in("I. TẶNG CỜ THI ĐUA CỦA UBND TỈNH") == "CO_TINH"
    assert find_form_in("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG") is None
    assert suggest_form("Bằng khenn của Chủ tịch UBND tỉnh") == "Bằng khen của Chủ tịch UBND tỉnh"
    assert suggest_form("Khen ngợi") is None


@pytest.mark.parametrize(
    ("position", "is_leader"),
    [
        ("Phó Giám đốc Sở Y tế", True),
        ("Giám đốc", True),
        ("Chủ tịch UBND xã Mong Thọ", True),
        ("Phó Chủ tịch", True),
        ("Bí thư Đảng ủy xã", True),
        ("Trưởng phòng Kế hoạch - Tài chính", True),
        ("Phó Trưởng phòng", True),
        ("Chánh Văn phòng", True),
        ("Phó Chánh Thanh tra", True),
        ("Hiệu trưởng", True),
        ("Phó Hiệu trưởng Trường THPT Nguyễn Trung Trực", True),
        ("Trưởng khoa Nội", True),
        ("Chi cục trưởng", True),
        ("Viện trưởng", True),
        ("Quyền Giám đốc", True),
        ("Giáo viên, Tổ trưởng chuyên môn Trường THPT Nguyễn Trung Trực", False),
        ("Tổ trưởng chuyên môn", False),
        ("Chuyên viên chính", False),
        ("Cán sự", False),
        ("Nhân viên", False),
        ("Bác sĩ", False),
        ("Điều dưỡng", False),
        ("Kế toán", False),
        ("Văn thư", False),
        ("Công nhân", False),
        ("Nông dân", False),
        ("Kỹ thuật viên", False),
        ("Chiến sĩ", False),
        ("Kiểm lâm viên", False),
        ("Bí thư chi đoàn", False),
        ("Trưởng ấp Hòa Lợi", False),
        # Abbreviated posts, as analysts type them (the first phrase only is the post).
        ("GĐ Sở Y tế", True),
        ("PGĐ", True),
        ("P.GĐ Sở Tài chính", True),
        ("P. Giám đốc", True),
        ("TP. Tổ chức - Hành chính", True),
        ("PTP Kế hoạch", True),
        ("PCT UBND xã", True),
        ("HT Trường Tiểu học Vĩnh Hiệp", True),
        ("PHT", True),
        ("CVP Sở Nội vụ", True),
        ("CV Phòng Nội vụ", False),
        ("CVC", False),
        ("GV Trường THCS Vĩnh Hiệp", False),
        ("BS khoa Nội", False),
        ("ĐD", False),
        ("KTV xét nghiệm", False),
        ("CB Văn phòng", False),
        ("Giáo viên, TP Rạch Giá", False),
        ("Gđ", True),
        ("Trưởng trạm", None),
        ("", None),
        (None, None),
    ],
)
def test_position_class(position: str | None, is_leader: bool | None) -> None:
    decided, rule = classify(position, RULES)
    assert decided is is_leader
    assert (rule is None) == (is_leader is None)


def test_leader_post_anywhere_makes_a_leader() -> None:
    assert classify("Giáo viên, Phó Hiệu trưởng", RULES) == (True, "L_HIEU_TRUONG")


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở Giáo dục - Đào tạo", "Sở Giáo dục và Đào tạo"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
        ("UBND TP Rạch Giá", "UBND thành phố Rạch Giá"),
        ("UBND TP. Rạch Giá", "UBND thành phố Rạch Giá"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở Y tế tỉnh Kiên Giang", "Sở Y tế"),
        ("Trường THPT Nguyễn Trung Trực", None),
    ],
)
def test_unit_spellings(typed: str, unit: str | None) -> None:
    import csv
    from pathlib import Path

    from thidua.units import UnitMatcher

    csv_path = Path(__file__).parent.parent / "data" / "reference" / "units.csv"
    with csv_path.open(encoding="utf-8") as handle:
        names = {row["name"] for row in csv.DictReader(handle)}
    assert UnitMatcher(names, {"Phòng GD Kiên Hải": "UBND huyện Kiên Hải"}).canonical(typed) == unit
    assert (
        UnitMatcher(names, {"Phòng GD Kiên Hải": "UBND huyện Kiên Hải"}).canonical(
            "Phòng GD Kiên Hải"
        )
        == "UBND huyện Kiên Hải"
    )


def _form_trying_every_word(text: str) -> str | None:
    """find_form_in's definition, without its shortcut: each pattern at each word."""
    words = normalise_form_text(text).split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        for code, pattern in FORM_PATTERNS:
            if pattern.match(tail):
                return code
    return None


def test_form_in_a_sentence_is_what_trying_every_word_finds() -> None:
    prefixes = ("", "Tặng ", "I. TẶNG ", "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG ", "Danh sách đề nghị ")
    units = [row.split(",")[1] for row in UNITS_CSV.read_text(encoding="utf-8").splitlines()[1:]]
    sentences = [p + s for p in prefixes for s in KNOWN_SPELLINGS] + units + [
        "Phòng Thanh Hùng", "Bà mẹ Việt Nam Anh hùng Nguyễn Thị Mẹ", "Tổ cơ khí", "",
        "Nghệ nhân nhân dân", "Ban thi đua - khen thưởng", "Hội Cựu chiến binh tỉnh",
    ]  # fmt: skip
    found = [find_form_in(s) for s in sentences]
    assert found == [_form_trying_every_word(s) for s in sentences]
    assert found.count(None) >= len(units)  # the shortcut's usual case was exercised


def _fold_by_decomposing(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value.lower().replace("đ", "d").replace("Đ", "d"))
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(kept.split())


def test_fold_is_lower_case_without_marks() -> None:
    assert fold("  ĐỖ Thị\u00a0HỒNG – Sở Lao động ") == "do thi hong – so lao dong"
    vietnamese = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
    alphabet = vietnamese + vietnamese.upper() + "".join(map(chr, range(0x20, 0x2200, 7)))
    alphabet += " \t\u00a0\u2013\ufb01\uac00\u0301\u0323"
    rng = random.Random(7)
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 14))) for _ in range(20_000)]
    texts += [unicodedata.normalize("NFD", t) for t in texts[:5_000]]
    assert [fold(t) for t in texts] == [_fold_by_decomposing(t) for t in texts]


def test_decision_numbers_are_written_one_way() -> None:
    typed = ["12 / QĐ - UBND", " 1234/QĐ-UBND.", "56/ KH-UBND ", "7-QĐ/TU", "08 /QĐ.", "Số 9/QĐ"]
    typed += [
        "".join(random.Random(i).choices("0123456789/-. QĐUBNDKH\u00a0", k=12)) for i in range(500)
    ]
    column = pl.DataFrame({"typed": typed}).select(decision_numbers(pl.col("typed")))["typed"]
    assert column.to_list() == [normalise_decision_no(t) for t in typed]
    assert column.head(6).to_list() == [
        "12/QĐ-UBND",
        "1234/QĐ-UBND",
        "56/KH-UBND",
        "7-QĐ/TU",
        "08/QĐ",
        "Số 9/QĐ",
    ]
