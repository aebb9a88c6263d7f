"""Sign-in with the province's identity provider (issue 20), end to end: a small OIDC
provider on loopback (tests/oidc_provider.py), the server started as `make serve` does with
THIDUA_AUTH=oidc and an [auth] section, and Chromium going through the whole code flow.
An account is found by the e-mail only when the provider says it verified it."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo_province import DemoProvince
from tests.browser import _free_port, browser_page, chromium_available, ensure_accounts, settle
from tests.oidc_provider import Provider, oidc_provider, secrets_toml
from thidua import store
from thidua.access import PROVINCE, Account

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
EMAIL = "canbo@syt.kiengiang.gov.vn"

if not chromium_available():
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError("REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
    pytest.skip("Chromium is not installed", allow_module_level=True)


@contextlib.contextmanager
def _served_with(provider: Provider, master: Path, home: Path) -> Iterator[str]:
    port = _free_port()
    (home / ".streamlit").mkdir(parents=True, exist_ok=True)
    (home / ".streamlit" / "secrets.toml").write_text(secrets_toml(provider, port))
    env = {**os.environ, "HOME": str(home), "THIDUA_DB": str(master), "THIDUA_AUTH": "oidc"}
    process = subprocess.Popen(
        [sys.executable, "serve.py", "--server.headless", "true", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://localhost:{port}"
    try:
        for _ in range(120):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _sign_in_with_the_provider(page: object, url: str) -> str:
    page.goto(url + "/co-cau")  # type: ignore[attr-defined]
    settle(page)
    page.get_by_role("button", name="Đăng nhập bằng tài khoản của tỉnh").click()  # type: ignore[attr-defined]
    page.wait_for_url(url + "/**", timeout=60_000)  # type: ignore[attr-defined]
    settle(page)
    return str(page.inner_text("body"))  # type: ignore[attr-defined]


def test_the_whole_oidc_flow_signs_in_a_verified_email_only(
    demo: tuple[Path, DemoProvince], tmp_path: Path
) -> None:
    master, _ = demo
    ensure_accounts(master)
    path = store.access_path(master)
    if store.get_user(path, "oidc-soyte") is None:
        admin = Account("quantri", "admin", PROVINCE)
        store.add_user(path, admin, "oidc-soyte", None, "viewer", "Sở Y tế", email=EMAIL)
    with oidc_provider() as provider, _served_with(provider, master, tmp_path) as url:
        provider.person = {"email": EMAIL.upper(), "email_verified": True, "name": "Cán bộ"}
        with browser_page(1600, 900) as page:
            shown = _sign_in_with_the_provider(page, url)
            assert provider.tokens_issued == 1
            assert (
                "Phạm vi: Sở Y tế" in shown
                and "Đăng nhập" not in page.locator("h1").all_inner_texts()
            )
        provider.person = {"email": EMAIL, "email_verified": False}
        with browser_page(1600, 900) as page:
            shown = _sign_in_with_the_provider(page, url)
            assert provider.tokens_issued == 2
            assert "chưa xác minh địa chỉ" in shown and "Phạm vi: Sở Y tế" not in shown
