"""Helpers for the library tests: report variants, settings in temp dirs, ports and environments."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "data" / "reports" / "delarsrapport-2025-kommunstyrelsen.txt"
SOURCE = REPORT.name
BOND_Q = "Hur stor var den sociala obligationen?"
COMPETENCE_Q = "Hur mycket har kommunstyrelsen avsatt till kompetenshöjande insatser?"
RATE_Q = "Vilken ränta har den sociala obligationen?"


def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


def variant_2024(text: str | None = None) -> str:
    """The bundled report as a "2024" report: other bond figure, other year in the running headers."""
    text = text if text is not None else report_text()
    out = text.replace("600 miljoner", "450 miljoner").replace("Delårsrapport 2025, Kommunstyrelsen",
                                                                 "Delårsrapport 2024, Kommunstyrelsen")
    assert out.count("450 miljoner") == 1 and "Delårsrapport 2024, Kommunstyrelsen 12(47)" in out
    return out


def small_text(lines: int = 290) -> str:
    """The first pages of the bundled report (~40 chunks): enough structure to ingest, a few seconds to embed."""
    return "\n".join(report_text().splitlines()[:lines]) + "\n"


def lib_settings(data_dir: Path, **overrides: object):
    """Settings for a temp data dir that ignore a developer's assistant.toml (no LLM, no other data dir)."""
    from assistant.config import load_settings

    return load_settings(config_file=data_dir / "absent.toml", data_dir=data_dir, reports_dir=data_dir / "no-reports",
                         mode="extractive", **overrides)



def free_port() -> int:
    """A loopback port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chroma_binary() -> str | None:
    local = Path(sys.executable).parent / "chroma"
    return str(local) if local.exists() else shutil.which("chroma")


def server_env() -> dict[str, str]:
    """The server's environment: telemetry off, no OpenTelemetry exporter, no client-side CHROMA_* leaking in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "CHROMA_"))}
    env.update({"ANONYMIZED_TELEMETRY": "False", "CHROMA_TELEMETRY": "False", "NO_COLOR": "1"})
    return env


def client_env() -> dict[str, str]:
    """Environment for `python -m assistant` subprocesses: the embedded store, never a Chroma server."""
    env = {k: v for k, v in os.environ.items() if k not in ("CHROMA_HOST", "CHROMA_PORT", "ASSISTANT_CONFIG")}
    env["ANONYMIZED_TELEMETRY"] = "False"
    return env


def heartbeat_ok(port: int) -> bool:
    """Chroma 1.x serves GET /api/v2/heartbeat (v1 answers 410 Gone)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1) as resp:
            return resp.status == 200 and b"heartbeat" in resp.read()
    except OSError:
        return False


def cited_for(answer, fact: str):
    """The citation whose quote holds `fact` (an answer may cite a table row first and the sentence second)."""
    hits = [c for c in answer.citations if fact in c.quote]
    assert hits, f"no citation quotes {fact!r}: {answer.answer!r}"
    return hits[0]
