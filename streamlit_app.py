"""Streamlit app: ask Malmö stad's report questions, get cited answers to paste into a memo.

Layout only. Answering lives in assistant.api; memo text, highlighting, feedback,
export and strings in assistant.ui. Run with `make run` (streamlit run streamlit_app.py).
"""

from __future__ import annotations

import html
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from assistant.api import Assistant
from assistant.config import Settings, load_settings
from assistant.errors import AssistantError
from assistant.models import Filters
from assistant.ui import feedback, library, session
from assistant.ui.export import to_json, to_markdown
from assistant.ui.highlight import page_box, passage_box
from assistant.ui.i18n import LANG_NAMES, LANGS, STRINGS, norm_lang, status_label, t
from assistant.ui.memo import memo_markdown, memo_plain

log = logging.getLogger("assistant.ui")

st.set_page_config(page_title="Rapportassistenten · Malmö stad", page_icon=":material/description:",
                   layout="centered", initial_sidebar_state="expanded")
st.html("""<style>
  [data-testid="stChatMessage"] .cite-ref:hover { background:#0a5fa6 !important; color:#fff !important; }
  [data-testid="stSidebar"] [data-testid="stCaptionContainer"] { line-height: 1.35; }
  h1 { font-size: 2rem !important; }
</style>""")


@dataclass
class Ctx:
    """What every page needs from one script run."""

    assistant: Assistant
    settings: Settings
    lang: str
    filters: Filters | None
    outline: dict[str, Any]
    report_title: str
    ask_lock: threading.Lock
    key: str  # identifies the settings (and so the index) for caches
    conversation_slot: Any = None  # sidebar container for export/reset


# -- shared resources (one per server process) ------------------------------------------
@st.cache_resource(show_spinner=False)
def _assistant(key: str, _settings: Settings) -> Assistant:
    return Assistant(_settings)


@st.cache_resource(show_spinner=False)
def _state(key: str) -> dict[str, Any]:
    # ask_lock: the in-memory index is shared by all sessions and carries the filters of the current search
    return {"ready": False, "lock": threading.Lock(), "ask_lock": threading.Lock()}


@st.cache_data(show_spinner=False, max_entries=256)
def _page_text(key: str, source: str, page: int, _a: Assistant) -> str:
    return _a.page_text(source, page)


def _fail(message: str, lang: str) -> None:
    st.error(message, icon=":material/error:")
    st.caption(t("what_to_do", lang))
    st.stop()


def _startup() -> Ctx:
    """Load settings, create the assistant and build the index on first start, with a progress bar."""
    lang = norm_lang(st.session_state.get("lang"))
    try:
        settings = load_settings()
    except AssistantError as exc:
        _fail(str(exc), lang)
    lang = norm_lang(st.session_state.get("lang") or settings.language)
    key = json.dumps(settings.redacted(), sort_keys=True, default=str)
    state = _state(key)
    try:
        a = _assistant(key, settings)
        if not state["ready"]:
            with state["lock"]:
                if not state["ready"]:
                    box = st.empty()
                    with box.container():
                        st.info(t("building_index", lang), icon=":material/hourglass_top:")
                        bar = st.progress(0.0, text=t("loading", lang))
                    t0 = time.perf_counter()

                    def progress(message: str, fraction: float) -> None:
                        bar.progress(min(max(float(fraction), 0.0), 1.0) * 0.95, text=message)

                    built = a.ensure_ready(progress=progress)
                    bar.progress(0.97, text=t("warming", lang))
                    _ = a.index  # BM25 + dense index in memory now, not on the first question
                    a.retrieve("social obligation")  # loads the query embedding path
                    new = [r.source for r in built if r.status == "ingested"]
                    if new:
                        st.session_state["_notice"] = f"{t('ready', lang)}: {', '.join(new)} " \
                                                      f"({time.perf_counter() - t0:.0f} s)"
                    state["ready"] = True
                    box.empty()
        reports = a.reports()
        outline = a.outline()
    except Exception as exc:
        _fail(session.friendly_error(exc, lang), lang)
    title = reports[0].title if reports else "Delårsrapport 2025, Kommunstyrelsen"
    return Ctx(a, settings, lang, None, outline, title, state["ask_lock"], key)


