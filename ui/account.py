"""Sign-in and the signed-in account (Streamlit side of thidua.access); ui.guard decides what it may open.

The account lives in the session (st.session_state["account"]); tests inject one
there. Without one the visitor gets the sign-in form on whatever page they asked
for, so a bookmarked link opens that page once they are signed in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import streamlit as st
import streamlit.components.v1 as components

from thidua import access, accounts, app_settings, audit, sessions, settings, warehouse
from thidua.access import Account
from thidua.access_file import AccessStore
from thidua.literal import markdown as md
from ui.widget_texts import vietnamese_widget_texts

ACCOUNT_KEY = "account"
FROM_LIST_KEY = "account_from_list"  # signed in here (not injected): re-checked on every run
SET_COOKIE_KEY = "set_session_cookie"
TOKEN_KEY = "session_token"
WANT_SIGN_IN_KEY = "want_sign_in"  # an anonymous reader asked for the sign-in form
COOKIE = sessions.SESSION_COOKIE
# Components that keep a reader's choices register here what to forget at sign-out, so the
# next person at this browser starts afresh (ui.filters); this module owns none of their keys.
ON_SIGN_OUT: list[Callable[[], None]] = []


def access_db() -> AccessStore:
    return warehouse.access_store(warehouse.chosen())  # a file, or the lake's PostgreSQL


oidc_enabled = settings.oidc_enabled


# The account as read at the start of this run: the menu, the page, its data connection and
# the account box all ask, and each ask was a read of the user list (≈ 20 SQLite opens a run).
RUN_ACCOUNT_KEY = "account_this_run"


def begin_run() -> None:
    """Called first by app.py on every run: the account is read afresh once per run, so a
    lock or a new role still applies at the next click."""
    st.session_state.pop(RUN_ACCOUNT_KEY, None)


def current_account() -> Account | None:
    """The signed-in account; the public account when anonymous viewing is allowed; else None."""
    if RUN_ACCOUNT_KEY not in st.session_state:
        st.session_state[RUN_ACCOUNT_KEY] = _read_account()
    account = st.session_state[RUN_ACCOUNT_KEY]
    return account if isinstance(account, Account) else None


def _read_account() -> Account | None:
    account = st.session_state.get(ACCOUNT_KEY)
    if isinstance(account, Account):
        if not st.session_state.get(FROM_LIST_KEY):
            return account  # put in the session by a test
        # Read afresh on every run: a locked account or a new role applies at once, and a
        # session ended elsewhere (sign-out in another browser, a password reset, its idle
        # or absolute lifetime) ends here too.
        token = st.session_state.get(TOKEN_KEY)
        fresh = (
            sessions.session_account(access_db(), token)
            if token
            else accounts.current(access_db(), account.username)  # OIDC: the provider's session
        )
        if fresh is not None:
            st.session_state[ACCOUNT_KEY] = fresh
            return fresh
        sign_out()
    token = _cookie()
    account = sessions.session_account(access_db(), token)
    if account is not None:
        _remember(account, token)
        return account
    if oidc_enabled() and _oidc_signed_in():
        account = accounts.account_for_email(access_db(), _oidc_email(), _oidc_verified())
        if account is not None:
            _remember(account)
            audit.audit(access_db(), account, "sign_in", account.username, via="oidc")
            return account
    if app_settings.anonymous_allowed(access_db()):
        return access.ANONYMOUS
    return None


def _remember(account: Account, token: str | None = None) -> None:
    st.session_state.pop(RUN_ACCOUNT_KEY, None)
    st.session_state[ACCOUNT_KEY] = account
    st.session_state[FROM_LIST_KEY] = True
    st.session_state[TOKEN_KEY] = token


def _cookie() -> str | None:
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind this run (AppTest)
        return None
    return value if isinstance(value, str) and value else None


def cookie_writer() -> None:
    """Hand the browser to the server to set or clear the session cookie (asgi.py): after a
    sign-in to /phien/vao with a one-time code, after a sign-out to /phien/ra; both send it
    back to the page it was on. Only the server can write an HttpOnly cookie."""
    if SET_COOKIE_KEY not in st.session_state:
        return
    token = st.session_state.pop(SET_COOKIE_KEY)
    back = quote(_this_address(), safe="")
    if token:
        target = f"/phien/vao?ma={sessions.handoff(access_db(), token)}&den={back}"
    else:
        target = f"/phien/ra?den={back}"
    # In the sidebar, so that a full-screen page (the slideshow) has nothing extra in its
    # main area. The link is made in the page itself: a component's frame may not navigate
    # the page, the page may navigate itself.
    with st.sidebar:
        components.html(
            "<script>const a = window.parent.document.createElement('a');"
            f" a.href = {json.dumps(target)}; window.parent.document.body.appendChild(a);"
            " a.click();</script>",
            height=0,
        )


def _this_address() -> str:
    """The page's path and its link's parameters as they are now («/co-cau?nam_tu=2021»),
    to come back to after the cookie (st.context.url has the path, not the parameters)."""
    try:
        url = st.context.url
    except Exception:  # no browser behind this run (AppTest)
        return "/"
    path = (urlsplit(url).path or "/") if isinstance(url, str) else "/"
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return path + (f"?{query}" if query else "")


def _oidc_signed_in() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:  # no [auth] section in secrets.toml: OIDC is not configured
        return False


def _oidc_email() -> str | None:
    email = st.user.get("email")
    return str(email) if email else None


def _oidc_verified() -> bool:
    """The provider's own word that the e-mail is its holder's (the `email_verified` claim)."""
    return st.user.get("email_verified") is True


def sign_in_form() -> None:
    """The sign-in page (drawn on every page's address while nobody is signed in)."""
    _, middle, _ = st.columns([1, 1.4, 1])
    with middle:
        _sign_in_column()


def _sign_in_column() -> None:
    st.title("Đăng nhập")
    st.caption("Hệ thống theo dõi kết quả thi đua – khen thưởng của tỉnh.")
    path = access_db()
    if not accounts.has_users(path) and not oidc_enabled():
        st.info(
            "Chưa có tài khoản nào. Người quản trị máy chủ tạo tài khoản quản trị đầu tiên bằng lệnh\n\n"
            "`.venv/bin/python -m etl user add TEN_DANG_NHAP --role admin`\n\n"
            "rồi đăng nhập tại đây để tạo tài khoản cho các đơn vị.",
            icon=":material/admin_panel_settings:",
        )
    if oidc_enabled():
        if _oidc_signed_in():
            if not _oidc_verified():
                st.error(
                    f"Nhà cung cấp tài khoản chưa xác minh địa chỉ «{md(_oidc_email() or '?')}»: "
                    "hãy xác minh e-mail ở tài khoản của tỉnh rồi đăng nhập lại."
                )
            else:
                st.error(
                    f"Tài khoản «{md(_oidc_email() or '?')}» đã xác thực nhưng chưa được cấp quyền "
                    "trong hệ thống; hãy liên hệ quản trị viên."
                )
            if st.button("Đăng xuất", key="oidc_logout"):
                st.logout()
        else:
            provider = settings.OIDC_PROVIDER.value()
            if st.button("Đăng nhập bằng tài khoản của tỉnh", type="primary", key="oidc_login"):
                st.login(provider) if provider else st.login()
            st.caption("hoặc bằng tài khoản riêng của hệ thống:")
    vietnamese_widget_texts()
    with st.form("sign_in", border=True):
        username = st.text_input("Tên đăng nhập", key="sign_in_user", max_chars=access.MAX_USERNAME)
        password = st.text_input(
            "Mật khẩu", type="password", key="sign_in_password", max_chars=access.MAX_PASSWORD
        )
        submitted = st.form_submit_button("Đăng nhập", type="primary")
    if submitted:
        try:
            account = accounts.sign_in(path, username, password, _client_address())
        except accounts.TooSoon as wait:
            what = (
                "Từ máy này vừa có nhiều lần đăng nhập sai"
                if wait.whole_address
                else "Tên đăng nhập này vừa bị nhập sai mật khẩu nhiều lần từ máy này"
            )
            st.error(f"{what}; hãy thử lại sau {_duration(wait.seconds)}.")
            return
        if account is None:
            st.error("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.")
            return
        token = sessions.open_session(path, account)
        _remember(account, token)
        st.session_state[SET_COOKIE_KEY] = token
        st.rerun()


def _client_address() -> str:
    """The reader's address as the server sees it (the proxy's, behind one that does not
    pass it on): wrong sign-ins are counted per name and address."""
    try:
        address = st.context.ip_address
    except Exception:  # no browser behind this run
        return "?"
    return address if isinstance(address, str) and address else "?"  # AppTest: a mock


def _duration(seconds: int) -> str:
    return f"{seconds} giây" if seconds < 120 else f"{math.ceil(seconds / 60)} phút"


def sign_out() -> None:
    sessions.close_session(access_db(), st.session_state.pop(TOKEN_KEY, None) or _cookie())
    st.session_state[SET_COOKIE_KEY] = ""  # clears the cookie on the next run
    st.session_state.pop(ACCOUNT_KEY, None)
    st.session_state.pop(RUN_ACCOUNT_KEY, None)
    st.session_state.pop(FROM_LIST_KEY, None)
    for forget in ON_SIGN_OUT:  # what other components keep of this reader (the filters)
        forget()


def account_box(account: Account, page: Any) -> None:
    """Who is signed in and what they see, as one caption at the foot of the sidebar, and a
    link to their account's page (`page`: password, sign-out). A popover here (and before
    it a bordered box) cost each page load 4-6 % of the reader's browser time, measured
    side by side in Chromium; a link costs next to nothing."""
    if account.anonymous:
        st.sidebar.caption("Đang xem không đăng nhập (chỉ số liệu tổng hợp).")
        if st.sidebar.button("Đăng nhập", key="sign_in_anon", icon=":material/login:"):
            st.session_state[WANT_SIGN_IN_KEY] = True
            st.rerun()
        return
    st.sidebar.caption(_who(account))
    st.sidebar.page_link(page, label="Tài khoản", icon=":material/account_circle:")


def _who(account: Account) -> str:
    """«**lanhdao** · Người xem», and on a second line what they see («Phạm vi: toàn tỉnh»)."""
    role = access.ROLE_NAMES.get(account.role, account.role)
    return f"**{md(account.label)}** · {role}  \nPhạm vi: {md(account.scope_label())}"


def account_page() -> None:
    """«Tài khoản»: who is signed in, their role and what they see; changing their password
    (an account of this dashboard's own list; one signed in by the province's identity
    provider changes it there); signing out."""
    account = current_account()
    st.title("Tài khoản")
    if account is None or account.anonymous:
        st.info("Đang xem không đăng nhập: không có tài khoản nào để đổi.", icon=":material/info:")
        return
    st.markdown(_who(account))
    if st.button("Đăng xuất", key="sign_out", icon=":material/logout:"):
        sign_out()
        if oidc_enabled() and _oidc_signed_in():
            st.logout()
        st.rerun()
    if accounts.get_user(access_db(), account.username) is not None:
        st.subheader("Đổi mật khẩu")
        _own_password(account)


def _own_password(account: Account) -> None:
    vietnamese_widget_texts()
    with st.form("own_password", clear_on_submit=True, width=420):
        old = st.text_input("Mật khẩu hiện tại", type="password", key="own_old")
        new = st.text_input("Mật khẩu mới", type="password", key="own_new")
        again = st.text_input("Nhập lại mật khẩu mới", type="password", key="own_again")
        if st.form_submit_button("Đổi mật khẩu"):
            if new != again:
                st.error("Hai lần nhập mật khẩu mới không khớp.")
                return
            try:
                accounts.change_own_password(
                    access_db(), account, old, new, keep=st.session_state.get(TOKEN_KEY)
                )
            except ValueError as problem:
                st.error(md(problem))
            else:
                st.success("Đã đổi mật khẩu.")


def wants_sign_in(account: Account | None) -> bool:
    """Whether this run shows the sign-in form: nobody is signed in, or an anonymous reader
    asked to sign in (the account box's «Đăng nhập»; this module owns WANT_SIGN_IN_KEY)."""
    if account is None:
        return True
    if account.anonymous and st.session_state.get(WANT_SIGN_IN_KEY):
        return True
    st.session_state.pop(WANT_SIGN_IN_KEY, None)
    return False
