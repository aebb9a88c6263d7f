"""What an analyst tells the command line about a file instead of editing it — the sheet to
import, what a column means, a unit's other name, the decision's number, date, award or
year — checked and turned into the importer's Overrides. Each wrong choice is one Vietnamese
sentence naming the option and the value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.inspection import Overrides
from etl.parse.values import typed_date
from etl.recognise.headers import FIELD_LABELS
from thidua import forms, reference
from thidua.text import fold

_COLUMN = re.compile(r"^(?:(?P<sheet>.+)!)?(?P<letter>[A-Za-z]{1,3})\s*=\s*(?P<field>.*)$")
_IGNORE = {"bo qua", "ignore", "-", "", "khong nhap", "khong nhap cot nay"}
# A field named by its code («unit») or its label as the preview shows it («Đơn vị»).
_FIELDS = {name: name for name in FIELD_LABELS} | {
    fold(label): name for name, label in FIELD_LABELS.items()
}


@dataclass
class Choices:
    sheets: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # «E=unit», «DS!E=Đơn vị», «F=bỏ qua»
    aliases: list[str] = field(default_factory=list)  # «Sở GD&ĐT=Sở Giáo dục và Đào tạo»
    decision_no: str | None = None
    decision_date: str | None = None
    award: str | None = None
    year: str | None = None
    unit_rows: str | None = None  # «heading» / «tiêu đề», «award» / «tập thể»


class BadChoice(ValueError):
    """An option's value that cannot be used; the message is the sentence to show."""


def overrides_of(choices: Choices) -> Overrides:
    letters: dict[str, dict[str, str]] = {}
    for spec in choices.columns:
        sheet, letter, name = _column(spec)
        letters.setdefault(sheet, {})[letter] = name
    aliases: dict[str, str] = {}
    for spec in choices.aliases:
        typed, _, unit = spec.partition("=")
        if not typed.strip() or not unit.strip():
            raise BadChoice(
                f"--alias «{spec}»: cần dạng «tên trong tệp=tên đơn vị trong danh mục», ví dụ "
                "«Sở GD&ĐT=Sở Giáo dục và Đào tạo»."
            )
        aliases[typed.strip()] = unit.strip()
    return Overrides(
        context=_context(choices), sheets=list(choices.sheets), letters=letters, aliases=aliases
    )


def _column(spec: str) -> tuple[str, str, str]:
    found = _COLUMN.match(spec.strip())
    if not found:
        raise BadChoice(
            f"--column «{spec}»: cần dạng «CỘT=ý nghĩa» (ví dụ «E=unit» hoặc «E=Đơn vị», "
            "«F=bỏ qua»), thêm «Trang!» ở đầu để chỉ một trang."
        )
    meaning = fold(found["field"])
    if meaning in _IGNORE:
        name = ""
    elif meaning in _FIELDS:
        name = _FIELDS[meaning]
    else:
        known = ", ".join(f"{code} («{label}»)" for code, label in FIELD_LABELS.items())
        raise BadChoice(
            f"--column «{spec}»: không biết ý nghĩa «{found['field']}». Dùng một trong: {known}; "
            "hoặc «bỏ qua»."
        )
    return (found["sheet"] or "*").strip(), found["letter"].upper(), name


def _context(choices: Choices) -> dict[str, str]:
    context: dict[str, str] = {}
    if choices.decision_no:
        context["decision_no"] = choices.decision_no.strip()
    if choices.decision_date:
        when = typed_date(choices.decision_date)
        if when is None:
            raise BadChoice(
                f"--decision-date «{choices.decision_date}»: không phải ngày (ví dụ 05/03/2025)."
            )
        context["decision_date"] = when.isoformat()
    if choices.award:
        code = choices.award.strip().upper()
        known = {f.code for f in reference.AWARD_FORMS}
        code = code if code in known else forms.form_code(choices.award) or ""
        if not code:
            raise BadChoice(
                f"--award «{choices.award}»: không phải hình thức khen thưởng đã biết (ví dụ "
                "«Bằng khen của Chủ tịch UBND tỉnh» hoặc mã BK_TINH)."
            )
        context["form_code"] = code
    if choices.year:
        if not (choices.year.isdigit() and 1945 <= int(choices.year) <= 2100):
            raise BadChoice(f"--year «{choices.year}»: cần một năm, ví dụ 2024.")
        context["year"] = choices.year
    if choices.unit_rows:
        answer = _UNIT_ROWS.get(fold(choices.unit_rows))
        if answer is None:
            raise BadChoice(
                f"--unit-rows «{choices.unit_rows}»: cần «heading» (tiêu đề nhóm: người ở các "
                "dòng dưới thuộc đơn vị đó) hoặc «award» (tập thể được khen)."
            )
        context["unit_rows"] = answer
    return context


# The answers to «a row that only names a unit: heading or award?», in English or Vietnamese.
_UNIT_ROWS = {
    "heading": "heading", "tieu de": "heading", "tieu-de": "heading",
    "award": "award", "tap the": "award", "tap-the": "award", "khen": "award",
}  # fmt: skip
