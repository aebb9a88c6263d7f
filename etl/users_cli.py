"""`python -m etl user …` and `python -m etl audit`: accounts and the audit trail from the
server's command line (the first admin can only be made here)."""

from __future__ import annotations

import argparse
import getpass
import sys

from etl.upload import unit_names
from thidua import access, accounts, audit, warehouse
from thidua.formatting import local_time


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = commands.add_parser("user", help="tài khoản: add, list, password, disable, enable")
    actions = user.add_subparsers(dest="user_command", required=True)
    add = actions.add_parser("add", help="tạo tài khoản (tài khoản đầu tiên phải là --role admin)")
    add.add_argument("username")
    add.add_argument("--role", choices=access.ROLES, required=True)
    where = add.add_mutually_exclusive_group()
    where.add_argument("--unit", help="đơn vị của tài khoản xem (tên đúng như trong danh mục)")
    where.add_argument("--province", action="store_true", help="tài khoản xem được toàn tỉnh")
    add.add_argument("--name", default="", help="họ tên hiển thị")
    add.add_argument("--email", help="thư điện tử (đăng nhập qua OIDC)")
    add.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    actions.add_parser("list", help="liệt kê tài khoản")
    password = actions.add_parser("password", help="đặt lại mật khẩu")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true")
    for name, text in (("disable", "khóa tài khoản"), ("enable", "mở khóa tài khoản")):
        actions.add_parser(name, help=text).add_argument("username")
    log = commands.add_parser("audit", help="nhật ký thay đổi (ai, khi nào, làm gì)")
    log.add_argument("--limit", type=int, default=50)
    for leaf in (*actions.choices.values(), log):
        leaf.add_argument("--db", dest="db_sub", help="tệp kho dữ liệu")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise ValueError("Hai lần nhập mật khẩu không khớp.")
    return first


def run_user(args: argparse.Namespace, master: warehouse.Warehouse) -> int:
    store = warehouse.access_store(master)  # a file, or a lake's PostgreSQL
    operator = access.operator()
    try:
        if args.user_command == "add":
            unit = access.PROVINCE if args.province else args.unit
            if unit not in (None, access.PROVINCE) and unit not in unit_names(master):
                raise ValueError(
                    f"«{unit}» không có trong danh mục đơn vị; xem `python -m etl user add -h`."
                )
            user = accounts.add_user(store, operator, args.username.lower(), _password(args.password_stdin),
                                  args.role, unit, args.name, args.email)  # fmt: skip
            print(
                f"Đã tạo tài khoản «{user.username}» ({access.ROLE_NAMES[user.role]}, "
                f"phạm vi: {user.account().scope_label()})."
            )
        elif args.user_command == "list":
            for u in accounts.users(store):
                state = "" if u.active else " — đã khóa"
                print(f"{u.username:<20} {access.ROLE_NAMES[u.role]:<14} {u.account().scope_label()}"
                      f"{' — ' + u.display_name if u.display_name else ''}{state}")  # fmt: skip
        elif args.user_command == "password":
            accounts.set_password(
                store, operator, args.username.lower(), _password(args.password_stdin)
            )
            print(f"Đã đặt mật khẩu mới cho «{args.username}».")
        else:
            active = args.user_command == "enable"
            accounts.update_user(store, operator, args.username.lower(), active=active)
            print(f"Đã {'mở khóa' if active else 'khóa'} tài khoản «{args.username}».")
    except (ValueError, access.PermissionDenied) as problem:
        print(str(problem), file=sys.stderr)
        return 1
    return 0


def run_audit(args: argparse.Namespace, master: warehouse.Warehouse) -> int:
    for entry in audit.audit_log(warehouse.access_store(master), limit=args.limit):
        what = audit.ACTIONS.get(entry.action, entry.action)
        detail = audit.describe_detail(entry.detail)
        print(f"{local_time(entry.at, seconds=True)}  {entry.who:<28} {what}: {entry.target}"
              + (f" ({detail})" if detail else ""))  # fmt: skip
    return 0
