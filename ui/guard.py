"""The one access guard: every page, every data read and every list of names or download
asks here whether the signed-in account may (thidua.access decides; this draws the refusal).
The menu uses `allowed` to hide what a role may not open; an address typed or shared still
reaches `require_page`, which refuses and audits."""

from __future__ import annotations

import logging
from contextlib import suppress

import streamlit as st

from thidua import access, access_file, audit
from thidua.access import Account
from thidua.literal import markdown as md
from ui.account import access_db, current_account

PAGE_TITLE_KEY = "_page_title"  # the page being run, named in a refusal


def entering(title: str) -> None:
    """app.py, before it runs a page: the page's title, for a refusal to name."""
    st.session_state[PAGE_TITLE_KEY] = title


def allowed(capability: str) -> bool:
    """Whether the signed-in account may (a menu entry, a list of names, a download)."""
    account = current_account()
    return account is not None and account.can(capability)


def refusal(title: str, capability: str) -> None:
    """What a page the account may not use shows when its address is typed or shared."""
    account = current_account()
    who = account.signature if account else "chưa đăng nhập"
    logging.getLogger("thidua").info("refused %s to %s", title, who)
    with suppress(OSError, *access_file.STORE_ERRORS):  # a read-only disk must not hide it
        audit.audit(access_db(), who, "denied", title, capability=capability)
    st.title(title)
    st.error(
        f"Trang «{title}» dành cho tài khoản có quyền {access.CAPABILITY_NAMES[capability]}; "
        + (
            f"tài khoản «{md(account.label)}» ({access.ROLE_NAMES.get(account.role, account.role)}) không dùng được trang này."
            if account and not account.anonymous
            else "hãy đăng nhập bằng tài khoản được cấp quyền."
        ),
        icon=":material/block:",
    )


def require_page(capability: str) -> Account:
    """First line of every page: the page refuses itself even if navigation let it through."""
    account = current_account()
    if account is None or not account.can(capability):
        refusal(st.session_state.get(PAGE_TITLE_KEY, "Trang này"), capability)
        st.stop()
    assert account is not None
    return account
