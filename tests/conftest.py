import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language (Ukrainian): the locale middleware activates a
    request's language for the thread, and an earlier test's English request must not decide
    the language of a message built outside a request. Deactivated, not activated: a test
    that sets LANGUAGE_CODE (`english`) then gets its language."""
    from django.utils import translation

    translation.deactivate()
    yield


@pytest.fixture
def officer(db):
    from tests.factories import officer

    return officer(email="officer@rada.example.ua", last_name="Бондар", first_name="Марія")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture(autouse=True)
def _checks_at_once():
    """A test's transaction never commits, so a check queued for after the commit would never
    run: each new file is checked at once instead, as the worker would right after the upload.
    Tests of the background path switch it off with `hooks.work_inline(False)`."""
    from radadata.registry import hooks

    with hooks.work_inline():
        yield


@pytest.fixture
def english(settings):
    """For tests that assert a message's English source text (the default language is
    Ukrainian, with a complete catalogue)."""
    settings.LANGUAGE_CODE = "en"
