"""The review of one uploaded file before anything is written: what was recognised, the
analyst's corrections (columns, the title's decision, unknown units), problems and a marked
copy. Owns the session keys ov_<file> and the editors' widget keys."""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from etl import upload
from etl.upload import Inspection, Overrides
from thidua import formatting as fmt
from thidua import reference
from thidua.access import Account
from thidua.literal import markdown as md
from thidua.reference import LEADER_CLASS_NAMES as CLASSES
from thidua.reports import leader_class
from thidua.text import LEGACY_NAMES
from thidua.warehouse import Warehouse
from ui.guard import allowed
from ui.kpis import Kpi, kpi_row
from ui.layout import writing_from_page
from ui.notices import say_next_run
from ui.tables import show_table

UNCHOSEN = "?"
FIELD_CHOICES = [UNCHOSEN, "", *reference.FIELD_LABELS]

FORM_NAMES = reference.FORM_NAMES


# The answers to «a row that only names a unit»: "" lets the importer decide by its rule and
# ask when it cannot.
UNIT_ROW_ANSWERS = {
    "": "để hệ thống xét (hỏi khi không chắc)",
    "heading": "tiêu đề nhóm: người ở các dòng dưới thuộc đơn vị đó",
    "award": "tập thể được khen",
}


def _choice_label(choice: str) -> str:
    if choice == UNCHOSEN:
        return "(chưa chọn)"
    return reference.FIELD_LABELS.get(choice, "(không nhập cột này)")


def _scoring_preview(inspection: Inspection) -> None:
    """Each scoring sheet as it will be stored: its bloc, year and ranking."""
    scores = inspection.scores()
    if scores.height == 0:
        return
    for (bloc, year), sheet in scores.group_by("bloc_name", "year", maintain_order=True):
        st.markdown(f"**{md(str(bloc))}** năm {year}: {fmt.number(sheet.height)} đơn vị")
        show_table(
            sheet.sort("rank"),
            {"rank": "Xếp hạng", "unit_name": "Đơn vị", "total_score": "Tổng điểm"},
            {"total_score": 1},
        )


def _dossier_preview(inspection: Inspection) -> None:
    """A register as it will be stored: how many dossiers, received when, in which state,
    and those the warehouse already holds (their rows replaced)."""
    rows = inspection.dossiers()
    if rows.height == 0:
        return
    last = rows.sort("submission").group_by("dossier_no").last()
    received = pl.col("received_on")
    first, latest = rows.select(
        first=received.min().dt.strftime("%d/%m/%Y"), latest=received.max().dt.strftime("%d/%m/%Y")
    ).row(0)
    st.markdown(
        f"**Sổ hồ sơ:** {fmt.number(last.height)} hồ sơ ({fmt.number(rows.height)} dòng), "
        f"nhận từ {first} đến {latest}"
    )
    states = (
        last.group_by("status").len("dossiers")
        .with_columns(name=pl.col("status").replace_strict(reference.DOSSIER_STATUS_NAMES))
        .sort("dossiers", descending=True)
    )  # fmt: skip
    show_table(states, {"name": "Trạng thái", "dossiers": "Số hồ sơ"}, {"dossiers": 0})
    if inspection.known_dossiers:
        st.info(
            f"{fmt.number(inspection.known_dossiers)} hồ sơ của sổ này đã có trong kho (cùng số "
            "hồ sơ): xác nhận sẽ thay các dòng cũ của chúng bằng dòng của sổ này; hủy lần nhập "
            "sẽ dùng lại dòng cũ."
        )


def overrides(key: str) -> Overrides:
    """The analyst's corrections of this file so far (header rows, columns, the title's
    decision)."""
    stored = st.session_state.get(f"ov_{key}", {})
    return Overrides(
        columns=stored.get("columns", {}),
        context=stored.get("context", {}),
        header_rows=stored.get("header_rows", {}),
    )


def _remember(
    key: str,
    columns: dict[str, dict[int, str]],
    context: dict[str, str],
    header_rows: dict[str, int] | None = None,
) -> None:
    header_rows = overrides(key).header_rows if header_rows is None else header_rows
    st.session_state[f"ov_{key}"] = {
        "columns": columns,
        "context": context,
        "header_rows": header_rows,
    }


# How many of a sheet's first rows are shown to point at its header row.
FIRST_ROWS = 12


