"""LLM-judged faithfulness and relevancy (LlamaIndex evaluators).

Only meaningful when an LLM is configured: without one these metrics are
reported as skipped with the reason, never as zero, so an offline CI run and an
LLM run stay comparable on the deterministic metrics.
"""

from __future__ import annotations

from typing import Any

from assistant.config import Settings
from assistant.models import Answer


def judge_status(settings: Settings, mode: str | None = None) -> tuple[bool, str]:
    """(enabled, reason when skipped)."""
    if (mode or settings.mode) != "llm":
        return False, "skipped: answering mode is extractive (judged metrics need --mode llm and a configured LLM)"
    if not (settings.llm_model or settings.llm_deployment):
        return False, "skipped: no LLM configured (set ASSISTANT_LLM_MODEL, or llm_deployment for Azure)"
    return True, ""


def build_llm(settings: Settings) -> Any:
    """The LLM the answerer uses (assistant.llm.providers), so the judge talks to the same endpoint."""
    from assistant.llm.providers import build_llm as provider_llm

    return provider_llm(settings)


class Judge:
    """Scores one answer against the passages it cites."""

    def __init__(self, llm: Any) -> None:
        from llama_index.core.evaluation import FaithfulnessEvaluator, RelevancyEvaluator

        self.faithfulness = FaithfulnessEvaluator(llm=llm)
        self.relevancy = RelevancyEvaluator(llm=llm)

    def score(self, answer: Answer) -> dict[str, Any]:
        """{"faithfulness": 0..1, "relevancy": 0..1}; refusals are not judged (None)."""
        if answer.refused or not answer.citations:
            return {"faithfulness": None, "relevancy": None, "note": "not judged: refused or uncited"}
        contexts = [c.passage or c.quote for c in answer.citations]
        out: dict[str, Any] = {}
        for name, evaluator in (("faithfulness", self.faithfulness), ("relevancy", self.relevancy)):
            try:
                result = evaluator.evaluate(query=answer.question, response=answer.answer, contexts=contexts)
                out[name] = float(result.score) if result.score is not None else None
            except Exception as exc:  # one failed call must not end a 170-item run
                out[name] = None
                out.setdefault("errors", []).append(f"{name}: {type(exc).__name__}: {exc}")
        return out


def make_judge(settings: Settings, mode: str | None = None, llm: Any = None) -> tuple[Judge | None, str]:
    """(judge or None, status text for results.json meta)."""
    if llm is not None:
        return Judge(llm), "enabled"
    enabled, reason = judge_status(settings, mode)
    if not enabled:
        return None, reason
    try:
        return Judge(build_llm(settings)), "enabled"
    except Exception as exc:  # a missing optional package or bad config: skip, say why
        return None, f"skipped: could not build the LLM ({type(exc).__name__}: {exc})"
