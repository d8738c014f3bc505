"""The office's warning when no background worker has been seen for a while: without one,
checks, pushes and reminders wait «Очікує запуску» forever."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from radadata.registry import access


def worker_status(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and access.is_office(user)):
        return {}

    def missing() -> bool:
        from radadata.jobs.heartbeat import worker_seen

        return not worker_seen(at=timezone.now())

    return {"worker_missing": missing}  # asked only by the page that shows the banner
