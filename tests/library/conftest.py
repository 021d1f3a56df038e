"""Shared fixtures for the library tests: a real `chroma run` server for the session.

Every test here builds real indexes with the real embedding, so the expensive fixtures are module- or
session-scoped and small reports (a few pages of the bundled one) are used wherever the full report
is not needed.
"""

from __future__ import annotations

import contextlib
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.library.helpers import chroma_binary, free_port, heartbeat_ok, server_env

HEARTBEAT_TIMEOUT = 60.0


@dataclass
class ChromaServer:
    host: str
    port: int
    path: Path
    log: Path
    process: subprocess.Popen


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """A real `chroma run` on a free loopback port with a temp path; stopped (terminate, then kill) at the end."""
    binary = chroma_binary()
    if binary is None:
        pytest.skip("the `chroma` CLI is not installed (pip install chromadb)")
    base = tmp_path_factory.mktemp("chroma-server")
    path, log = base / "db", base / "server.log"
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen([binary, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=server_env())
    try:
        deadline = time.monotonic() + HEARTBEAT_TIMEOUT
        while not heartbeat_ok(port):
            if proc.poll() is not None:
                pytest.fail(f"chroma run exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"no heartbeat from chroma run on port {port} after {HEARTBEAT_TIMEOUT:.0f} s")
            time.sleep(0.2)
        yield ChromaServer("127.0.0.1", port, path, log, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
