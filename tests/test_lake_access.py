"""Issue 22: on a lake on PostgreSQL, accounts, sessions, settings and the audit trail live in
that PostgreSQL, so every replica behind the load balancer sees one sign-in, one revocation
and one audit trail. A "replica" here is another Python process with its own connections."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from deploy import postgres_local
from etl.cli import main
from tests.browser import ROOT
from thidua import access_file, accounts, app_settings, audit, lake, sessions, warehouse

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def pg_lake(
    postgres: postgres_local.Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> lake.Lake:
    """A lake of its own; THIDUA_ACCESS_DB points elsewhere to show it is not what is used."""
    database = postgres.new_database("access_" + uuid.uuid4().hex[:8])
    monkeypatch.setenv("THIDUA_LAKE_DATA", str(tmp_path / "data") + "/")
    monkeypatch.setenv("THIDUA_ACCESS_DB", str(tmp_path / "not-this.sqlite"))
    return lake.lake_of(f"ducklake:postgres:{database}", str(tmp_path / "data") + "/")


def _replica(where: lake.Lake, code: str) -> str:
    """Run `code` in another process (another replica), with `store` the lake's access store;
    what it prints."""
    prelude = (
        "from thidua import accounts, app_settings, audit, lake, sessions, warehouse\n"
        f"store = warehouse.access_store(lake.lake_of({where.address!r}, {where.data_path!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_a_sign_in_a_revocation_and_the_audit_trail_are_shared_by_every_replica(
    pg_lake: lake.Lake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The first admin, from the command line as a deployment makes it: into PostgreSQL.
    sys_stdin = sys.stdin
    try:
        sys.stdin = _Lines("mat-khau-quan-tri\n")
        assert (
            main(
                [
                    "--db",
                    pg_lake.address,
                    "user",
                    "add",
                    "quantri",
                    "--role",
                    "admin",
                    "--password-stdin",
                ]
            )
            == 0
        )
    finally:
        sys.stdin = sys_stdin
    assert "Đã tạo tài khoản «quantri» (Quản trị viên" in capsys.readouterr().out
    store = warehouse.access_store(pg_lake)
    assert isinstance(store, access_file.AccessDatabase)
    admin = accounts.sign_in(store, "quantri", "mat-khau-quan-tri", "10.0.0.1")
    assert admin is not None and admin.role == "admin"
    accounts.add_user(store, admin, "xem", "mat-khau-nguoi-xem", "viewer", unit="Sở Y tế")

    # Replica A (this process) signs the viewer in; replica B reads the same session.
    viewer = accounts.sign_in(store, "xem", "mat-khau-nguoi-xem", "10.0.0.2")
    assert viewer is not None
    token = sessions.open_session(store, viewer)
    seen = _replica(
        pg_lake,
        f"a = sessions.session_account(store, {token!r})\nprint(a.username, a.role, a.unit)",
    )
    assert seen == "xem viewer Sở Y tế"

    # Replica B locks the account: the session ends on replica A at its next click.
    _replica(pg_lake, "admin = accounts.current(store, 'quantri')\n"
             "accounts.update_user(store, admin, 'xem', active=False)")  # fmt: skip
    assert sessions.session_account(store, token) is None
    assert accounts.sign_in(store, "xem", "mat-khau-nguoi-xem", "10.0.0.2") is None

    # An admin setting changed on one replica is the other's at once.
    app_settings.set_setting(store, admin, "non_leader_target", "0.65")
    assert _replica(pg_lake, "print(app_settings.non_leader_target(store))") == "0.65"

    # Wrong passwords from one address count together whichever replica heard them.
    for _ in range(2):
        assert accounts.sign_in(store, "quantri", "sai", "10.0.0.9") is None
    _replica(pg_lake, "assert accounts.sign_in(store, 'quantri', 'sai', '10.0.0.9') is None")
    with access_file.connect(store) as con:
        failures = con.execute(accounts.SQL["throttle_of"], ["quantri", "10.0.0.9"]).fetchone()
    assert failures[0] == 3  # the next try from there waits (accounts.wait_after)

    # One audit trail, newest first, whoever wrote each line; the CLI reads it too.
    trail = [(e.action, e.target) for e in audit.audit_log(store)]
    assert trail == [
        ("sign_in_failed", "quantri"),
        ("sign_in_failed", "quantri"),
        ("sign_in_failed", "quantri"),
        ("setting_change", "non_leader_target"),
        ("sign_in_failed", "xem"),
        ("user_remove", "xem"),
        ("sign_in", "xem"),
        ("user_add", "xem"),
        ("sign_in", "quantri"),
        ("user_add", "quantri"),
    ]
    assert main(["--db", pg_lake.address, "audit", "--limit", "3"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 3 and all("Đăng nhập sai: quantri" in line for line in printed)
    # Nothing was written to THIDUA_ACCESS_DB or beside anything on this machine.
    assert not (tmp_path / "not-this.sqlite").exists()
    assert not list(tmp_path.rglob("*.sqlite"))


def test_replicas_starting_at_once_make_the_tables_once(pg_lake: lake.Lake) -> None:
    """Six servers starting together against a new PostgreSQL: each makes sure of the tables
    (CREATE … IF NOT EXISTS alone collides in PostgreSQL's catalog); all go on."""
    code = (
        "import sys\n"
        "from thidua import lake, warehouse, accounts\n"
        f"w = lake.lake_of({pg_lake.address!r}, {pg_lake.data_path!r})\n"
        "print(accounts.has_users(warehouse.access_store(w)))\n"
    )
    started = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for _ in range(6)
    ]
    said = [p.communicate(timeout=120) for p in started]
    assert [out.strip() for out, _ in said] == ["False"] * 6, [err[-800:] for _, err in said]


