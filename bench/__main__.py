"""python -m bench [timings | pages [--rows N] [--in-shell] | against REV [--rounds N] |
lake [--rows N] | load | soak [--minutes M] [--db PATH]]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thidua import settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    commands = parser.add_subparsers(dest="command")
    timings = commands.add_parser("timings", help="nhập và truy vấn (mặc định)")
    timings.add_argument(
        "--sizes",
        default="1000000,10000000",
        help="số dòng khen thưởng cấp quốc gia, cách nhau bởi dấu phẩy",
    )
    timings.add_argument("--no-pages", action="store_true", help="bỏ đo trang trong Chromium")
    pages = commands.add_parser(
        "pages", help="chỉ đo trang trong Chromium, trên kho quốc gia --rows dòng"
    )
    pages.add_argument("--rows", type=int, default=1_000_000)
    pages.add_argument(
        "--in-shell",
        action="store_true",
        help="so với khung đặt trong vỏ trang của bảng điều khiển (mã biểu đồ hỏi sớm)",
    )
    against = commands.add_parser(
        "against", help="trang biểu đồ của mã này cạnh một phiên bản khác (REV), cùng một lần đo"
    )
    against.add_argument("rev", help="phiên bản git, ví dụ 6e287a6 (mã lúc mở issue 21)")
    against.add_argument("--rounds", type=int, default=3)
    against.add_argument(
        "--page", action="append", default=None, help="chỉ trang này (đường dẫn, ví dụ /co-cau)"
    )
    soak = commands.add_parser("soak", help="chạy trình chiếu vài phút, đo bộ nhớ máy chủ")
    soak.add_argument("--minutes", type=float, default=3.0)
    soak.add_argument("--interval", type=int, default=3)
    soak.add_argument("--db", default=None)
    lake = commands.add_parser("lake", help="kho tệp DuckDB và DuckLake, cạnh nhau")
    lake.add_argument("--rows", type=int, default=1_000_000)
    lake.add_argument(
        "--no-writers", action="store_true", help="bỏ phần 34 tỉnh nhập cùng lúc (vài phút)"
    )
    crowd = commands.add_parser("load", help="30 người xem cùng lúc, nhập tệp, xuất, đăng nhập sai")
    crowd.add_argument("--seconds", type=float, default=120.0)
    crowd.add_argument("--viewers", type=int, default=30)
    crowd.add_argument("--log", type=Path, default=None, help="nhật ký của máy chủ")
    args = parser.parse_args(argv)
    master = settings.db_path(getattr(args, "db", None))
    if args.command in (None, "timings"):
        from bench.run import run

        run(
            tuple(int(n) for n in getattr(args, "sizes", "1000000,10000000").split(",")),
            pages=not getattr(args, "no_pages", False),
        )
        return 0
    if args.command == "pages":
        from bench.run import page_table

        page_table(args.rows, in_shell=args.in_shell)
        return 0
    if args.command == "against":
        from bench.against import print_against

        print_against(args.rev, args.rounds, args.page)
        return 0
    if args.command == "lake":
        from bench.lake import lake_table

        lake_table(args.rows, writers=not args.no_writers)
        return 0
    if args.command == "load":
        from bench.load import load, print_load

        print_load(load(args.seconds, args.viewers, log=args.log), args.viewers)
        return 0
    if args.command == "soak":
        from bench.soak import print_soak
        from bench.soak import soak as run_soak
        from etl.demo_import import import_demo

        import_demo(master, if_missing=True)
        print_soak(run_soak(Path(master), args.minutes, args.interval), args.interval)
    return 0


if __name__ == "__main__":
    sys.exit(main())
