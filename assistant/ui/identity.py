"""Who owns conversations, feedback and private uploads: the signed-in user, else this browser session.

Sign-in is optional OpenID Connect through Streamlit's `st.login` (e.g. the city's Microsoft Entra ID),
switched on by an `[auth]` section in `.streamlit/secrets.toml` (see docs/ui.md). Everything in the app that
belongs to someone asks `current_owner()` and passes the answer on as `owner`/`viewer`; nothing else decides.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from typing import Any

import streamlit as st

SESSION_KEY = "_owner_session_id"


def auth_configured() -> bool:
    """Whether secrets.toml has an `[auth]` section with a provider (then the app asks people to sign in)."""
    try:
        auth = st.secrets.get("auth")
    except Exception:  # no secrets.toml at all: local use without sign-in
        return False
    if not isinstance(auth, Mapping):
        return False
    return bool(auth.get("client_id") or any(isinstance(v, Mapping) and v.get("client_id") for v in auth.values()))


def signed_in() -> bool:
    try:
        return bool(st.user.get("is_logged_in"))
    except Exception:
        return False


def user_id(user: Mapping[str, Any]) -> str:
    """A stable, opaque id for a signed-in user: issuer + subject (the OIDC identity), hashed so that
    neither shows up in file names or the database."""
    iss, sub = str(user.get("iss") or ""), str(user.get("sub") or user.get("email") or "")
    return "user-" + hashlib.sha256(f"{iss}|{sub}".encode()).hexdigest()[:24]


def current_owner() -> str:
    """The signed-in user's stable id, else an id for this browser session (kept in st.session_state)."""
    if signed_in():
        return user_id(st.user.to_dict())
    sid = st.session_state.get(SESSION_KEY)
    if not sid:
        sid = st.session_state[SESSION_KEY] = "session-" + uuid.uuid4().hex[:24]
    return sid


def display_name() -> str:
    """How the sidebar names the signed-in user ("" when no one is)."""
    if not signed_in():
        return ""
    return str(st.user.get("name") or st.user.get("email") or st.user.get("sub") or "")
