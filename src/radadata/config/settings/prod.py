"""Production: refuses to start without a secret key and allowed hosts."""

import os

from django.core.exceptions import ImproperlyConfigured

from radadata.config import declared

from .base import *  # noqa: F403

if not declared.get("RADADATA_SECRET_KEY"):
    raise ImproperlyConfigured("RADADATA_SECRET_KEY must be set in production.")
if not os.environ.get("RADADATA_ALLOWED_HOSTS"):
    raise ImproperlyConfigured("RADADATA_ALLOWED_HOSTS must be set in production.")

DEBUG = False
SECRET_KEY = declared.get("RADADATA_SECRET_KEY")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
