"""Filled by the ckan adapter."""

urlpatterns: list = []
