"""`python -m etl report 0602 --year 2024 [--unit …] -o FILE`: a statistical form of Circular
02/2023/TT-BNV written as the .xlsx an office sends (thidua.statistics_forms, form_xlsx)."""

from __future__ import annotations

import argparse
from pathlib import Path

from thidua import reports, warehouse
from thidua.form_xlsx import REPORTER
from thidua.statistics_forms import FORMS


def add_parser(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report", help="biểu thống kê 0601, 0602, 0603 (Thông tư 02/2023/TT-BNV) ra tệp .xlsx"
    )
    report.add_argument("form", choices=["0601", *FORMS], help="số biểu")
    report.add_argument("--year", type=int, required=True, help="năm báo cáo (năm quyết định)")
    report.add_argument("--unit", help="một đơn vị (mặc định: toàn tỉnh); không dùng với biểu 0601")
    report.add_argument("-o", "--output", type=Path, required=True, help="tệp .xlsx ghi ra")
    report.add_argument("--reporter", default=REPORTER, help="đơn vị báo cáo ghi ở đầu biểu")
    report.add_argument("--db", dest="db_sub", help="kho dữ liệu")


def run_report(args: argparse.Namespace, master: warehouse.Warehouse) -> int:
    if warehouse.version(master) is None:
        print("Kho dữ liệu chưa có gì; hãy nhập dữ liệu trước (python -m etl import …).")
        return 1
    con = warehouse.open_for_reading(master)
    try:
        data, said = reports.statistical_form(con, args.form, args.year, args.unit, args.reporter)
    finally:
        con.close()
    if said is not None:
        print(said)
        return 1
    args.output.write_bytes(data)
    print(f"Đã ghi biểu {args.form} năm {args.year} vào {args.output}.")
    return 0
