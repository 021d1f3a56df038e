"""Several app processes over one `chroma run` (issue 11), against a real server of this module's own
(it is frozen and killed here, so it is not the session's shared one):

- two processes with separate data dirs: one ingests (the CLI), the other answers from it;
- a re-ingest in another process is answered by the running Assistant at its next question, no error;
- a frozen server (SIGSTOP) gives a clear message within the configured timeout, and answers resume;
- a killed server gives a clear message, and the same Assistant recovers when it is back;
- a batch (`ask --input`) over a dead server writes an error line per question and goes on.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.errors import AssistantError
from tests.library.helpers import (
    COMPETENCE_Q,
    ROOT,
    chroma_binary,
    client_env,
    free_port,
    heartbeat_ok,
    lib_settings,
    server_env,
    small_text,
)

TIMEOUT = 3.0
SOURCE = "replik-rapport.txt"


class Server:
    """A `chroma run` that the tests may freeze, kill and start again on the same port and path."""

    def __init__(self, base: Path) -> None:
        self.binary = chroma_binary()
        self.path, self.log = base / "db", base / "server.log"
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen([self.binary, "run", "--path", str(self.path), "--host", "127.0.0.1",
                                          "--port", str(self.port)], stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, env=server_env())
        deadline = time.monotonic() + 60
        while not heartbeat_ok(self.port):
            assert self.proc.poll() is None, self.log.read_text(errors="replace")[-2000:]
            assert time.monotonic() < deadline, "no heartbeat from chroma run"
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGCONT)
            self.proc.kill()
            self.proc.wait(30)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if chroma_binary() is None:
        pytest.skip("the `chroma` CLI is not installed (pip install chromadb)")
    s = Server(tmp_path_factory.mktemp("replica-server"))
    s.start()
    try:
        yield s
    finally:
        s.stop()


def settings_for(server: Server, data_dir: Path):
    return lib_settings(data_dir, chroma_host="127.0.0.1", chroma_port=server.port, chroma_timeout=TIMEOUT)


def cli(server: Server, data_dir: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = client_env() | {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(server.port),
                          "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_CHROMA_TIMEOUT": str(TIMEOUT),
                          "ASSISTANT_REPORTS_DIR": str(data_dir / "no-bundled")}
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("replica-in") / SOURCE
    p.write_text(small_text(), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def replica(server: Server, report: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """Process 1 (a CLI subprocess, its own data dir) ingests; this process (another data dir) answers."""
    proc = cli(server, tmp_path_factory.mktemp("ingester"), "ingest", str(report))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert f"{SOURCE}: indexerad" in proc.stdout
    return Assistant(settings_for(server, tmp_path_factory.mktemp("answerer")))


def test_second_process_answers_from_what_the_first_ingested(replica: Assistant, server: Server,
                                                             tmp_path: Path) -> None:
    assert [r.source for r in replica.reports()] == [SOURCE]
    answer = replica.ask(COMPETENCE_Q)
    assert not answer.refused and "78 miljoner kronor" in answer.answer
    assert {c.source for c in answer.citations} == {SOURCE}
    assert not list(replica.settings.data_dir.glob("manifest-*")), "nothing of the library is local"
    listed = cli(server, tmp_path / "third", "list")
    assert listed.returncode == 0 and SOURCE in listed.stdout


def test_reingest_in_another_process_is_answered_at_the_next_question(replica: Assistant, server: Server,
                                                                      report: Path, tmp_path: Path) -> None:
    assert "78 miljoner kronor" in replica.ask(COMPETENCE_Q).answer  # the index is built and in use
    old = replica.store.records()[SOURCE].collection
    changed = tmp_path / SOURCE
    changed.write_text(small_text().replace("78 miljoner", "93 miljoner"), encoding="utf-8")
    proc = cli(server, tmp_path / "other", "ingest", str(changed))
    assert proc.returncode == 0 and "indexerad" in proc.stdout, proc.stderr[-2000:]
    answer = replica.ask(COMPETENCE_Q)  # no error, no restart
    assert "93 miljoner kronor" in answer.answer and "78 miljoner" not in answer.answer
    assert old not in {c.name for c in replica.store.client.list_collections()}


def test_frozen_server_gives_a_clear_message_within_the_timeout(replica: Assistant, server: Server) -> None:
    assert not replica.ask(COMPETENCE_Q).refused
    os.kill(server.proc.pid, signal.SIGSTOP)
    try:
        t0 = time.monotonic()
        with pytest.raises(AssistantError) as err:
            replica.ask(COMPETENCE_Q)
        waited = time.monotonic() - t0
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)
    msg = str(err.value)
    assert f"svarade inte inom {TIMEOUT:g} s" in msg and f"127.0.0.1:{server.port}" in msg, msg
    assert waited < TIMEOUT + 2.0, f"the message came after {waited:.1f} s"
    assert not replica.ask(COMPETENCE_Q).refused  # answers resume once the server runs again


def test_killed_server_is_a_message_and_recovers_without_restart(replica: Assistant, server: Server) -> None:
    server.stop()
    try:
        t0 = time.monotonic()
        with pytest.raises(AssistantError) as err:
            replica.ask(COMPETENCE_Q)
        assert time.monotonic() - t0 < TIMEOUT + 2.0
        assert f"Kan inte ansluta till Chroma (127.0.0.1:{server.port})" in str(err.value)
        with pytest.raises(AssistantError):
            replica.reports()  # every call, not only questions
    finally:
        server.start()
    answer = replica.ask(COMPETENCE_Q)  # the same Assistant, the same process
    assert not answer.refused and "miljoner kronor" in answer.answer


def test_batch_over_a_dead_server_reports_each_line_and_goes_on(replica: Assistant, server: Server,
                                                               tmp_path: Path) -> None:
    questions = tmp_path / "in.jsonl"
    questions.write_text("\n".join(json.dumps({"id": i, "question": COMPETENCE_Q}) for i in range(3)) + "\n",
                         encoding="utf-8")
    server.stop()
    try:
        proc = cli(server, tmp_path / "batch", "ask", "--json", "--input", str(questions), timeout=120)
    finally:
        server.start()
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = [json.loads(x) for x in proc.stdout.splitlines() if x.strip()]
    assert [x["id"] for x in lines] == [0, 1, 2]
    assert all("Kan inte ansluta till Chroma" in x["error"] for x in lines), lines
    ok = cli(server, tmp_path / "batch", "ask", "--json", "--input", str(questions), timeout=120)
    assert ok.returncode == 0, ok.stdout[-1000:] + ok.stderr[-1000:]
    assert all("miljoner kronor" in json.loads(x)["answer"] for x in ok.stdout.splitlines() if x.strip())