# -- sidebar ----------------------------------------------------------------------------------
def _index(options: list[str], value: str) -> int:
    return options.index(value) if value in options else 0


def _sidebar(ctx: Ctx) -> None:
    lang = ctx.lang
    with st.sidebar:
        st.segmented_control("Språk · Language", LANGS, key="lang", format_func=LANG_NAMES.get, required=True,
                             default=norm_lang(ctx.settings.language))
        _library_sidebar(ctx)  # report library: which report to search, upload a report
        st.markdown(f"**{t('scope', lang)}**", help=t("scope_help", lang))
        areas = session.goal_areas(ctx.outline)
        # "" = everything (None would show as an empty selection); the widget keys carry the language so
        # "Alla mål" is relabelled on a switch, and the choice is carried over in scope_area/scope_goal
        area_opts = ["", *areas]
        area = st.selectbox(t("goal_area", lang), area_opts, key=f"f_area_{lang}",
                            index=_index(area_opts, st.session_state.get("scope_area", "")),
                            format_func=lambda x: x or t("all_goal_areas", lang))
        goal_opts = ["", *session.goals_in(ctx.outline, area)]
        goal = st.selectbox(t("goal", lang), goal_opts, key=f"f_goal_{lang}_{area}",
                            index=_index(goal_opts, st.session_state.get("scope_goal", "")),
                            format_func=lambda x: x or t("all_goals", lang))
        st.session_state["scope_area"], st.session_state["scope_goal"] = area, goal
        ctx.filters = session.make_filters(area, goal, ctx.outline)
        ctx.filters = library.with_report(ctx.filters, st.session_state.get("scope_report"))  # report library

        st.divider()
        st.markdown(f"**{t('mode', lang)}**")
        st.caption(session.mode_label(ctx.settings, lang))

        # filled after the page has run, so an answer given in this run can be exported at once
        ctx.conversation_slot = st.container()
        st.divider()
        with st.expander(t("settings", lang), icon=":material/settings:"):
            st.caption(t("settings_help", lang))
            st.json(ctx.settings.redacted(), expanded=True)


# -- report library (issue 6): layout only, behaviour in assistant/ui/library.py -------------------------------
def _library_sidebar(ctx: Ctx) -> None:
    """Which report to search (all or one), and adding a report by upload with a progress bar."""
    lang = ctx.lang
    records = ctx.assistant.reports()
    options = library.report_options(records)
    gen = st.session_state.setdefault("upload_n", 0)  # a new selector after an upload, preselecting the new report
    source = st.selectbox(t("lib_report", lang), options, key=f"f_report_{lang}_{gen}", help=t("lib_report_help", lang),
                          index=_index(options, st.session_state.get("scope_report", "")),
                          format_func=lambda s: library.report_label(s, records, lang))
    st.session_state["scope_report"] = source
    if rec := library.selected_report(records, source):
        ctx.outline, ctx.report_title = ctx.assistant.outline(rec.source), rec.title
    elif len(records) > 1:
        ctx.report_title = t("lib_all_titles", lang, n=len(records))
    with st.expander(t("lib_upload", lang), icon=":material/upload_file:"):
        st.caption(t("lib_upload_help", lang))
        file = st.file_uploader(t("lib_file", lang), type=["pdf", "txt"], key=f"upload-{gen}")
        if file is not None and st.button(t("lib_ingest", lang), key=f"upload-go-{gen}", type="primary",
                                          icon=":material/library_add:", width="stretch"):
            bar = st.progress(0.0, text=t("lib_ingesting", lang, name=file.name))
            result = library.ingest_upload(ctx.assistant, file.name, file.getvalue(), lang=lang, lock=ctx.ask_lock,
                                           progress=library.clamp_progress(lambda v, m: bar.progress(v, text=m)))
            bar.empty()
            st.session_state["upload_result"] = result
            if result.ok:
                st.session_state["scope_report"], st.session_state["upload_n"] = result.source, gen + 1
                _page_text.clear()  # a replaced report may have other page texts under the same name
                st.rerun()
        if (result := st.session_state.pop("upload_result", None)) is not None:
            if result.ok:
                st.success(result.message, icon=":material/check_circle:")
            else:
                st.error(result.message, icon=":material/error:")
            for w in result.warnings:
                st.warning(t("lib_warning", lang, warning=w))


