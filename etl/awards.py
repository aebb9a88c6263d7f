"""Award lists: flat registers and lists attached to a decision.

Both become one frame with the columns of the `award` table. Values missing
from the columns (decision, award, recipient kind) come from the list's
preamble and section rows, exactly as a reader of the paper would take them.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from etl.checks import Check, run_checks
from etl.grid import Grid
from etl.headers import FIELD_LABELS, Header, unread_columns
from etl.problems import Problem
from etl.stated_counts import (
    Section,
    count_problems,
    numbering_style,
    stated_in_title,
    stt_problems,
)
from etl.values import (
    map_by_keywords,
    parse_date,
    parse_int,
    per_distinct,
    per_value,
    vietnamese_date,
)
from thidua import forms, positions, reference
from thidua.text import fold

_DECISION = re.compile(r"quyết định số\s*:?\s*([0-9]+(?:\s*/\s*[^\s,;)]+)?)", re.IGNORECASE)
_KEM_THEO = re.compile(r"\(?\s*(kèm theo|kem theo)", re.IGNORECASE)
_ROMAN = re.compile(r"^(i{1,3}|iv|v|vi{1,3}|ix|x|[a-d])[.)]?\s*(?=\s|$)")
_NUMBERING = re.compile(r"^([0-9ivx]+|[a-d])[.)]\s*")
_SECTION_WORDS = ("ca nhan", "tap the", "ho gia dinh", "tang ", "danh hieu")
_FOOTER = re.compile(
    r"^(danh sach (nay )?co|tong (cong|so)|kt\.? ?chu tich|tm\.? ?|chu tich$|pho chu tich$|"
    r"nguoi lap|noi nhan|ghi chu:|"
    # The signer of a department's or a body's list: «GIÁM ĐỐC», «KT. GIÁM ĐỐC», «Q. HIỆU TRƯỞNG»
    r"((kt|q|tl|tuq)\.? ?)?(pho )?(giam doc|truong ban|cuc truong|hieu truong|vien truong|"
    r"thu truong|chanh van phong|truong phong)$)"
)
_FOOTER_COUNTS = re.compile(r"(\d+)\s*ca nhan.*?(\d+)\s*tap the")
# A subtotal's first cell: «Cộng», «Cộng: 12», «Cộng 12 người»; a grand total: «Tổng cộng: 52».
_SUBTOTAL = re.compile(r"^cong\b[\s:.]*(\d+)?\s*(nguoi|ca nhan|tap the|luot|don vi)?\.?$")
_GRAND_TOTAL = re.compile(r"^tong (cong|so)\b[\s:.]*(\d+)?\s*(nguoi|ca nhan|tap the|luot)?\.?$")
_BARE_COUNT = re.compile(r"^\d{1,6}$")
_NUMBERED = re.compile(r"^([0-9]{1,3}|[IVXivx]{1,4}|[a-dA-D])\s*[.)]\s*")
RAW = "raw_"
RawGetter = Callable[[str], pl.Expr]
_DETAIL_FIELDS = ("position", "unit", "form", "gender", "recipient_kind", "decision_no")


@dataclass
class Context:
    """What the preamble and footer of a decision list say."""

    decision_no: str | None = None
    decision_date: date | None = None
    title_form: str | None = None
    footer_counts: tuple[int, int] | None = None
    year: int | None = None  # given by the analyst for a list that says no date nor year
    footer_row: int | None = None
    sections: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    # «Cộng: 12» rows: Excel row → the count they state (None: no count of people to check,
    # e.g. only a sum of money). They are checks on the rows above, never awards.
    subtotals: dict[int, int | None] = field(default_factory=dict)
    grand_total: int | None = None  # «Tổng cộng: 52» on the footer row
    # «1. Sở Y tế» rows inside a list of people: grid index → the unit they head
    unit_headings: dict[int, str] = field(default_factory=dict)
    # Every section row in order, with its numbering and the count its title states.
    section_list: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # said to the analyst, not refusals


def _row_text(values: list[str | None]) -> str:
    return " ".join(v for v in values if v)


def read_preamble(grid: Grid, header: Header) -> Context:
    context = Context()
    first_header_row = min(header.row, header.row - 1 if header.row else 0)
    for index in range(first_header_row + 1):
        text = _row_text(grid.row_values(index))
        match = _DECISION.search(text)
        if match and context.decision_no is None:
            context.decision_no = normalise_decision_no(match.group(1))
            when = vietnamese_date(text[match.end() :])
            if when:
                context.decision_date = date(*when)
            # Title, award and «Kèm theo…» typed in one merged cell: the award is before it.
            before = _KEM_THEO.split(text[: match.start()])[0]
            if context.title_form is None and before.strip():
                context.title_form = forms.find_form_in(before)
        elif context.title_form is None and "quyet dinh" not in fold(text):
            context.title_form = forms.find_form_in(text)
    return context


def _apply_given(context: Context, given: dict[str, str], file: str) -> list[Problem]:
    """The analyst's values fill what the title lacks; one that contradicts what the title
    says is a problem (which of the two is right is not for the importer to guess)."""
    said: dict[str, object] = {}
    if given.get("decision_no"):
        said["decision_no"] = normalise_decision_no(given["decision_no"])
    if given.get("decision_date"):
        with contextlib.suppress(ValueError):
            said["decision_date"] = date.fromisoformat(given["decision_date"])
    if given.get("form_code") in {f.code for f in reference.AWARD_FORMS}:
        said["title_form"] = given["form_code"]
    if given.get("year", "").isdigit():
        context.year = int(given["year"])
    problems = []
    for name, value in said.items():
        in_file = getattr(context, name)
        if in_file is None:
            setattr(context, name, value)
        elif in_file != value:
            problems.append(
                Problem(
                    file,
                    f"tệp ghi {_GIVEN_NAMES[name]} «{_shown(in_file)}» nhưng lựa chọn của bạn là "
                    f"«{_shown(value)}». Hãy bỏ lựa chọn đó, hoặc sửa tệp nếu tệp ghi sai.",
                )
            )
    return problems


_GIVEN_NAMES = {
    "decision_no": "số quyết định",
    "decision_date": "ngày quyết định",
    "title_form": "hình thức khen thưởng",
}


def _shown(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return reference.FORM_NAMES.get(str(value), str(value))


_AROUND_SEPARATORS = r"\s*([/-])\s*"  # "12 / QĐ - UBND" → "12/QĐ-UBND"


def normalise_decision_no(text: str) -> str:
    return re.sub(_AROUND_SEPARATORS, r"\1", text.strip().rstrip("."))


def decision_numbers(column: pl.Expr) -> pl.Expr:
    """normalise_decision_no over a whole column (a 100k register holds ~4,000 numbers)."""
    return (
        column.str.strip_chars()
        .str.strip_chars_end(".")
        .str.replace_all(_AROUND_SEPARATORS, "${1}")
    )


def _decision_column(table: pl.DataFrame, name: str) -> pl.Expr:
    return _per_distinct(table, name, decision_numbers, pl.String())


def _scan_sections(
    grid: Grid, header: Header, context: Context, unit_of: Callable[[str], str | None]
) -> int:
    """Section rows set recipient kind / award for the rows under them; unit headings
    («1. Sở Y tế» over the people of that unit) set their unit; the footer ends the table.
    Returns the grid index where the table ends."""
    cols = header.columns
    name_col = cols.get("recipient_name")
    detail_cols = [cols[f] for f in _DETAIL_FIELDS if f in cols]
    kind: str | None = None
    form: str | None = None
    # Only rows with nothing in the detail columns, or no name and no number (a signer's
    # title under the unit column), can be sections or the footer: find them in one
    # vectorised pass, then read just those (a 100k-row register has almost none).
    empty_details = (
        pl.all_horizontal(pl.col(f"c{c}").is_null() for c in detail_cols)
        if detail_cols
        else pl.lit(True)
    )
    unnamed = [cols[f] for f in ("recipient_name", "stt") if f in cols]
    if unnamed:
        empty_details = empty_details | pl.all_horizontal(
            pl.col(f"c{c}").is_null() for c in unnamed
        )
    candidates = (
        grid.cells.with_row_index("i")
        .slice(header.data_start)
        .filter(empty_details & pl.any_horizontal(pl.exclude("i").is_not_null()))["i"]
        .to_list()
    )
    for index in candidates:
        values = grid.row_values(index)
        text = _row_text(values)
        folded = fold(text)
        said = [v for v in values if v]
        subtotal = _SUBTOTAL.match(fold(said[0])) if said else None
        if subtotal:
            context.subtotals[grid.excel_row(index)] = _stated_count(subtotal.group(1), said)
            continue
        if _FOOTER.match(folded) or (values[0] is None and _FOOTER.match(fold(values[-1] or ""))):
            counts = _FOOTER_COUNTS.search(folded)
            if counts:
                context.footer_counts = (int(counts.group(1)), int(counts.group(2)))
            elif grand := _GRAND_TOTAL.match(fold(said[0])):
                context.grand_total = _stated_count(grand.group(2), said)
            context.footer_row = grid.excel_row(index)
            return index
        stt = fold(values[cols["stt"]] or "") if "stt" in cols else ""
        # A section typed in one cell merged across the row sits in the first column.
        label = (
            fold(values[name_col] or "") if name_col is not None and values[name_col] else folded
        )
        mark = _NUMBERING.match(label)
        body = label[mark.end() :] if mark else label
        is_roman = bool(_ROMAN.match(stt)) or bool(_ROMAN.match(label) and "." in label[:5])
        if not (is_roman or body.startswith(_SECTION_WORDS) or forms.find_form_in(body)):
            unit = _heading_unit(grid, index, header, values, kind, unit_of)
            if unit is not None:
                context.unit_headings[index] = unit
            continue
        said_kind = map_by_keywords(body, reference.RECIPIENT_KINDS)
        said_form = forms.find_form_in(body)
        if is_roman:  # a top-level section starts afresh
            kind, form = said_kind, said_form
        else:
            kind, form = said_kind or kind, said_form or form
        context.sections[index] = (kind, form)
        context.section_list.append(
            Section(
                grid.excel_row(index),
                numbering_style(stt or (mark.group(1) if mark else "")),
                text,
                stated_in_title(label),
            )
        )
    return grid.cells.height


def _heading_unit(
    grid: Grid,
    index: int,
    header: Header,
    values: list[str | None],
    kind: str | None,
    unit_of: Callable[[str], str | None],
) -> str | None:
    """The unit a row heads: its only text («1. Sở Y tế», or «Sở Y tế» beside a number) is
    a unit the warehouse knows, and people follow — inside a section of individuals, or,
    with no section, when the next row gives a post or a sex. In a section of collectives
    such a row is an award to that collective."""
    if kind == "collective":
        return None
    texts = [v for i, v in enumerate(values) if v and i != header.columns.get("stt")]
    if len(texts) != 1:
        return None
    named = _NUMBERED.sub("", texts[0]).strip()
    # A unit the table does not know yet heads its people all the same (it is then listed
    # for mapping like any typed unit); counted as an award it would add one.
    unit = unit_of(named) or (named if _UNIT_ALONE.match(named) else None)
    if unit is None or kind == "individual":
        return unit
    person_cols = [header.columns[f] for f in ("position", "gender") if f in header.columns]
    after = grid.row_values(index + 1) if index + 1 < grid.cells.height else []
    return unit if any(after and after[c] for c in person_cols) else None


def _stated_count(in_cell: str | None, said: list[str]) -> int | None:
    """The count a total row states: in its own cell («Cộng: 12»), or as a bare number in
    the next filled cell («Cộng» | «12»). Any other number (a sum of money) is not a count."""
    if in_cell:
        return int(in_cell)
    if len(said) > 1 and _BARE_COUNT.match(said[1].strip()):
        return int(said[1])
    return None


def _table(grid: Grid, header: Header, end: int, context: Context) -> pl.DataFrame:
    """Data rows with raw field columns, the section in force, Excel row numbers."""
    frame = grid.cells.with_row_index("grid_row").slice(header.data_start, end - header.data_start)
    frame = frame.with_columns(source_row=pl.col("grid_row") + grid.first_row)
    section_rows = sorted(context.sections)
    section_kind = {r: k for r, (k, _) in context.sections.items()}
    section_form = {r: f for r, (_, f) in context.sections.items()}
    frame = frame.with_columns(
        section_kind=pl.col("grid_row").replace_strict(
            section_kind, default=None, return_dtype=pl.String
        ),
        section_form=pl.col("grid_row").replace_strict(
            section_form, default=None, return_dtype=pl.String
        ),
        is_section=pl.col("grid_row").is_in(section_rows),
        # Runs of award rows between sections, unit headings and subtotals (the STT check).
        block=(
            pl.col("grid_row").is_in(section_rows)
            | pl.col("grid_row").is_in(sorted(context.unit_headings))
            | pl.col("source_row").is_in(sorted(context.subtotals))
        ).cum_sum(),
        heading_unit=pl.col("grid_row").replace_strict(
            context.unit_headings, default=None, return_dtype=pl.String
        ),
    ).with_columns(
        # A heading's unit holds for the rows under it, until the next heading or section.
        pl.when(pl.col("is_section"))
        .then(pl.lit(""))
        .otherwise(pl.col("heading_unit"))
        .forward_fill()
        .replace("", None)
        .alias("heading_unit"),
        # A section can say "no kind" explicitly: forward-fill from section rows only.
        pl.when(pl.col("is_section"))
        .then(pl.col("section_kind").fill_null(""))
        .forward_fill()
        .alias("section_kind"),
        pl.when(pl.col("is_section"))
        .then(pl.col("section_form").fill_null(""))
        .forward_fill()
        .alias("section_form"),
    )
    raw = {f"{RAW}{name}": pl.col(f"c{col}") for name, col in header.columns.items()}
    field_cols = [f"c{c}" for c in header.columns.values()]
    frame = frame.filter(
        ~pl.col("is_section")
        & ~pl.col("grid_row").is_in(sorted(context.unit_headings))
        & ~pl.col("source_row").is_in(sorted(context.subtotals))
        & pl.any_horizontal(pl.col(field_cols).is_not_null())
    )
    return frame.select(
        "source_row",
        "block",
        "heading_unit",
        pl.col("section_kind").replace("", None),
        pl.col("section_form").replace("", None),
        **raw,
    )


def _per_value(table: pl.DataFrame, name: str, fn: Callable[[str], str | None]) -> pl.Expr:
    return per_value(table, f"{RAW}{name}", fn)


def _per_distinct(
    table: pl.DataFrame, name: str, parse: Callable[[pl.Expr], pl.Expr], dtype: pl.DataType
) -> pl.Expr:
    return per_distinct(table, f"{RAW}{name}", parse, dtype)


def _year_said_in(text: pl.Expr) -> pl.Expr:
    """'Hoàn thành xuất sắc nhiệm vụ năm 2019' -> 2019."""
    return text.str.extract(r"năm (\d{4})", 1).cast(pl.Int64, strict=False)


def _unit_after_last_comma(name: pl.Expr) -> pl.Expr:
    return name.str.extract(r",\s*([^,]+)$", 1).str.strip_chars()


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
_UNIT_ALONE = re.compile(r"^" + _UNIT_NAME)  # a heading that names a unit


def _split_position_unit(
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


def _unsplit_warnings(
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
    label = header.labels.get("position_unit", "«Chức vụ, đơn vị công tác»")
    said = [
        f"«{text}» (dòng {', '.join(map(str, found[:5]))}{', …' if len(found) > 5 else ''})"
        for text, found in rows.iter_rows()
    ]
    return [
        f"cột {label}: không tách được chức vụ khỏi đơn vị ở {len(unsure)} ô — "
        + "; ".join(said[:10])
        + ("; …" if len(said) > 10 else "")
        + ". Đã giữ cả ô làm đơn vị, chức vụ để trống: những người này không được tính là lãnh "
        "đạo hay NLĐ trực tiếp. Nếu sai, hãy tách ô trong tệp (chức vụ, đơn vị) hoặc thêm tên "
        "gọi của đơn vị (--alias, trang Quản trị)."
    ]


def parse_awards(
    grid: Grid,
    header: Header,
    known_units: set[str] | frozenset[str] = frozenset(),
    given: dict[str, str] | None = None,
    rules: list[positions.PositionRule] | None = None,
    unit_of: Callable[[str], str | None] | None = None,
) -> tuple[pl.DataFrame, list[Problem], dict[str, str | None], list[str]]:
    """Awards of one sheet, the problems found, what the preamble said (for the preview) and
    what the analyst should know though nothing is wrong.
    `given` fills what the preamble lacks: decision_no, decision_date (ISO), form_code.
    `unit_of`: the unit a typed name means (the units table and its aliases), if any."""
    context = read_preamble(grid, header)
    given_problems = _apply_given(context, given or {}, grid.file)
    unit_named = unit_of or (lambda t: t if t in known_units else None)
    labels = _labels(header)
    end = _scan_sections(grid, header, context, unit_named)
    table = _table(grid, header, end, context)

    def raw(name: str) -> pl.Expr:
        column = f"{RAW}{name}"
        return pl.col(column) if column in table.columns else pl.lit(None, dtype=pl.String)

    if "position_unit" in header.columns:
        post_rules = rules or positions.load_rules()  # once, not per distinct cell
        split = {
            v: _split_position_unit(v, unit_named, post_rules)
            for v in table[f"{RAW}position_unit"].drop_nulls().unique()
        }
        context.warnings += _unsplit_warnings(table, split, unit_named, header)
        table = table.with_columns(
            pl.col(f"{RAW}position_unit")
            .replace_strict({k: v[0] for k, v in split.items()}, default=None)
            .alias(f"{RAW}position"),
            pl.col(f"{RAW}position_unit")
            .replace_strict({k: v[1] for k, v in split.items()}, default=None)
            .alias(f"{RAW}unit"),
        )
    recipients = {f.code: f.recipients for f in reference.AWARD_FORMS}

    frame = (
        table.with_columns(
            form_from_cell=_per_value(table, "form", forms.form_code),
            kind_from_cell=_per_value(
                table, "recipient_kind", lambda v: map_by_keywords(v, reference.RECIPIENT_KINDS)
            ),
            award_type=_per_value(
                table, "award_type", lambda v: map_by_keywords(v, reference.AWARD_TYPES)
            ),
            gender=pl.coalesce(_per_value(table, "gender", _gender), _sex_from_birth(raw)),
            year_from_cell=_per_distinct(table, "year", parse_int, pl.Int64()),
            decision_date=_per_distinct(table, "decision_date", parse_date, pl.Date()).fill_null(
                pl.lit(context.decision_date, dtype=pl.Date)
            ),
            achievement_year=_per_distinct(
                table, "achievement_year", parse_int, pl.Int64()
            ).fill_null(_per_distinct(table, "achievement", _year_said_in, pl.Int64())),
        )
        .with_columns(
            form_code=pl.coalesce(
                "form_from_cell", "section_form", pl.lit(context.title_form, dtype=pl.String)
            ),
            year=pl.coalesce(
                "year_from_cell",
                pl.col("decision_date").dt.year().cast(pl.Int64),
                pl.lit(context.year, dtype=pl.Int64),
            ),
            decision_no=_decision_column(table, "decision_no").fill_null(
                pl.lit(context.decision_no, dtype=pl.String)
            ),
        )
        .with_columns(
            form_recipients=pl.col("form_code").replace_strict(
                recipients, default=None, return_dtype=pl.String
            ),
        )
        .with_columns(
            recipient_kind=pl.coalesce(
                "kind_from_cell",
                "section_kind",
                pl.when(pl.col("form_recipients") != "both").then(pl.col("form_recipients")),
                pl.when(pl.col("gender").is_not_null() | raw("position").is_not_null()).then(
                    pl.lit("individual")
                ),
            ),
        )
    )
    frame = frame.with_columns(
        # Award text as the file had it: the cell, else the section or title's award.
        form_text=pl.coalesce(
            raw("form"),
            pl.col("form_code").replace_strict(
                reference.FORM_NAMES,
                default=None,
                return_dtype=pl.String,
            ),
        ),
        award_type=pl.col("award_type").fill_null(
            pl.when(raw("award_type").is_null()).then(pl.lit("regular"))
        ),
    )
    problems = run_checks(
        frame, _award_checks(raw, context), grid.file, labels, lambda f: f"{RAW}{f}"
    )
    problems = given_problems + problems + count_problems(frame, context, grid.file)
    problems += _unread_problems(grid, header, table)
    problems += stt_problems(table, f"{RAW}stt", "block", grid.file, labels["stt"])
    said = {
        "decision_no": context.decision_no,
        "decision_date": context.decision_date.isoformat() if context.decision_date else None,
        "form_code": context.title_form,
    }
    finished = _finish(frame, raw, known_units, rules)
    return finished, problems + _listed_twice(finished, grid.file), said, context.warnings


def _unread_problems(grid: Grid, header: Header, table: pl.DataFrame) -> list[Problem]:
    """A column with a header and values that no field took may be the unit or the
    position: asked, never dropped without a word."""
    rows = (table["source_row"] - grid.first_row).to_list()
    return [
        Problem(
            grid.file,
            row=grid.excel_row(header.row),
            column=label,
            message=(
                f"cột này có dữ liệu ở {count} dòng khen thưởng nhưng không nhận ra là thông tin "
                "gì (đơn vị? chức vụ? hình thức?). Hãy chọn ý nghĩa của cột ở trang Tải dữ liệu "
                "(mục «Cách hiểu các cột»; «không nhập cột này» nếu không cần), hoặc dùng "
                f"--column {letter}=… ở dòng lệnh (ví dụ {letter}=unit; {letter}=bỏ qua)."
            ),
        )
        for _, label, count in unread_columns(grid, header, rows)
        for letter in [label.split()[0]]
    ]


def _sex_from_birth(raw: RawGetter) -> pl.Expr:
    """The column of «Năm sinh | Nam | Nữ» the birth year is written in."""
    male, female = raw("birth_male").is_not_null(), raw("birth_female").is_not_null()
    return (pl.when(male & ~female).then(pl.lit("M")).when(female & ~male).then(pl.lit("F"))).cast(
        pl.String
    )


def _gender(value: str) -> str | None:
    folded = fold(value)
    return {"nam": "M", "nu": "F", "m": "M", "f": "F"}.get(folded)


def _labels(header: Header) -> dict[str, str]:
    # A field with no column of its own (the award given by a section or the title) is
    # named in words, not by its code.
    labels = {name: f"«{label}»" for name, label in FIELD_LABELS.items()} | header.labels
    if "position_unit" in labels:
        labels.setdefault("position", labels["position_unit"])
        labels.setdefault("unit", labels["position_unit"])
    return labels


def _award_checks(raw: RawGetter, context: Context) -> list[Check]:
    r = raw
    kinds_allowed = "«Cá nhân», «Tập thể» hoặc «Hộ gia đình»"
    types_allowed = ", ".join(f"«{label}»" for label, _ in reference.AWARD_TYPES.values())
    return [
        Check(
            r("recipient_name").is_null(), "recipient_name", "thiếu họ tên / tên tập thể được khen."
        ),
        Check(
            # Anchored to a column: two literals (a file without these columns) would make a
            # predicate of the wrong length for a frame of several chunks.
            pl.col("source_row").is_not_null()
            & r("birth_male").is_not_null()
            & r("birth_female").is_not_null(),
            "birth_female",
            "năm sinh ghi ở cả cột Nam và cột Nữ: không biết người này là nam hay nữ.",
        ),
        Check(
            r("form").is_not_null() & pl.col("form_from_cell").is_null(),
            "form",
            "không phải hình thức khen thưởng đã biết.",
            forms.suggest_form,
        ),
        Check(
            r("form").is_null() & pl.col("form_code").is_null(),
            "form",
            "thiếu hình thức khen thưởng (không có ở cột, ở mục hay ở tiêu đề danh sách).",
        ),
        Check(
            r("recipient_kind").is_not_null() & pl.col("kind_from_cell").is_null(),
            "recipient_kind",
            f"đối tượng phải là {kinds_allowed}.",
        ),
        Check(
            pl.col("recipient_kind").is_null()
            & r("recipient_kind").is_null()
            & pl.col("form_code").is_not_null(),
            "recipient_name",
            "không xác định được đây là cá nhân hay tập thể: thêm cột «Đối tượng» hoặc mục «I. CÁ NHÂN» / «II. TẬP THỂ».",
        ),
        Check(
            pl.col("form_recipients").is_in(["individual", "collective"])
            & pl.col("recipient_kind").is_not_null()
            & (pl.col("form_recipients") != pl.col("recipient_kind")),
            "form",
            "hình thức này không tặng cho loại đối tượng ghi ở dòng này (cá nhân / tập thể).",
        ),
        Check(
            r("gender").is_not_null() & pl.col("gender").is_null(),
            "gender",
            "giới tính phải là «Nam» hoặc «Nữ».",
        ),
        Check(
            r("year").is_not_null()
            & ~pl.col("year_from_cell").is_between(1945, 2100).fill_null(False),
            "year",
            "năm không hợp lệ (cần 4 chữ số, ví dụ 2020).",
        ),
        Check(
            r("year").is_null() & pl.col("year").is_null(),
            "year",
            "thiếu năm: không có cột «Năm» và không có ngày quyết định. Hãy ghi dòng «(Kèm "
            "theo Quyết định số … ngày …)» vào tệp, điền ngày quyết định ở trang Tải dữ liệu, "
            "hoặc dùng --decision-date / --year ở dòng lệnh.",
        ),
        Check(
            r("decision_date").is_not_null() & pl.col("decision_date").is_null(),
            "decision_date",
            "ngày không đọc được; hãy ghi theo dạng ngày/tháng/năm, ví dụ 25/01/2020.",
        ),
        Check(
            pl.col("year_from_cell").is_not_null()
            & pl.col("decision_date").is_not_null()
            & (pl.col("year_from_cell") != pl.col("decision_date").dt.year()),
            "year",
            "năm không khớp với năm của ngày quyết định (năm khen thưởng là năm ra quyết định).",
        ),
        Check(
            r("award_type").is_not_null() & pl.col("award_type").is_null(),
            "award_type",
            f"loại hình khen thưởng phải là một trong: {types_allowed}.",
        ),
        Check(
            r("achievement_year").is_not_null() & pl.col("achievement_year").is_null(),
            "achievement_year",
            "năm thành tích không hợp lệ (cần 4 chữ số).",
        ),
    ]


# The same award to the same person (name, post and unit as typed) in the same decision.
# Collectives are not checked: registers do list one collective twice in a decision (the
# 2019 sample does, and its truth counts both).
_SAME_AWARD = (
    "recipient_kind", "recipient_name", "position", "unit_name", "form_code", "decision_no", "year"
)  # fmt: skip


def _listed_twice(frame: pl.DataFrame, file: str) -> list[Problem]:
    """A person listed twice for one award of one decision would be counted twice: said
    with both Excel rows. Namesakes in other units, or one person given two different
    awards in one list, are different rows and stay."""
    twice = (
        frame.filter(pl.col("recipient_kind") == "individual")
        .group_by(_SAME_AWARD)
        .agg(pl.col("source_row").sort(), pl.col("form_text").first())
        .filter(pl.col("source_row").list.len() > 1)
        .sort(pl.col("source_row").list.get(1))
    )
    return [
        Problem(
            file=file,
            row=rows[1],
            column=None,
            value=name,
            message=(
                f"đã có ở dòng {rows[0]} với cùng chức vụ, đơn vị và hình thức «{form}»"
                + (f" của quyết định {decision}" if decision else "")
                + (f" (còn ở dòng {', '.join(map(str, rows[2:]))})" if len(rows) > 2 else "")
                + "; một người không được khen hai lần cùng hình thức trong một quyết định. "
                "Hãy xóa dòng lặp."
            ),
        )
        for name, decision, form, rows in twice.select(
            "recipient_name", "decision_no", "form_text", "source_row"
        ).iter_rows()
    ]


def _finish(
    frame: pl.DataFrame,
    raw: RawGetter,
    known_units: set[str] | frozenset[str],
    rules: list[positions.PositionRule] | None = None,
) -> pl.DataFrame:
    r = raw
    # Only a collective's name is looked at for a unit: a register's 100k people have ~70k
    # distinct names, its collectives a few hundred.
    collectives = frame.filter(pl.col("recipient_kind") != "individual")
    tail = _per_distinct(collectives, "recipient_name", _unit_after_last_comma, pl.String())
    name = r("recipient_name")
    # A person's name typed all in capitals or all in small letters ("NGUYỄN THỊ ĐÀO",
    # "nguyễn văn an") is stored as names are written; a collective keeps its own spelling.
    one_case = (name == name.str.to_uppercase()) | (name == name.str.to_lowercase())
    one_case = one_case & name.str.contains(r"^[\p{L} ]+$")  # a name, not «<b>…» or «Tổ 3»
    frame = frame.with_columns(
        recipient_name=pl.when((pl.col("recipient_kind") == "individual") & one_case)
        .then(name.str.to_titlecase())
        .otherwise(name),
        position=r("position"),
        # A collective's unit often only follows the last comma of its name
        # ("Trường THPT …, Sở Y tế"); take it when it is a unit the warehouse knows.
        unit_name=pl.coalesce(
            r("unit"),
            pl.col("heading_unit"),
            pl.when(
                (pl.col("recipient_kind") != "individual") & tail.is_in(sorted(known_units))
            ).then(tail),
            # A collective that is itself a unit («Sở Y tế» given the provincial flag).
            pl.when(
                (pl.col("recipient_kind") == "collective") & name.is_in(sorted(known_units))
            ).then(name),
        ),
        campaign_code=_decision_column(frame, "campaign"),
    )
    classes = positions.classify_column(frame["position"], rules)
    frame = frame.join(classes, on="position", how="left", nulls_equal=False).with_columns(
        is_leader=pl.when(pl.col("recipient_kind") == "individual").then(pl.col("is_leader")),
        leader_rule=pl.when(pl.col("recipient_kind") == "individual").then(pl.col("leader_rule")),
        gender=pl.when(pl.col("recipient_kind") == "individual").then(pl.col("gender")),
        form_detail=pl.when(pl.col("form_code").is_in(sorted(forms.DETAIL_CODES))).then(
            pl.col("form_text").str.strip_chars()
        ),
    )
    return frame.select(AWARD_COLUMNS).sort("source_row")


AWARD_COLUMNS = [
    "source_row",
    "year",
    "decision_no",
    "decision_date",
    "form_code",
    "form_text",
    "form_detail",
    "award_type",
    "recipient_kind",
    "recipient_name",
    "position",
    "is_leader",
    "leader_rule",
    "gender",
    "unit_name",
    "achievement_year",
    "campaign_code",
]
