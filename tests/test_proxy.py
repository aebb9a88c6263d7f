"""The reverse proxy a province puts in front (issue 20): deploy/nginx-thidua.conf, run by
Debian's nginx on loopback in front of the app, ends TLS, sends the browser-side
protections (CSP with frame-ancestors, HSTS, nosniff), refuses an upload over the app's
limit before it reaches the app, redirects plain HTTP — and a page loads through it in
Chromium, WebSocket and all."""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo_province import DemoProvince
from tests.browser import _free_port, browser_page, chromium_available, serve, settle

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx-thidua.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

if not (chromium_available() and Path(NGINX).exists()):
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError("REQUIRE_BROWSER is set but Chromium or nginx is missing")
    pytest.skip("Chromium or nginx is not installed", allow_module_level=True)


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@contextlib.contextmanager
def _nginx(folder: Path, app_url: str) -> Iterator[tuple[int, int]]:
    """deploy/nginx-thidua.conf with this test's ports, name and certificate."""
    cert, key = _certificate(folder)
    http_port, https_port = _free_port(), _free_port()
    site = (
        SITE.read_text()
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
        .replace("thidua.example.vn", "localhost")
        .replace("/etc/ssl/certs/thidua.pem", str(cert))
        .replace("/etc/ssl/private/thidua.key", str(key))
        .replace("http://127.0.0.1:8501", app_url)
    )
    (folder / "site.conf").write_text(site)
    temp = "".join(f"{kind}_temp_path {folder / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    (folder / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\ndaemon off;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'};\nevents {{}}\n"
        f"http {{\naccess_log off;\n{temp}include {folder / 'site.conf'};\n}}\n"
    )
    process = subprocess.Popen([NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder)])
    try:
        for _ in range(100):
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", https_port), 0.2),
            ):
                break
            time.sleep(0.1)
        yield http_port, https_port
    finally:
        process.terminate()
        process.wait(10)


def _insecure() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test's own certificate
    return context


def test_the_dashboard_through_nginx(demo: tuple[Path, DemoProvince], tmp_path: Path) -> None:
    master, _ = demo
    with serve(master, THIDUA_ANONYMOUS="1") as app_url, _nginx(tmp_path, app_url) as (plain, tls):
        secure = http.client.HTTPSConnection("localhost", tls, context=_insecure(), timeout=30)
        secure.request("GET", "/")
        answer = secure.getresponse()
        answer.read()
        assert answer.status == 200
        csp = answer.getheader("Content-Security-Policy") or ""
        assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
        assert "img-src 'self' data: blob:" in csp  # no picture from outside
        assert answer.getheader("Strict-Transport-Security") == "max-age=31536000"
        assert answer.getheader("X-Content-Type-Options") == "nosniff"
        assert "nginx/" not in (answer.getheader("Server") or "")

        # An upload over the app's 50 MB is refused by nginx on its length alone.
        secure.putrequest("POST", "/_stcore/upload_file/x/y")
        secure.putheader("Content-Length", str(51 * 1024 * 1024))
        secure.putheader("Content-Type", "application/octet-stream")
        secure.endheaders()
        too_big = secure.getresponse()
        assert too_big.status == 413
        secure.close()

        redirect = http.client.HTTPConnection("127.0.0.1", plain, timeout=30)
        redirect.request("GET", "/tong-quan", headers={"Host": "localhost"})
        moved = redirect.getresponse()
        assert moved.status == 301
        assert moved.getheader("Location") == "https://localhost/tong-quan"

        # A leader's browser: the page and its WebSocket through TLS, under the CSP.
        with browser_page(1366, 800) as page:
            page.context.close()
            context = page.context.browser.new_context(ignore_https_errors=True)
            tab = context.new_page()
            blocked: list[str] = []
            tab.on(
                "console",
                lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
            )
            tab.goto(f"https://localhost:{tls}/")
            settle(tab)
            assert "Tổng số lượt khen thưởng" in tab.locator("[data-testid=stMain]").inner_text()
            assert blocked == []
