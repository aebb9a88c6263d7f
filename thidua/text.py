"""Vietnamese text: NFC normalisation, accent folding, and the legacy TCVN3 / VNI encodings.

Spreadsheets from provincial offices arrive in three shapes that all look like Vietnamese to a
person but not to a computer: decomposed Unicode (NFD, from some keyboards), text typed in the
legacy TCVN3 (.VnTime fonts) or VNI fonts — which Excel stores as Latin-1 characters — and CSVs
saved in Windows-1258. No maintained library converts TCVN3/VNI, so the tables live here and are
tested against the shipped samples.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")


def nfc(value: str) -> str:
    """NFC form with runs of white space (including non-breaking spaces) folded to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def _without_marks(value: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFD", value) if not unicodedata.combining(ch)
    )


def _fold_slowly(value: str) -> str:
    stripped = _without_marks(value.lower().replace("đ", "d").replace("Đ", "d"))
    return _SPACES.sub(" ", stripped).strip()


def _base_letters() -> dict[int, str | None]:
    """Each letter below U+2100 that carries marks → its base letter; a lone mark → nothing."""
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "d"}
    for code in range(0x80, 0x2100):
        char = chr(code).lower()
        base = _without_marks(char)
        if base != char and code not in table:
            table[code] = base or None
    return table


_BASE_LETTERS = _base_letters()
_BEYOND_TABLE = re.compile("[^\x00-\u20ff]")


def fold(value: str) -> str:
    """Lower case, without diacritics, đ → d: the key for matching and accent-insensitive search."""
    # A table of base letters: about twice as fast as decomposing (fold runs on every
    # distinct value of an import); text beyond the table takes the long way.
    if _BEYOND_TABLE.search(value):
        return _fold_slowly(value)
    return " ".join(value.lower().translate(_BASE_LETTERS).split())


# --- TCVN3 (ABC): one byte per precomposed lower-case letter. ----------------------------------
# Upper-case toned letters were typed with a separate font (.VnTimeH) on the same codes, so a
# TCVN3 file only tells us the letters, not the case; they are decoded as lower case.
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
TCVN3_TABLE = {chr(code): letter for code, letter in _TCVN3_BYTES.items()}

# --- VNI: an ASCII base letter followed by a byte that adds a mark. --------------------------
_CIRC, _BREVE, _HORN, _DOT = "\u0302", "\u0306", "\u031b", "\u0323"
_ACUTE, _GRAVE, _HOOK, _TILDE = "\u0301", "\u0300", "\u0309", "\u0303"
_VNI_LOWER = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRC, "á": _CIRC + _ACUTE, "à": _CIRC + _GRAVE, "å": _CIRC + _HOOK,
    "ã": _CIRC + _TILDE, "ä": _CIRC + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
    "ô": "ơ", "ö": "ư", "ñ": "đ",
    "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
}  # fmt: skip
_VNI_UPPER = {
    "Ù": _ACUTE, "Ø": _GRAVE, "Û": _HOOK, "Õ": _TILDE, "Ï": _DOT,
    "Â": _CIRC, "Á": _CIRC + _ACUTE, "À": _CIRC + _GRAVE, "Å": _CIRC + _HOOK,
    "Ã": _CIRC + _TILDE, "Ä": _CIRC + _DOT,
    "Ê": _BREVE, "É": _BREVE + _ACUTE, "È": _BREVE + _GRAVE, "Ú": _BREVE + _HOOK,
    "Ü": _BREVE + _TILDE, "Ë": _BREVE + _DOT,
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ",
    "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
}  # fmt: skip
VNI_TABLE = {**_VNI_LOWER, **_VNI_UPPER}

# Letters a Vietnamese text may contain; anything else alphabetic is a sign of a legacy font.
_VIET_BASE = set("aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz")
_TONES = ("", _ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)


def _vietnamese_letters() -> frozenset[str]:
    letters: set[str] = set()
    for base in _VIET_BASE:
        for tone in _TONES:
            composed = unicodedata.normalize("NFC", base + tone)
            letters.update({composed, composed.upper()})
    return frozenset(letters)


