"""Checks on the strings clients send, shared by the APIs."""

from __future__ import annotations

from typing import Any


def holds_nul(value: Any) -> bool:
    """Whether a string, or any key or item of a dict or list, holds the NUL character. No
    stored text holds one, and PostgreSQL refuses it in any query: the APIs answer such a
    request with a 4xx before it reaches the database."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(holds_nul(key) or holds_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(holds_nul(item) for item in value)
    return False
