"""The RadaData JSON API, version 1: /api/v1/ (OpenAPI at openapi.json, docs at docs)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Swagger
from ninja.openapi.docs import _csrf_needed

from radadata.api.v1 import errors
from radadata.api.v1.routers import datasets, owners, priorities, registry, resources, search


class LocalSwagger(Swagger):
    """ninja's Swagger page rendered by Django from the site's own files (api/ninja_files.py):
    ninja would load it from a CDN, since "ninja" itself is not in INSTALLED_APPS."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        return render(request, self.template, {
            "swagger_settings": json.dumps(self.settings, indent=1),
            "api": api,
            "add_csrf": _csrf_needed(api),
        })


class RadaDataAPI(NinjaAPI):
    def set_default_exception_handlers(self) -> None:
        # Only our handlers: an unexpected exception propagates to Django (500, logged).
        errors.install(self)

    def get_openapi_schema(self, *args, **kwargs):
        """Public reads declare signing in as optional: the `Anonymous` requirement becomes
        OpenAPI's empty one, `{}` (clients and schemathesis then call them without a token)."""
        schema = super().get_openapi_schema(*args, **kwargs)
        error = {"description": "Unauthorized", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                security = operation.get("security")
                if not security:
                    continue
                operation["security"] = [{} if "Anonymous" in requirement else requirement
                                         for requirement in security]
                # A token that is unknown or revoked is answered 401 on every operation.
                operation.setdefault("responses", {}).setdefault(401, error)
        schemes = schema.get("components", {}).get("securitySchemes", {})
        schemes.pop("Anonymous", None)
        return schema


DESCRIPTION = _(
    "The open-data registry of the council: datasets, their files and owners. Published data "
    "is open to everybody; send `Authorization: Bearer <token>` (from the office page \"My API "
    "tokens\") to read and change your own owner's datasets. Errors come as "
    "`{\"code\", \"message\", \"errors\"}`."
)

api = RadaDataAPI(
    title="RadaData API",
    version="1",
    description=DESCRIPTION,  # type: ignore[arg-type]  (lazy: translated per request)
    urls_namespace="api-v1",
    docs=LocalSwagger(),
    parser=errors.JsonParser(),
)
api.add_router("/datasets", datasets.router)
api.add_router("/owners", owners.router)
api.add_router("/registry", registry.router)
api.add_router("/search", search.router)
api.add_router("/priorities", priorities.router)
api.add_router("", resources.router)
