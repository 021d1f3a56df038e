"""Build and load the index when the server starts, not when the first official opens the page.

`python -m assistant.ui.warm [streamlit options]` starts the warm-up in a thread and then Streamlit's
server in the same process; the app script (streamlit_app.py) takes the ready Assistant from here.
Started with plain `streamlit run`, the app starts the same warm-up on the first visit instead, and
shows its progress either way. One warm-up per settings key and process.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("assistant.ui")
APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"


@dataclass
class Warmup:
    """Progress of one warm-up, read by every session's script run while it is going on."""

    key: str
    message: str = ""
    fraction: float = 0.0
    done: threading.Event = field(default_factory=threading.Event)
    assistant: Any = None
    error: BaseException | None = None
    built: list[str] = field(default_factory=list)  # reports ingested by this warm-up
    seconds: float = 0.0

    def progress(self, message: str, fraction: float) -> None:
        self.message, self.fraction = message, min(max(float(fraction), 0.0), 1.0)


_LOCK = threading.Lock()
_WARMUPS: dict[str, Warmup] = {}


def settings_key(settings: Any) -> str:
    import json

    return json.dumps(settings.redacted(), sort_keys=True, default=str)


def _run(w: Warmup, settings: Any) -> None:
    t0 = time.perf_counter()
    try:
        from assistant.api import Assistant

        a = Assistant(settings)
        built = a.ensure_ready(progress=lambda m, f: w.progress(m, 0.95 * f))
        w.progress("index", 0.97)
        _ = a.index  # BM25 + dense index in memory now, not on the first question
        # one real question loads the query embedding and the answerer's lazy parts (the first official's
        # question would otherwise pay for them); an LLM is never called here
        if getattr(settings, "mode", "extractive") == "extractive":
            a.ask("Hur stor var den sociala obligationen?")
        else:
            a.retrieve("social obligation")
        w.built = [r.source for r in built if r.status == "ingested"]
        w.assistant = a
        if getattr(settings, "mode", "extractive") == "extractive":
            # summaries match the outline's titles by meaning: their vectors (≈ 2 s) are computed after
            # the app is ready, not on the first official's "Sammanfatta …"
            threading.Thread(target=a.ask, args=("Sammanfatta målområdet om ekonomin",), daemon=True,
                             name="warm-outline").start()
    except BaseException as exc:  # reported to every session by the app
        w.error = exc
        log.exception("Warm-up failed")
    finally:
        w.seconds = time.perf_counter() - t0
        w.progress("", 1.0)
        w.done.set()


def start(settings: Any) -> Warmup:
    """The warm-up for these settings, started now if it is not running or done already."""
    key = settings_key(settings)
    with _LOCK:
        w = _WARMUPS.get(key)
        if w is None or (w.done.is_set() and w.error is not None):
            w = _WARMUPS[key] = Warmup(key)
            threading.Thread(target=_run, args=(w, settings), name="assistant-warmup", daemon=True).start()
        return w


def main(argv: list[str] | None = None) -> None:
    """Start the warm-up, then `streamlit run streamlit_app.py` with the given options, in this process."""
    from streamlit.web import cli as stcli

    from assistant.config import load_settings

    try:
        start(load_settings())
    except Exception as exc:  # a settings error is shown by the app, with what to do
        log.warning("No warm-up at server start: %s", exc)
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    sys.exit(stcli.main())


if __name__ == "__main__":
    # run the copy in sys.modules["assistant.ui.warm"]: the app script imports that one, and it must see
    # this warm-up, not a second registry in __main__
    from assistant.ui.warm import main as _main

    _main()
