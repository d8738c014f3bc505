"""Placeholder: replaced by the real views."""

from django.http import HttpResponse
from django.urls import path


def placeholder(request, *args, **kwargs):
    return HttpResponse("todo")


urlpatterns = [
    path("registry/", placeholder, name="published-registry"),
    path("office/registry.<str:fmt>", placeholder, name="internal-export"),
]
