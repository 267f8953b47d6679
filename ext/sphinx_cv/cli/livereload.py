"""A static server for the preview: each HTML page gets a script that reloads it after a build.

The script listens to ``/_sphinx-cv/events`` (server-sent events); :meth:`LiveServer.reload`
sends one event to every open page. The built files are served as they are on disk; the
script is added to the response only.
"""

from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

EVENTS = "/_sphinx-cv/events"
SCRIPT = (
    f'<script>new EventSource("{EVENTS}").onmessage = () => location.reload();</script>'
).encode()


class LiveServer(ThreadingHTTPServer):
    """Serves *directory*; pages reload on :meth:`reload`."""

    daemon_threads = True

    def __init__(self, directory: Path, host: str, port: int) -> None:
        handler = functools.partial(LiveHandler, directory=str(directory))
        super().__init__((host, port), handler)
        self.generation = 0
        self.changed = threading.Condition()
        self.stopping = False

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def reload(self) -> None:
        """Tell every open page to reload."""
        with self.changed:
            self.generation += 1
            self.changed.notify_all()

    def stop(self) -> None:
        """End the event streams, then the server."""
        with self.changed:
            self.stopping = True
            self.changed.notify_all()
        self.shutdown()
        self.server_close()

    def wait_change(self, seen: int) -> int | None:
        """Block until a build after generation *seen*; the new generation (None: stopping)."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != seen or self.stopping, timeout=15)
            return None if self.stopping else self.generation


class LiveHandler(SimpleHTTPRequestHandler):
    """Files of the site, HTML with the reload script, and the event stream."""

    server: LiveServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == EVENTS:
            return self.events()
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.endswith("/"):
            return super().do_GET()  # the redirect to "dir/"
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().do_GET()
        body = path.read_bytes()
        end = body.rfind(b"</body>")
        body = body[:end] + SCRIPT + body[end:] if end >= 0 else body + SCRIPT
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)
        return None

    def events(self) -> None:
        """One ``reload`` event after each build, until the page or the server goes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.server.generation
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while (generation := self.server.wait_change(seen)) is not None:
                message = b"data: reload\n\n" if generation != seen else b": keep-alive\n\n"
                self.wfile.write(message)
                self.wfile.flush()
                seen = generation
        except (BrokenPipeError, ConnectionResetError):
            pass
