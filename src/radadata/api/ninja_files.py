"""django-ninja's templates and static files (its Swagger UI, served from the site itself), as
an app that does not import ninja: INSTALLED_APPS would otherwise import ninja, and pydantic
with it, at the start of every command (~0.13 s of CPU), where only the API's URLs need it.

ninja reads "ninja" in INSTALLED_APPS as "render the docs with Django"; without it, its docs
load Swagger from a CDN, which the site's CSP refuses and an office without internet lacks:
api/v1/api.py renders them with Django itself (LocalSwagger)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from django.apps import AppConfig


def _ninja_folder() -> str:
    # find_spec locates the package without running it.
    spec = importlib.util.find_spec("ninja")
    assert spec is not None and spec.origin is not None, "django-ninja is not installed"
    return str(Path(spec.origin).parent)


class NinjaFilesConfig(AppConfig):
    name = "radadata.api.ninja_files"
    label = "ninja"
    verbose_name = "django-ninja's templates and static files"
    path = _ninja_folder()
