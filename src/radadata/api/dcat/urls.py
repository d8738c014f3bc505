"""Filled by the dcat adapter."""

urlpatterns: list = []
