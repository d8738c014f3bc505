"""Settings shared by every environment. Values an operator may change come from declared.py."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from radadata.config import declared, storage

PACKAGE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(declared.get("RADADATA_DATA_DIR")).resolve()

DEBUG = declared.get("RADADATA_DEBUG")
SECRET_KEY = declared.get("RADADATA_SECRET_KEY") or "dev-only-insecure-key-change-me"
ALLOWED_HOSTS = declared.get("RADADATA_ALLOWED_HOSTS")
SITE_URL = declared.get("RADADATA_SITE_URL").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # ninja's own Swagger UI files instead of a CDN, without importing ninja at start-up
    "radadata.api.ninja_files.NinjaFilesConfig",
    "radadata.core",
    "radadata.accounts",
    "radadata.registry",
    "django_tasks",
    "django_tasks_db",
    "radadata.jobs",
    "radadata.checks",
    "radadata.structures",
    "radadata.workflow",
    "radadata.monitoring",
    "radadata.reports",
    "radadata.catalog",
    "radadata.portal_sync",
    "radadata.audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "radadata.core.middleware.UkrainianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "radadata.accounts.middleware.ForcedPasswordChangeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "radadata.core.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "radadata.config.urls"
WSGI_APPLICATION = "radadata.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "radadata.registry.context.site",
                "radadata.jobs.context.worker_status",
            ],
        },
    },
]


def _database(url: str) -> dict:
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    # SQLite creates the file but not its folder; a fresh clone has no var/ yet.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "radadata.sqlite3",
        # WAL lets readers go on while one writer commits; IMMEDIATE avoids the
        # "database is locked" upgrade deadlock between concurrent writers.
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
        # Opening the file and running the PRAGMAs costs ~0.8 ms; keep the connection.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


DATABASES = {"default": _database(declared.get("RADADATA_DATABASE_URL"))}
# Each process keeps its own; keys carry the catalogue's version token (catalog/search/cache.py),
# so an entry is never stale, only unused. The default of 300 entries is too few for the
# search answers of a busy catalogue.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "monitoring:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12

# Ukrainian first, English second.
LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", "Українська"), ("en", "English")]
# Work in progress may keep its Ukrainian strings in its own catalogue under locale-parts/<part>/
# until they are merged into the main one (`make messages-merge`); the main catalogue comes first.
LOCALE_PATHS = [PACKAGE_DIR / "locale", *sorted((PACKAGE_DIR / "locale-parts").glob("*"))]
USE_I18N = True
TIME_ZONE = "Europe/Kyiv"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    # The local disk, or S3-compatible object storage when RADADATA_S3_BUCKET is set.
    "default": storage.default_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"  # never served directly: downloads go through views that check access

MAX_UPLOAD_BYTES = declared.get("RADADATA_MAX_UPLOAD_MB") * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

HOLIDAYS_ARE_DAYS_OFF = declared.get("RADADATA_HOLIDAYS_ARE_DAYS_OFF")

EMAIL_URL = declared.get("RADADATA_EMAIL_URL")
DEFAULT_FROM_EMAIL = declared.get("RADADATA_DEFAULT_FROM_EMAIL")
if EMAIL_URL.startswith("smtp"):
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme == "smtp+tls"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

WEB_WORKERS = declared.get("RADADATA_WEB_WORKERS")
WEB_THREADS = declared.get("RADADATA_WEB_THREADS")
BIND = declared.get("RADADATA_BIND")
WORKER_WITH_SERVER = declared.get("RADADATA_WORKER_WITH_SERVER")
WORKERS = declared.get("RADADATA_WORKERS")
WORKER_DEAD_AFTER_SECONDS = declared.get("RADADATA_WORKER_DEAD_AFTER_SECONDS")
TRUSTED_PROXIES = declared.get("RADADATA_TRUSTED_PROXIES")
# The Content-Security-Policy that prod.py sends (django-csp): scripts, images and fonts only
# from the site itself, no inline script at all, no frames, no plugins. Styles may also be
# inline: the dashboard's and the reports' charts are matplotlib SVG inside the page, which
# styles its shapes with style attributes. The API's docs (Swagger UI) go without the policy.
CSP_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
    "EXCLUDE_URL_PREFIXES": ["/api/v1/docs"],
}
# A password-reset link works once, and for two hours (accounts/views_password.py).
PASSWORD_RESET_TIMEOUT = 2 * 60 * 60
REMINDER_DAYS_BEFORE = declared.get("RADADATA_REMINDER_DAYS_BEFORE")

# Background work: django-tasks with its database backend, so the embedded default needs no
# other service (the worker is `radadata worker`, started by `radadata serve`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                     "QUEUES": ["default", "long"]}}  # jobs/heartbeat.py: QUEUES

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # fontTools logs every glyph it subsets when a PDF is made.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
