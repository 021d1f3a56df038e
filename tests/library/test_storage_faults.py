"""Storage faults on real file systems (issue 11): a full disk (a small tmpfs) and a read-only index
(a read-only bind mount). Each gives a clear message and leaves the index as it was; a read-only index
still answers. Needs root with mount rights (CI containers have them); skipped otherwise."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.errors import AssistantError, IndexError_
from tests.conftest import manifest_snapshot
from tests.library.helpers import COMPETENCE_Q, REPORT, lib_settings, small_text


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextlib.contextmanager
def mounted(*args: str, target: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or not _mount(*args, str(target)):
        pytest.skip("needs root and mount rights (tmpfs / bind mounts)")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    p = tmp_path / "liten.txt"
    p.write_text(small_text(), encoding="utf-8")
    return p


def test_full_disk_is_a_message_and_the_index_stays(tmp_path: Path, small: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    with mounted("-t", "tmpfs", "-o", "size=3m", "tmpfs", target=disk):
        a = Assistant(lib_settings(disk / "data"))
        assert a.ingest(small).status == "ingested"
        assert "78 miljoner kronor" in a.ask(COMPETENCE_Q).answer
        before = manifest_snapshot(a)
        with pytest.raises(AssistantError) as err:
            a.ingest(REPORT)  # the whole report does not fit in what is left of 3 MB
        msg = str(err.value)
        assert "Disken kan vara full" in msg and "Indexet är oförändrat" in msg, msg
        assert "Traceback" not in msg
        assert manifest_snapshot(a) == before
        assert "78 miljoner kronor" in a.ask(COMPETENCE_Q).answer  # nothing lost


def test_read_only_index_answers_and_refuses_writes(tmp_path: Path, small: Path) -> None:
    src, view = tmp_path / "rw", tmp_path / "ro"
    src.mkdir()
    view.mkdir()
    Assistant(lib_settings(src / "data")).ingest(small)
    files_before = sorted(p.relative_to(src) for p in src.rglob("*"))
    with mounted("--bind", str(src), target=view):
        if not _mount("-o", "remount,bind,ro", str(view)):
            pytest.skip("cannot remount read-only")
        ro = Assistant(lib_settings(view / "data"))
        assert ro.store.read_only
        answer = ro.ask(COMPETENCE_Q)  # queries need no write, no lock file
        assert not answer.refused and "78 miljoner kronor" in answer.answer
        for write in (lambda: ro.ingest(small, force=True), lambda: ro.remove(small.name)):
            with pytest.raises(IndexError_) as err:
                write()
            assert "skrivskyddat" in str(err.value)
        assert ro.ask(COMPETENCE_Q).answer == answer.answer
    assert sorted(p.relative_to(src) for p in src.rglob("*")) == files_before


def test_unwritable_parent_is_a_message(tmp_path: Path) -> None:
    """A data dir that cannot be created (its parent is a read-only mount)."""
    parent = tmp_path / "parent"
    parent.mkdir()
    with mounted("-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", target=parent):
        a = Assistant(lib_settings(parent / "data"))
        for call in (a.reports, lambda: a.ask(COMPETENCE_Q)):
            with pytest.raises(AssistantError) as err:
                call()
            assert "inte skrivbar" in str(err.value) and "ASSISTANT_DATA_DIR" in str(err.value)
