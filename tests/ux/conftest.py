"""The demo council, loaded once for the module that asks for it (the whole council takes half
a minute to load) and rolled back after it, so no other test sees it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import transaction

OFFICER = "opendata@svitlohirsk-rada.example.ua"
CLERK = "n.tkachenko@svitlohirsk-rada.example.ua"


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_root(settings, demo_media):
    """The demo's files stay where the demo put them for every test of the module."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media) -> Iterator[None]:
    from django.test import override_settings

    from radadata.registry.demo import load_demo

    with (django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media),
          transaction.atomic()):
        load_demo()
        yield
        transaction.set_rollback(True)
