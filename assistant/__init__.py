"""Ask a municipal report questions and get answers with page citations."""

from assistant.config import Settings, load_settings
from assistant.errors import AssistantError, InvalidQuestion, LLMError
from assistant.models import Answer, Citation, Filters, Turn

__all__ = [
    "Answer", "Assistant", "AssistantError", "Citation", "Filters", "InvalidQuestion", "LLMError", "Settings",
    "Turn", "load_settings",
]


def __getattr__(name: str):  # lazy: importing the package stays cheap
    if name == "Assistant":
        from assistant.api import Assistant

        return Assistant
    raise AttributeError(name)
