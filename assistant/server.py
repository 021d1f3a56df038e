"""`python -m assistant serve`: a thin JSON endpoint over one Assistant (stdlib ThreadingHTTPServer).

For load tests and for integrations that are not a browser: every request runs in its own thread against
the one shared Assistant (no lock around answering), so it measures what the Streamlit app does per
session without the websocket.

    POST /ask     {"question": "…", "id": …, "history": [{"question", "answer"}], "viewer": "…",
                   "filters": {"source", "goal_area", "goal", "page_from", "page_to"}}
                  -> the `ask --json` object; errors -> {"error": "…"} with 400 (bad request) or 503 (store)
    GET  /health  -> {"status": "ok", "reports": N}
"""

from __future__ import annotations

import json
import logging
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from assistant.errors import AssistantError, InvalidQuestion
from assistant.models import Filters, Turn

log = logging.getLogger("assistant.server")
MAX_BODY = 64_000
FILTER_KEYS = ("source", "goal_area", "goal", "page_from", "page_to")


def parse_request(body: dict[str, Any]) -> tuple[str, list[Turn], Filters]:
    """The question, history and filters of one /ask body; InvalidQuestion says what is wrong."""
    if not isinstance(body, dict):
        raise InvalidQuestion('Skicka ett JSON-objekt, t.ex. {"question": "Hur stor var den sociala obligationen?"}.')
    question = body.get("question")
    if not isinstance(question, str):
        raise InvalidQuestion('Fältet "question" saknas eller är inte text.')
    history = [Turn(str(t.get("question", "")), str(t.get("answer", "")))
               for t in body.get("history") or [] if isinstance(t, dict)]
    raw = body.get("filters") or {}
    if not isinstance(raw, dict):
        raise InvalidQuestion('"filters" ska vara ett objekt.')
    values = {k: raw.get(k) for k in FILTER_KEYS if raw.get(k) not in (None, "")}
    try:
        for k in ("page_from", "page_to"):
            if k in values:
                values[k] = int(values[k])
    except (TypeError, ValueError) as exc:
        raise InvalidQuestion("page_from och page_to ska vara heltal.") from exc
    viewer = body.get("viewer")
    return question, history, Filters(**values, viewer=viewer if isinstance(viewer, str) else None)


def make_server(assistant: Any, host: str = "127.0.0.1", port: int = 8765) -> ThreadingHTTPServer:
    """A server bound to host:port (port 0: any free port); call serve_forever() to run it."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # requests are not logged (questions may be personal)
            pass

        def _send(self, code: int, obj: dict[str, Any]) -> None:
            body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path != "/health":
                self._send(404, {"error": "Okänd sökväg; använd POST /ask eller GET /health."})
                return
            try:
                self._send(200, {"status": "ok", "reports": len(assistant.reports())})
            except AssistantError as exc:
                self._send(503, {"status": "error", "error": str(exc)})

        def do_POST(self) -> None:
            if self.path != "/ask":
                self._send(404, {"error": "Okänd sökväg; använd POST /ask."})
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length <= 0 or length > MAX_BODY:
                self._send(400, {"error": f"Skicka en JSON-kropp på högst {MAX_BODY} byte."})
                return
            try:
                body = json.loads(self.rfile.read(length).decode("utf-8"))
                question, history, filters = parse_request(body)
                answer = assistant.ask(question, history=history, filters=filters)
                answer.id = body.get("id")
                self._send(200, answer.to_json())
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                self._send(400, {"error": f"Ogiltig JSON: {exc}"})
            except InvalidQuestion as exc:
                self._send(400, {"error": str(exc)})
            except AssistantError as exc:
                self._send(503, {"error": str(exc)})
            except Exception as exc:  # the boundary: a message for the caller, the traceback in the log
                log.exception("ask failed", exc_info=exc)
                self._send(500, {"error": "Ett oväntat fel inträffade; försök igen."})

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server