def _conversation_sidebar(ctx: Ctx) -> None:
    """Export and reset, below the scope filters; rendered after the page so it includes the latest answer."""
    lang = ctx.lang
    with ctx.conversation_slot:
        messages = st.session_state.get("messages", [])
        if messages:
            st.divider()
            st.markdown(f"**{t('conversation', lang)}**")
            stamp = time.strftime("%Y%m%d-%H%M")
            st.download_button(t("export_md", lang), to_markdown(messages, lang, ctx.report_title),
                               file_name=f"rapportassistent-{stamp}.md", mime="text/markdown",
                               icon=":material/download:", width="stretch", on_click="ignore")
            st.download_button(t("export_json", lang), to_json(messages, ctx.report_title),
                               file_name=f"rapportassistent-{stamp}.json", mime="application/json",
                               icon=":material/data_object:", width="stretch", on_click="ignore")
            if st.button(t("new_chat", lang), icon=":material/add_comment:", width="stretch"):
                st.session_state["messages"] = []
                st.rerun()


# -- chat page --------------------------------------------------------------------------------------
def _store_feedback(ctx: Ctx, message: dict[str, Any]) -> None:
    value = st.session_state.get(f"fb-{message['id']}")
    try:
        feedback.record(ctx.settings.data_dir, message["id"], value, message["answer"])
        if value is not None:
            st.toast(t("feedback_saved", ctx.lang), icon=":material/thumb_up:")
    except Exception as exc:  # feedback must never break the conversation
        st.toast(session.friendly_error(exc, ctx.lang), icon=":material/error:")


def _render_answer(ctx: Ctx, m: dict[str, Any]) -> None:
    """The answer with its inline citations, sources, memo text and feedback."""
    lang, a = ctx.lang, m["answer"]
    st.markdown(session.answer_html(a, m["id"], lang), unsafe_allow_html=True)
    if a.notice:
        st.info(a.notice, icon=":material/info:")
    if a.unsupported:
        st.warning(t("unsupported", lang, items="; ".join(a.unsupported)))
    if a.refused:
        st.caption(t("refused_hint", lang))
    st.caption(" · ".join([t("searched_in", lang, scope=session.scope_label(m, lang)), session.latency_label(a.latency_ms, lang)]))
    if a.citations:
        with st.expander(t("memo", lang), icon=":material/content_copy:"):
            st.caption(t("memo_help", lang))
            plain, markdown = st.tabs([t("memo_plain", lang), t("memo_markdown", lang)])
            with plain:
                st.code(memo_plain(a), language=None, wrap_lines=True)
            with markdown:
                st.code(memo_markdown(a), language="markdown", wrap_lines=True)
        st.markdown(f"**{t('sources', lang)}**")
        for c in a.citations:
            with st.container(border=True):
                crumb = html.escape(session.breadcrumb(c))
                st.markdown(f'<div id="{session.anchor_id(m["id"], c.n)}" style="scroll-margin-top:4rem">'
                            f'<b>[{c.n}] {html.escape(t("page_short", lang, page=c.page))}</b>'
                            f'<span style="color:#5a6570;font-size:.88rem"> · {crumb}</span></div>',
                            unsafe_allow_html=True)
                st.markdown(passage_box(c.passage or c.quote, c.quote), unsafe_allow_html=True)
                if c.verified is False:
                    st.caption(t("verified_no", lang))
                with st.expander(t("show_page", lang, page=c.page), icon=":material/article:"):
                    text = _page_text(ctx.key, c.source, c.page, ctx.assistant)
                    if text:
                        st.markdown(page_box(text, c.quote), unsafe_allow_html=True)
                    else:
                        st.caption(t("page_empty", lang))
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.caption(t("feedback_label", lang))
        st.feedback("thumbs", key=f"fb-{m['id']}", on_change=_store_feedback, args=(ctx, m))


