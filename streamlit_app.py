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
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from assistant.api import Assistant
from assistant.config import Settings, load_settings
from assistant.errors import AssistantError
from assistant.models import Filters
from assistant.ui import answering, conversations, feedback, identity, library, ownership, pageview, session, warm
from assistant.ui.docx_memo import file_name as docx_name
from assistant.ui.docx_memo import to_docx
from assistant.ui.export import to_json, to_markdown
from assistant.ui.highlight import page_box, passage_box
from assistant.ui.i18n import LANG_NAMES, LANGS, norm_lang, status_label, t
from assistant.ui.memo import memo_markdown, memo_plain

log = logging.getLogger("assistant.ui")

st.set_page_config(page_title="Rapportassistenten · Malmö stad", page_icon=":material/description:",
                   layout="centered", initial_sidebar_state="expanded")
st.html("""<style>
  [data-testid="stChatMessage"] .cite-ref:hover { background:#0a5fa6 !important; color:#fff !important; }
  [data-testid="stSidebar"] [data-testid="stCaptionContainer"] { line-height: 1.35; }
  h1 { font-size: 2rem !important; }
  .src-anchor { scroll-margin-top: 4rem; }
  .st-key-preload { display: none !important; }
</style>""")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Ctx:
    """What every page needs from one script run."""

    assistant: Assistant
    settings: Settings
    lang: str
    filters: Filters | None
    outline: dict[str, Any]
    report_title: str
    ask_lock: threading.Lock  # uploads and eval runs; answering needs no lock (filters travel with each search)
    key: str  # identifies the settings (and so the index) for caches
    owner: str = ""  # identity.current_owner(): conversations, feedback and uploads belong to it
    records: list[Any] = field(default_factory=list)  # the reports this owner may see
    conversation_slot: Any = None  # sidebar container for export/reset


# -- shared resources (one per server process) ------------------------------------------
@st.cache_resource(show_spinner=False)
def _state(key: str) -> dict[str, Any]:
    return {"ask_lock": threading.Lock()}


@st.cache_data(show_spinner=False, max_entries=256)
def _page_text(key: str, source: str, page: int, _a: Assistant) -> str:
    return _a.page_text(source, page)


def _fail(message: str, lang: str) -> None:
    st.error(message, icon=":material/error:")
    st.caption(t("what_to_do", lang))
    st.stop()


def _sign_in_gate(lang: str) -> None:
    """With sign-in configured (secrets.toml [auth]), nothing but the sign-in button until signed in."""
    if not identity.auth_configured() or identity.signed_in():
        return
    st.title(t("app_title", lang))
    st.info(t("sign_in_needed", lang), icon=":material/lock:")
    if st.button(t("sign_in", lang), type="primary", icon=":material/login:"):
        st.login()
    st.stop()


def _startup() -> Ctx:
    """Load settings and take the assistant from the warm-up (started at server start by
    `python -m assistant.ui.warm`, else now), showing its progress while the index is built."""
    lang = norm_lang(st.session_state.get("lang"))
    try:
        settings = load_settings()
    except AssistantError as exc:
        _fail(str(exc), lang)
    lang = norm_lang(st.session_state.get("lang") or settings.language)
    _sign_in_gate(lang)
    w = warm.start(settings)
    if not w.done.is_set():
        box = st.empty()
        with box.container():
            st.info(t("building_index", lang), icon=":material/hourglass_top:")
            bar = st.progress(0.0, text=t("loading", lang))
        while not w.done.wait(0.25):
            bar.progress(w.fraction, text=w.message if w.fraction < 0.96 else t("warming", lang))
        box.empty()
        if w.built and w.error is None:
            st.session_state["_notice"] = f"{t('ready', lang)}: {', '.join(w.built)} ({w.seconds:.0f} s)"
    if w.error is not None:
        _fail(session.friendly_error(w.error, lang), lang)
    a: Assistant = w.assistant
    owner = identity.current_owner()
    try:
        records = ownership.reports_for(a, owner)
        outline = a.outline()
    except Exception as exc:
        _fail(session.friendly_error(exc, lang), lang)
    title = records[0].title if records else "Delårsrapport 2025, Kommunstyrelsen"
    return Ctx(a, settings, lang, None, outline, title, _state(w.key)["ask_lock"], w.key, owner, records)


