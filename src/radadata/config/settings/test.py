import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Jobs run at once when their transaction commits (unit tests call job_run directly).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                     "QUEUES": ["default", "long"]}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="radadata-test-media-"))
# An existing folder, so WhiteNoise has nothing to warn about; tests serve no collected files.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="radadata-test-static-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE"}
    # The browser tests' live server answers from another thread; an in-memory database shared
    # across threads trips Django's thread checks, so they get a throwaway file instead.
    _e2e_db = os.environ.get("RADADATA_TEST_DB_FILE")
    DATABASES["default"]["TEST"] = {"NAME": _e2e_db or None}
