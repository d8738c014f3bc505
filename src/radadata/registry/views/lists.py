"""Placeholder: replaced by the real views."""

from django.http import HttpResponse
from django.urls import path


def placeholder(request, *args, **kwargs):
    return HttpResponse("todo")


urlpatterns = [
    path("office/approved-list/", placeholder, name="approved-list"),
]
