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
