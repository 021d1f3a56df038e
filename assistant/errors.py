"""User-facing errors: each message says what happened and what to do next."""


class AssistantError(Exception):
    """Base class; `str(err)` is safe to show to an official (no traceback, no secrets)."""


class InvalidQuestion(AssistantError):
    """The question is empty, too long or otherwise unusable."""


class IndexError_(AssistantError):
    """The index is missing or unusable (e.g. the data directory is read-only)."""


class LLMError(AssistantError):
    """The configured LLM failed; callers fall back to the extractive answer."""
