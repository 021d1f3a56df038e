"""The `llm` answer mode: condense a follow-up, retrieve, prompt a LlamaIndex
LLM with numbered sources, verify every citation, and fall back to the
extractive answer (with a Swedish notice) when the LLM fails.

Time limits: every LLM call runs in a worker thread and the caller waits at
most `llm_timeout` seconds for the whole call, streamed or not (the HTTP
client's read timeout is the same, so an abandoned worker ends soon after).
A stalled or slow server therefore never holds an official past the timeout.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from llama_index.core.llms import ChatMessage, MessageRole

from assistant import prompts
from assistant.answer.extractive import retrieved_of
from assistant.answer.question import detect_lang
from assistant.errors import AssistantError, LLMError
from assistant.llm.context import Source, build_sources, render_sources
from assistant.llm.errors import (
    CONFIG,
    EMPTY,
    FATAL_KINDS,
    MALFORMED,
    OTHER,
    TIMEOUT,
    LLMCallError,
    message_for,
    scrub,
    to_llm_error,
)
from assistant.llm.providers import build_llm, model_label
from assistant.llm.verify import MARKER, REFUSAL, marker_numbers, strip_markers, verify_answer
from assistant.models import Answer, AnswerStream, Filters, Turn, validate_question

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

    from assistant.config import Settings

log = logging.getLogger(__name__)

HISTORY_TURNS = 3  # earlier exchanges given to the condenser
HISTORY_ANSWER_CHARS = 600
FALLBACK_NOTE = "Svaret nedan är hämtat direkt ur rapporten, utan språkmodell."
# what `notice` says about sentences the check could not back (marked ⚠ in the text, or dropped)
UNVERIFIED_NOTES = {
    "sv": {"marked": "{n} av {total} {noun} i språkmodellens svar kunde inte beläggas med källorna och är markerade "
                     "med ⚠. Kontrollera dem i källan innan du använder dem.",
           "dropped": "{n} {noun} i språkmodellens svar kunde inte beläggas med källorna och togs bort.",
           "none_left": "Inget av språkmodellens påståenden kunde beläggas med källorna. " + FALLBACK_NOTE,
           "one": "mening", "many": "meningar"},
    "en": {"marked": "{n} of {total} {noun} in the language model's answer could not be backed by the sources and "
                     "are marked ⚠. Check them in the source before you use them.",
           "dropped": "{n} {noun} in the language model's answer could not be backed by the sources and were removed.",
           "none_left": "None of the language model's claims could be backed by the sources. The answer below is "
                        "taken directly from the report, without a language model.",
           "one": "sentence", "many": "sentences"},
}


def unverified_notice(n: int, total: int, lang: str, dropped: bool) -> str | None:
    """How many sentences could not be backed, and what happened to them; None when all were."""
    if n <= 0:
        return None
    notes = UNVERIFIED_NOTES.get(lang, UNVERIFIED_NOTES["sv"])
    noun = notes["one"] if (total if not dropped else n) == 1 else notes["many"]
    return notes["dropped" if dropped else "marked"].format(n=n, total=max(total, n), noun=noun)


class Answerer(Protocol):
    def answer(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
               lang: str | None = None) -> Answer: ...


@dataclass
class Prepared:
    """Everything decided before generation: the query, the sources and the prompt."""

    question: str
    query: str  # standalone question used for retrieval and the prompt
    lang: str
    scope: str
    sources: list[Source] = field(default_factory=list)
    messages: list[ChatMessage] = field(default_factory=list)
    retrieved: list[dict[str, Any]] = field(default_factory=list)
    history: list[Turn] = field(default_factory=list)  # for the extractive fallback
    filters: Filters | None = None
    shape: str = "fact"  # the route's shape: it picks the prompt and the sources
    confidence: float | None = None  # the judge's, from the offline engine
    span: str | None = None
    decided: Answer | None = None  # answered (or refused) without a model: the judge refused, or an outline answer


# -- calls with a deadline ---------------------------------------------------
def _timeout_error(settings: Settings) -> LLMCallError:
    return LLMCallError(message_for(TIMEOUT, None, settings), TIMEOUT)


def _is_final(raw: Any) -> bool:
    """Whether a stream chunk is the protocol's last one (OpenAI finish_reason, Ollama done)."""
    if raw is None:
        return False
    get = raw.get if isinstance(raw, dict) else (lambda k, d=None: getattr(raw, k, d))
    if get("done", False):
        return True
    choices = get("choices", None) or []
    for choice in choices:
        reason = choice.get("finish_reason") if isinstance(choice, dict) else getattr(choice, "finish_reason", None)
        if reason:
            return True
    return False


