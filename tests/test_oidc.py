"""Sign-in with the province's identity provider (issue 20), end to end: a small OIDC
provider on loopback (tests/oidc_provider.py), the server started as `make serve` does with
THIDUA_AUTH=oidc and an [auth] section, and Chromium going through the whole code flow.
An account is found by the e-mail only when the provider says it verified it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from demo_province import DemoProvince
from tests.browser import (
    _free_port,
    browser_page,
    ensure_accounts,
    serve_script,
    settle,
    skip_without_chromium,
)
from tests.oidc_provider import Provider, oidc_provider, secrets_toml
from thidua import access_file, accounts
from thidua.access import PROVINCE, Account

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
EMAIL = "canbo@syt.kiengiang.gov.vn"

skip_without_chromium()


@contextlib.contextmanager
def _served_with(provider: Provider, master: Path, home: Path) -> Iterator[str]:
    """The server as `make serve` runs it, with the province's [auth] section in its secrets."""
    port = _free_port()
    (home / ".streamlit").mkdir(parents=True, exist_ok=True)
    (home / ".streamlit" / "secrets.toml").write_text(secrets_toml(provider, port))
    env = {**os.environ, "HOME": str(home), "THIDUA_DB": str(master), "THIDUA_AUTH": "oidc"}
    with serve_script(["serve.py"], env, port, host="localhost") as (url, _):
        yield url


def _sign_in_with_the_provider(page: Any, url: str, awaited: str) -> str:
    """Through the provider and back; the page's text once `awaited` is drawn on it."""
    page.goto(url + "/co-cau")
    settle(page)
    page.get_by_role("button", name="Đăng nhập bằng tài khoản của tỉnh").click()
    page.wait_for_url(url + "/**", timeout=60_000)
    page.get_by_text(awaited).first.wait_for(timeout=60_000)
    settle(page)
    return str(page.inner_text("body"))


def test_the_whole_oidc_flow_signs_in_a_verified_email_only(
    demo: tuple[Path, DemoProvince], tmp_path: Path
) -> None:
    master, _ = demo
    ensure_accounts(master)
    path = access_file.access_path(master)
    if accounts.get_user(path, "oidc-soyte") is None:
        admin = Account("quantri", "admin", PROVINCE)
        accounts.add_user(path, admin, "oidc-soyte", None, "viewer", "Sở Y tế", email=EMAIL)
    with oidc_provider() as provider, _served_with(provider, master, tmp_path) as url:
        provider.person = {"email": EMAIL.upper(), "email_verified": True, "name": "Cán bộ"}
        with browser_page(1600, 900) as page:
            shown = _sign_in_with_the_provider(page, url, "Phạm vi: Sở Y tế")
            assert provider.tokens_issued == 1
            assert (
                "Phạm vi: Sở Y tế" in shown
                and "Đăng nhập" not in page.locator("h1").all_inner_texts()
            )
        provider.person = {"email": EMAIL, "email_verified": False}
        with browser_page(1600, 900) as page:
            shown = _sign_in_with_the_provider(page, url, "chưa xác minh địa chỉ")
            assert provider.tokens_issued == 2
            assert "chưa xác minh địa chỉ" in shown and "Phạm vi: Sở Y tế" not in shown