def _header_picker(key: str, inspection: Inspection, sheet: str) -> None:
    """A sheet whose column titles were not found: its first rows as read, numbered as in
    Excel, and a box for the row that holds the titles — then its columns can be mapped here
    instead of editing the file."""
    grid = next((g for g in inspection.grids if g.sheet == sheet), None)
    if grid is None:
        return
    stored = overrides(key)
    st.markdown(
        f"Trang «{md(sheet)}»: chưa tìm thấy dòng tiêu đề cột. Dòng nào ghi tên các cột "
        "(Họ và tên, Chức vụ, Hình thức…)? Chọn số dòng như trong Excel, rồi chọn ý nghĩa "
        "từng cột bên dưới."
    )
    first = grid.cells.head(FIRST_ROWS)
    letters = {f"c{i}": upload.column_letter(grid.first_col + i) for i in range(grid.cells.width)}
    shown = first.rename(letters).with_columns(
        pl.Series("Dòng", [grid.excel_row(i) for i in range(first.height)])
    )
    st.dataframe(
        shown.select("Dòng", *letters.values()), hide_index=True, width="stretch",
        height=min(38 + 35 * first.height, 460),
    )  # fmt: skip
    rows = [grid.excel_row(i) for i in range(first.height)]
    chosen = st.selectbox(
        "Dòng tiêu đề",
        rows,
        index=rows.index(stored.header_rows[sheet]) if sheet in stored.header_rows else None,
        placeholder="Chọn dòng",
        key=f"header_{key}_{sheet}",
    )
    if chosen is not None and stored.header_rows.get(sheet) != chosen:
        _remember(key, stored.columns, stored.context, {**stored.header_rows, sheet: chosen})
        st.rerun()


def _mapping_editor(key: str, inspection: Inspection) -> None:
    """One select per column: what the column holds. Changes are re-checked at once."""
    stored = overrides(key)
    columns = {sheet: dict(mapping) for sheet, mapping in stored.columns.items()}
    for info in inspection.sheets:
        if not info.columns or info.sheet in stored.header_rows:
            _header_picker(key, inspection, info.sheet)
        if not info.columns:
            continue
        st.markdown(
            f"Trang «{md(info.sheet)}»: dòng tiêu đề {info.header_row}; {reference.LAYOUT_NAMES.get(info.layout or '', 'chưa nhận ra loại bảng')}"
        )
        if info.remembered:
            st.info(
                "Các cột được hiểu theo cách đã chọn ở lần nhập trước có cùng dòng tiêu đề; "
                "có thể sửa lại bên dưới.",
                icon=":material/history:",
            )
        grid = st.columns(4)
        for i, (col, letter, text, field) in enumerate(info.columns):
            # Not taken yet («chưa chọn»: the importer asks about it when it holds values)
            # is not the same as left out on purpose («không nhập cột này»).
            shown = field or ("" if info.mapping.get(col) == "" else UNCHOSEN)
            chosen = grid[i % 4].selectbox(
                f"Cột {letter}: «{md(text or '')}»",
                FIELD_CHOICES,
                index=FIELD_CHOICES.index(shown),
                format_func=_choice_label,
                key=f"map_{key}_{info.sheet}_{col}",
            )
            if chosen not in (shown, UNCHOSEN):
                # A change keeps the rest of a remembered mapping.
                start = dict(info.mapping) if info.remembered else {}
                columns.setdefault(info.sheet, start)[col] = chosen
    if columns != stored.columns:
        _remember(key, columns, stored.context)
        st.rerun()


