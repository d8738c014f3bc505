"""Mounted at /api/v1/ by the project's urls.py."""

from django.urls import path

from radadata.api.v1.api import api

urlpatterns = [path("", api.urls)]
