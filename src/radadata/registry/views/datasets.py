"""Placeholder: replaced by the real views."""

from django.http import HttpResponse
from django.urls import path


def placeholder(request, *args, **kwargs):
    return HttpResponse("todo")


urlpatterns = [
    path("office/datasets/", placeholder, name="dataset-list"),
    path("dataset/<slug:name>", placeholder, name="dataset-detail"),
]