def _context_editor(key: str, inspection: Inspection) -> None:
    """Decision number, date and award when the list's title does not give them, and the
    answer for rows that only name a unit. The choices hold for the whole file: a workbook
    of several lists gets one editor per sheet (keys by sheet), and what one sets applies
    to all."""
    stored = overrides(key)
    context = dict(stored.context)
    for info in inspection.sheets:
        if info.layout != "awards" or not info.context:
            continue
        said = info.context
        cols = st.columns(3)
        number = cols[0].text_input(
            "Số quyết định",
            value=said.get("decision_no") or "",
            key=f"ctx_no_{key}_{info.sheet}",
            disabled=bool(said.get("decision_no")) and "decision_no" not in stored.context,
        )
        shown_date = _day_month_year(said.get("decision_date"))
        when = cols[1].text_input(
            "Ngày quyết định (ngày/tháng/năm)",
            value=shown_date,
            key=f"ctx_date_{key}_{info.sheet}",
            placeholder="ví dụ 25/01/2020",
            disabled=bool(said.get("decision_date")) and "decision_date" not in stored.context,
        )
        if when.strip() and when != shown_date:
            try:
                when = upload.typed_day(when).isoformat()
            except ValueError as why:
                cols[1].error(f"«{md(when)}»: {why}")
                when = ""
        else:
            when = said.get("decision_date") or ""
        codes = ["", *FORM_NAMES]
        form = cols[2].selectbox(
            "Hình thức (theo tiêu đề)",
            codes,
            index=codes.index(said.get("form_code") or ""),
            format_func=lambda c: FORM_NAMES.get(c, "—"),
            key=f"ctx_form_{key}_{info.sheet}",
            # What the title says is not changed here (a different choice would contradict
            # the file, and the import would refuse it).
            disabled=bool(said.get("form_code")) and "form_code" not in stored.context,
        )
        for name, value in (("decision_no", number), ("decision_date", when), ("form_code", form)):
            if value and value != (said.get(name) or ""):
                context[name] = value
        if said.get("unit_rows") is not None:
            answer = st.radio(
                "Dòng chỉ ghi tên đơn vị (danh sách không có mục «CÁ NHÂN» / «TẬP THỂ») là:",
                list(UNIT_ROW_ANSWERS),
                index=list(UNIT_ROW_ANSWERS).index(stored.context.get("unit_rows", "")),
                format_func=UNIT_ROW_ANSWERS.__getitem__,
                horizontal=True,
                key=f"ctx_unit_rows_{key}_{info.sheet}",
            )
            if answer:
                context["unit_rows"] = answer
            else:
                context.pop("unit_rows", None)
    if context != stored.context:
        _remember(key, stored.columns, context)
        st.rerun()


def _day_month_year(iso: str | None) -> str:
    """«2020-01-25» as a Vietnamese reader writes it: «25/01/2020»."""
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def _unit_mapper(key: str, inspection: Inspection, master: Warehouse, account: Account) -> None:
    """Units that match nothing in the units table: map them (kept as aliases) or leave them."""
    unknown = inspection.unknown_units
    with st.expander(
        f"{unknown.height} tên đơn vị chưa có trong danh mục — ánh xạ nếu là đơn vị đã có"
    ):
        st.caption(
            "Tên để nguyên vẫn được nhập như trong tệp (ví dụ trường, khoa, phòng trực thuộc); không đơn vị mới nào được tạo tự động."
        )
        options = ["", *upload.unit_names(master)]
        chosen: dict[str, str] = {}
        for i, (typed, count) in enumerate(unknown.head(30).iter_rows()):
            pick = st.selectbox(
                f"«{md(typed)}» ({count} lượt)",
                options,
                format_func=lambda u: u or "(để nguyên)",
                key=f"unit_{key}_{i}",
            )
            if pick:
                chosen[typed] = pick
        if not allowed("manage"):
            st.caption("Chỉ quản trị viên lưu được ánh xạ tên đơn vị (trang Quản trị).")
        elif st.button("Lưu ánh xạ đơn vị", disabled=not chosen, key=f"save_units_{key}"):
            with writing_from_page():
                say_next_run(
                    *(
                        upload.add_alias(master, typed, unit, account)
                        for typed, unit in chosen.items()
                    )
                )
            st.rerun()


