"""Roles, unit scoping, sign-in and the audit trail.

Expected figures come from the demo generator's truth frame (not the warehouse);
accounts are injected into the session as a signed-in user's would be.
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from demo_province import DemoProvince
from etl import upload
from etl.cli import main
from etl.importer import import_files
from etl.load import add_alias, remove_alias, undo_batch
from tests.accounts import ADMIN, ANALYST, NO_UNIT, OPERATOR, VIEWER, unit_viewer
from tests.apptest import app_as, headline, open_tab, visit
from tests.conftest import SAMPLES, table_fingerprint
from tests.test_overview_page import _expected
from tests.test_upload_page import read
from thidua import (
    access,
    access_file,
    accounts,
    app_settings,
    audit,
    db,
    scope,
    settings,
    warehouse,
)
from thidua.access import PermissionDenied
from thidua.literal import markdown
from thidua.warehouse import Warehouse

UNIT = "Sở Y tế"
OTHER = "Sở Tài chính"
ALL_PAGES = {"tong-quan", "xep-hang-khoi", "co-cau", "lanh-dao-nld", "phong-trao", "ho-so", "trinh-chieu",
             "tra-cuu", "de-nghi-tieu-chuan", "bao-cao-thong-ke", "tai-du-lieu", "ra-soat-khen-trung", "quan-tri"}  # fmt: skip


def vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def menu(at: AppTest) -> set[str]:
    """The pages in the account's menu: those registered with their script (refusals are hidden callables)."""
    return {
        str(info["url_pathname"]) or "tong-quan"
        for info in at._registered_pages.values()
        if info.get("script_path")
    }


def addresses(at: AppTest) -> set[str]:
    return {str(info["url_pathname"]) or "tong-quan" for info in at._registered_pages.values()}