class _Lines:
    """A stdin holding given text (the CLI reads a password with --password-stdin)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines(keepends=True)

    def readline(self) -> str:
        return self.lines.pop(0) if self.lines else ""


def test_the_servers_own_addresses_answer_503_while_the_accounts_postgres_is_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The upload gate, the session hand-off and the slide downloads need the accounts: with
    the lake's PostgreSQL down they say so (503, in Vietnamese), not a bare 500."""
    import asyncio

    from starlette.requests import Request

    import asgi

    down = access_file.AccessDatabase("dbname=thidua host=127.0.0.1 port=1 connect_timeout=2")
    monkeypatch.setattr(asgi, "_access_store", lambda: down)
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    async def never(scope: object, receive: object, send: object) -> None:
        raise AssertionError("the upload reached Streamlit")

    def scope(path: str, query: bytes = b"") -> dict[str, object]:
        return {"type": "http", "method": "GET", "path": path, "query_string": query,
                "headers": [(b"cookie", b"thidua_phien=abc")], "scheme": "http",
                "server": ("127.0.0.1", 8501), "root_path": ""}  # fmt: skip

    asyncio.run(asgi.UploadsOnlySignedIn(never)(scope("/_stcore/upload_file/x"), receive, send))
    handed = asyncio.run(asgi.session_in(Request(scope("/phien/vao", b"ma=abc"), receive)))
    request = Request(scope("/xuat/abc.pdf"), receive)
    request.scope["path_params"] = {"name": "abc.pdf"}
    exported = asyncio.run(asgi.exported(request))
    statuses = [sent[0]["status"], handed.status_code, exported.status_code]
    assert statuses == [503, 503, 503]
    assert bytes(exported.body).decode() == (
        "Máy chủ tài khoản (PostgreSQL của kho) không trả lời; hãy thử lại sau ít phút."
    )


def test_a_page_says_when_the_accounts_postgres_is_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A visitor of a dashboard whose lake's PostgreSQL does not answer reads why, not a
    traceback."""
    from tests.apptest import app_as

    monkeypatch.setenv("THIDUA_LAKE_DATA", str(tmp_path / "data") + "/")
    at = app_as("ducklake:postgres:dbname=thidua host=127.0.0.1 port=1", monkeypatch, None)
    at.run()
    assert not at.exception, at.exception
    [error] = at.error
    assert error.value.startswith(
        "Không kết nối được PostgreSQL giữ tài khoản, phiên đăng nhập và nhật ký của kho "
        "(PostgreSQL (dbname=thidua host=127.0.0.1 port=1), lược đồ thidua_access): "
    )
    assert error.value.endswith(" Hãy báo quản trị viên.")