def _ask(ctx: Ctx, question: str) -> None:
    """Stream the answer, then replace the stream with the cited rendering."""
    lang = ctx.lang
    messages = st.session_state.setdefault("messages", [])
    if not question.strip():
        st.warning(t("empty_question", lang), icon=":material/edit:")
        return
    with st.chat_message("user", avatar=":material/person:"):
        st.markdown(session.md_escape(question))
    with st.chat_message("assistant", avatar=":material/description:"):
        slot = st.empty()
        try:
            stream = ctx.assistant.ask_stream(question, history=session.history_turns(messages),
                                              filters=ctx.filters)
            with slot.container():
                st.write_stream(stream)
            answer = stream.answer
            if answer is None:
                raise AssistantError(t("unexpected_error", lang))
        except Exception as exc:
            slot.empty()
            st.error(session.friendly_error(exc, lang), icon=":material/error:")
            return
        slot.empty()
        m = session.new_message(question, answer, ctx.filters)
        messages.append(m)
        _render_answer(ctx, m)


def chat_page() -> None:
    ctx, lang = CTX, CTX.lang
    st.title(t("app_title", lang))
    st.caption(t("app_subtitle", lang, title=ctx.report_title))
    if ctx.filters:
        st.info(t("searched_in", lang, scope=ctx.filters.describe(lang)), icon=":material/filter_alt:")
    messages = st.session_state.setdefault("messages", [])
    if notice := st.session_state.pop("_notice", None):
        st.toast(notice, icon=":material/check_circle:")
    # the input is pinned to the bottom wherever it is called; read it first so the welcome
    # text disappears in the same run as the first question
    prompt = st.chat_input(t("chat_placeholder", lang), key="chat", max_chars=ctx.settings.max_question_chars)
    question = prompt if prompt is not None else st.session_state.pop("pending_question", None)
    if not messages and question is None:
        st.markdown(t("welcome", lang))
        for i, example in enumerate(t("examples", lang).split("|")):
            if st.button(example, key=f"ex-{i}", icon=":material/arrow_forward:", type="tertiary"):
                st.session_state["pending_question"] = example
                st.rerun()
    for m in messages:
        with st.chat_message("user", avatar=":material/person:"):
            st.markdown(session.md_escape(m["question"]))
        with st.chat_message("assistant", avatar=":material/description:"):
            _render_answer(ctx, m)
    if question is not None:
        _ask(ctx, question)


# -- goal overview ------------------------------------------------------------------------------
def goals_page() -> None:
    ctx, lang = CTX, CTX.lang
    goals = ctx.outline.get("goals") or []
    st.title(t("goal_page_title", lang))
    st.caption(t("goal_page_intro", lang, n=len(goals)))
    if not goals:
        st.info(t("no_goals", lang))
        return
    counts: dict[str, int] = {}
    for g in goals:
        counts[status_label(g.get("status"), lang)] = counts.get(status_label(g.get("status"), lang), 0) + 1
    cols = st.columns(1 + len(counts))
    cols[0].metric(t("goal_count", lang), len(goals), border=True)
    for col, (label, n) in zip(cols[1:], counts.items(), strict=True):
        col.metric(label, n, border=True)
    for area in session.goal_areas(ctx.outline):
        members = [g for g in goals if g.get("goal_area") == area]
        if not members:
            continue
        st.subheader(area, divider="gray")
        for g in members:
            with st.container(border=True):
                left, right = st.columns([4, 1.4], vertical_alignment="center")
                with left:
                    st.markdown(f"**{session.md_escape(g['title'])}**")
                    st.caption(t("goal_pages", lang, page=g.get("page", "–"),
                                 status_page=g.get("status_page") or g.get("page", "–")))
                with right:
                    status = g.get("status") or ""
                    color = "green" if status.lower() == "förväntas uppnås" else (
                        "red" if "inte" in status.lower() else "orange")
                    st.badge(status_label(status, lang), color=color, icon=":material/flag:")
                    if st.button(t("ask_goal", lang), key=f"goal-{g['title'][:60]}", icon=":material/forum:",
                                 width="stretch"):
                        st.session_state["pending_question"] = session.goal_question(g["title"], lang)
                        st.switch_page(PAGES["chat"])


