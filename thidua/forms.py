"""Recognising award names as typed in provincial offices (DOMAIN.md codes).

Names are folded (lower case, no accents), the usual abbreviations are spelled
out, then the first matching pattern gives the code. The order matters:
"tập thể lao động tiên tiến" must be tried before "lao động tiên tiến".
"""

from __future__ import annotations

import difflib
import re

from thidua import reference
from thidua.text import fold

_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "ttg": "thu tuong",
    "ttcp": "thu tuong chinh phu",
    "cp": "chinh phu",
    "ctn": "chu tich nuoc",
    "ct": "chu tich",
    "cstd": "chien si thi dua",
    "cstdcs": "chien si thi dua co so",
    "cstdtq": "chien si thi dua toan quoc",
    "bkttg": "bang khen thu tuong",
    # Ministries as offices abbreviate them in a mixed list's form column («BK BYT»).
    "byt": "bo y te",
    "bgddt": "bo giao duc va dao tao",
    "bca": "bo cong an",
    "bqp": "bo quoc phong",
    "bnv": "bo noi vu",
    "btc": "bo tai chinh",
    "bnnptnt": "bo nong nghiep va phat trien nong thon",
    "bldtbxh": "bo lao dong thuong binh va xa hoi",
    "hcld": "huan chuong lao dong",
    "hccc": "huan chuong chien cong",
    "hcbvtq": "huan chuong bao ve to quoc",
    "td": "thi dua",
    "ldtt": "lao dong tien tien",
    "ttldxs": "tap the lao dong xuat sac",
    "ttldtt": "tap the lao dong tien tien",
    "bk": "bang khen",
    "gk": "giay khen",
    "hc": "huan chuong",
    "knc": "ky niem chuong",
    "tq": "toan quoc",
    "cs": "co so",
    "ld": "lao dong",
}
_WORD = re.compile(r"[a-z0-9]+")
_LEADING_VERBS = re.compile(r"^(duoc )?(tang |trao |de nghi tang )?(danh hieu |thuong )?")

FORM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern))
    for code, pattern in (
        ("CSTD_TQ", r"^chien si thi dua toan quoc"),
        ("CSTD_CS", r"^chien si thi dua co so"),
        ("CSTD_TINH", r"^chien si thi dua (cap )?(tinh|bo|ban|nganh|doan the)"),
        ("TTLDXS", r"^tap the lao dong xuat sac"),
        ("TTLDTT", r"^tap the lao dong tien tien"),
        ("LDTT", r"^(lao dong|chien si) tien tien"),
        ("CO_CP", r"^co thi dua (cua )?chinh phu"),
        ("CO_TINH", r"^co thi dua (cua )?(chu tich )?(uy ban nhan dan|bo|ban|nganh|tinh|doan the)"),
        ("BK_TTG", r"^bang khen (cua )?thu tuong"),
        (
            "BK_TINH",
            r"^bang khen (cua )?(chu tich |bo truong )?(uy ban nhan dan|bo|ban|nganh|tinh)",
        ),
        ("HUAN_CHUONG", r"^huan chuong"),
        ("HUY_CHUONG", r"^huy chuong"),
        ("KY_NIEM_CHUONG", r"^(ky niem chuong|huy hieu)"),
        ("GIAI_THUONG", r"^giai thuong (ho chi minh|nha nuoc)"),
        (
            "DH_VINH_DU",
            r"anh hung|me viet nam|^(nha giao|thay thuoc|nghe si|nghe nhan) (nhan dan|uu tu)",
        ),
        ("GIAY_KHEN", r"^giay khen"),
    )
)

# Spellings offered as suggestions when a name is not recognised.
KNOWN_SPELLINGS: tuple[str, ...] = (
    "Chiến sĩ thi đua toàn quốc",
    "Chiến sĩ thi đua cấp tỉnh",
    "Chiến sĩ thi đua cơ sở",
    "Lao động tiên tiến",
    "Chiến sĩ tiên tiến",
    "Cờ thi đua của Chính phủ",
    "Cờ thi đua của UBND tỉnh",
    "Tập thể lao động xuất sắc",
    "Tập thể lao động tiên tiến",
    "Huân chương Lao động hạng Ba",
    "Huy chương",
    "Bà mẹ Việt Nam anh hùng",
    "Nhà giáo ưu tú",
    "Thầy thuốc ưu tú",
    "Giải thưởng Nhà nước",
    "Bằng khen của Thủ tướng Chính phủ",
    "Bằng khen của Chủ tịch UBND tỉnh",
    "Kỷ niệm chương",
    "Giấy khen",
)
_FOLDED_SPELLINGS = {fold(s): s for s in KNOWN_SPELLINGS}


def normalise_form_text(text: str) -> str:
    """Folded, abbreviations expanded, leading 'Tặng …' removed."""
    words = [_ABBREVIATIONS.get(w, w) for w in _WORD.findall(fold(text))]
    return _LEADING_VERBS.sub("", " ".join(words))


def form_code(text: str | None) -> str | None:
    if not text:
        return None
    normalised = normalise_form_text(text)
    return next((code for code, pattern in FORM_PATTERNS if pattern.search(normalised)), None)


def recipients_of(code: str | None) -> str | None:
    """The one kind the award is given to («individual» or «collective»); None for both."""
    form = reference.FORMS_BY_CODE.get(code or "")
    return form.recipients if form and form.recipients != "both" else None


def suggest_form(text: str) -> str | None:
    """The known spelling closest to an unrecognised name, if one is close."""
    close = difflib.get_close_matches(fold(text), list(_FOLDED_SPELLINGS), n=1, cutoff=0.75)
    return _FOLDED_SPELLINGS[close[0]] if close else None


# Orders, medals, titles and prizes keep their full name as a detail, e.g. "Huân chương Lao động hạng Ba".
DETAIL_CODES = frozenset({"HUAN_CHUONG", "HUY_CHUONG", "DH_VINH_DU", "GIAI_THUONG"})


# Any award's words starting at some word: a sentence without them names no award, and most
# sentences tried (a decision list's collectives, each looked at as a possible section
# heading) have none, so one search spares trying every pattern at every word.
_ANY_FORM_AT_A_WORD = re.compile(
    "(?:^| )(?:" + "|".join(f"(?:{p.pattern.replace('^', '')})" for _, p in FORM_PATTERNS) + ")"
)


def find_form_in(text: str) -> str | None:
    """The award a sentence names anywhere in it, e.g. a list's title
    "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"."""
    words = normalise_form_text(text).split()
    if not _ANY_FORM_AT_A_WORD.search(" ".join(words)):
        return None
    for start in range(len(words)):
        tail = " ".join(words[start:])
        code = next((c for c, pattern in FORM_PATTERNS if pattern.match(tail)), None)
        if code:
            return code
    return None