def review(key: str, inspection: Inspection, master: Warehouse, account: Account) -> None:
    """Everything the page says about one file, with its editors."""
    if inspection.duplicate_of is not None:
        st.info(
            f"Tệp này đã được nhập (lần nhập #{inspection.duplicate_of}, cùng nội dung); xác nhận sẽ không thêm gì."
        )
        return
    if inspection.problems and not inspection.grids:
        # Not read at all (not a spreadsheet, a hostile or broken file): the sentence says
        # what it is and what to do; there are no cells to map or mark.
        for problem in inspection.problems:
            st.error(md(problem), icon=":material/block:")
        return
    if inspection.encoding:
        st.info(
            f"Tệp gõ bằng bảng mã {md(LEGACY_NAMES.get(inspection.encoding, inspection.encoding))}; đã chuyển sang Unicode (xem các dòng đầu bên dưới)."
        )
    for sheet, why in inspection.book.skipped:
        st.info(f"Bỏ qua trang «{md(sheet)}»: {md(why)}.", icon=":material/visibility_off:")
    for warning in inspection.warnings:
        st.warning(f"Lưu ý: {md(warning)}", icon=":material/warning:")
    if inspection.replaces is not None:
        st.warning(
            f"Tệp này là bản sửa của lần nhập #{inspection.replaces} (cùng số quyết định): xác nhận sẽ thay thế lần nhập đó."
        )
    if inspection.displaces:
        st.warning(
            "Tệp này thay bảng điểm đang dùng: "
            + "; ".join(
                f"{md(bloc)} năm {year} (lần nhập #{batch}, tệp {md(name)})"
                for bloc, year, batch, name in inspection.displaces
            )
            + ". Xác nhận sẽ dùng bảng mới; hủy lần nhập mới sẽ dùng lại bảng cũ."
        )
    if inspection.layout:
        st.markdown(
            f"**Loại bảng:** {md(reference.LAYOUT_NAMES.get(inspection.layout, inspection.layout))} · **{fmt.number(inspection.rows)} dòng dữ liệu**"
        )
    _scoring_preview(inspection)
    _dossier_preview(inspection)
    # What was recognised in each list, and the rows that showed it (etl.parse.awards.traits).
    for info in inspection.sheets:
        if info.traits:
            st.caption(
                f"Trang «{md(info.sheet)}» — nhận ra: " + "; ".join(md(t) for t in info.traits)
            )
    view = upload.preview(inspection, upload.position_rule_labels(master))
    if view is not None:
        counts = view.counts  # counted as the warehouse will count them, by the same SQL
        kpi_row(
            [
                Kpi(reference.KIND_NAMES["individual"], fmt.number(counts.individuals)),
                Kpi(reference.KIND_NAMES["collective"], fmt.number(counts.collectives)),
                *(
                    [Kpi(reference.KIND_NAMES["household"], fmt.number(counts.households))]
                    if counts.households
                    else []
                ),
                Kpi(CLASSES[True], fmt.number(counts.leaders)),
                Kpi(CLASSES[False], fmt.number(counts.direct_workers)),
                Kpi("Tỷ lệ NLĐ trực tiếp", fmt.percent(counts.non_leader_share)),
            ]
        )
        unclassified = (
            f" · {fmt.number(counts.unclassified)} lượt cá nhân có chức vụ chưa phân loại"
            if counts.unclassified
            else ""
        )
        st.caption(
            f"Số quyết định: {md(', '.join(view.decisions) or '—')} · Năm: "
            f"{', '.join(map(str, view.years)) or '—'}{unclassified}"
        )
        by_form = view.by_form.with_columns(
            form=pl.col("form_code").replace_strict(FORM_NAMES, default=None)
        )
        show_table(by_form, {"form": "Hình thức", "awards": "Số lượt"}, {"awards": 0})
        with st.expander("Phân loại chức vụ (lãnh đạo / người lao động trực tiếp)"):
            classes = view.positions.with_columns(klass=leader_class())
            show_table(
                classes,
                {
                    "position": "Chức vụ",
                    "klass": "Phân loại",
                    "rule_label": "Theo quy tắc",
                    "awards": "Số lượt",
                },
                {"awards": 0},
            )
        with st.expander("Các dòng đầu (như sẽ được lưu)"):
            show_table(
                view.sample,
                {
                    "source_row": "Dòng",
                    "recipient_name": "Họ tên / Tên tập thể",
                    "position": "Chức vụ",
                    "unit_name": "Đơn vị",
                    "form_text": "Hình thức",
                    "decision_no": "Số QĐ",
                },
            )
        _context_editor(key, inspection)
    if inspection.unknown_units.height:
        _unit_mapper(key, inspection, master, account)
    with st.expander("Cách hiểu các cột (sửa nếu sai)", expanded=bool(inspection.problems)):
        _mapping_editor(key, inspection)
    if inspection.problems:
        st.error(f"{len(inspection.problems)} lỗi — tệp này sẽ không được nhập cho đến khi sửa.")
        problems = pl.DataFrame(
            [
                {
                    "row": p.row,
                    "column": p.column,
                    "value": p.value,
                    "message": p.message,
                    "suggestion": p.suggestion,
                }
                for p in inspection.problems
            ],
            schema={
                "row": pl.Int64,
                "column": pl.String,
                "value": pl.String,
                "message": pl.String,
                "suggestion": pl.String,
            },
        )
        show_table(
            problems,
            {
                "row": "Dòng",
                "column": "Cột",
                "value": "Giá trị",
                "message": "Lỗi",
                "suggestion": "Gợi ý",
            },
            # Within the file's box at 1366 px, the suggestion too (it was behind a
            # sideways scroll: the fix for «Bằng khenn…» out of sight); text wraps.
            widths={"row": 55, "column": 150, "value": 185, "message": 235, "suggestion": 185},
            lines=3,
        )
        st.download_button(
            "Tải bản có đánh dấu ô lỗi (.xlsx)", data=upload.marked_copy(inspection),
            file_name=f"loi_{inspection.file.rsplit('.', 1)[0]}.xlsx", key=f"marked_{key}", icon=":material/download:",
        )  # fmt: skip
