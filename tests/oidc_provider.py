"""A small OpenID Connect provider on loopback for the test suite: discovery, authorize
(signs the person in at once, as the configured identity), token (an RS256 id_token with
the nonce it was asked for), JWKS and userinfo. Enough for Streamlit's st.login (Authlib)
to go through the whole code flow against it — a stand-in for the province's Keycloak."""

from __future__ import annotations

import contextlib
import json
import secrets
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID, CLIENT_SECRET = "thidua", "bi-mat-cua-ung-dung"


@dataclass
class Provider:
    url: str
    # Who signs in next: the claims the id_token carries (email, email_verified…).
    person: dict[str, Any] = field(default_factory=dict)
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, parameters={"kid": "k1", "use": "sig", "alg": "RS256"}))  # fmt: skip
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens_issued: int = 0


def _handler(provider: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _json(self, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 — the standard library's name
            path, _, query = self.path.partition("?")
            asked = dict(urllib.parse.parse_qsl(query))
            if path == "/.well-known/openid-configuration":
                self._json({
                    "issuer": provider.url,
                    "authorization_endpoint": f"{provider.url}/authorize",
                    "token_endpoint": f"{provider.url}/token",
                    "jwks_uri": f"{provider.url}/jwks",
                    "userinfo_endpoint": f"{provider.url}/userinfo",
                    "response_types_supported": ["code"],
                    "subject_types_supported": ["public"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                })  # fmt: skip
            elif path == "/jwks":
                self._json({"keys": [provider.key.as_dict(private=False)]})
            elif path == "/authorize":
                code = secrets.token_urlsafe(16)
                provider.codes[code] = {"nonce": asked.get("nonce"), **provider.person}
                back = (
                    asked["redirect_uri"]
                    + "?"
                    + urllib.parse.urlencode({"code": code, "state": asked.get("state", "")})
                )
                self.send_response(302)
                self.send_header("Location", back)
                self.end_headers()
            elif path == "/userinfo":
                self._json({k: v for k, v in provider.person.items()})
            else:
                self.send_error(404)

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            form = dict(urllib.parse.parse_qsl(body))
            claims = provider.codes.pop(form.get("code", ""), None)
            if self.path != "/token" or claims is None:
                self.send_error(400)
                return
            now = int(time.time())
            nonce = claims.pop("nonce", None)
            id_claims = {"iss": provider.url, "aud": CLIENT_ID, "sub": claims.get("email", "x"),
                         "iat": now, "exp": now + 300, **({"nonce": nonce} if nonce else {}), **claims}  # fmt: skip
            provider.tokens_issued += 1
            self._json({
                "access_token": secrets.token_urlsafe(16), "token_type": "Bearer", "expires_in": 300,
                "id_token": jwt.encode({"alg": "RS256", "kid": "k1"}, id_claims, provider.key),
            })  # fmt: skip

    return Handler


@contextlib.contextmanager
def oidc_provider() -> Iterator[Provider]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    provider = Provider(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()


def secrets_toml(provider: Provider, app_port: int) -> str:
    """The [auth] section a province writes for its identity provider."""
    return (
        "[auth]\n"
        f'redirect_uri = "http://localhost:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(16)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"\n'
    )
