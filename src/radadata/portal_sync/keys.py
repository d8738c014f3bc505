"""The portal API key at rest: encrypted with Fernet, never stored or shown in full.

The Fernet key is derived (HKDF-SHA256) from RADADATA_PORTAL_KEY, or from the Django secret key
when that is not set. Changing the secret makes the stored key unreadable: the officer then
enters it again (the page says so) — nothing else breaks."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from django.conf import settings

from radadata.config import declared

if TYPE_CHECKING:  # cryptography is imported when a key is (de)crypted, not at every start
    from cryptography.fernet import Fernet


class KeyUnreadable(Exception):
    """The stored key was encrypted with another secret."""


def _fernet() -> Fernet:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    secret = declared.get("RADADATA_PORTAL_KEY") or settings.SECRET_KEY
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"radadata.portal_sync",
                   info=b"portal api key").derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def encrypt(api_key: str) -> str:
    return _fernet().encrypt(api_key.encode()).decode()


def decrypt(token: str) -> str:
    from cryptography.fernet import InvalidToken

    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise KeyUnreadable from error


def mask(api_key: str) -> str:
    """What a page may show of a key: its last four characters."""
    return "••••" + api_key[-4:] if len(api_key) > 4 else "••••"
