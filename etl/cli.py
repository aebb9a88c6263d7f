"""`python -m etl` — the analysts' command line. Messages are Vietnamese and no
traceback reaches the user; the exit status is non-zero when a file is refused."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl import report_cli, users_cli
from etl.choices import BadChoice, Choices, overrides_of
from etl.importer import import_files
from etl.load import Report
from thidua import access, settings, warehouse
from thidua.db import WarehouseBusy
from thidua.lake import Lake, LakeUnavailable


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl", description="Nhập bảng tính thi đua – khen thưởng vào kho DuckDB."
    )
    parser.add_argument(
        "--db",
        help=f"tệp kho dữ liệu, hoặc ducklake:sqlite:… / ducklake:postgres:… "
        f"(mặc định ${settings.DB.name} hoặc data/warehouse.duckdb)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser(
        "import", help="nhập một hay nhiều tệp .xlsx, .xls, .csv, .txt (Unicode Text)"
    )
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--db", dest="db_sub", help="tệp kho dữ liệu")
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="chỉ đọc và kiểm tra: in ra những gì sẽ nhập (số dòng theo loại, hình thức, năm, "
        "tỉ lệ NLĐ trực tiếp, lưu ý, lỗi), không ghi gì",
    )
    imp.add_argument(
        "--sheet", action="append", default=[], help="chỉ nhập trang này (lặp lại được)"
    )
    imp.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="[TRANG!]CỘT=Ý_NGHĨA",
        help="ý nghĩa của một cột, ví dụ «E=unit», «E=Đơn vị», «F=bỏ qua» (lặp lại được)",
    )
    imp.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="TÊN_TRONG_TỆP=ĐƠN_VỊ",
        help="tên gọi khác của một đơn vị trong danh mục, cho lần nhập này (lặp lại được)",
    )
    imp.add_argument("--decision-no", help="số quyết định khi tệp không ghi")
    imp.add_argument("--decision-date", help="ngày quyết định khi tệp không ghi, ví dụ 05/03/2025")
    imp.add_argument("--award", help="hình thức khen thưởng khi tệp không ghi (tên hoặc mã)")
    imp.add_argument("--year", help="năm khen thưởng khi tệp không ghi ngày quyết định hay năm")
    imp.add_argument(
        "--unit-rows",
        help="dòng chỉ ghi tên một đơn vị (khi danh sách không có mục CÁ NHÂN/TẬP THỂ): "
        "heading = tiêu đề nhóm (người ở dưới thuộc đơn vị đó), award = tập thể được khen",
    )
    demo = commands.add_parser("demo", help="sinh tỉnh mẫu (Kiên Giang 2018–2025) và nhập vào kho")
    demo.add_argument("--if-missing", action="store_true", help="bỏ qua nếu kho đã có dữ liệu")
    demo.add_argument("--awards-per-year", type=int, default=5000)
    demo.add_argument("--db", dest="db_sub", help="tệp kho dữ liệu")
    undo = commands.add_parser("undo", help="hủy cả một lần nhập (theo số lần nhập trong status)")
    undo.add_argument("batch_id", type=int)
    undo.add_argument("--db", dest="db_sub", help="tệp kho dữ liệu")
    status = commands.add_parser("status", help="liệt kê các lần nhập")
    status.add_argument("--db", dest="db_sub", help="tệp kho dữ liệu")
    upkeep = commands.add_parser(
        "maintain", help="DuckLake: gộp tệp dữ liệu nhỏ, bỏ bản chụp và tệp cũ hơn --keep-days ngày"
    )
    upkeep.add_argument("--keep-days", type=int, default=7)
    upkeep.add_argument("--db", dest="db_sub", help="kho DuckLake")
    users_cli.add_parsers(commands)
    report_cli.add_parser(commands)
    return parser


def _print_reports(reports: list[Report]) -> int:
    for report in reports:
        print(report.message())
    refused = sum(not r.ok for r in reports)
    if refused:
        print(
            f"\n{refused}/{len(reports)} tệp bị từ chối; các tệp đó không được ghi gì vào kho.",
            file=sys.stderr,
        )
        return 1
    return 0


def _import(args: argparse.Namespace, master: warehouse.Warehouse) -> int:
    try:
        overrides = overrides_of(
            Choices(
                sheets=args.sheet,
                columns=args.column,
                aliases=args.alias,
                decision_no=args.decision_no,
                decision_date=args.decision_date,
                award=args.award,
                year=args.year,
                unit_rows=args.unit_rows,
            )  # fmt: skip
        )
    except BadChoice as bad:
        print(str(bad), file=sys.stderr)
        return 2
    if args.dry_run:  # read against the newest snapshot, or the lake's newest commit
        from etl.dry_run import describe
        from etl.upload import inspect_upload

        inspections = [inspect_upload(master, path, path.name, overrides) for path in args.files]
        for inspection in inspections:
            print(describe(inspection))
        return 0 if all(i.ok or i.duplicate_of is not None for i in inspections) else 1
    return _print_reports(import_files(args.files, master, access.operator(), overrides))


def _maintain(args: argparse.Namespace, master: warehouse.Warehouse) -> int:
    from thidua.lake_writer import maintain

    if not isinstance(master, Lake):
        print(
            "Lệnh maintain chỉ dành cho kho DuckLake: kho tệp DuckDB được dọn sau mỗi lần nhập.",
            file=sys.stderr,
        )
        return 2
    done = maintain(master, args.keep_days)
    print(
        f"Đã bảo trì kho DuckLake: tệp dữ liệu {done.files_before} → {done.files_after}, "
        f"bản chụp giữ lại {done.snapshots_before} → {done.snapshots_after} "
        f"(giữ {args.keep_days} ngày gần nhất)."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        master = warehouse.chosen(getattr(args, "db_sub", None) or args.db)
    except LakeUnavailable as unusable:
        print(str(unusable), file=sys.stderr)
        return 2
    try:
        if args.command == "import":
            return _import(args, master)
        if args.command == "demo":
            from etl.demo_import import import_demo

            return _print_reports(
                import_demo(
                    master, if_missing=args.if_missing, awards_per_year=args.awards_per_year
                )
            )
        if args.command == "undo":
            from etl.load import undo_batch

            message = undo_batch(master, args.batch_id, access.operator())
            print(message)
            return 0 if message.startswith("Đã hủy") else 1
        if args.command == "maintain":
            return _maintain(args, master)
        if args.command == "user":
            return users_cli.run_user(args, master)
        if args.command == "audit":
            return users_cli.run_audit(args, master)
        if args.command == "report":
            return report_cli.run_report(args, master)
        from etl.status import print_status

        return print_status(master)
    except KeyboardInterrupt:
        return 130
    except WarehouseBusy as busy:
        print(str(busy), file=sys.stderr)
        return 3
    except LakeUnavailable as unusable:  # a setting the lake needs, its PostgreSQL down, …
        print(str(unusable), file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`
        return 0
    except Exception as error:  # last resort: a message, never a traceback
        print(
            f"Lỗi không mong đợi ({type(error).__name__}: {error}). Kho dữ liệu không bị ghi dở.",
            file=sys.stderr,
        )
        return 2