def call_chat(llm: LLM, messages: Sequence[ChatMessage], settings: Settings, deadline: float) -> str:
    """One non-streamed chat call; returns its text or raises LLMCallError by the deadline."""
    box: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=1)

    def work() -> None:
        try:
            box.put(("ok", llm.chat(list(messages))))
        except BaseException as exc:  # handed to the caller, which maps it
            box.put(("error", exc))

    threading.Thread(target=work, name="llm-chat", daemon=True).start()
    try:
        kind, value = box.get(timeout=max(0.0, deadline - time.monotonic()))
    except queue.Empty:
        raise _timeout_error(settings) from None
    if kind == "error":
        raise to_llm_error(value, settings) from None
    return value.message.content or ""


def stream_chat(llm: LLM, messages: Sequence[ChatMessage], settings: Settings, deadline: float) -> Iterator[str]:
    """Text deltas of a streamed chat call, ending by the deadline.

    Raises LLMCallError on a client error, on the deadline, and when the stream
    ends without the protocol's final chunk (a dropped connection).
    """
    q: queue.Queue[tuple[str, Any, bool]] = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        gen = None
        try:
            gen = llm.stream_chat(list(messages))
            for response in gen:
                if stop.is_set():
                    break
                q.put(("delta", response.delta or "", _is_final(response.raw)))
            q.put(("end", None, False))
        except BaseException as exc:
            q.put(("error", exc, False))
        finally:
            if gen is not None:
                with contextlib.suppress(Exception):
                    gen.close()

    threading.Thread(target=work, name="llm-stream", daemon=True).start()
    finished = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _timeout_error(settings)
            try:
                kind, value, final = q.get(timeout=remaining)
            except queue.Empty:
                raise _timeout_error(settings) from None
            if kind == "error":
                raise to_llm_error(value, settings) from None
            if kind == "end":
                if not finished:
                    raise LLMCallError(message_for(MALFORMED, None, settings), MALFORMED)
                return
            finished = finished or final
            if value:
                yield value
    finally:
        stop.set()


# -- streaming marker rewriting ------------------------------------------------
class MarkerStream:
    """Renumber `[n]` markers while streaming, in first-use order like the final answer,
    and hold back a reasoning model's leading <think> block."""

    def __init__(self, valid: set[int]) -> None:
        self.valid = valid
        self.mapping: dict[int, int] = {}
        self.buf = ""
        self.state = "start"  # start | think | text

    def _marker(self, m: re.Match[str]) -> str:
        new: list[int] = []
        for n in marker_numbers(m):
            if n in self.valid:
                self.mapping.setdefault(n, len(self.mapping) + 1)
                if self.mapping[n] not in new:
                    new.append(self.mapping[n])
        return "[" + ", ".join(map(str, new)) + "]" if new else "[?]"

    def feed(self, delta: str) -> str:
        self.buf += delta
        out: list[str] = []
        while self.buf:
            if self.state == "start":
                head = self.buf.lstrip().lower()
                if "<think>".startswith(head):
                    break  # maybe the start of a <think> tag: wait
                if head.startswith("<think>"):
                    self.state = "think"
                    continue
                self.state, self.buf = "text", self.buf.lstrip()
                continue
            if self.state == "think":
                end = self.buf.lower().find("</think>")
                if end < 0:
                    self.buf = self.buf[-8:]
                    break
                self.buf, self.state = self.buf[end + len("</think>"):].lstrip(), "start"
                continue
            i = self.buf.find("[")
            if i < 0:
                out.append(self.buf)
                self.buf = ""
                break
            out.append(self.buf[:i])
            self.buf = self.buf[i:]
            j = self.buf.find("]")
            if j < 0:
                if len(self.buf) > 40 or "\n" in self.buf:
                    out.append(self.buf[0])
                    self.buf = self.buf[1:]
                    continue
                break  # an unfinished marker: wait for more
            candidate = self.buf[:j + 1]
            m = MARKER.fullmatch(candidate)
            out.append(self._marker(m) if m else candidate)
            self.buf = self.buf[j + 1:]
        return "".join(out)

    def flush(self) -> str:
        rest = "" if self.state == "think" else self.buf
        self.buf = ""
        return rest


