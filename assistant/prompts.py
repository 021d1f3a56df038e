"""Plain-text prompt templates in `prompts/`, so wording can be reviewed and
changed without touching code. Placeholders are `{name}`; any other braces in
a template or in the values are left alone (sources may contain braces)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from assistant.errors import AssistantError

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@lru_cache(maxsize=32)
def load(name: str) -> str:
    """The template `prompts/<name>.txt`, trailing whitespace stripped."""
    path = PROMPTS_DIR / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8").rstrip()
    except OSError as exc:
        raise AssistantError(f"Promptmallen {path} saknas eller kan inte läsas. Installera om programmet.") from exc


def render(name: str, **values: str) -> str:
    """Fill a template in one pass, so a value that itself contains `{x}` is never expanded."""
    template = load(name)
    missing = set(_PLACEHOLDER.findall(template)) - set(values)
    if missing:
        raise AssistantError(f"Promptmallen {name} saknar värden för: {', '.join(sorted(missing))}.")
    return _PLACEHOLDER.sub(lambda m: str(values[m[1]]), template)