# -- sidebar ----------------------------------------------------------------------------------
def _index(options: list[str], value: str) -> int:
    return options.index(value) if value in options else 0


def _sidebar(ctx: Ctx) -> None:
    lang = ctx.lang
    with st.sidebar:
        if identity.signed_in():
            st.caption(t("signed_in_as", lang, name=identity.display_name()))
            if st.button(t("sign_out", lang), icon=":material/logout:", key="logout"):
                st.logout()
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
        ctx.filters = ownership.with_viewer(ctx.filters, ctx.owner)  # never others' private uploads

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
    records = ctx.records
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
            extra = {"lock": ctx.ask_lock} if ownership.accepts(library.ingest_upload, "lock") else {}
            result = ownership.ingest_upload(ctx.assistant, file.name, file.getvalue(), owner=ctx.owner, lang=lang,
                                             progress=library.clamp_progress(lambda v, m: bar.progress(v, text=m)),
                                             **extra)
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
    """Export and reset of this conversation, and the owner's saved ones (open, delete); rendered after the
    page so it includes the latest answer."""
    lang = ctx.lang
    with ctx.conversation_slot:
        messages = st.session_state.get("messages", [])
        if messages:
            st.divider()
            st.markdown(f"**{t('conversation', lang)}**")
            stamp = time.strftime("%Y%m%d-%H%M")
            st.download_button(t("export_docx", lang), to_docx(messages, lang, ctx.report_title),
                               file_name=docx_name(), mime=DOCX_MIME, icon=":material/description:",
                               width="stretch", on_click="ignore", key="export-docx")
            st.download_button(t("export_md", lang), to_markdown(messages, lang, ctx.report_title),
                               file_name=f"rapportassistent-{stamp}.md", mime="text/markdown",
                               icon=":material/download:", width="stretch", on_click="ignore")
            st.download_button(t("export_json", lang), to_json(messages, ctx.report_title),
                               file_name=f"rapportassistent-{stamp}.json", mime="application/json",
                               icon=":material/data_object:", width="stretch", on_click="ignore")
            if st.button(t("new_chat", lang), icon=":material/add_comment:", width="stretch"):
                st.session_state["messages"], st.session_state["conv_id"] = [], conversations.new_id()
                st.rerun()
        _saved_conversations(ctx)


def _saved_conversations(ctx: Ctx) -> None:
    """The owner's saved conversations: open one (it becomes the current conversation) or delete it."""
    lang = ctx.lang
    try:
        saved = conversations.list_for(ctx.settings.data_dir, ctx.owner)
    except Exception as exc:  # the store must never break the page
        st.caption(session.friendly_error(exc, lang))
        return
    with st.expander(t("saved_convs", lang) + f" ({len(saved)})", icon=":material/history:"):
        if not saved:
            st.caption(t("saved_none", lang))
        current = st.session_state.get("conv_id")
        for c in saved:
            with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                label = ("● " if c["id"] == current else "") + c["title"]
                if st.button(label, key=f"open-{c['id']}", type="tertiary", help=t(
                        "saved_n", lang, n=c["n"], when=c["updated"][:16].replace("T", " "))):
                    st.session_state["messages"] = conversations.load(ctx.settings.data_dir, ctx.owner, c["id"]) or []
                    st.session_state["conv_id"] = c["id"]
                    st.switch_page(PAGES["chat"])
                if st.button("", key=f"del-{c['id']}", icon=":material/delete:", type="tertiary",
                             help=t("saved_delete", lang)):
                    conversations.delete(ctx.settings.data_dir, ctx.owner, c["id"])
                    if c["id"] == current:
                        st.session_state["messages"], st.session_state["conv_id"] = [], conversations.new_id()
                    st.toast(t("saved_deleted", lang), icon=":material/delete:")
                    st.rerun()
        if not identity.auth_configured():
            st.caption(t("sign_in_local", lang))