def _words(text: str) -> Iterator[str]:
    for m in re.finditer(r"\S+\s*", text):
        yield m[0]


# -- the answerer ---------------------------------------------------------------
class LLMAnswerer:
    """Answers with the configured LLM; `answer()` has the extractive answerer's signature."""

    def __init__(self, assistant: Any, fallback: Answerer | None = None, llm: LLM | None = None) -> None:
        self.a = assistant
        self.settings: Settings = assistant.settings
        self._fallback = fallback
        self._llm = llm

    @property
    def llm(self) -> LLM:
        if self._llm is None:
            self._llm = build_llm(self.settings)
        return self._llm

    @property
    def label(self) -> str:
        try:
            return model_label(self.settings) or "okänd"
        except LLMError:
            return self.settings.llm_model or "okänd"

    # -- public ---------------------------------------------------------------
    def answer(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
               lang: str | None = None) -> Answer:
        """A verified LLM answer, or the extractive one with a notice if the LLM fails."""
        history = history or []
        try:
            prepared = self._prepare(question, history, filters, lang)
            if prepared.decided is not None:
                return prepared.decided
            if not prepared.sources:
                return self._refusal(prepared)
            deadline = time.monotonic() + self.settings.llm_timeout
            text = call_chat(self.llm, prepared.messages, self.settings, deadline)
            return self._finish(prepared, text)
        except Exception as exc:
            return self._fall_back(question, history, filters, lang, exc)

    def stream(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
               lang: str | None = None) -> AnswerStream:
        """Stream the LLM's text (markers renumbered on the fly); `.answer` is the verified Answer.

        The streamed text is provisional: verification may drop sentences or
        replace the answer by the extractive fallback, so render `.answer` at the end.
        """
        history = history or []
        t0 = time.perf_counter()
        result: dict[str, Answer] = {}

        def pieces() -> Iterator[str]:
            yielded = False
            try:
                prepared = self._prepare(question, history, filters, lang)
                if prepared.decided is not None:
                    result["answer"] = prepared.decided
                    yield from _words(prepared.decided.answer)
                    return
                if not prepared.sources:
                    result["answer"] = self._refusal(prepared)
                    yield result["answer"].answer
                    return
                rewriter = MarkerStream({s.n for s in prepared.sources})
                raw: list[str] = []
                deadline = time.monotonic() + self.settings.llm_timeout
                for delta in stream_chat(self.llm, prepared.messages, self.settings, deadline):
                    raw.append(delta)
                    text = rewriter.feed(delta)
                    if text:
                        yielded = True
                        yield text
                tail = rewriter.flush()
                if tail:
                    yield tail
                result["answer"] = self._finish(prepared, "".join(raw))
            except Exception as exc:
                result["answer"] = self._fall_back(question, history, filters, lang, exc)
                if not yielded:
                    yield from _words(result["answer"].answer)

        def finish() -> Answer:
            answer = result["answer"]
            answer.latency_ms = (time.perf_counter() - t0) * 1000
            return answer

        return AnswerStream(pieces(), finish)

    # -- steps ------------------------------------------------------------------
    def _prepare(self, question: str, history: list[Turn], filters: Filters | None, lang: str | None) -> Prepared:
        lang = lang if lang in ("sv", "en") else detect_lang(question)
        scope = (filters or Filters()).describe(lang)
        query = self._condense(question, history, lang) if history else question
        # the same route and judge as the offline answer: a question the judge refuses never reaches the model
        judged = self._engine().answer(query, history=history if query == question else [], filters=filters,
                                       lang=lang)
        prepared = Prepared(question, query, lang, scope, history=history, filters=filters, shape=judged.shape,
                            confidence=judged.confidence, span=judged.span)
        if judged.refused or judged.shape == "outline":  # outline answers come exact from the parse
            judged.question = question
            prepared.decided = judged
            return prepared
        if judged.shape in ("summary", "page"):  # the resolved span, in report order
            index = self.a.index
            hits = [(index.by_id[d["id"]], 0.0) for d in judged.retrieved if d.get("id") in index.by_id]
        else:
            hits = self.a.retrieve_evidence(query, filters, k=self.settings.top_k, lang=lang)  # best evidence is [1]
        prepared.retrieved = retrieved_of(hits)
        if not hits:
            return prepared
        prepared.sources = build_sources(hits, self.settings.llm_context_tokens)
        if not prepared.sources:
            raise LLMCallError(
                f"Inställningen ASSISTANT_LLM_CONTEXT_TOKENS ({self.settings.llm_context_tokens}) är för liten för "
                "att rymma någon källa. Höj den (t.ex. till 3000).", CONFIG)
        titles = sorted({str(s.chunk.meta.get("report_title") or "") for s in prepared.sources} - {""})
        system = prompts.render("system", report_title="; ".join(titles) or "rapporten")
        user = self._user_prompt(prepared, render_sources(prepared.sources))
        prepared.messages = [ChatMessage(role=MessageRole.SYSTEM, content=system),
                             ChatMessage(role=MessageRole.USER, content=user)]
        return prepared

    def _engine(self) -> Any:
        """The offline engine of the library: its route and judge decide before the model is asked."""
        return self.a.answer_engine()

    def _user_prompt(self, prepared: Prepared, sources: str) -> str:
        """The prompt of the question's shape: a fact, a brief of points, or a summary of a span."""
        lang, shape = prepared.lang, prepared.shape
        if shape in ("summary", "page"):
            span = prepared.span or ("den delen" if lang == "sv" else "that part")
            return prompts.render(f"answer_summary_{lang}", sources=sources, question=prepared.query, span=span)
        if shape in ("brief", "reason", "change"):
            hints = {"sv": {"brief": "vad görs och vad har hänt", "reason": "orsakerna", "change": "förändringen och "
                            "båda talen"},
                     "en": {"brief": "what is done and what has happened", "reason": "the causes",
                            "change": "the change and both figures"}}
            return prompts.render(f"answer_brief_{lang}", sources=sources, question=prepared.query,
                                  shape_hint=hints[lang][shape])
        return prompts.render(f"answer_{lang}", sources=sources, question=prepared.query)

    def _condense(self, question: str, history: list[Turn], lang: str) -> str:
        """A standalone version of a follow-up, written by the LLM; the raw question if that fails.

        A failure that would also sink the answer call (unreachable, timeout,
        key, rate limit) is raised instead, so the official does not wait twice.
        """
        q_label, a_label = ("Fråga", "Svar") if lang == "sv" else ("Question", "Answer")
        lines = []
        for turn in history[-HISTORY_TURNS:]:
            answer = strip_markers(turn.answer or "")
            if len(answer) > HISTORY_ANSWER_CHARS:
                answer = answer[:HISTORY_ANSWER_CHARS].rsplit(" ", 1)[0] + " …"
            lines.append(f"{q_label}: {turn.question}\n{a_label}: {answer}")
        prompt = prompts.render(f"condense_{lang}", history="\n\n".join(lines), question=question,
                                report_title=self._library_title())
        try:
            text = call_chat(self.llm, [ChatMessage(role=MessageRole.USER, content=prompt)], self.settings,
                             time.monotonic() + self.settings.llm_timeout)
        except LLMCallError as exc:
            if exc.kind in FATAL_KINDS:
                raise
            log.info("condensation failed (%s); using the question as asked", exc.kind)
            return question
        return clean_condensed(text, question, self.settings.max_question_chars)

    def _library_title(self) -> str:
        try:
            titles = [r.title for r in self.a.reports() if r.title]
        except Exception:
            titles = []
        return "; ".join(titles) or "rapporten"

    def _finish(self, prepared: Prepared, text: str) -> Answer:
        if not text.strip():
            raise LLMCallError(message_for(EMPTY, None, self.settings), EMPTY)
        drop = self.settings.drop_unverified
        v = verify_answer(text, prepared.sources, lang=prepared.lang, drop_unverified=drop)
        if drop and v.refused and v.unsupported:
            # nothing verified was left: the report may still answer, so give the extractive answer, not a refusal
            return self._extractive_instead(prepared, v.unsupported)
        claims = sum(1 for c in v.sentences if not c.exempt)
        notice = unverified_notice(len(v.unsupported), claims, prepared.lang, dropped=drop)
        return Answer(question=prepared.question, answer=v.answer, refused=v.refused, citations=v.citations,
                      mode=f"llm:{self.label}", lang=prepared.lang, scope=prepared.scope, unsupported=v.unsupported,
                      notice=notice, retrieved=prepared.retrieved, shape=prepared.shape if not v.refused else
                      "out_of_scope", confidence=prepared.confidence, span=prepared.span)

    def _extractive_instead(self, prepared: Prepared, unsupported: list[str]) -> Answer:
        """The extractive answer when every sentence of the LLM's was dropped as unverified."""
        fallback = self._fallback or self._default_fallback()
        answer = fallback.answer(prepared.question, history=prepared.history, filters=prepared.filters,
                                 lang=prepared.lang)
        answer.mode = "extractive"
        answer.unsupported = list(unsupported)
        answer.notice = UNVERIFIED_NOTES.get(prepared.lang, UNVERIFIED_NOTES["sv"])["none_left"]
        return answer

    def _refusal(self, prepared: Prepared) -> Answer:
        return Answer(question=prepared.question, answer=REFUSAL[prepared.lang], refused=True,
                      mode=f"llm:{self.label}", lang=prepared.lang, scope=prepared.scope, retrieved=prepared.retrieved,
                      shape="out_of_scope", confidence=prepared.confidence)

    def _fall_back(self, question: str, history: list[Turn], filters: Filters | None, lang: str | None,
                   exc: Exception) -> Answer:
        """The extractive answer, with a notice that says why and what to check."""
        if isinstance(exc, AssistantError) and not isinstance(exc, LLMError):
            raise exc  # index or question problems: the fallback would fail the same way
        if isinstance(exc, LLMCallError):
            err = exc
        elif isinstance(exc, LLMError):
            err = LLMCallError(str(exc), OTHER)
        else:
            err = to_llm_error(exc, self.settings)
            if err.kind == OTHER:  # a bug of ours rather than the server's: keep the type for the log
                log.warning("LLM answer failed unexpectedly: %s", scrub(type(exc).__name__, self.settings.llm_api_key))
        log.warning("LLM %s failed (%s%s); extractive fallback", self.label, err.kind,
                    f", HTTP {err.status}" if err.status else "")
        fallback = self._fallback or self._default_fallback()
        answer = fallback.answer(question, history=history, filters=filters, lang=lang)
        answer.mode = "extractive"
        answer.notice = f"{err} {FALLBACK_NOTE}"
        return answer

    def _default_fallback(self) -> Answerer:
        return self._engine()


