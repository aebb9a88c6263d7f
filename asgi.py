"""The dashboard as an ASGI application: app.py under Streamlit, plus what only the server
can do. `serve.py` runs it (`streamlit run asgi.py`).

- /phien/vao?ma=…&den=/… — after a sign-in, the page sends the browser here with a one-time
  code (valid for a minute, single use); the server answers with the session cookie set
  HttpOnly (page scripts cannot read it), SameSite=Strict, Secure over https, and sends the
  browser back to the page it was on. The session token itself is never in an address.
- /phien/ra — sign-out clears the cookie (the sessions themselves are ended in thidua.sessions).
- /xuat/<key>.zip and /xuat/<key>.pdf — a slide export (thidua.slide_export keeps each once,
  as files), for a signed-in account of the scope it was made for.
- Uploads (/_stcore/upload_file/…) are refused before their body is read unless the
  request carries the session cookie of an account that may import: nobody signed out can
  make the server take a file.
- The page itself (Streamlit's index.html) says where the server is, that it is in
  Vietnamese, and carries the script that puts Streamlit's own English words into
  Vietnamese, the style of the pages' tab links, and asks early for the code that draws
  charts (ui.page_shell).
- Once nobody has had a page open for a while, the memory the crowd left free in the heap
  goes back to the system (thidua.allocator).
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import Any

# Imported whole here, before any session's thread runs: plotly looks pandas up in
# sys.modules without importing it, so a chart drawn while another session's thread is
# still importing pandas met a half-made module and the page failed (seen under load).
import pandas  # noqa: F401
import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from thidua import allocator, sessions, slide_export, warehouse
from thidua.access_file import AccessStore, StoreUnavailable
from ui.page_shell import PageShell

COOKIE = sessions.SESSION_COOKIE
_UPLOADS = "/_stcore/upload_file"


def _access_store() -> AccessStore:
    return warehouse.access_store(warehouse.chosen())  # a file, or the lake's PostgreSQL


def _back_to(target: str | None) -> str:
    """Only a path of this site: «/tra-cuu?…», never «//other.site» or «http://…»."""
    target = (target or "/")[:2000]
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


# What an address that needs the accounts answers while a lake's PostgreSQL does not.
_STORE_DOWN = "Máy chủ tài khoản (PostgreSQL của kho) không trả lời; hãy thử lại sau ít phút."


async def session_in(request: Request) -> Response:
    code = (request.query_params.get("ma") or "")[:100]
    try:
        token = await run_in_threadpool(sessions.take_handoff, _access_store(), code)
    except StoreUnavailable:
        return PlainTextResponse(_STORE_DOWN, 503)
    response = RedirectResponse(_back_to(request.query_params.get("den")), status_code=303)
    if token:
        response.set_cookie(
            COOKIE, token, max_age=sessions.SESSION_HOURS * 3600, path="/", httponly=True,
            samesite="strict", secure=request.url.scheme == "https",
        )  # fmt: skip
    return response


async def session_out(request: Request) -> Response:
    response = RedirectResponse(_back_to(request.query_params.get("den")), status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


EXPORT_KINDS = {"zip": "application/zip", "pdf": "application/pdf"}


async def exported(request: Request) -> Response:
    key, _, kind = request.path_params["name"].partition(".")
    try:
        account = await run_in_threadpool(
            sessions.session_account, _access_store(), _cookie_of(request.scope)
        )
    except StoreUnavailable:
        return PlainTextResponse(_STORE_DOWN, 503)
    if account is None:
        return PlainTextResponse("Cần đăng nhập để tải bản xuất trình chiếu.", 403)
    made = slide_export.kept(key) if kind in EXPORT_KINDS else None
    if made is None or made.scope != account.unit:
        return PlainTextResponse(
            "Bản xuất này không còn trên máy chủ: hãy bấm «Tạo ảnh PNG (1920×1080) và tệp PDF» "
            "ở trang Trình chiếu lần nữa.",
            404,
        )
    return FileResponse(
        made.file(kind),
        media_type=EXPORT_KINDS[kind],
        filename=f"{made.name}.{kind}",
        headers={"Cache-Control": "private, no-store"},
    )


class UploadsOnlySignedIn:
    """ASGI middleware: an upload request without the cookie of an account that may import
    is answered 403 before its body is read."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        uploading = scope["type"] == "http" and scope["path"].startswith(_UPLOADS)
        if uploading:
            try:
                may = await run_in_threadpool(_may_upload, _cookie_of(scope))
            except StoreUnavailable:
                await Response(_STORE_DOWN, 503)(scope, receive, send)
                return
            if not may:
                refusal = Response("Cần đăng nhập bằng tài khoản được tải dữ liệu.", 403)
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _cookie_of(scope: Any) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            found = SimpleCookie(value.decode("latin-1")).get(COOKIE)
            return found.value if found else None
    return None


def _may_upload(token: str | None) -> bool:
    account = sessions.session_account(_access_store(), token)
    return account is not None and account.can("import")


def _middleware() -> list[Any]:
    from starlette.middleware import Middleware

    return [Middleware(UploadsOnlySignedIn), Middleware(PageShell)]


def _sessions_held() -> int:
    """The sessions the server holds: open tabs', and closed tabs' until their time to live
    is over (Streamlit has no public count of them; its session manager is the one that
    knows)."""
    from streamlit.runtime import Runtime

    return Runtime.instance()._session_mgr.num_sessions() if Runtime.exists() else 1


allocator.give_back_when_idle(_sessions_held)

app = st.App(
    "app.py",
    routes=[
        Route("/phien/vao", session_in),
        Route("/phien/ra", session_out),
        Route("/xuat/{name}", exported),
    ],
    middleware=_middleware(),
)