# -- chat page --------------------------------------------------------------------------------------
def _store_feedback(ctx: Ctx, message: dict[str, Any]) -> None:
    value = st.session_state.get(f"fb-{message['id']}")
    try:
        feedback.record(ctx.settings.data_dir, message["id"], value, message["answer"], owner=ctx.owner)
        if value is not None:
            st.toast(t("feedback_saved", ctx.lang), icon=":material/thumb_up:")
    except Exception as exc:  # feedback must never break the conversation
        st.toast(session.friendly_error(exc, ctx.lang), icon=":material/error:")


def _store_comment(ctx: Ctx, message: dict[str, Any]) -> None:
    text = st.session_state.get(f"fbc-{message['id']}", "")
    try:
        if feedback.set_comment(ctx.settings.data_dir, message["id"], text, owner=ctx.owner):
            st.toast(t("fb_comment_saved", ctx.lang), icon=":material/check_circle:")
    except Exception as exc:
        st.toast(session.friendly_error(exc, ctx.lang), icon=":material/error:")


def _page_view(ctx: Ctx, m: dict[str, Any], c: Any) -> None:
    """The cited page: the PDF page with the quote boxed (zoom, text as the other view), or the page text."""
    lang, key = ctx.lang, f"{m['id']}-{c.n}"
    if not st.toggle(t("show_page", lang, page=c.page), key=f"pv-{key}"):
        return
    image = None
    if c.source.lower().endswith(".pdf"):
        left, right = st.columns([1, 1], vertical_alignment="bottom")
        view = left.segmented_control(t("page_view_image", lang), ["image", "text"], key=f"pvm-{key}", default="image",
                                      required=True, label_visibility="collapsed",
                                      format_func=lambda v: t("page_view_image" if v == "image" else "page_view_text",
                                                              lang))
        if view == "image":
            zoom = right.select_slider(t("page_zoom", lang), [1.0, 1.5, 2.0], value=1.0, key=f"pvz-{key}",
                                       format_func=lambda z: f"{z:.0%}")
            image = pageview.page_image(ctx.settings, c.source, c.page, c.quote, zoom)
            if image is not None:
                st.html(pageview.page_html(image, zoom, alt=t("show_page", lang, page=c.page)))
                if image.found:
                    return
                st.caption(t("page_quote_missing", lang))
    text = _page_text(ctx.key, c.source, c.page, ctx.assistant)
    if text:
        st.markdown(page_box(text, c.quote), unsafe_allow_html=True)
    elif image is None:
        st.caption(t("page_empty", lang))


def _source_card(ctx: Ctx, m: dict[str, Any], c: Any) -> None:
    lang = ctx.lang
    crumb = html.escape(session.breadcrumb(c))
    st.markdown(passage_box(c.passage or c.quote, c.quote), unsafe_allow_html=True)
    if crumb:
        st.markdown(f'<span style="color:#5a6570;font-size:.85rem">{crumb} · {html.escape(c.source)}</span>',
                    unsafe_allow_html=True)
    if c.verified is False:
        st.caption(t("verified_no", lang))
    _page_view(ctx, m, c)


