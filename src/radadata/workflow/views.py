"""Placeholder: replaced by the real views."""

from django.http import HttpResponse


def submission_detail(request, pk: int) -> HttpResponse:
    return HttpResponse("todo")
