"""What the public forms share: the rate limit's answer and the honeypot's."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import http_date


def too_many(request: HttpRequest, until: dt.datetime, at: dt.datetime) -> HttpResponse:
    """429 with the time the person may send again (the page and Retry-After say it)."""
    response = render(request, "catalog/too_many.html", {"until": until}, status=429)
    response["Retry-After"] = str(max(1, int((until - at).total_seconds())))
    response["Expires"] = http_date(until.timestamp())
    return response