def _render_answer(ctx: Ctx, m: dict[str, Any], latest: bool = False) -> None:
    """The answer with how sure it is, its inline citations, compact sources, memo and feedback.

    A refused answer shows no chips, sources or memo: it must not look like a cited answer."""
    lang, a = ctx.lang, m["answer"]
    sure = answering.sureness(a, lang)
    st.markdown(session.answer_html(a, m["id"], lang, links=sure.show_sources), unsafe_allow_html=True)
    if notice := answering.disambiguate_notice(a.notice, ctx.records, lang):
        st.info(notice, icon=":material/info:")
    if a.unsupported and "⚠" not in a.answer:
        st.warning(t("unsupported", lang, items="; ".join(a.unsupported)))
    if m.get("wider") is not None:
        st.info(t("scope_wider", lang, scope=session.scope_label(m, lang)), icon=":material/travel_explore:")
        if st.button(t("scope_wider_btn", lang), key=f"wider-{m['id']}", icon=":material/zoom_out_map:",
                     type="primary"):
            st.session_state["show_wider"] = m["id"]
            st.rerun()
    elif a.refused:
        st.caption(t("refused_hint", lang))
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.badge(sure.label, color=sure.color, icon=sure.icon, help=answering.sureness_help(a, lang))
        st.caption(" · ".join([t("searched_in", lang, scope=session.scope_label(m, lang)),
                               session.latency_label(a.latency_ms, lang)]))
    if sure.show_sources and a.citations:
        with st.expander(t("memo", lang), icon=":material/content_copy:"):
            st.caption(t("memo_help", lang))
            plain, markdown = st.tabs([t("memo_plain", lang), t("memo_markdown", lang)])
            with plain:
                st.code(memo_plain(a), language=None, wrap_lines=True)
            with markdown:
                st.code(memo_markdown(a), language="markdown", wrap_lines=True)
            st.download_button(t("memo_docx", lang), to_docx([m], lang, ctx.report_title), file_name=docx_name(),
                               mime=DOCX_MIME, icon=":material/description:", on_click="ignore", key=f"docx-{m['id']}")
        # compact: the first source open, the others one line each; every chip scrolls to its card's header
        for i, c in enumerate(a.citations):
            anchor = (f'<div id="{session.anchor_id(m["id"], c.n)}" class="src-anchor"></div>')
            head = f"[{c.n}] {t('page_short', lang, page=c.page)}"
            if i == 0 and latest:
                with st.container(border=True):
                    st.markdown(f'{anchor}<b>{html.escape(t("sources", lang))} · {html.escape(head)}</b>',
                                unsafe_allow_html=True)
                    _source_card(ctx, m, c)
            else:
                st.markdown(anchor, unsafe_allow_html=True)
                with st.expander(f"{head} · {session.breadcrumb(c)[:90]}", icon=":material/format_quote:"):
                    _source_card(ctx, m, c)
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.caption(t("feedback_label", lang))
        st.feedback("thumbs", key=f"fb-{m['id']}", on_change=_store_feedback, args=(ctx, m))
    if st.session_state.get(f"fb-{m['id']}") == 0:
        with st.form(f"fbform-{m['id']}", border=False, clear_on_submit=False):
            st.text_input(t("fb_comment", lang), key=f"fbc-{m['id']}", max_chars=1000)
            st.form_submit_button(t("fb_comment_send", lang), on_click=_store_comment, args=(ctx, m))


def _save_conversation(ctx: Ctx, messages: list[dict[str, Any]]) -> None:
    conv_id = st.session_state.setdefault("conv_id", conversations.new_id())
    try:
        conversations.save(ctx.settings.data_dir, ctx.owner, conv_id, messages)
    except Exception as exc:  # saving must never cost the official the answer on screen
        st.toast(session.friendly_error(exc, ctx.lang), icon=":material/error:")


def _ask(ctx: Ctx, question: str) -> None:
    """Stream the answer, then replace the stream with the cited rendering."""
    lang = ctx.lang
    messages = st.session_state.setdefault("messages", [])
    if not question.strip():
        st.warning(t("empty_question", lang), icon=":material/edit:")
        return
    limit = ctx.settings.max_question_chars
    if answering.too_long(question, limit):
        # the text is not lost: it stays editable here and is sent from here
        st.warning(answering.shorten_hint(question, limit, lang), icon=":material/short_text:")
        with st.form("too-long", border=False):
            text = st.text_area(t("chat_placeholder", lang), value=question, height=160, key="too-long-text")
            if st.form_submit_button(t("fb_comment_send", lang), icon=":material/send:"):
                st.session_state["pending_question"] = text
                st.rerun()
        return
    with st.chat_message("user", avatar=":material/person:"):
        st.markdown(session.md_escape(question))
    with st.chat_message("assistant", avatar=":material/description:"):
        slot = st.empty()
        history = session.history_turns(messages)
        try:
            stream = ctx.assistant.ask_stream(question, history=history, filters=ctx.filters)
            with slot.container():
                st.write_stream(stream)
            answer = stream.answer
            if answer is None:
                raise AssistantError(t("unexpected_error", lang))
            wider = answering.ask_wider(ctx.assistant, answer, question, history, ctx.filters)
        except Exception as exc:
            slot.empty()
            st.error(session.friendly_error(exc, lang), icon=":material/error:")
            return
        m = session.new_message(question, answer, ctx.filters)
        if wider is not None:
            m["wider"] = wider
        messages.append(m)
        _save_conversation(ctx, messages)
        with slot.container():  # the stream's slot becomes the answer: no second, half-drawn copy
            _render_answer(ctx, m, latest=True)