VIETNAMESE_LETTERS = _vietnamese_letters()


def foreign_letters(text: str) -> int:
    """How many alphabetic characters (or Latin-1 signs used as letters) are not Vietnamese."""
    count = 0
    for ch in unicodedata.normalize("NFC", text):
        if ch in VIETNAMESE_LETTERS:
            continue
        if ch.isalpha() or "\u00a1" <= ch <= "\u00bf" or ch in "×÷":
            count += 1
    return count


_TONE_MARKS = {_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT}
_WORD = re.compile(r"[^\W\d_]+")
_VOWEL_RUN = re.compile("[aăâeêioôơuưy]+")
# Vowel clusters a Vietnamese syllable can have (tones removed; after the onsets qu-/gi-).
_NUCLEI = frozenset(
    [
        "a",
        "ă",
        "â",
        "e",
        "ê",
        "i",
        "o",
        "ô",
        "ơ",
        "u",
        "ư",
        "y",
        "ai",
        "ao",
        "au",
        "ay",
        "âu",
        "ây",
        "eo",
        "êu",
        "ia",
        "iê",
        "iu",
        "oa",
        "oă",
        "oe",
        "oi",
        "ôi",
        "ơi",
        "ua",
        "uâ",
        "uê",
        "ui",
        "uô",
        "uơ",
        "uy",
        "ưa",
        "ưi",
        "ưu",
        "ươ",
        "yê",
        "iêu",
        "yêu",
        "oai",
        "oay",
        "oao",
        "oeo",
        "uây",
        "uôi",
        "ươi",
        "ươu",
        "uya",
        "uyê",
        "uyu",
    ]
)


def _syllable_is_valid(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    if bare.startswith("qu") or (bare.startswith("gi") and bare[2:3] in set("aăâeêoôơuưy")):
        bare = bare[2:]
    runs = _VOWEL_RUN.findall(bare)
    return tones <= 1 and len(runs) <= 1 and all(run in _NUCLEI for run in runs)


def legacy_score(text: str) -> int:
    """Signs that a text is not (yet) readable Vietnamese: foreign letters and broken syllables."""
    invalid = sum(1 for word in _WORD.findall(text) if not _syllable_is_valid(word))
    return foreign_letters(text) + invalid


def decode_tcvn3(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(TCVN3_TABLE.get(ch, ch) for ch in text))


def decode_vni(text: str) -> str:
    # The mark bytes become combining marks (or letters) and NFC composes them onto the base
    # letter that precedes them, which is exactly how VNI fonts draw them.
    return unicodedata.normalize("NFC", "".join(VNI_TABLE.get(ch, ch) for ch in text))


LEGACY_DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}
LEGACY_NAMES = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI"}


def detect_legacy(texts: Iterable[str]) -> str | None:
    """The legacy encoding the texts were typed in, or None when they read as Unicode already.

    Decided once per file from its content: the decoding that leaves the fewest non-Vietnamese
    letters wins, and only if it removes nearly all of them (so a Unicode file that happens to
    contain a foreign name is never 'converted').
    """
    sample = "\n".join(texts)
    if not sample:
        return None
    if foreign_letters(sample) == 0:
        return None
    before = legacy_score(sample)
    scores = {name: legacy_score(decode(sample)) for name, decode in LEGACY_DECODERS.items()}
    best = min(scores, key=lambda name: scores[name])
    if scores[best] <= before * 0.05:
        return best
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file (CSV): UTF-8 (with or without BOM), else Windows-1258, TCVN3 or VNI.

    Returns the text (NFC) and the name of the encoding it was read in.
    """
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    latin = data.decode("latin-1")
    candidates: dict[str, str] = {}
    with contextlib.suppress(UnicodeDecodeError):
        candidates["windows-1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
    for name, decode in LEGACY_DECODERS.items():
        candidates[name] = decode(latin)
    best = min(candidates, key=lambda name: legacy_score(candidates[name]))
    return candidates[best], best
