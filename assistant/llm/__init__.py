"""The `llm` answer mode: LlamaIndex LLM integrations (OpenAI-compatible servers,
Ollama, Azure OpenAI) with citation verification and an extractive fallback."""
