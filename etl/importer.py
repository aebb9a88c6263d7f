"""One file in, all or nothing: read, recognise, validate completely, then
write in a single transaction. Re-importing a file already loaded adds nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from etl.awards import AWARD_COLUMNS, parse_awards
from etl.blocs import parse_bloc_scores, parse_memberships
from etl.campaigns import parse_campaigns
from etl.grid import Grid, read_grids
from etl.headers import Header, find_header
from etl.problems import FileRefused, Problem
from thidua import db
from thidua.settings import LIMITS

LAYOUT_NAMES = {
    "awards": "danh sách khen thưởng",
    "bloc_scores": "bảng chấm điểm khối/cụm",
    "memberships": "danh sách thành viên khối/cụm",
    "campaigns": "danh sách phong trào thi đua",
}


@dataclass
class Parsed:
    layout: str
    frame: pl.DataFrame
    sheet: str


@dataclass
class Report:
    file: str
    status: str  # imported / duplicate / refused
    layout: str | None = None
    rows: int = 0
    replaced: int = 0
    encoding: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "refused"

    def message(self) -> str:
        if self.status == "duplicate":
            return f"{self.file}: tệp này đã được nhập trước đây (cùng nội dung), không thêm gì."
        if self.status == "imported":
            text = f"{self.file}: đã nhập {self.rows:,} dòng ({LAYOUT_NAMES.get(self.layout or '', self.layout)})".replace(
                ",", "."
            )
            if self.replaced:
                text += f", thay thế {self.replaced} dòng cũ của cùng khối/năm/kế hoạch"
            if self.encoding:
                text += f"; đã chuyển mã từ {self.encoding} sang Unicode"
            return text + "."
        shown = self.problems[: LIMITS.max_reported_errors]
        lines = [
            f"{self.file}: KHÔNG NHẬP — {len(self.problems)} lỗi, cơ sở dữ liệu không thay đổi."
        ]
        lines += [f"  - {p}" for p in shown]
        if len(self.problems) > len(shown):
            lines.append(f"  … và {len(self.problems) - len(shown)} lỗi khác.")
        return "\n".join(lines)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def layout_of(header: Header) -> str | None:
    fields = header.columns
    if {"total", "rank"} <= fields.keys() and "unit" in fields:
        return "bloc_scores"
    if {"bloc", "unit"} <= fields.keys():
        return "memberships"
    if {"plan_no", "campaign_name"} <= fields.keys():
        return "campaigns"
    if "recipient_name" in fields:
        return "awards"
    return None


def parse_grid(grid: Grid, known_units: set[str]) -> tuple[Parsed | None, list[Problem]]:
    header = find_header(grid)
    layout = layout_of(header) if header else None
    if header is None or layout is None:
        return None, [
            Problem(
                grid.file,
                f"trang «{grid.sheet}»: không tìm thấy dòng tiêu đề cột của một loại bảng đã biết "
                "(danh sách khen thưởng cần cột «Họ và tên»; bảng điểm cần «Đơn vị», «Tổng điểm», "
                "«Xếp hạng»; xem mẫu trong data/templates).",
            )
        ]
    if layout == "awards":
        frame, problems = parse_awards(grid, header, known_units)
    elif layout == "bloc_scores":
        frame, problems = parse_bloc_scores(grid, header, known_units)
    elif layout == "memberships":
        frame, problems = parse_memberships(grid, header, known_units)
    else:
        frame, problems = parse_campaigns(grid, header)
    if frame.height == 0 and not problems:
        problems = [
            Problem(
                grid.file, f"trang «{grid.sheet}» có tiêu đề cột nhưng không có dòng dữ liệu nào."
            )
        ]
    return Parsed(layout, frame, grid.sheet), problems


def known_unit_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT name FROM units").fetchall()}


def import_file(con: duckdb.DuckDBPyConnection, path: Path) -> Report:
    name = path.name
    try:
        checksum = sha256_of(path)
    except OSError:
        return Report(name, "refused", problems=[Problem(name, "không mở được tệp để đọc.")])
    if con.execute("SELECT 1 FROM import_batches WHERE sha256 = ?", [checksum]).fetchone():
        return Report(name, "duplicate")
    try:
        grids = read_grids(path)
    except FileRefused as refused:
        return Report(name, "refused", problems=refused.problems)
    units = known_unit_names(con)
    parsed: list[Parsed] = []
    problems: list[Problem] = []
    tableless: list[Problem] = []
    for grid in grids:
        result, found = parse_grid(grid, units)
        if result:
            parsed.append(result)
            problems += found
        else:
            tableless += found
    # A sheet with no table (guidance, a cover page) is fine beside one that has a table.
    if not parsed:
        problems += tableless
    encoding = next((g.encoding for g in grids if g.encoding), None)
    if problems:
        return Report(name, "refused", encoding=encoding, problems=problems)
    layout = ",".join(dict.fromkeys(p.layout for p in parsed))
    rows = sum(p.frame.height for p in parsed)
    try:
        replaced = _write(con, name, checksum, layout, encoding, parsed, rows)
    except duckdb.Error as error:
        con.execute("ROLLBACK")
        return Report(
            name,
            "refused",
            problems=[
                Problem(
                    name,
                    f"không ghi được vào kho dữ liệu ({type(error).__name__}); không có gì thay đổi.",
                )
            ],
        )
    return Report(name, "imported", layout=layout, rows=rows, replaced=replaced, encoding=encoding)


def _write(
    con: duckdb.DuckDBPyConnection,
    name: str,
    checksum: str,
    layout: str,
    encoding: str | None,
    parsed: list[Parsed],
    rows: int,
) -> int:
    con.execute("BEGIN TRANSACTION")
    batch_id = con.execute(
        "INSERT INTO import_batches (batch_id, file_name, sha256, layout, sheet, encoding, rows) "
        "VALUES (nextval('batch_seq'), ?, ?, ?, ?, ?, ?) RETURNING batch_id",
        [name, checksum, layout, ",".join(p.sheet for p in parsed), encoding, rows],
    ).fetchone()[0]  # type: ignore[index]
    replaced = 0
    for item in parsed:
        con.register("incoming", item.frame.to_arrow())
        try:
            replaced += WRITERS[item.layout](con, batch_id)
        finally:
            con.unregister("incoming")
    con.execute("COMMIT")
    return replaced


def _write_awards(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    columns = ", ".join(AWARD_COLUMNS)
    con.execute(
        f"INSERT INTO award (award_id, batch_id, {columns}) "  # noqa: S608 — fixed column list
        f"SELECT nextval('award_seq'), ?, {columns} FROM incoming ORDER BY source_row",
        [batch_id],
    )
    return 0


def _write_bloc_scores(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    # A corrected sheet for the same bloc and year replaces the earlier one.
    replaced = con.execute(
        "DELETE FROM bloc_scores WHERE (year, bloc_name) IN (SELECT DISTINCT year, bloc_name FROM incoming)"
    ).fetchone()[0]  # type: ignore[index]
    con.execute(
        "INSERT INTO bloc_scores SELECT year, bloc_name, unit_name, self_score, bloc_score, bonus, "
        "penalty, total_score, rank, ?, source_row FROM incoming",
        [batch_id],
    )
    con.execute(
        "INSERT INTO blocs SELECT DISTINCT year, bloc_name, bloc_kind FROM incoming ON CONFLICT DO NOTHING"
    )
    return int(replaced)


def _write_memberships(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    # The list is yearly: a new list for a year replaces that year's membership.
    replaced = con.execute(
        "DELETE FROM bloc_members WHERE year IN (SELECT DISTINCT year FROM incoming)"
    ).fetchone()[0]  # type: ignore[index]
    con.execute("DELETE FROM blocs WHERE year IN (SELECT DISTINCT year FROM incoming)")
    con.execute("INSERT INTO blocs SELECT DISTINCT year, bloc_name, bloc_kind FROM incoming")
    con.execute(
        "INSERT INTO bloc_members SELECT year, bloc_name, unit_name, role, ?, source_row FROM incoming",
        [batch_id],
    )
    return int(replaced)


def _write_campaigns(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    replaced = con.execute(
        "DELETE FROM campaigns WHERE campaign_code IN (SELECT campaign_code FROM incoming)"
    ).fetchone()[0]  # type: ignore[index]
    con.execute(
        "INSERT INTO campaigns SELECT campaign_code, issued_on, name, kind, start_date, end_date, "
        "registration_deadline, slogan, ?, source_row FROM incoming",
        [batch_id],
    )
    return int(replaced)


WRITERS = {
    "awards": _write_awards,
    "bloc_scores": _write_bloc_scores,
    "memberships": _write_memberships,
    "campaigns": _write_campaigns,
}


def import_files(paths: Iterable[Path], master: Path) -> list[Report]:
    """Import each file into the master warehouse, then publish the snapshot."""
    con = db.open_master(master)
    try:
        reports = [import_file(con, Path(p)) for p in paths]
        con.execute("CHECKPOINT")
    finally:
        con.close()
    db.publish_snapshot(master)
    return reports
