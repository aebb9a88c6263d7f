"""The files this browser session uploaded: kept on disk in its own folder while the page
shows them, inspected, and deleted when taken off the uploader or confirmed. Owns the
session keys uploader, upload_session and paths."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import streamlit as st

from etl import upload
from etl.upload import Inspection
from thidua import settings
from thidua.literal import markdown as md
from thidua.warehouse import Warehouse
from ui.notices import say_next_run
from ui.upload_review import overrides
from ui.widget_texts import vietnamese_widget_texts


@st.cache_resource(show_spinner=False)
def _stale_uploads_cleared() -> int:
    """Once per server process: the folders of sessions that went away (a closed tab, a
    restart) are removed."""
    return upload.clear_stale_uploads()


def _session() -> str:
    """This browser session's own upload folder name (random: nothing to guess)."""
    return st.session_state.setdefault("upload_session", secrets.token_hex(16))


def _forget_removed(kept: set[str]) -> None:
    """Files taken off the uploader (or confirmed) are deleted from the disk at once."""
    paths: dict[str, Path] = st.session_state.setdefault("paths", {})
    gone = [key for key in paths if key not in kept]
    upload.discard(paths.pop(key) for key in gone)


def _inspect(file: object, master: Warehouse) -> Inspection | None:
    name, data, key = file.name, file.getvalue(), file.file_id  # type: ignore[attr-defined]
    paths = st.session_state.setdefault("paths", {})
    try:
        if key not in paths:
            paths[key] = upload.save_upload(name, data, _session())
    except upload.FileRefused as refused:
        st.error(md(refused))
        return None
    with st.spinner(f"Đang đọc {md(name)}…"):
        return upload.inspect_upload(master, paths[key], name, overrides(key))


def chosen_files() -> list[Any]:
    """The uploader; a confirmed batch gets a fresh, empty one (its files are done)."""
    if "uploader" not in st.session_state:
        st.session_state["uploader"] = 0
    vietnamese_widget_texts()
    files = st.file_uploader(
        "Chọn tệp",
        type=list(settings.UPLOAD_KINDS),
        accept_multiple_files=True,
        key=f"files_{st.session_state['uploader']}",
    )
    _stale_uploads_cleared()
    _forget_removed({f.file_id for f in files or []})
    return list(files or [])


def inspected(files: list[Any], master: Warehouse) -> list[tuple[str, Inspection]]:
    """Each readable file's inspection, with the uploader's id for it."""
    found = []
    for file in files:
        inspection = _inspect(file, master)
        if inspection is not None:
            found.append((file.file_id, inspection))
    return found


def confirmed(messages: list[str]) -> None:
    """After a confirm: the reports are said on the next run, the uploader starts empty and the
    copies on the disk go."""
    say_next_run(*messages)
    st.session_state["uploader"] += 1
    _forget_removed(set())