def page_text(at: AppTest) -> str:
    parts: list[Any] = []
    for kind in ("title", "markdown", "caption", "info", "error", "warning", "success"):
        parts += [getattr(e, "value", "") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


# --- roles ------------------------------------------------------------------------------------
def test_capabilities_by_role() -> None:
    # Written out by hand from the issue: viewers see, analysts also import and undo,
    # admins also manage; anonymous viewers never see individual records nor start an export.
    expected = {
        "viewer": {"view", "names", "export"},
        "analyst": {"view", "names", "export", "import", "undo"},
        "admin": {"view", "names", "export", "import", "undo", "manage"},
    }
    for role, allowed in expected.items():
        account = access.Account("x", role, access.PROVINCE)
        assert {c for c in access.CAPABILITIES if account.can(c)} == allowed
    assert {c for c in access.CAPABILITIES if access.ANONYMOUS.can(c)} == {"view"}
    assert not access.Account("x", "superuser", access.PROVINCE).can("view")


@pytest.mark.parametrize(
    ("account", "pages"),
    [
        (VIEWER, ALL_PAGES - {"tai-du-lieu", "ra-soat-khen-trung", "quan-tri"}),
        (ANALYST, ALL_PAGES - {"quan-tri"}),
        (ADMIN, ALL_PAGES),
        (unit_viewer(UNIT), ALL_PAGES - {"tai-du-lieu", "ra-soat-khen-trung", "quan-tri"}),
        (
            access.ANONYMOUS,
            # names of people: not for the public screen
            ALL_PAGES
            - {"tai-du-lieu", "ra-soat-khen-trung", "quan-tri", "tra-cuu", "de-nghi-tieu-chuan"},
        ),
    ],
    ids=["viewer", "analyst", "admin", "unit", "anonymous"],
)
def test_each_role_has_its_menu(
    demo: tuple[Path, DemoProvince],
    monkeypatch: pytest.MonkeyPatch,
    account: access.Account,
    pages: set[str],
) -> None:
    master, _ = demo
    at = app_as(master, monkeypatch, account).run()
    assert not at.exception, at.exception
    assert menu(at) == pages
    # The other pages keep their address (to refuse it), but only as hidden refusals; the
    # account's own page is reached from the account box, not the menu.
    assert addresses(at) == ALL_PAGES | {"tai-khoan"}


@pytest.mark.parametrize(
    ("account", "address", "title"),
    [
        (VIEWER, "tai-du-lieu", "Tải dữ liệu"),
        (VIEWER, "quan-tri", "Quản trị"),
        (ANALYST, "quan-tri", "Quản trị"),
        (access.ANONYMOUS, "tra-cuu", "Tra cứu"),
    ],
)
def test_pages_reached_by_address_are_refused(
    demo: tuple[Path, DemoProvince],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    account: access.Account,
    address: str,
    title: str,
) -> None:
    master, _ = demo
    monkeypatch.setenv(settings.ACCESS_DB.name, str(tmp_path / "access.sqlite"))
    at = visit(app_as(master, monkeypatch, account), address)
    assert not at.exception, at.exception
    [error] = at.error
    assert error.value.startswith(f"Trang «{title}» dành cho tài khoản có quyền")
    assert not at.get("file_uploader") and not at.text_input  # nothing of the page itself
    [entry] = audit.audit_log(tmp_path / "access.sqlite")
    assert (entry.who, entry.action, entry.target) == (account.signature, "denied", title)


def _every_change(master: Path, account: access.Account) -> list[Callable[[], object]]:
    path = access_file.access_path(master)
    return [
        lambda: import_files([SAMPLES / "so_khen_thuong_2019.xlsx"], master, account),
        lambda: upload.confirm(master, [], account),
        lambda: undo_batch(master, 1, account),
        lambda: add_alias(master, "SYT", UNIT, account),
        lambda: remove_alias(master, "SYT", account),
        lambda: accounts.add_user(path, account, "moi1", "matkhau-dai", "viewer", UNIT),
        lambda: accounts.update_user(path, account, "quantri", role="viewer"),
        lambda: accounts.set_password(path, account, "quantri", "matkhau-khac"),
        lambda: app_settings.set_setting(path, account, "anonymous", "1"),
    ]


def test_data_changing_functions_check_the_role_themselves(
    master: Path, tmp_path: Path, import_into: Any
) -> None:
    import_into(SAMPLES / "qd_bang_khen_2020.xlsx")
    path = access_file.access_path(master)
    accounts.add_user(path, None, "quantri", "matkhau-dai", "admin")
    before = table_fingerprint(db.open_snapshot(master))
    for account in (VIEWER, unit_viewer(UNIT), NO_UNIT, access.ANONYMOUS):
        calls = _every_change(master, account)
        for call in calls:
            with pytest.raises(PermissionDenied):
                call()
    # Analysts import and undo, but aliases, users and settings stay the admins'.
    for call in (
        lambda: add_alias(master, "SYT", UNIT, ANALYST),
        lambda: app_settings.set_setting(path, ANALYST, "non_leader_target", "0.7"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert table_fingerprint(db.open_snapshot(master)) == before
    assert [u.username for u in accounts.users(path)] == ["quantri"]
    assert not app_settings.anonymous_allowed(path) and app_settings.non_leader_target(path) == 0.6
    denied = audit.audit_log(path, action="denied")
    assert len(denied) == 4 * 9 + 2


def test_every_kind_of_change_is_in_the_audit_trail(master: Path, tmp_path: Path) -> None:
    path = access_file.access_path(master)
    stdin = io.StringIO("matkhau-dai\n")
    pytest.MonkeyPatch().setattr("sys.stdin", stdin)
    # The first admin is made from the command line.
    assert main(["user", "add", "quantri", "--role", "admin", "--name", "Lê Quản Trị",
                 "--password-stdin", "--db", str(master)]) == 0  # fmt: skip
    admin = accounts.sign_in(path, "quantri", "matkhau-dai")
    assert admin is not None and admin.role == "admin" and admin.province_wide
    assert accounts.sign_in(path, "quantri", "sai-mat-khau") is None
    import_files([SAMPLES / "qd_bang_khen_2020.xlsx"], master, ANALYST)
    undo_batch(master, 1, ANALYST)
    add_alias(master, "Sở YT", UNIT, admin)
    remove_alias(master, "Sở YT", admin)
    accounts.add_user(path, admin, "soyte", "matkhau-dai", "viewer", UNIT, "Cán bộ Sở Y tế")
    accounts.update_user(path, admin, "soyte", unit=OTHER)
    accounts.set_password(path, admin, "soyte", "matkhau-moi")
    accounts.update_user(path, admin, "soyte", active=False)
    app_settings.set_setting(path, admin, "non_leader_target", "0.65")
    with pytest.raises(PermissionDenied):
        app_settings.set_setting(path, unit_viewer(UNIT), "anonymous", "1")
    log = list(reversed(audit.audit_log(path)))
    assert [(e.who, e.action, e.target) for e in log] == [
        (access.operator().signature, "user_add", "quantri"),
        ("quantri (Lê Quản Trị)", "sign_in", "quantri"),
        ("quantri", "sign_in_failed", "quantri"),
        (ANALYST.signature, "import", "qd_bang_khen_2020.xlsx"),
        (ANALYST.signature, "undo", "#1 qd_bang_khen_2020.xlsx"),
        ("quantri (Lê Quản Trị)", "alias_add", "Sở YT"),
        ("quantri (Lê Quản Trị)", "alias_remove", "Sở YT"),
        ("quantri (Lê Quản Trị)", "user_add", "soyte"),
        ("quantri (Lê Quản Trị)", "user_update", "soyte"),
        ("quantri (Lê Quản Trị)", "password_change", "soyte"),
        ("quantri (Lê Quản Trị)", "user_remove", "soyte"),
        ("quantri (Lê Quản Trị)", "setting_change", "non_leader_target"),
        (unit_viewer(UNIT).signature, "denied", "đổi cài đặt anonymous"),
    ]
    details = {e.action: e.detail for e in log}
    assert details["import"]["rows"] == 52
    assert details["undo"]["rows_removed"] == 52
    assert details["user_update"]["before"]["unit"] == UNIT
    assert details["user_update"]["after"]["unit"] == OTHER
    assert details["setting_change"] == {"before": "0.6", "after": "0.65"}
    assert audit.ACTIONS.keys() >= {e.action for e in log}
    # A disabled account cannot sign in any more.
    assert accounts.sign_in(path, "soyte", "matkhau-moi") is None


def test_passwords_are_stored_as_salted_hashes(tmp_path: Path) -> None:
    path = tmp_path / "access.sqlite"
    accounts.add_user(path, None, "quantri", "mat-khau-bi-mat", "admin")
    accounts.add_user(path, ADMIN, "soyte", "mat-khau-bi-mat", "viewer", UNIT)
    with sqlite3.connect(path) as con:
        hashes = [r[0] for r in con.execute("SELECT password_hash FROM users")]
    assert len(set(hashes)) == 2 and all(h.startswith("scrypt$") for h in hashes)
    assert b"mat-khau-bi-mat" not in path.read_bytes()
    assert access.verify_password("mat-khau-bi-mat", hashes[0])
    assert not access.verify_password("mat-khau-bi-mat ", hashes[0])
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_first_account_must_be_an_admin_and_names_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "access.sqlite"
    with pytest.raises(ValueError, match="đầu tiên phải là quản trị viên"):
        accounts.add_user(path, None, "soyte", "matkhau-dai", "viewer", UNIT)
    with pytest.raises(ValueError, match="ít nhất 8 ký tự"):
        accounts.add_user(path, None, "quantri", "ngan", "admin")
    with pytest.raises(ValueError, match="không hợp lệ"):
        accounts.add_user(path, None, "<script>", "matkhau-dai", "admin")
    accounts.add_user(path, None, "quantri", "matkhau-dai", "admin")
    with pytest.raises(ValueError, match="toàn tỉnh"):
        accounts.add_user(path, ADMIN, "chuyenvien", "matkhau-dai", "analyst", UNIT)


# --- unit scoping -----------------------------------------------------------------------------
def test_scoped_views_hold_only_the_units_rows(demo: tuple[Path, DemoProvince]) -> None:
    master, province = demo
    snapshot = str(db.snapshot_path(master))
    con = scope.open_scoped(snapshot, UNIT)
    truth = province.awards.filter(pl.col("unit_name") == UNIT)
    assert con.sql("SELECT count(*) FROM awards").fetchall() == [(truth.height,)]
    assert con.sql("SELECT DISTINCT unit_name FROM award").fetchall() == [(UNIT,)]
    own_blocs = province.memberships.filter(pl.col("unit_name") == UNIT).select("year", "bloc_name")
    shown = con.sql("SELECT DISTINCT year, bloc_name FROM bloc_results").pl()
    assert sorted(shown.iter_rows()) == sorted(own_blocs.iter_rows())
    expected_scores = province.bloc_scores.join(own_blocs, on=["year", "bloc_name"]).height
    assert con.sql("SELECT count(*) FROM bloc_scores").fetchall() == [(expected_scores,)]
    # Deny by default: nothing for an account without a unit, nothing outside the listed tables.
    empty = scope.open_scoped(snapshot, None)
    for table in scope.VISIBLE_ROWS:
        if table in {
            "award",
            "unit_aliases",
            "blocs",
            "bloc_members",
            "bloc_scores",
            "import_batches",
        }:
            assert empty.sql(f"SELECT count(*) FROM {table}").fetchall() == [(0,)], table  # noqa: S608
    with pytest.raises(Exception, match="Permission"):
        con.sql("SELECT * FROM read_csv('/etc/passwd')").fetchall()


def _units_in(rows: list[dict[str, Any]]) -> set[str]:
    return {str(r[c]) for r in rows for c in ("Đơn vị", "Đơn vị dẫn đầu") if r.get(c)}


class Exports:
    """Every .xlsx a page offers for download, written (as a click would) and read back as
    rows (header -> value)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import streamlit

        self.files: list[bytes] = []
        real = streamlit.download_button

        def keep(label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
            self.files.append(data() if callable(data) else data)
            return real(label, data, *args, **kwargs)

        monkeypatch.setattr(streamlit, "download_button", keep)

    def rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for data in self.files:
            sheet = openpyxl.load_workbook(io.BytesIO(data)).active
            assert sheet is not None
            values = list(sheet.iter_rows(values_only=True))
            # What the table holds is written above it, then a blank row, then the header.
            blank = next(i for i, row in enumerate(values) if all(v is None for v in row))
            header, *body = values[blank + 1 :]
            rows += [dict(zip(header, row, strict=True)) for row in body]
        self.files.clear()
        return rows


def test_unit_account_sees_only_its_unit_on_every_page(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    account = unit_viewer(UNIT)
    truth = province.awards.filter(pl.col("unit_name") == UNIT)
    # A shared link naming another unit does not widen the scope.
    at = app_as(master, monkeypatch, account, don_vi=OTHER).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.selectbox(key="f_unit").options == ["Tất cả", UNIT]
    assert {m.label: m.value for m in headline(at)} == _expected(truth, 2025)
    # Distribution: totals, the drill-down list and its export hold the unit's awards only.
    exports = Exports(monkeypatch)
    at = visit(at, "co-cau")
    shown = {m.label: m.value for m in headline(at)}
    assert shown["Tổng số lượt khen thưởng"] == vi(truth.height)
    at = open_tab(at, "dist_tab", "Danh sách khen thưởng")
    listed = at.dataframe[-1].value
    # One unit in every row: said once above the list, not a column.
    assert "Đơn vị" not in listed.columns and len(listed) == truth.height
    assert any(f"Đơn vị: {UNIT}" in read(c.value) for c in at.caption)
    exported = exports.rows()
    assert exported and {r["Đơn vị"] for r in exported} == {UNIT}
    assert len(exported) == truth.height
    # Leaders and direct workers: one unit on the unit chart.
    at = visit(at, "lanh-dao-nld")
    people = truth.filter(pl.col("recipient_kind") == "individual")
    assert {m.label: m.value for m in headline(at)}["Khen cá nhân"] == vi(people.height)
    [units] = [
        json.loads(c.proto.spec)
        for c in open_tab(at, "leaders_tab", "Theo đơn vị").get("plotly_chart")
    ]
    assert units["data"][0]["y"] == [UNIT]
    assert _units_in(exports.rows()) == {UNIT}
    # Bloc ranking: only the blocs the unit belongs to, with every member's place in them.
    at = visit(at, "xep-hang-khoi")
    own = province.memberships.filter((pl.col("unit_name") == UNIT) & (pl.col("year") == 2025))
    bloc = own["bloc_name"].item()
    assert at.selectbox(key="bloc_name_2025").options == [bloc]
    members = province.bloc_scores.filter((pl.col("year") == 2025) & (pl.col("bloc_name") == bloc))
    assert UNIT in members["unit_name"].to_list()
    # Its exports: the bloc's members this year, and the leader of its own bloc only.
    open_tab(at, "bloc_tab", "Bảng điểm")
    exported_units = _units_in(exports.rows())
    assert UNIT in exported_units and exported_units <= set(members["unit_name"])
    open_tab(at, "bloc_tab", "Dẫn đầu các khối, cụm")
    leader = members.filter(pl.col("rank") == 1)["unit_name"].item()
    assert _units_in(exports.rows()) == {leader}
    # Campaigns: the unit's awards per plan.
    at = open_tab(visit(at, "phong-trao"), "campaign_tab", "Bảng phong trào")
    table = at.dataframe[0].value
    counts = dict(
        truth.filter(pl.col("campaign_code").is_not_null())
        .group_by("campaign_code")
        .len()
        .iter_rows()
    )
    assert dict(zip(table["Số kế hoạch"], table["Số lượt khen"], strict=True)) == {
        code: vi(counts.get(code, 0)) for code in province.campaigns["plan_no"]
    }
    # Search: a person of another unit is not found; one of the unit is.
    stranger = province.awards.filter(
        (pl.col("unit_name") == OTHER) & (pl.col("recipient_kind") == "individual")
    )["recipient_name"][0]
    own_person = people["recipient_name"][0]
    at = visit(at, "tra-cuu")
    at.text_input(key="search_text").input(stranger).run()
    found = at.selectbox(key="search_pick").options if at.selectbox else []
    assert not [o for o in found if f"— {OTHER} " in o]
    at.text_input(key="search_text").input(own_person).run()
    assert all(f"— {UNIT} " in o for o in at.selectbox(key="search_pick").options)
    # Slideshow: the headline is the unit's year.
    at = visit(at, "trinh-chieu")
    html = at.get("iframe")[0].proto.srcdoc if at.get("iframe") else ""
    year = truth.filter(pl.col("year") == 2025)
    assert f">{vi(year.height)}<" in html


def test_account_without_a_unit_sees_nothing(
    demo: tuple[Path, DemoProvince], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, _ = demo
    at = app_as(master, monkeypatch, NO_UNIT).run()
    for address in [
        "tong-quan",
        "co-cau",
        "lanh-dao-nld",
        "xep-hang-khoi",
        "phong-trao",
        "trinh-chieu",
    ]:
        at = visit(at, address)
        assert not at.exception and not at.error, (address, [e.value for e in at.error])
        assert not at.get("plotly_chart"), address
        assert not [m for m in headline(at) if m.value not in ("0", "—")], address
        assert not at.get("download_button") or address == "tong-quan", address
    assert "chưa được gán đơn vị" in page_text(at) + "".join(
        str(getattr(c, "value", "")) for c in at.sidebar.get("caption")
    )


# --- sign-in ----------------------------------------------------------------------------------
def test_sign_in_form_guards_every_address_and_opens_the_asked_page(
    demo: tuple[Path, DemoProvince], access_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    master, _ = demo
    path = access_file
    accounts.add_user(path, ADMIN, "soyte", "matkhau-dai", "viewer", UNIT)
    at = visit(app_as(master, monkeypatch, None), "co-cau")
    assert [t.value for t in at.title] == ["Đăng nhập"] and not headline(at)
    at.text_input(key="sign_in_user").input("soyte")
    at.text_input(key="sign_in_password").input("sai-roi")
    at.button[0].click().run()
    assert [e.value for e in at.error] == [
        "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."
    ]
    at.text_input(key="sign_in_user").input("soyte")
    at.text_input(key="sign_in_password").input("matkhau-dai")
    at.button[0].click().run()
    assert [t.value for t in at.title][0] == "Cơ cấu khen thưởng"
    assert at.session_state["account"].unit == UNIT
    # Signing out, on the account's page, brings the form back.
    [link] = at.sidebar.get("page_link")
    assert link.proto.label == "Tài khoản"
    at = visit(at, "tai-khoan")
    at.button(key="sign_out").click().run()
    assert [t.value for t in at.title] == ["Đăng nhập"]


def test_anonymous_viewing_is_a_setting(
    demo: tuple[Path, DemoProvince], access_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    path = access_file
    at = app_as(master, monkeypatch, None).run()
    assert [t.value for t in at.title] == ["Đăng nhập"]
    app_settings.set_setting(path, ADMIN, "anonymous", "1")
    at = app_as(master, monkeypatch, None).run()
    assert {m.label: m.value for m in headline(at)} == _expected(province.awards, 2025)
    at = open_tab(visit(at, "co-cau"), "dist_tab", "Danh sách khen thưởng")
    assert "Danh sách từng người, từng tập thể chỉ hiện khi đã đăng nhập." in [
        c.value for c in at.caption
    ]
    assert not [d for d in at.dataframe if "Họ tên / Tên tập thể" in d.value.columns]


def test_oidc_identity_is_mapped_to_an_account_by_email(
    demo: tuple[Path, DemoProvince], access_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    master, province = demo
    path = access_file
    monkeypatch.setenv("THIDUA_AUTH", "oidc")
    accounts.add_user(
        path, ADMIN, "soyte", None, "viewer", UNIT, email="canbo@syt.kiengiang.gov.vn"
    )
    at = app_as(master, monkeypatch, None)
    at.user = {"is_logged_in": True, "email": "Canbo@syt.kiengiang.gov.vn", "email_verified": True}
    at.run()
    assert not at.exception
    truth = province.awards.filter(pl.col("unit_name") == UNIT)
    assert {m.label: m.value for m in headline(at)} == _expected(truth, 2025)
    # The same address the provider has not verified proves nothing (issue 20).
    at = app_as(master, monkeypatch, None)
    at.user = {"is_logged_in": True, "email": "canbo@syt.kiengiang.gov.vn", "email_verified": False}
    at.run()
    assert not headline(at) and "chưa xác minh" in " ".join(e.value for e in at.error)
    # A person the identity provider knows but our list does not gets no access.
    at = app_as(master, monkeypatch, None)
    at.user = {"is_logged_in": True, "email": "nguoi.la@example.com", "email_verified": True}
    at.run()
    assert not headline(at) and "chưa được cấp quyền" in " ".join(e.value for e in at.error)


# --- the admin page ---------------------------------------------------------------------------
def test_admin_page_creates_accounts_changes_settings_and_shows_the_trail(
    demo: tuple[Path, DemoProvince], access_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    master, _ = demo
    path = access_file
    admin = accounts.sign_in(path, "quantri", "matkhau-dai")
    at = visit(app_as(master, monkeypatch, admin), "quan-tri")
    assert not at.exception and not at.error
    at.text_input(key="new_username").input("soyte")
    at.text_input(key="new_name").input("Cán bộ Sở Y tế")
    at.selectbox(key="new_scope").select(UNIT)
    at.text_input(key="new_password").input("matkhau-dai")
    at.button(key="FormSubmitter:user_add-Tạo tài khoản").click().run()
    # Messages quote what was typed as literal Markdown (thidua.literal).
    assert markdown("Đã tạo tài khoản «soyte».") in [s.value for s in at.success]
    made = accounts.get_user(path, "soyte")
    assert made is not None and (made.role, made.unit) == ("viewer", UNIT)
    # Only the open tab is drawn: the settings, then the trail, each opened as a reader would.
    assert not at.get("number_input")
    open_tab(at, "admin_tab", "Cài đặt").number_input(key="set_target").set_value(65).run()
    at.button(key="settings_save").click().run()
    assert app_settings.non_leader_target(path) == 0.65
    log = open_tab(at, "admin_tab", "Nhật ký thay đổi").dataframe[-1].value
    assert list(log["Việc"])[:3] == ["Đổi cài đặt", "Tạo tài khoản", "Đăng nhập"]
    assert list(log["Người thực hiện"])[:2] == ["quantri (Lê Quản Trị)"] * 2
    # Details in words, not the trail's keys (issue 21, 9: «role: analyst, unit: *»).
    made_row = list(log["Chi tiết"])[1]
    assert made_row == f"vai trò: Người xem, đơn vị: {UNIT}"
    assert list(log["Chi tiết"])[0] == "trước: 0.6, sau: 0.65"


def test_audit_details_are_written_in_words() -> None:
    assert audit.describe_detail(
        {"rows": 1234, "layout": "awards", "replaced_batch": None, "role": "analyst",
         "unit": "*", "too_long": True, "address": ""}
    ) == ("số dòng: 1.234, loại bảng: danh sách khen thưởng, vai trò: Chuyên viên, "
          "đơn vị: toàn tỉnh, trường quá dài: có")  # fmt: skip


# --- classification rules ---------------------------------------------------------------------
def test_admin_changes_the_rules_and_every_award_is_classified_again(where: Warehouse) -> None:
    """On a file and on a lake on each catalog (issue 22: there in the writers' turn, and the
    audit line in the lake's own store)."""
    from etl import rules
    from tests.conftest import TRUTH, rows_of

    source = SAMPLES / "so_khen_thuong_2021.csv"
    import_files([source], where, OPERATOR)
    truth = TRUTH[source.name]
    raw = pl.read_csv(source)
    team_leads = raw.filter(
        (pl.col("Đối tượng") == "Cá nhân") & (pl.col("Chức vụ") == "Tổ trưởng chuyên môn")
    ).height
    assert team_leads > 0

    def direct_workers() -> int:
        sql = "SELECT count(*) FROM awards WHERE recipient_kind = 'individual' AND NOT is_leader"
        return int(rows_of(where, sql)[0][0])

    def leader_figures() -> list[tuple[Any, ...]]:
        """The aggregates the pages read, which a change of rules must rebuild."""
        return rows_of(where, "SELECT is_leader, sum(n) FROM award_counts "
                              "WHERE recipient_kind = 'individual' GROUP BY ALL ORDER BY ALL")  # fmt: skip

    assert direct_workers() == truth["non_leader_individual"]
    current = rules.current_rules(where)
    # A viewer cannot, a wrong pattern is refused whole, and nothing moves.
    with pytest.raises(PermissionDenied):
        rules.save_rules(where, current, VIEWER)
    bad = pl.concat(
        [pl.DataFrame([("L_X", True, "(", "hỏng")], schema=current.schema, orient="row"), current]
    )
    refused = rules.save_rules(where, bad, ADMIN)
    assert refused.problems and refused.problems[0].startswith(
        "dòng 1 («L_X»): mẫu «(» không hợp lệ"
    )
    assert direct_workers() == truth["non_leader_individual"]
    # The board decides team leaders count as leaders: a rule ahead of the others.
    rule = pl.DataFrame(
        [("L_TO_TRUONG", True, "^to truong", "Tổ trưởng")], schema=current.schema, orient="row"
    )
    result = rules.save_rules(where, pl.concat([rule, current]), ADMIN)
    assert result.problems == [] and result.reclassified == team_leads
    assert direct_workers() == truth["non_leader_individual"] - team_leads
    leaders = truth["individual"] - truth["non_leader_individual"] + team_leads
    assert leader_figures() == [
        (False, truth["non_leader_individual"] - team_leads),
        (True, leaders),
    ]
    entry = audit.audit_log(warehouse.access_store(where), action="rules_change")[0]
    assert entry.who == ADMIN.signature and entry.detail["reclassified"] == team_leads
    # The next import classifies with the new rules too.
    import_files([SAMPLES / "qd_bang_khen_2020.xlsx"], where, OPERATOR)
    assert rules.current_rules(where)["rule_id"][0] == "L_TO_TRUONG"


def test_people_change_their_own_password_knowing_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "access.sqlite"
    accounts.add_user(path, None, "quantri", "matkhau-dai", "admin")
    accounts.add_user(path, ADMIN, "soyte", "matkhau-cu1", "viewer", UNIT)
    me = accounts.sign_in(path, "soyte", "matkhau-cu1")
    assert me is not None
    with pytest.raises(ValueError, match="Mật khẩu hiện tại không đúng"):
        accounts.change_own_password(path, me, "doan-sai-1", "matkhau-moi1")
    accounts.change_own_password(path, me, "matkhau-cu1", "matkhau-moi1")
    assert accounts.sign_in(path, "soyte", "matkhau-cu1") is None
    assert accounts.sign_in(path, "soyte", "matkhau-moi1") is not None
    # Nobody but an admin changes someone else's.
    with pytest.raises(PermissionDenied):
        accounts.set_password(path, me, "quantri", "matkhau-cua-toi")
    actions = [(e.who, e.action) for e in reversed(audit.audit_log(path))][2:]
    assert actions == [
        ("soyte", "sign_in"),
        ("soyte", "denied"),
        ("soyte", "password_change"),
        ("soyte", "sign_in_failed"),
        ("soyte", "sign_in"),
        ("soyte", "denied"),
    ]


def test_no_secret_or_account_file_can_be_committed() -> None:
    import subprocess

    root = Path(__file__).resolve().parent.parent
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [
        f for f in tracked if f.endswith((".sqlite", ".duckdb", "secrets.toml", ".pem", ".key"))
    ]
    ignored = subprocess.run(
        ["git", "check-ignore", "data/warehouse.access.sqlite", ".streamlit/secrets.toml",
         "data/warehouse.duckdb"],
        cwd=root, capture_output=True, text=True, check=False,
    ).stdout.split()  # fmt: skip
    assert ignored == [
        "data/warehouse.access.sqlite",
        ".streamlit/secrets.toml",
        "data/warehouse.duckdb",
    ]


def test_a_change_while_another_import_holds_the_warehouse_is_told_and_not_written(
    demo: tuple[Path, DemoProvince],
    access_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Another writer holds the master (here in this process, as another reader's upload on
    the same server would): the admin's alias is refused with a sentence, not an error
    trace, and nothing is written; once the writer is done the same change goes through."""
    import shutil

    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(demo[0], copy)
    db.publish_snapshot(copy)
    admin = accounts.sign_in(access_file, "quantri", "matkhau-dai")
    at = open_tab(
        visit(app_as(copy, monkeypatch, admin), "quan-tri"), "admin_tab", "Tên gọi đơn vị"
    )

    def add_alias_on_the_page() -> None:
        at.text_input(key="alias_text").input("Sở YT")
        at.selectbox(key="alias_unit").select(UNIT)
        at.button(key="FormSubmitter:alias_add-Thêm tên gọi").click().run()

    held = db.open_master(copy)
    try:
        add_alias_on_the_page()
    finally:
        held.close()
    assert not at.exception
    assert [e.value for e in at.error if "đang được một tiến trình khác mở để ghi" in e.value]
    with db.open_snapshot(copy) as con:
        assert con.execute("SELECT count(*) FROM unit_aliases").fetchone() == (0,)
    add_alias_on_the_page()
    assert not at.exception and not at.error
    assert markdown(f"Đã ghi nhận: «Sở YT» là {UNIT}.") in [s.value for s in at.success]
    with db.open_snapshot(copy) as con:
        assert con.execute("SELECT alias, unit_name FROM unit_aliases").fetchall() == [
            ("Sở YT", UNIT)
        ]
