"""Debian's Chromium, headless, driven over its DevTools pipe: no driver, nothing downloaded.

Used by the tests (axe-core on the web page) and by ``bench.make_sample`` (screenshots).
Chromium is started with a fresh profile and every background service off, and talks
over file descriptors 3 and 4 (``--remote-debugging-pipe``), so no port is opened.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
# How long one answer from the browser may take before it is taken to have hung.
ANSWER_SECONDS = 120.0


def find_chromium() -> str | None:
    """The Chromium binary (Debian's launcher script's target when present), or None."""
    direct = Path("/usr/lib/chromium/chromium")
    if direct.is_file():
        return str(direct)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    """The browser answered with an error, closed, or did not answer."""


class Browser:
    """One headless Chromium; ``open`` loads a page into a new tab."""

    def __init__(self, executable: str | None = None) -> None:
        exe = executable or find_chromium()
        if exe is None:
            raise BrowserError("Chromium is not installed (Debian: apt-get install chromium)")
        self._profile = tempfile.TemporaryDirectory(prefix="scrutiny-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def plumb() -> None:  # in the child: its ends of the pipes become fds 3 and 4
            a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            preexec_fn=plumb,
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._proc.poll() is None:
            try:
                self.call("Browser.close")
            except (BrowserError, OSError):
                self._proc.kill()
            try:
                self._proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        for fd in (self._to_child, self._from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()

    # ------------------------------------------------------------ protocol

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> Any:
        """Send one command and return its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method: str, session: str) -> dict[str, Any]:
        """The next event ``method`` of ``session`` (one already received counts)."""
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method and e.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read())

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buf:
            ready, _, _ = select.select([self._from_child], [], [], ANSWER_SECONDS)
            if not ready:
                raise BrowserError(f"Chromium did not answer within {ANSWER_SECONDS:.0f} s")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed its DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    # ------------------------------------------------------------ pages

    def open(self, path: Path, width: int, *, height: int = 900, mobile: bool = False) -> Page:
        """Load a local file in a new tab whose viewport is ``width`` CSS pixels wide."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, session)
        page.resize(width, height, mobile=mobile)
        self.call("Page.enable", session=session)
        self.call("Network.enable", session=session)
        self.call("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
        self.wait_for("Page.loadEventFired", session)
        return page


class Page:
    """One tab."""

    def __init__(self, browser: Browser, session: str) -> None:
        self._b, self._s = browser, session

    def resize(self, width: int, height: int, *, mobile: bool = False) -> None:
        self._b.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
            session=self._s,
        )

    def evaluate(self, expression: str, *, wait: bool = False) -> Any:
        """The value of a JavaScript expression (``wait``: of the promise it returns)."""
        result = self._b.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": wait},
            session=self._s,
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def requests(self) -> list[str]:
        """Every URL the page has asked for so far."""
        return [
            e["params"]["request"]["url"]
            for e in self._b.events
            if e.get("method") == "Network.requestWillBeSent" and e.get("sessionId") == self._s
        ]

    def screenshot(self, out: Path, *, top: float = 0, height: float | None = None) -> None:
        """The page from ``top`` down ``height`` CSS pixels (default: to the end), as PNG."""
        size = self._b.call("Page.getLayoutMetrics", session=self._s)["cssContentSize"]
        tall = size["height"] - top if height is None else min(height, size["height"] - top)
        clip = {"x": 0, "y": top, "width": size["width"], "height": tall, "scale": 1}
        shot = self._b.call(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True, "clip": clip},
            session=self._s,
        )
        out.write_bytes(base64.b64decode(shot["data"]))
