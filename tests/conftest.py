import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def officer(db):
    from tests.factories import officer

    return officer(email="officer@rada.example.ua", last_name="Бондар", first_name="Марія")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client