_CONDENSED_PREFIX = re.compile(
    r"^\s*(?:\*\*)?(?:fristående fråga|omskriven fråga|standalone question|rewritten question|fråga|question)"
    r"(?:\*\*)?\s*:\s*", re.IGNORECASE)


def clean_condensed(text: str, question: str, max_chars: int) -> str:
    """The condensed question, or the original if the output is unusable (empty, an essay, an answer)."""
    from assistant.llm.verify import strip_think

    lines = [ln.strip() for ln in strip_think(text).splitlines() if ln.strip()]
    if not lines:
        return question
    line = _CONDENSED_PREFIX.sub("", lines[0]).strip().strip("\"“”'*").strip()
    if not line or len(line) > min(max_chars, 3 * len(question) + 300) or MARKER.search(line):
        return question
    return line


def stream_llm(assistant: Any, question: str, *, history: list[Turn] | None = None, filters: Filters | None = None,
               mode: str | None = None, lang: str | None = None,
               fallback: Answerer | None = None) -> AnswerStream:
    """`Assistant.ask_stream` for mode llm: token deltas, then the verified Answer on `.answer`."""
    q = validate_question(question, assistant.settings.max_question_chars)
    answerer = LLMAnswerer(assistant, fallback=fallback)
    return answerer.stream(q, history=history or [], filters=filters, lang=lang)


__all__ = ["LLMAnswerer", "MarkerStream", "call_chat", "clean_condensed", "stream_chat", "stream_llm"]
