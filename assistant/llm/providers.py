"""Build a LlamaIndex LLM from Settings, for any OpenAI-compatible server
(vLLM, llama.cpp server, LM Studio, OpenAI), Ollama or Azure OpenAI.

Common choices: no client retries (a retry would silently multiply the wait
past the timeout; the extractive answer is the fallback), the HTTP client's
timeout set to `llm_timeout` (so a stalled stream raises a read timeout), and
temperature from settings (0: the same question gives the same answer).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.llm.errors import CONFIG, LLMCallError

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

    from assistant.config import Settings

PROVIDERS = ("openai-compatible", "ollama", "azure")
_ALIASES = {
    "openai-compatible": "openai-compatible", "openai_compatible": "openai-compatible", "openai": "openai-compatible",
    "openai-like": "openai-compatible", "openailike": "openai-compatible", "vllm": "openai-compatible",
    "llama.cpp": "openai-compatible", "llamacpp": "openai-compatible", "lmstudio": "openai-compatible",
    "ollama": "ollama", "azure": "azure", "azure-openai": "azure", "azure_openai": "azure",
}
MAX_ANSWER_TOKENS = 1024  # answers are a few sentences; this bounds a runaway generation
# Room in Ollama's context (num_ctx) beyond the sources: system prompt, question, answer.
OLLAMA_EXTRA_CTX = 2048


def provider_name(settings: Settings) -> str:
    name = _ALIASES.get(settings.llm_provider.strip().lower())
    if name is None:
        raise LLMCallError(
            f"Okänd LLM-leverantör “{settings.llm_provider}”. Välj en av: {', '.join(PROVIDERS)} "
            "(ASSISTANT_LLM_PROVIDER).", CONFIG)
    return name


def model_label(settings: Settings) -> str:
    """The model name shown in `Answer.mode` ("llm:<model>")."""
    if provider_name(settings) == "azure":
        return settings.llm_deployment or settings.llm_model
    return settings.llm_model


def _require(value: str, message: str) -> str:
    if not value.strip():
        raise LLMCallError(message, CONFIG)
    return value.strip()


def build_llm(settings: Settings) -> LLM:
    """The configured LLM; cached per settings so HTTP connections are reused."""
    return _build(settings)


@lru_cache(maxsize=8)
def _build(settings: Settings) -> LLM:
    provider = provider_name(settings)
    base_url = _require(settings.llm_base_url, "Ingen adress till språkmodellen är angiven. Sätt ASSISTANT_LLM_BASE_URL.")
    timeout = float(settings.llm_timeout)
    if provider == "openai-compatible":
        from llama_index.llms.openai_like import OpenAILike

        model = _require(settings.llm_model, "Inget modellnamn är angivet. Sätt ASSISTANT_LLM_MODEL till modellens "
                                             "namn på servern (t.ex. det som /v1/models listar).")
        return OpenAILike(
            api_base=base_url.rstrip("/"), model=model,
            # Local servers ignore the key, but the OpenAI client insists on one.
            api_key=settings.llm_api_key or "ingen-nyckel",
            is_chat_model=True, is_function_calling_model=False, context_window=max(4096, 2 * settings.llm_context_tokens),
            timeout=timeout, max_retries=0, temperature=settings.llm_temperature, max_tokens=MAX_ANSWER_TOKENS,
        )
    if provider == "ollama":
        from llama_index.llms.ollama import Ollama

        model = _require(settings.llm_model, "Inget modellnamn är angivet. Sätt ASSISTANT_LLM_MODEL till en modell "
                                             "som finns i Ollama (se `ollama list`).")
        headers = {"Authorization": f"Bearer {settings.llm_api_key}"} if settings.llm_api_key else None
        return Ollama(
            base_url=base_url.rstrip("/"), model=model, request_timeout=timeout, temperature=settings.llm_temperature,
            # An explicit num_ctx: Ollama's small default would silently cut the sources off,
            # and leaving it unset costs an extra /api/show call.
            context_window=settings.llm_context_tokens + OLLAMA_EXTRA_CTX,
            additional_kwargs={"num_predict": MAX_ANSWER_TOKENS}, headers=headers, keep_alive="5m",
        )
    from llama_index.llms.azure_openai import AzureOpenAI
    from llama_index.llms.openai.utils import ALL_AVAILABLE_MODELS

    deployment = _require(settings.llm_deployment or settings.llm_model,
                          "Ingen Azure-driftsättning är angiven. Sätt ASSISTANT_LLM_DEPLOYMENT till namnet på "
                          "driftsättningen i Azure OpenAI.")
    key = _require(settings.llm_api_key, "Ingen API-nyckel för Azure OpenAI är angiven. Sätt ASSISTANT_LLM_API_KEY.")
    # `model` only feeds LlamaIndex's metadata lookup, which rejects unknown names; requests use the deployment.
    model = settings.llm_model if settings.llm_model in ALL_AVAILABLE_MODELS else "gpt-4o"
    return AzureOpenAI(
        engine=deployment, model=model, azure_endpoint=base_url, api_key=key, api_version=settings.llm_api_version,
        timeout=timeout, max_retries=0, temperature=settings.llm_temperature, max_tokens=MAX_ANSWER_TOKENS,
    )
