"""Sign-in under hostile users (issue 20): wrong tries are slowed per name and address with
growing waits (a stranger cannot lock anyone out from their own machine, parallel tries
cannot slip past the count), unknown names cost the same work as known ones, over-long
fields are refused before anything reads them, hashes are made at today's scrypt cost and
old ones upgraded; a session ends at sign-out in every browser, at a password reset, and
after its idle and absolute lifetimes — checked on every run."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from demo_province import DemoProvince
from deploy import postgres_local
from tests.accounts import ADMIN
from tests.apptest import app_as, visit
from thidua import access, access_file, accounts, sessions
from thidua.access_file import AccessDatabase, AccessStore

PASSWORD = "matkhau-dai"


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> AccessStore:
    """The access store of a warehouse file (SQLite), and of a lake on PostgreSQL (issue 22:
    shared by every replica), each with its first admin."""
    store: AccessStore = tmp_path / "access.sqlite"
    if request.param == "postgres":
        cluster: postgres_local.Cluster = request.getfixturevalue("postgres")
        store = AccessDatabase(cluster.new_database("signin_" + uuid.uuid4().hex[:10]))
    accounts.add_user(store, None, "quantri", PASSWORD, "admin")
    return store


def _rewind_throttle(store: AccessStore, seconds: float) -> None:
    """As if the last wrong try were `seconds` earlier."""
    with access_file.connect(store) as con:
        for name, address, last in con.execute(
            "SELECT username, address, last_at FROM sign_in_throttle"
        ).fetchall():
            earlier = datetime.fromisoformat(last) - timedelta(seconds=seconds)
            con.execute(
                "UPDATE sign_in_throttle SET last_at = ? WHERE username = ? AND address = ?",
                [earlier.isoformat(), name, address],
            )


def test_waits_grow_after_three_free_tries_and_stop_at_fifteen_minutes() -> None:
    waits = [accounts.wait_after(n).total_seconds() for n in range(0, 16)]
    assert waits == [0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]


def test_wrong_tries_slow_that_address_only(store: AccessStore) -> None:
    for _ in range(3):
        assert accounts.sign_in(store, "quantri", "sai", "10.0.0.9") is None
    # The fourth try from the guesser's address waits — even with the right password.
    with pytest.raises(accounts.TooSoon) as wait:
        accounts.sign_in(store, "quantri", PASSWORD, "10.0.0.9")
    assert wait.value.seconds == 1
    # The admin at their own desk is not locked out by it.
    assert accounts.sign_in(store, "quantri", PASSWORD, "10.0.0.2") is not None
    # After the wait, the next wrong try doubles it (4 wrong: 2 s).
    _rewind_throttle(store, 1.5)
    assert accounts.sign_in(store, "quantri", "sai", "10.0.0.9") is None
    with pytest.raises(accounts.TooSoon) as wait:
        accounts.sign_in(store, "quantri", "sai", "10.0.0.9")
    assert wait.value.seconds == 2
    # A success from that address clears that name's count (not the address's: see below).
    _rewind_throttle(store, 3)
    assert accounts.sign_in(store, "quantri", PASSWORD, "10.0.0.9") is not None
    with access_file.connect(store) as con:
        assert con.execute("SELECT username, failures FROM sign_in_throttle").fetchall() == [
            ("*", 4)
        ]


def test_parallel_tries_cannot_slip_past_the_count(store: AccessStore) -> None:
    """Eight wrong tries sent at once from one address: three are heard, five must wait."""
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def attempt() -> None:
        start.wait()
        try:
            outcomes.append(
                "none" if accounts.sign_in(store, "quantri", "sai", "10.0.0.9") is None else "in"
            )
        except accounts.TooSoon:
            outcomes.append("wait")

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["none"] * 3 + ["wait"] * 5
    with access_file.connect(store) as con:
        failures = con.execute(
            "SELECT failures FROM sign_in_throttle WHERE username = 'quantri'"
        ).fetchall()
        audited = con.execute(
            "SELECT count(*) FROM audit WHERE action = 'sign_in_failed'"
        ).fetchone()
    assert failures == [(3,)] and audited == (3,)


def test_made_up_names_from_one_address_share_a_budget_capped_at_a_minute(
    store: AccessStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A guesser cycling through names gets twenty hashes from one address, then growing
    waits: no more than a minute, so an office behind the same address is slowed, not shut
    out. Another address is untouched."""
    access._decoy()
    costs = _counting_scrypt(monkeypatch)
    for i in range(20):
        assert accounts.sign_in(store, f"khach{i}", "sai", "10.0.0.9") is None
    assert len(costs) == 20
    with pytest.raises(accounts.TooSoon) as wait:
        accounts.sign_in(store, "khach-moi", "sai", "10.0.0.9")
    assert (wait.value.seconds, wait.value.whole_address) == (1, True)
    # Even the right password waits: telling it apart would take the hash the wait saves.
    with pytest.raises(accounts.TooSoon):
        accounts.sign_in(store, "quantri", PASSWORD, "10.0.0.9")
    assert len(costs) == 20
    assert accounts.sign_in(store, "quantri", PASSWORD, "10.0.0.2") is not None
    waits = [accounts.address_wait_after(n).total_seconds() for n in range(19, 30)]
    assert waits == [0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]
    # Fifteen quiet minutes and the address starts afresh.
    _rewind_throttle(store, 15 * 60 + 1)
    assert accounts.sign_in(store, "quantri", PASSWORD, "10.0.0.9") is not None


