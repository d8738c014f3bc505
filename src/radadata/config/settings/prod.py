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
# HTTPS only (docs/deploy.md): behind the proxy, X-Forwarded-Proto says whether the visitor
# came by HTTPS; a plain-HTTP visit is redirected, and browsers remember to use HTTPS.
SECURE_SSL_REDIRECT = declared.get("RADADATA_SSL_REDIRECT")
SECURE_HSTS_SECONDS = declared.get("RADADATA_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True  # allowed, not submitted: hstspreload.org is the operator's choice
# Content-Security-Policy: every script and style is a file of the site's own, no inline code.
MIDDLEWARE = [*MIDDLEWARE, "csp.middleware.CSPMiddleware"]  # noqa: F405
CONTENT_SECURITY_POLICY = CSP_POLICY  # noqa: F405
