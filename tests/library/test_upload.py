"""Uploading a report in the app: assistant/ui/library.py (safe names, checks, ingest, the report selector),
plus one AppTest run of the sidebar uploader in streamlit_app.py. Small reports keep each ingest to seconds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.errors import AssistantError
from assistant.models import Filters
from assistant.ui import library
from ingest.errors import IngestError
from tests.conftest import manifest_snapshot
from tests.library.helpers import COMPETENCE_Q, ROOT, lib_settings, small_text

UPLOAD_TEXT = small_text().replace("78 miljoner", "93 miljoner")


@pytest.mark.parametrize(("name", "safe"), [
    ("rapport.txt", "rapport.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\anna\\Rapport 2024 (slutlig).PDF", "Rapport-2024-slutlig.pdf"),
    ("Årsredovisning – Malmö 2024.txt", "Årsredovisning-Malmö-2024.txt"),
    (".dold.txt", "dold.txt"),
    ("a;rm -rf ~.txt", "a-rm-rf.txt"),
    ("..txt", "rapport.txt"),
    ("", "rapport"),
    ("rapport.tar.gz", "rapport-tar.gz"),
])
def test_safe_filename(name: str, safe: str) -> None:
    assert library.safe_filename(name) == safe


def test_safe_filename_is_bounded_and_plain() -> None:
    out = library.safe_filename("x" * 500 + ".txt")
    assert out.endswith(".txt") and len(out) <= library.MAX_NAME_CHARS
    assert "/" not in library.safe_filename("a/b\\c/../d.pdf")


@pytest.mark.parametrize(("name", "data", "words"), [
    ("rapport.docx", b"PK\x03\x04", "varken en PDF eller en textfil"),
    ("rapport.txt", b"", "tom"),
    ("rapport.pdf", b"hello, not a pdf", "ingen PDF"),
    ("rapport.txt", b"%PDF-1.7\n...", "heter .txt"),
    ("rapport", b"text", "varken en PDF eller en textfil"),
])
def test_bad_upload_is_refused_with_a_message(name: str, data: bytes, words: str, tmp_path: Path) -> None:
    settings = lib_settings(tmp_path)
    with pytest.raises(IngestError) as err:
        library.save_upload(settings, name, data)
    assert words in str(err.value) and (name or "rapport") in str(err.value)
    assert not library.uploads_dir(settings).exists()


def test_too_big_upload_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library, "MAX_UPLOAD_BYTES", 10)
    with pytest.raises(IngestError, match="större än"):
        library.save_upload(lib_settings(tmp_path), "stor.txt", b"x" * 11)


def test_english_messages(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="neither a PDF nor a text file"):
        library.save_upload(lib_settings(tmp_path), "x.docx", b"PK", lang="en")


def test_save_upload_stages_inside_the_uploads_dir(tmp_path: Path) -> None:
    settings = lib_settings(tmp_path)
    path = library.save_upload(settings, "../Min rapport.txt", b"Hej")
    assert path.read_bytes() == b"Hej" and path.name == "Min-rapport.txt"
    assert path.resolve().is_relative_to(library.uploads_dir(settings).resolve())
    final = library.commit_upload(settings, path)
    assert final == library.uploads_dir(settings) / "Min-rapport.txt" and final.read_bytes() == b"Hej"
    assert [p.name for p in library.uploads_dir(settings).iterdir()] == ["Min-rapport.txt"]  # staging removed


# -- ingesting uploads (one small store for the module) ---------------------------------------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(lib_settings(tmp_path_factory.mktemp("upload")))


@pytest.fixture(scope="module")
def uploaded(store: Assistant) -> tuple[library.UploadResult, list[tuple[str, float]]]:
    seen: list[tuple[str, float]] = []
    result = library.ingest_upload(store, "Liten rapport 2023.txt", UPLOAD_TEXT.encode(),
                                   progress=lambda m, f: seen.append((m, f)))
    return result, seen


def test_good_txt_is_ingested_and_saved(store: Assistant, uploaded) -> None:
    result, _ = uploaded
    assert result.ok, result.message
    assert (result.status, result.source) == ("ingested", "Liten-rapport-2023.txt")
    assert result.chunks > 10 and result.source in result.message
    assert [r.source for r in store.reports()] == [result.source]
    up = library.uploads_dir(store.settings)
    assert sorted(p.name for p in up.iterdir()) == [result.source]  # saved, no staging left behind
    assert (up / result.source).read_text(encoding="utf-8") == UPLOAD_TEXT


def test_progress_reaches_one(uploaded) -> None:
    _, seen = uploaded
    fractions = [f for _, f in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in fractions) and fractions == sorted(fractions)
    update = []
    library.clamp_progress(lambda v, m: update.append((v, m)))("Bäddar in", 1.7)
    assert update == [(1.0, "Bäddar in")]


def test_uploaded_report_is_selectable_and_answers(store: Assistant, uploaded) -> None:
    result, _ = uploaded
    records = store.reports()
    options = library.report_options(records)
    assert options == ["", result.source]
    assert library.report_label("", records) == "Alla rapporter (1)"
    assert library.report_label("", records, "en") == "All reports (1)"
    assert library.report_label(result.source, records) == f"{result.title} ({result.source})"
    assert library.selected_report(records, result.source).source == result.source
    assert library.selected_report(records, "") is None
    filters = library.with_report(None, result.source)
    assert filters == Filters(source=result.source)
    assert library.with_report(Filters(goal_area="En god organisation"), result.source) == Filters(
        goal_area="En god organisation", source=result.source)
    assert library.with_report(None, "") is None
    ans = store.ask(COMPETENCE_Q, filters=filters)
    assert "93 miljoner kronor" in ans.answer
    assert ans.citations and all(c.source == result.source for c in ans.citations)


def test_same_upload_again_is_unchanged(store: Assistant, uploaded) -> None:
    result, _ = uploaded
    again = library.ingest_upload(store, "Liten rapport 2023.txt", UPLOAD_TEXT.encode())
    assert again.ok and again.status == "unchanged" and again.source == result.source
    assert "oförändrad" in again.message


def test_bad_file_is_an_error_and_changes_nothing(store: Assistant, uploaded) -> None:
    before = manifest_snapshot(store)
    bad = library.ingest_upload(store, "trasig.txt", b"\x00\x01\x02 binary" * 100)
    assert not bad.ok and bad.status == "error" and bad.source is None
    assert bad.message.startswith("Rapporten kunde inte läggas till:") and "binärfil" in bad.message
    broken = library.ingest_upload(store, "Liten rapport 2023.txt", b"\x00" * 100)  # a bad replacement
    assert not broken.ok
    assert manifest_snapshot(store) == before
    up = library.uploads_dir(store.settings)
    assert sorted(p.name for p in up.iterdir()) == ["Liten-rapport-2023.txt"]
    assert (up / "Liten-rapport-2023.txt").read_text(encoding="utf-8") == UPLOAD_TEXT  # the good upload is kept


def test_assistant_errors_and_surprises_are_messages(store: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    def down(*_a, **_k):
        raise AssistantError("Kan inte ansluta till Chroma (127.0.0.1:9): nere")

    monkeypatch.setattr(store, "ingest", down)
    res = library.ingest_upload(store, "ny.txt", b"Text")
    assert not res.ok and "Kan inte ansluta till Chroma (127.0.0.1:9)" in res.message

    def boom(*_a, **_k):
        raise RuntimeError("internal detail")

    monkeypatch.setattr(store, "ingest", boom)
    res = library.ingest_upload(store, "ny.txt", b"Text", lang="en")
    assert not res.ok and "internal detail" not in res.message and "Something went wrong" in res.message


# -- the uploader in the app (AppTest supports st.file_uploader) ---------------------------------------------------
@pytest.fixture
def app_env(tmp_path: Path) -> Iterator[Path]:
    """The app on a temp data dir whose bundled report is a small one (a quick first build)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "liten-rapport-2025.txt").write_text(small_text(), encoding="utf-8")
    env = {"ASSISTANT_DATA_DIR": str(tmp_path / "data"), "ASSISTANT_REPORTS_DIR": str(reports),
           "ASSISTANT_MODE": "extractive", "ASSISTANT_EVAL_DIR": str(tmp_path / "eval")}
    old = {k: os.environ.get(k) for k in [*env, "CHROMA_HOST"]}
    os.environ.update(env)
    os.environ.pop("CHROMA_HOST", None)
    yield tmp_path / "data"
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def test_app_upload_selects_the_new_report(app_env: Path) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.selectbox(key="f_report_sv_0").options == ["Alla rapporter (1)", "liten rapport 2025 "
                                                                 "(liten-rapport-2025.txt)"]
    at.sidebar.file_uploader(key="upload-0").set_value(("Ny rapport.txt", UPLOAD_TEXT.encode(), "text/plain")).run()
    at.sidebar.button(key="upload-go-0").click().run()
    assert not at.exception, [e.value for e in at.exception]
    selector = at.sidebar.selectbox(key="f_report_sv_1")
    # the upload is private to this session: its source carries the owner's tag, its label does not
    assert len(selector.options) == 3 and selector.value.endswith("/Ny-rapport.txt")
    assert "Ny rapport (Ny-rapport.txt)" in selector.options
    new = selector.value
    assert list((app_env / "uploads").glob("*/Ny-rapport.txt"))
    at.chat_input[0].set_value(COMPETENCE_Q).run()
    assert not at.exception, [e.value for e in at.exception]
    m = at.session_state["messages"][-1]
    assert m["filters"].source == new
    assert "93 miljoner kronor" in m["answer"].answer
    assert all(c.source == new for c in m["answer"].citations)
    # a bad file: the error text in the sidebar, no traceback, the selection kept
    at.sidebar.file_uploader(key="upload-1").set_value(("bild.txt", b"%PDF-1.4 nope", "text/plain")).run()
    at.sidebar.button(key="upload-go-1").click().run()
    assert not at.exception
    assert any("heter .txt" in e.value for e in at.sidebar.error)
    assert at.sidebar.selectbox(key="f_report_sv_1").value == new
