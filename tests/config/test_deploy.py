"""Production settings: `check --deploy` clean, HTTPS only behind the proxy, a strict
Content-Security-Policy that the site's own pages need no exception from, and limits that every
web process shares, counted per real visitor behind a trusted proxy."""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client, RequestFactory

from radadata.accounts import ratelimit
from radadata.accounts.models import RateHit
from radadata.catalog import throttle as catalog_throttle

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "src" / "radadata"


def _prod_env(tmp_path: Path, **extra: str) -> dict:
    # The browser tests' conftest allows sync ORM under Playwright's loop; a server never does.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**inherited, "DJANGO_SETTINGS_MODULE": "radadata.config.settings.prod",
            "RADADATA_SECRET_KEY": secrets.token_urlsafe(60),
            "RADADATA_ALLOWED_HOSTS": "opendata.rada.example.ua",
            "RADADATA_DATA_DIR": str(tmp_path), "RADADATA_DATABASE_URL": "", **extra}


def test_check_deploy_with_the_production_settings_is_clean(tmp_path):
    result = subprocess.run([sys.executable, "-m", "radadata.cli", "check", "--deploy",
                             "--fail-level", "WARNING"], env=_prod_env(tmp_path), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = _prod_env(tmp_path, RADADATA_SECRET_KEY="")
    result = subprocess.run([sys.executable, "-m", "radadata.cli", "check"], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "RADADATA_SECRET_KEY" in result.stderr


@pytest.fixture
def prod_like(settings):
    """The test settings with what prod.py adds for HTTPS and CSP."""
    from radadata.config.settings import base

    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "csp.middleware.CSPMiddleware"]
    settings.CONTENT_SECURITY_POLICY = base.CSP_POLICY
    return settings


HTTPS = {"HTTP_X_FORWARDED_PROTO": "https", "REMOTE_ADDR": "127.0.0.1"}


@pytest.mark.django_db
def test_behind_the_proxy_plain_http_is_redirected_and_https_is_remembered(prod_like):
    client = Client()
    plain = client.get("/datasets/", HTTP_X_FORWARDED_PROTO="http")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    secure = client.get("/datasets/", **HTTPS)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/datasets/", "/login/", "/login/password-reset/"])
def test_pages_carry_a_strict_content_security_policy(prod_like, path):
    response = Client().get(path, **HTTPS)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    script = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script.strip() == "'self'"  # no inline script, no eval, no other site
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


@pytest.mark.django_db
def test_the_office_pages_too(prod_like, officer):
    client = Client()
    client.force_login(officer)
    response = client.get("/office/jobs/", **HTTPS)
    assert response.status_code == 200 and "script-src 'self'" in response[
        "Content-Security-Policy"]


def test_no_template_needs_inline_script():
    """What the policy forbids: a <script> with code in it, an on…= handler. (A JSON data
    block, <script type="application/json">, is not code.)"""
    offenders = []
    for path in TEMPLATES.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", text, re.S | re.I):
            attributes, body = match.groups()
            if body.strip() and "application/json" not in attributes \
                    and "application/ld+json" not in attributes:
                offenders.append(f"{path.relative_to(ROOT)}: inline script")
        if re.search(r"\son[a-z]+\s*=\s*[\"']", text, re.I):
            offenders.append(f"{path.relative_to(ROOT)}: on…= handler")
    assert offenders == []


@pytest.mark.django_db
def test_the_feedback_limit_is_shared_and_counts_each_visitor_behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    factory = RequestFactory()
    at = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)

    def visitor(address: str):
        return factory.post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)

    for minute in range(catalog_throttle.LIMIT):
        assert catalog_throttle.retry_at(visitor("203.0.113.5"), at) is None
        catalog_throttle.note_sent(visitor("203.0.113.5"), at + dt.timedelta(minutes=minute))
    later = at + dt.timedelta(minutes=10)
    assert catalog_throttle.retry_at(visitor("203.0.113.5"), later) is not None
    # another visitor behind the same proxy is not held back by the first
    assert catalog_throttle.retry_at(visitor("198.51.100.7"), later) is None
    # the count is in the database, where every process reads it; no address is stored
    assert RateHit.objects.filter(scope=catalog_throttle.SCOPE).count() == catalog_throttle.LIMIT
    assert not RateHit.objects.filter(key__contains="203.0.113.5").exists()
    assert ratelimit.client_key(visitor("203.0.113.5"), scope="x", at=at) != \
        ratelimit.client_key(visitor("203.0.113.5"), scope="x", at=at + dt.timedelta(days=1))
    assert django_settings.SECRET_KEY  # the salt
