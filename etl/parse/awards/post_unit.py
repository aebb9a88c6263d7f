"""One «Chức vụ, đơn vị công tác» cell split into the post and the unit by knowing the units
(the units table, its aliases) and how posts and units are written — not at a comma. When
unsure the whole text is kept as the unit, no post is guessed, and the analyst is told."""

from __future__ import annotations

import re
from collections.abc import Callable

import polars as pl

from etl import refusals
from etl.parse.awards.context import RAW
from etl.recognise.headers import FIELD_LABELS, Header
from thidua import positions
from thidua.text import fold

# Words a unit's name starts with, for a joined cell whose unit the warehouse does not know.
_UNIT_WORDS = re.compile(
    r"^(so|ubnd|uy ban|phong|truong|benh vien|ban|cong an|trung tam|chi cuc|cuc|khoa|hoi|dai|"
    r"bao|van phong|thanh tra|kho bac|ngan hang|cong ty|hop tac xa|vien|toa an|lien doan|"
    r"doan|huyen uy|tinh uy|thanh uy|dang uy|xa|phuong|thi tran|ap|to dan pho|bo chi huy|"
    r"tram|hat kiem lam|doi)\b"
)


# How a unit's name starts, written with its capital (posts are not: «Trưởng phòng»).
_UNIT_NAME = (
    r"(Sở|UBND|Ủy ban|Phòng|Trường|Bệnh viện|Ban|Công an|Trung tâm|Chi cục|Cục|"
    r"Khoa|Hội|Đài|Báo|Văn phòng|Thanh tra|Kho bạc|Ngân hàng|Công ty|Hợp tác xã|Viện|Tòa án|"
    r"Liên đoàn|Đoàn|Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|Trạm|Hạt Kiểm lâm|Bộ Chỉ huy)\b"
)
_UNIT_START = re.compile(r"(?<=[\s,])" + _UNIT_NAME)  # a unit after a post
UNIT_ALONE = re.compile(r"^" + _UNIT_NAME)  # a heading that names a unit


def split_position_unit(
    text: str | None, unit_of: Callable[[str], str | None], rules: list[positions.PositionRule]
) -> tuple[str | None, str | None]:
    """«Chức vụ, đơn vị công tác» in one cell, split by knowing the units, not at a comma:
    «Phó Giám đốc Sở Y tế» → (Phó Giám đốc, Sở Y tế); «Giáo viên, Tổ trưởng chuyên môn Trường
    THPT X» → (Giáo viên, Tổ trưởng chuyên môn, Trường THPT X) by the longest ending that is a
    known unit, else the part after the last comma when it reads as a unit (Sở, UBND, Trường…)
    and what is before it as a post. Unsure: the whole text is the unit, no post is guessed."""
    if not text:
        return None, None
    words = text.split(" ")
    for cut in range(len(words)):
        tail = " ".join(words[cut:]).strip(" ,;")
        unit = unit_of(tail) if tail else None
        if unit is not None:
            position = " ".join(words[:cut]).strip(" ,;-")
            return position or None, unit
    if "," in text:
        position, unit = (part.strip() for part in text.rsplit(",", 1))
        if unit and _UNIT_WORDS.match(fold(unit)) and not _UNIT_WORDS.match(fold(position)):
            return position or None, unit
    # A unit the warehouse does not know, typed after the post with a capital («Chuyên viên
    # Phòng Nội vụ», «Tổ trưởng chuyên môn Trường THPT X»): posts are written in small
    # letters after their first word («Trưởng phòng», «Tổ trưởng»), units are not.
    starts = _UNIT_START.search(text)
    if starts and text[: starts.start()].strip(" ,"):
        return text[: starts.start()].strip(" ,") or None, text[starts.start() :].strip()
    if positions.classify(text, rules)[0] is not None:
        return text, None  # posts alone («Giáo viên, Tổ trưởng chuyên môn»)
    if not _UNIT_WORDS.match(fold(text)) and "," not in text:
        return text, None  # one post no rule knows yet («Kỹ sư»): counted unclassified
    return None, text


def unsplit_warnings(
    table: pl.DataFrame,
    split: dict[str, tuple[str | None, str | None]],
    unit_named: Callable[[str], str | None],
    header: Header,
) -> list[str]:
    """A joined cell that could not be split with confidence is kept whole as the unit with
    no post — said, since that person then counts neither as a leader nor as a worker."""
    unsure = sorted(
        v
        for v, (post, unit) in split.items()
        if post is None and unit == v and unit_named(v) is None
    )
    if not unsure:
        return []
    rows = (
        table.filter(pl.col(f"{RAW}position_unit").is_in(unsure))
        .group_by(f"{RAW}position_unit")
        .agg(pl.col("source_row").sort())
        .sort(pl.col("source_row").list.first())
    )
    label = header.labels.get("position_unit", f"«{FIELD_LABELS['position_unit']}»")
    return [refusals.post_not_split(label, len(unsure), list(rows.iter_rows()))]