def _counting_scrypt(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every scrypt the sign-in computes, by its cost N."""
    costs: list[int] = []
    real: Callable[..., bytes] = hashlib.scrypt

    def scrypt(password: bytes, **kwargs: Any) -> bytes:
        costs.append(int(kwargs["n"]))
        return real(password, **kwargs)

    monkeypatch.setattr(access.hashlib, "scrypt", scrypt)
    return costs


def test_an_unknown_name_costs_the_same_work_as_a_wrong_password(
    store: AccessStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    access._decoy()  # made once per process, before the counting starts
    costs = _counting_scrypt(monkeypatch)
    assert accounts.sign_in(store, "quantri", "sai", "10.0.0.1") is None
    known = list(costs)
    costs.clear()
    assert accounts.sign_in(store, "khong-co-ai", "sai", "10.0.0.1") is None
    assert known == costs == [2**17]


def test_over_long_fields_are_refused_before_anything_reads_them(
    store: AccessStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    costs = _counting_scrypt(monkeypatch)
    huge = "a" * 5_000_000
    assert accounts.sign_in(store, huge, PASSWORD, "10.0.0.1") is None
    assert accounts.sign_in(store, "quantri", "x" * (access.MAX_PASSWORD + 1), "10.0.0.1") is None
    assert costs == []  # no hash computed
    with access_file.connect(store) as con:
        rows = con.execute(
            "SELECT who, target, length(detail) FROM audit WHERE action = 'sign_in_failed'"
        ).fetchall()
    assert [(who, target) for who, target, _ in rows] == [("a" * 64, "a" * 64), ("quantri",) * 2]
    assert max(size for _, _, size in rows) < 200  # the 5 MB never reached the trail


def test_hashes_are_made_at_todays_cost_and_old_ones_upgraded_at_sign_in(
    store: AccessStore,
) -> None:
    salt = secrets.token_bytes(16)
    old = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    with access_file.connect(store) as con:
        con.execute(
            "UPDATE users SET password_hash = ? WHERE username = 'quantri'",
            [f"scrypt$16384$8$1${salt.hex()}${old.hex()}"],
        )
    assert accounts.sign_in(store, "quantri", PASSWORD, "10.0.0.1") is not None
    with access_file.connect(store) as con:
        [(stored,)] = con.execute("SELECT password_hash FROM users").fetchall()
    assert stored.split("$")[1:4] == ["131072", "8", "1"]
    assert access.verify_password(PASSWORD, stored)
    assert accounts.sign_in(store, "quantri", PASSWORD, "10.0.0.1") is not None


def test_sign_out_ends_the_persons_sessions_in_every_browser(store: AccessStore) -> None:
    accounts.add_user(store, ADMIN, "soyte", PASSWORD, "viewer", "Sở Y tế")
    admin = accounts.current(store, "quantri")
    person = accounts.current(store, "soyte")
    assert admin is not None and person is not None
    office, home, other = (sessions.open_session(store, a) for a in (person, person, admin))
    assert sessions.close_session(store, office) == 2
    assert sessions.session_account(store, home) is None
    assert sessions.session_account(store, other) == admin  # someone else's stays


def test_a_password_reset_ends_sessions_and_a_change_keeps_only_this_browser(
    store: AccessStore,
) -> None:
    accounts.add_user(store, ADMIN, "soyte", PASSWORD, "viewer", "Sở Y tế")
    person = accounts.current(store, "soyte")
    assert person is not None
    here, there = sessions.open_session(store, person), sessions.open_session(store, person)
    accounts.change_own_password(store, person, PASSWORD, "matkhau-moi1", keep=here)
    assert sessions.session_account(store, here) == person
    assert sessions.session_account(store, there) is None
    accounts.set_password(store, ADMIN, "soyte", "matkhau-moi2")  # the admin resets it
    assert sessions.session_account(store, here) is None


def test_idle_and_absolute_lifetimes(store: AccessStore) -> None:
    admin = accounts.current(store, "quantri")
    assert admin is not None
    idle, old, fresh = (sessions.open_session(store, admin) for _ in range(3))
    now = datetime.now(UTC)
    with access_file.connect(store) as con:
        set_ = "UPDATE sessions SET {} = ? WHERE token_sha256 = ?"
        con.execute(set_.format("last_seen"), [(now - timedelta(minutes=61)).isoformat(timespec="seconds"), hashlib.sha256(idle.encode()).hexdigest()])  # fmt: skip
        con.execute(set_.format("expires_at"), [(now - timedelta(seconds=5)).isoformat(timespec="seconds"), hashlib.sha256(old.encode()).hexdigest()])  # fmt: skip
    assert sessions.session_account(store, idle) is None
    assert sessions.session_account(store, old) is None
    assert sessions.session_account(store, fresh) == admin
    with access_file.connect(store) as con:
        assert con.execute("SELECT count(*) FROM sessions").fetchone() == (1,)  # both ended


def test_an_access_file_from_before_idle_lifetimes_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as con:
        con.execute(
            "CREATE TABLE sessions (token_sha256 TEXT PRIMARY KEY, username TEXT NOT NULL, "
            "created_at TEXT NOT NULL, expires_at TEXT NOT NULL)"
        )
    accounts.add_user(path, None, "quantri", PASSWORD, "admin")
    admin = accounts.current(path, "quantri")
    assert admin is not None
    assert sessions.session_account(path, sessions.open_session(path, admin)) == admin


def test_a_session_ended_elsewhere_ends_this_browsers_next_step(
    demo: tuple[Path, DemoProvince], access_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two browsers of one person; signing out in one brings the sign-in form to the other
    at its next click (the server checks the session on every run)."""
    master, _ = demo
    accounts.add_user(access_file, ADMIN, "soyte", PASSWORD, "viewer", "Sở Y tế")
    browsers = []
    for _ in range(2):
        at = visit(app_as(master, monkeypatch, None), "tong-quan")
        at.text_input(key="sign_in_user").input("soyte")
        at.text_input(key="sign_in_password").input(PASSWORD)
        at.button[0].click().run()
        assert [t.value for t in at.title] != ["Đăng nhập"]
        browsers.append(at)
    office, home = browsers
    office = visit(office, "tai-khoan")
    office.button(key="sign_out").click().run()
    assert [t.value for t in office.title] == ["Đăng nhập"]
    home.run()
    assert [t.value for t in home.title] == ["Đăng nhập"]


def test_the_form_says_when_this_machine_must_wait(
    demo: tuple[Path, DemoProvince], access_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty wrong tries of made-up names from this machine (AppTest's address is «?»):
    the next one, whatever the name, is told to wait — in words, without a hash."""
    master, _ = demo
    with sqlite3.connect(access_file) as con:  # as the twenty tries leave it (tested above)
        con.execute(
            "INSERT INTO sign_in_throttle VALUES ('*', '?', ?, ?)",
            [accounts.ADDRESS_FREE_TRIES, datetime.now(UTC).isoformat()],
        )
    at = visit(app_as(master, monkeypatch, None), "tong-quan")
    at.text_input(key="sign_in_user").input("ai-do")
    at.text_input(key="sign_in_password").input("sai-mat-khau")
    at.button[0].click().run()
    assert [e.value for e in at.error] == [
        "Từ máy này vừa có nhiều lần đăng nhập sai; hãy thử lại sau 1 giây."
    ]


def test_an_identity_providers_unverified_email_matches_no_account(store: AccessStore) -> None:
    accounts.add_user(store, ADMIN, "soyte", None, "viewer", "Sở Y tế", email="soyte@example.vn")
    assert accounts.account_for_email(store, "SoYTe@example.vn", verified=False) is None
    found = accounts.account_for_email(store, "SoYTe@example.vn", verified=True)
    assert found is not None and found.username == "soyte"


def test_the_oidc_client_is_installed() -> None:
    """st.login needs Authlib (and its HTTP client); without them the province's sign-in
    button failed at the first click."""
    from streamlit.auth_util import is_authlib_installed

    assert is_authlib_installed()
    from authlib.integrations import starlette_client  # noqa: F401 — what st.login imports


def test_a_handoff_code_gives_its_token_once_within_its_minute(store: AccessStore) -> None:
    """The browser is sent to /phien/vao with a code, not the token (asgi.py sets the cookie)."""
    admin = accounts.current(store, "quantri")
    assert admin is not None
    token = sessions.open_session(store, admin)
    code = sessions.handoff(store, token)
    assert code != token and token not in code
    assert sessions.take_handoff(store, code) == token
    assert sessions.take_handoff(store, code) is None  # used
    late = sessions.handoff(store, token)
    with access_file.connect(store) as con:
        con.execute(
            "UPDATE session_handoffs SET expires_at = ?",
            [(datetime.now(UTC) - timedelta(seconds=1)).isoformat(timespec="seconds")],
        )
    assert sessions.take_handoff(store, late) is None  # expired
    assert sessions.take_handoff(store, "") is None