def _show_wider(ctx: Ctx, messages: list[dict[str, Any]]) -> None:
    """One click after a scoped refusal: the whole report's answer becomes the next message."""
    mid = st.session_state.pop("show_wider", None)
    src = next((m for m in messages if m["id"] == mid and m.get("wider") is not None), None)
    if src is None:
        return
    wide_filters = (src["filters"] or ownership.with_viewer(None, ctx.owner)).scope_only()
    m = session.new_message(src["question"], src.pop("wider"), wide_filters)
    messages.append(m)
    _save_conversation(ctx, messages)


def _preload_widgets() -> None:
    """Hidden copies of the widgets an answer uses. The browser loads each widget's code (and markdown's
    plugins) on first use and shows grey placeholder bars meanwhile; rendering them (invisibly) with the
    first page means the first answer in a new tab appears complete at once."""
    with st.container(key="preload"):
        st.download_button("preload", b"", key="preload-dl", on_click="ignore")
        st.feedback("thumbs", key="preload-fb")
        st.badge("preload")
        st.code("preload", language=None, wrap_lines=True)
        st.toggle("preload", key="preload-tg")
        st.segmented_control("preload", ["a", "b"], key="preload-sc")
        st.select_slider("preload", [1, 2], key="preload-ss")
        st.text_input("preload", key="preload-ti")
        with st.expander("preload"):
            st.tabs(["a", "b"])
        st.html("<span></span>")
        # markdown loads its HTML (rehype-raw) and emoji plugins on first use and shows a skeleton meanwhile
        st.markdown("<span>preload</span> :wave:", unsafe_allow_html=True)


def chat_page() -> None:
    ctx, lang = CTX, CTX.lang
    messages = st.session_state.setdefault("messages", [])
    fresh = not messages  # a new tab or conversation: after the first answer the widgets' code is loaded
    st.title(t("app_title", lang))
    st.caption(t("app_subtitle", lang, title=ctx.report_title))
    if ctx.filters and not ctx.filters.is_empty():
        st.info(t("searched_in", lang, scope=ctx.filters.describe(lang)), icon=":material/filter_alt:")
    _show_wider(ctx, messages)
    if notice := st.session_state.pop("_notice", None):
        st.toast(notice, icon=":material/check_circle:")
    # the input is pinned to the bottom wherever it is called; read it first so the welcome
    # text disappears in the same run as the first question. No max_chars: a longer paste is kept and
    # explained (see _ask) instead of being cut off without a word.
    prompt = st.chat_input(t("chat_placeholder", lang), key="chat")
    question = prompt if prompt is not None else st.session_state.pop("pending_question", None)
    if not messages and question is None:
        st.markdown(t("welcome", lang))
        for i, example in enumerate(t("examples", lang).split("|")):
            if st.button(example, key=f"ex-{i}", icon=":material/arrow_forward:", type="tertiary"):
                st.session_state["pending_question"] = example
                st.rerun()
    for i, m in enumerate(messages):
        with st.chat_message("user", avatar=":material/person:"):
            st.markdown(session.md_escape(m["question"]))
        with st.chat_message("assistant", avatar=":material/description:"):
            _render_answer(ctx, m, latest=i == len(messages) - 1)
    if question is not None:
        _ask(ctx, question)
    if fresh:  # last on the page, so that leaving it out later moves no other element
        _preload_widgets()


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
    cols = st.columns(2)  # two per row: four in the centered column cut the labels
    for i, name in enumerate(("answer", "citation", "page_hit5", "latency_p50_ms")):
        cols[i % 2].metric(session.metric_label(name, lang), session.format_metric(name, overall.get(name)),
                           border=True, help=name)
    with st.expander(t("eval_all_metrics", lang), icon=":material/table:"):
        st.dataframe(session.metric_rows(overall, lang), hide_index=True, width="stretch",
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
                    frame = pd.DataFrame({"metric": [session.metric_label(k, lang) for k in data],
                                          "value": list(data.values())})
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
st.session_state.setdefault("conv_id", conversations.new_id())
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
