"""The bundled demo province: generated spreadsheets imported through the same
code analysts use."""

from __future__ import annotations

from pathlib import Path

from demo_province import build_province, write_province
from etl.importer import import_files
from etl.load import Report
from thidua import access, warehouse
from thidua.settings import DEMO_DIR
from thidua.sql_files import named_statements

SQL = named_statements("etl/demo_import.sql")


def has_data(master: warehouse.Warehouse) -> bool:
    if warehouse.version(master) is None:
        return False
    con = warehouse.open_for_reading(master)
    try:
        row = con.execute(SQL["batch_count"]).fetchone()
    finally:
        con.close()
    return bool(row and row[0])


def import_demo(
    master: warehouse.Warehouse,
    if_missing: bool = False,
    awards_per_year: int = 5000,
    out_dir: Path = DEMO_DIR,
) -> list[Report]:
    if if_missing and has_data(master):
        print(f"Kho {master} đã có dữ liệu; không tạo lại tỉnh mẫu.")
        return []
    files = write_province(build_province(awards_per_year=awards_per_year), out_dir)
    return import_files(files, master, access.operator())
