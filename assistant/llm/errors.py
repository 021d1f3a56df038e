"""Turn whatever an LLM client raises into one Swedish message that says what to check.

The clients (openai, ollama, httpx) raise many types, and their messages may
echo request details (OpenAI's 401 body even repeats part of the key), so a
message shown to officials is built only from the error's kind, its HTTP
status and non-secret settings, never from the exception text.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from assistant.errors import LLMError

if TYPE_CHECKING:
    from assistant.config import Settings

# kinds, in the words of the settings an official can change
UNREACHABLE = "unreachable"
TIMEOUT = "timeout"
AUTH = "auth"
NOT_FOUND = "not_found"
RATE_LIMIT = "rate_limit"
CONTEXT = "context_too_long"
BAD_REQUEST = "bad_request"
SERVER = "server_error"
MALFORMED = "malformed"
EMPTY = "empty"
CONFIG = "config"
OTHER = "other"

# After one of these a second call to the same server fails the same way; don't wait twice.
FATAL_KINDS = frozenset({UNREACHABLE, TIMEOUT, AUTH, NOT_FOUND, RATE_LIMIT, CONFIG})

_CONTEXT_HINTS = re.compile(
    r"context[ _-]?length|context window|maximum context|context size|n_ctx|too many tokens|prompt is too long|"
    r"too long|exceeds? the (available )?context|max_tokens|input length",
    re.IGNORECASE,
)


class LLMCallError(LLMError):
    """An LLM call failed; `kind` drives the fallback, `str()` is safe to show."""

    def __init__(self, message: str, kind: str = OTHER, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


def safe_url(url: str) -> str:
    """The URL without user info or query (which may carry credentials)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(ogiltig adress)"
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def scrub(text: str, secret: str) -> str:
    """Text for logs with the secret removed (belt and braces; we log no bodies)."""
    return text.replace(secret, "***") if secret else text


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen and len(seen) < 8:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def _status_and_body(exc: BaseException) -> tuple[int | None, str]:
    """HTTP status and error body text, from any client's exception type."""
    status = getattr(exc, "status_code", None)
    body = ""
    response = getattr(exc, "response", None)
    if status is None and response is not None:
        status = getattr(response, "status_code", None)
    raw_body = getattr(exc, "body", None)
    if raw_body is not None:
        body = raw_body if isinstance(raw_body, str) else json.dumps(raw_body, default=str)
    body += " " + str(getattr(exc, "error", "") or "") + " " + str(getattr(exc, "code", "") or "")
    body += " " + str(getattr(exc, "message", "") or "")
    return (int(status) if isinstance(status, int) and status > 0 else None), body


def classify(exc: BaseException) -> tuple[str, int | None]:
    """The kind of failure and its HTTP status, if any."""
    import httpx

    try:
        import openai
    except ImportError:  # pragma: no cover - openai comes with the llama-index integrations
        openai = None  # type: ignore[assignment]

    if isinstance(exc, LLMCallError):
        return exc.kind, exc.status
    for e in _chain(exc):
        if isinstance(e, TimeoutError | httpx.TimeoutException) or (
            openai is not None and isinstance(e, openai.APITimeoutError)
        ):
            return TIMEOUT, None
    status, body = _status_and_body(exc)
    if status is not None:
        if status in (401, 403):
            return AUTH, status
        if status == 404:
            return NOT_FOUND, status
        if status == 429:
            return RATE_LIMIT, status
        if status in (400, 413, 422) and _CONTEXT_HINTS.search(body + " " + str(exc)):
            return CONTEXT, status
        if status >= 500:
            return SERVER, status
        return BAD_REQUEST, status
    for e in _chain(exc):
        if isinstance(e, httpx.ConnectError | ConnectionRefusedError) or type(e) is ConnectionError:
            return UNREACHABLE, None
        if openai is not None and isinstance(e, openai.APIConnectionError):
            # openai wraps both refused connections and dropped streams; a refused one never got a response
            return (MALFORMED if isinstance(e.__cause__, httpx.RemoteProtocolError) else UNREACHABLE), None
        if isinstance(e, httpx.RemoteProtocolError | httpx.ReadError | json.JSONDecodeError | httpx.DecodingError):
            return MALFORMED, None
        if isinstance(e, ConnectionError | OSError):
            return UNREACHABLE, None
    if type(exc).__name__ in {"ResponseError", "APIError"}:  # error event inside a stream
        return SERVER, None
    if isinstance(exc, KeyError | TypeError | ValueError | AttributeError):  # unparseable payload
        return MALFORMED, None
    return OTHER, None


def message_for(kind: str, status: int | None, settings: Settings) -> str:
    """A Swedish message that names the setting to check; never includes the key."""
    url = safe_url(settings.llm_base_url)
    model = (settings.llm_deployment or settings.llm_model) if settings.llm_provider == "azure" else settings.llm_model
    code = f" (HTTP {status})" if status else ""
    seconds = f"{settings.llm_timeout:g} " + ("sekund" if settings.llm_timeout == 1 else "sekunder")
    messages = {
        UNREACHABLE: f"Kan inte nå språkmodellen på {url}. Kontrollera att servern är igång och att adressen "
                     "(ASSISTANT_LLM_BASE_URL) och leverantören (ASSISTANT_LLM_PROVIDER) stämmer.",
        TIMEOUT: f"Språkmodellen på {url} svarade inte inom {seconds}. Kontrollera att "
                 "servern inte är överbelastad, välj en mindre modell eller höj tidsgränsen (ASSISTANT_LLM_TIMEOUT).",
        AUTH: f"Språkmodellen nekade åtkomst{code}. Kontrollera API-nyckeln (ASSISTANT_LLM_API_KEY) och att den "
              "gäller för den här servern.",
        NOT_FOUND: f"Språkmodellen hittades inte{code}. Kontrollera modellnamnet “{model}” (ASSISTANT_LLM_MODEL, "
                   "för Azure ASSISTANT_LLM_DEPLOYMENT) och adressen (ASSISTANT_LLM_BASE_URL).",
        RATE_LIMIT: f"Språkmodellen tar inte emot fler anrop just nu{code}, gränsen för antal anrop (rate limit) är "
                    "nådd. Vänta en stund och försök igen, eller kontrollera kvoten hos leverantören.",
        CONTEXT: f"Frågan och källorna får inte plats i modellens kontextfönster{code}. Sänk "
                 "ASSISTANT_LLM_CONTEXT_TOKENS eller välj en modell med större kontext.",
        BAD_REQUEST: f"Språkmodellen avvisade anropet{code}. Kontrollera modellnamnet “{model}” och "
                     "inställningarna för språkmodellen.",
        SERVER: f"Språkmodellservern fick ett internt fel{code}. Försök igen om en stund eller kontrollera "
                "serverns logg.",
        MALFORMED: f"Svaret från språkmodellen på {url} avbröts eller var felformaterat. Kontrollera att servern "
                   "talar rätt protokoll (ASSISTANT_LLM_PROVIDER) och att anslutningen är stabil.",
        EMPTY: f"Språkmodellen “{model}” gav ett tomt svar. Kontrollera modellnamnet (ASSISTANT_LLM_MODEL).",
        OTHER: f"Språkmodellen på {url} kunde inte svara. Kontrollera adressen, modellnamnet och API-nyckeln.",
    }
    return messages.get(kind, messages[OTHER])


def to_llm_error(exc: BaseException, settings: Settings) -> LLMCallError:
    """Map any client exception to a safe LLMCallError."""
    if isinstance(exc, LLMCallError):
        return exc
    kind, status = classify(exc)
    return LLMCallError(message_for(kind, status, settings), kind, status)