# -- evaluation ---------------------------------------------------------------------------------
def eval_page() -> None:
    ctx, lang = CTX, CTX.lang
    st.title(t("eval_title", lang))
    st.caption(t("eval_intro", lang))
    try:
        from eval.runner import load_latest, run_suite
    except ImportError:
        st.info(t("eval_missing", lang), icon=":material/construction:")
        return
    out_dir = session.eval_out_dir()
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    limit = left.number_input(t("eval_limit", lang), min_value=0, value=0, step=10)
    if right.button(t("eval_run", lang), type="primary", icon=":material/play_arrow:", width="stretch"):
        bar = st.progress(0.0, text=t("loading", lang))
        try:
            run_suite(ctx.assistant, out_dir=out_dir, limit=int(limit) or None,
                      progress=lambda done, total, item_id: bar.progress(
                          done / max(total, 1), text=t("eval_running", lang, done=done, total=total, id=item_id)))
            st.success(t("eval_done", lang), icon=":material/check_circle:")
        except Exception as exc:
            st.error(t("eval_error", lang, error=session.friendly_error(exc, lang)))
        bar.empty()
    results = load_latest(out_dir)
    if not results:
        st.info(t("eval_none", lang))
        return
    meta, metrics = results.get("meta") or {}, results.get("metrics") or {}
    st.caption(t("eval_meta", lang, started=meta.get("started_at", "–"), mode=meta.get("mode", "–"),
                 n=meta.get("n_items", len(results.get("items") or [])), duration=meta.get("duration_s", "–")))
    overall = metrics.get("overall") or {}
    st.subheader(t("eval_overall", lang))
    cols = st.columns(4)
    for col, name in zip(cols, ("answer", "citation", "page_hit5", "latency_p50_ms"), strict=True):
        col.metric(t(f"metric_{name}", lang), session.format_metric(name, overall.get(name)), border=True,
                   help=name)
    with st.expander(t("eval_all_metrics", lang), icon=":material/table:"):
        st.dataframe(session.metric_rows(overall), hide_index=True, width="stretch",
                     column_config={"metric": t("eval_metric", lang), "value": t("eval_value", lang)})
    by_kind = metrics.get("by_kind") or {}
    if by_kind:
        st.subheader(t("eval_by_kind", lang))
        charts = session.kind_chart_data(by_kind)
        cols = st.columns(2)
        for i, (kind, data) in enumerate(charts.items()):
            with cols[i % 2]:
                st.markdown(f"**{t('eval_kind', lang, kind=kind)}** · n = {by_kind[kind].get('n', '–')}")
                if data:
                    frame = pd.DataFrame({"metric": [t(f"metric_{k}", lang) if f"metric_{k}" in STRINGS["sv"]
                                                     else k for k in data], "value": list(data.values())})
                    st.bar_chart(frame, x="metric", y="value", x_label="", y_label="", height=240, sort=False,
                                 horizontal=True)
    failing = session.failing_items(results)
    st.subheader(t("eval_failing", lang, n=len(failing)))
    if not failing:
        st.success(t("eval_all_pass", lang))
    for it in failing:
        with st.expander(f"{it.get('id', '?')} · {it.get('kind', '')} · {it.get('question', '')}"):
            st.markdown(f"**{t('eval_answer', lang)}:** {session.md_escape(str(it.get('answer') or '–'))}")
            if it.get("expected"):
                st.markdown(f"**{t('eval_expected', lang)}:** `{json.dumps(it['expected'], ensure_ascii=False)}`")
            for why in it.get("why") or []:
                st.markdown(f"- {session.md_escape(str(why))}")


# -- the run ------------------------------------------------------------------------------------
CTX = _startup()
_sidebar(CTX)
PAGES = {
    "chat": st.Page(chat_page, title=t("nav_chat", CTX.lang), icon=":material/forum:", url_path="fraga", default=True),
    "goals": st.Page(goals_page, title=t("nav_goals", CTX.lang), icon=":material/flag:", url_path="mal"),
    "eval": st.Page(eval_page, title=t("nav_eval", CTX.lang), icon=":material/monitoring:", url_path="utvardering"),
}
try:
    st.navigation(list(PAGES.values()), position="sidebar").run()
    _conversation_sidebar(CTX)
except Exception as exc:  # the UI boundary: never a traceback in the browser
    st.error(session.friendly_error(exc, CTX.lang), icon=":material/error:")
