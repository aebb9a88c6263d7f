"""`python -m etl status`: what the warehouse holds, batch by batch."""

from __future__ import annotations

from etl.load import STATUS_NAMES
from thidua import warehouse
from thidua.formatting import local_time, number
from thidua.lake import Lake
from thidua.settings import snapshot_path
from thidua.sql_files import named_statements

SQL = named_statements("etl/status.sql")


def print_status(master: warehouse.Warehouse) -> int:
    if warehouse.version(master) is None:
        print(
            f"Kho {warehouse.shown(master)} chưa có dữ liệu. "
            "Dùng: python -m etl import TỆP... hoặc python -m etl demo"
        )
        return 0
    con = warehouse.open_for_reading(master)
    try:
        batches = con.execute(SQL["batches"]).fetchall()
        totals = con.execute(SQL["row_counts"]).fetchone()
    finally:
        con.close()
    if isinstance(master, Lake):
        print(f"Kho: {warehouse.shown(master)} (mỗi lần ghi là một bản chụp); giờ Việt Nam")
    else:
        print(f"Kho: {master} (bản chụp chỉ đọc: {snapshot_path(master)}); giờ Việt Nam")
    for batch_id, when, name, layout, rows, encoding, state, who in batches:
        note = f" [chuyển mã {encoding}]" if encoding else ""
        note += f" [{STATUS_NAMES.get(state, state)}]" if state != "active" else ""
        note += f" — {who}" if who else ""
        print(
            f"  #{batch_id:<4} {local_time(when)}  {name:<40} {layout:<12} {number(rows):>8} dòng{note}"
        )
    if totals:
        awards, scores, members, campaigns, dossiers = totals
        print(
            f"Tổng: {number(awards)} lượt khen thưởng, {number(scores)} dòng điểm khối/cụm, "
            f"{number(members)} thành viên khối/cụm, {number(campaigns)} phong trào, "
            f"{number(dossiers)} hồ sơ đề nghị."
        )
    return 0
