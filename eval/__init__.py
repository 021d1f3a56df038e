"""Regression evals for the report assistant: deterministic, offline checks of the
number, the page and the refusal, plus LLM-judged metrics when an LLM is configured.

Entry points: `python -m eval run|compare|bench` and `eval.runner.run_suite`.
"""
