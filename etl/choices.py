"""What an analyst tells the command line about a file instead of editing it — the sheet to
import, what a column means, a unit's other name, the decision's number, date, award or
year — checked and turned into the importer's Overrides. Each wrong choice is one Vietnamese
sentence naming the option and the value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl import refusals
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
            raise BadChoice(refusals.bad_alias_choice(spec))
        aliases[typed.strip()] = unit.strip()
    return Overrides(
        context=_context(choices), sheets=list(choices.sheets), letters=letters, aliases=aliases
    )


def _column(spec: str) -> tuple[str, str, str]:
    found = _COLUMN.match(spec.strip())
    if not found:
        raise BadChoice(refusals.bad_column_choice(spec))
    meaning = fold(found["field"])
    if meaning in _IGNORE:
        name = ""
    elif meaning in _FIELDS:
        name = _FIELDS[meaning]
    else:
        known = ", ".join(f"{code} («{label}»)" for code, label in FIELD_LABELS.items())
        raise BadChoice(refusals.unknown_column_meaning(spec, found["field"], known))
    return (found["sheet"] or "*").strip(), found["letter"].upper(), name


def _context(choices: Choices) -> dict[str, str]:
    context: dict[str, str] = {}
    if choices.decision_no:
        context["decision_no"] = choices.decision_no.strip()
    if choices.decision_date:
        when = typed_date(choices.decision_date)
        if when is None:
            raise BadChoice(refusals.bad_decision_date_choice(choices.decision_date))
        context["decision_date"] = when.isoformat()
    if choices.award:
        code = choices.award.strip().upper()
        known = {f.code for f in reference.AWARD_FORMS}
        code = code if code in known else forms.form_code(choices.award) or ""
        if not code:
            raise BadChoice(refusals.unknown_award_choice(choices.award))
        context["form_code"] = code
    if choices.year:
        if not (choices.year.isdigit() and 1945 <= int(choices.year) <= 2100):
            raise BadChoice(refusals.bad_year_choice(choices.year))
        context["year"] = choices.year
    if choices.unit_rows:
        answer = _UNIT_ROWS.get(fold(choices.unit_rows))
        if answer is None:
            raise BadChoice(refusals.bad_unit_rows_choice(choices.unit_rows))
        context["unit_rows"] = answer
    return context


# The answers to «a row that only names a unit: heading or award?», in English or Vietnamese.
_UNIT_ROWS = {
    "heading": "heading", "tieu de": "heading", "tieu-de": "heading",
    "award": "award", "tap the": "award", "tap-the": "award", "khen": "award",
}  # fmt: skip
