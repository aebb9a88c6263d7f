"""One browser tab without a browser: a WebSocket to Streamlit's /_stcore/stream speaking its
protobuf messages, as the page's JavaScript does — so the load test can hold thirty sessions
on two cores and time each answer from the request to the end of the script's run."""

from __future__ import annotations

import asyncio
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileURLs, UploadedFileInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ERROR = 1  # Alert.Format.ERROR
DONE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}
XSRF_COOKIE = "_streamlit_xsrf"


@dataclass
class Answer:
    """What one run of the page sent back."""

    seconds: float
    errors: list[str] = field(default_factory=list)  # what a person would read as a failure
    alerts: list[tuple[int, str]] = field(default_factory=list)  # (Alert.Format, text)
    widgets: dict[str, tuple[str, str]] = field(default_factory=dict)  # label → (kind, id)
    kinds: set[str] = field(default_factory=set)  # every kind of element drawn
    options: dict[str, list[str]] = field(default_factory=dict)  # select label → its options

    def alert(self, fmt: int) -> list[str]:
        return [text for kind, text in self.alerts if kind == fmt]


class Tab:
    """A session of the dashboard, as one browser tab holds it."""

    def __init__(self, base: str, cookies: dict[str, str] | None = None) -> None:
        self.base = base
        self.cookies = dict(cookies or {})
        self.session_id = ""
        self.kept: dict[str, WidgetState] = {}  # widget values the tab keeps sending
        self._socket: Any = None

    async def __aenter__(self) -> Tab:
        header = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self._socket = await websockets.connect(
            self.base.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=["streamlit"],  # type: ignore[list-item]
            origin=self.base,  # type: ignore[arg-type]
            additional_headers={"Cookie": header} if header else None,
            max_size=2**26,
            open_timeout=30,
        )
        return self

    async def __aexit__(self, *_: object) -> None:
        await self._socket.close()

    async def run(
        self, page: str, query: str = "", clicked: str | None = None, timeout: float = 30
    ) -> Answer:
        """Open `page` (its url path; "" is the first) with `query`, pressing the button whose
        widget id is `clicked`, and read until the run ends."""
        message = BackMsg()
        state = message.rerun_script
        state.page_name, state.query_string = page, query
        widgets = list(self.kept.values())
        if clicked:
            widgets.append(WidgetState(id=clicked, trigger_value=True))
        state.widget_states.widgets.extend(widgets)
        start = time.monotonic()
        await self._socket.send(message.SerializeToString())
        answer = Answer(0.0)
        running = False
        while True:
            left = timeout - (time.monotonic() - start)
            raw = await asyncio.wait_for(self._socket.recv(), max(left, 0.01))
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                running = True  # a run of this request begins (again after an st.rerun)
                self.session_id = forward.new_session.initialize.session_id
            elif kind == "page_not_found":
                answer.errors.append(f"không có trang «{forward.page_not_found.page_name}»")
            elif kind == "delta" and running:
                _read_element(forward, answer)
            elif kind == "script_finished" and running and forward.script_finished in DONE:
                if forward.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    answer.errors.append("lỗi biên dịch trang")
                break
        answer.seconds = time.monotonic() - start
        answer.errors += answer.alert(ERROR)
        return answer

    def submit(self, texts: dict[str, str], button: str) -> None:
        """Type into text inputs (widget id → text) before the form's button is pressed."""
        for widget_id, text in texts.items():
            self.kept[widget_id] = WidgetState(id=widget_id, string_value=text)
        self.kept.pop(button, None)

    def choose(self, widget_id: str, option: str) -> None:
        """Pick an option of a select box (by its text as shown) for the next runs."""
        self.kept[widget_id] = WidgetState(id=widget_id, string_value=option)

    def tick(self, widget_id: str) -> None:
        """Tick a checkbox for the next runs."""
        self.kept[widget_id] = WidgetState(id=widget_id, bool_value=True)

    async def upload(self, uploader: str, name: str, body: bytes) -> None:
        """Send a file as the uploader widget does: ask for its address, PUT it there, and
        keep the uploader's value for the next runs."""
        request = BackMsg()
        request.file_urls_request.request_id = uuid.uuid4().hex
        request.file_urls_request.file_names.append(name)
        request.file_urls_request.session_id = self.session_id
        await self._socket.send(request.SerializeToString())
        while True:  # the answer arrives through the socket's reader: read until it comes
            raw = await asyncio.wait_for(self._socket.recv(), 30)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            if forward.WhichOneof("type") == "file_urls_response":
                urls: FileURLs = forward.file_urls_response.file_urls[0]
                break
        await asyncio.to_thread(self._put, urls.upload_url, name, body)
        info = UploadedFileInfo(name=name, size=len(body), file_id=urls.file_id, file_urls=urls)
        state = WidgetState(id=uploader)
        state.file_uploader_state_value.uploaded_file_info.append(info)
        self.kept[uploader] = state

    def _put(self, url: str, name: str, body: bytes) -> None:
        boundary = uuid.uuid4().hex
        payload = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + body
            + f"\r\n--{boundary}--\r\n".encode()
        )
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        put = urllib.request.Request(
            self.base + url if url.startswith("/") else url,
            data=payload,
            method="PUT",
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Cookie": cookie,
                "X-Xsrftoken": self.cookies.get(XSRF_COOKIE, ""),
                "Origin": self.base,
            },
        )
        with urllib.request.urlopen(put, timeout=60) as response:
            response.read()


def _read_element(forward: ForwardMsg, answer: Answer) -> None:
    delta = forward.delta
    if delta.WhichOneof("type") != "new_element":
        return
    element = delta.new_element
    kind = element.WhichOneof("type")
    answer.kinds.add(kind or "")
    if kind == "exception":
        answer.errors.append(f"{element.exception.type}: {element.exception.message}")
    elif kind == "alert":
        answer.alerts.append((element.alert.format, element.alert.body))
    elif kind is not None:
        widget = getattr(element, kind)
        label, widget_id = getattr(widget, "label", None), getattr(widget, "id", None)
        if label and widget_id:
            answer.widgets[label] = (kind, widget_id)
        if kind == "selectbox" and label:
            answer.options[label] = list(widget.options)


def xsrf_cookie(base: str) -> str:
    """The XSRF cookie the server hands every page load (the upload PUT must echo it)."""
    with urllib.request.urlopen(base + "/_stcore/health", timeout=10) as response:
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if name.strip() == XSRF_COOKIE:
                return rest.split(";", 1)[0]
    raise RuntimeError("máy chủ không đặt cookie XSRF")
