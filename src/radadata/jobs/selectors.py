from __future__ import annotations

from django.db.models import QuerySet

from radadata.accounts.models import User
from radadata.jobs.models import Job
from radadata.registry import access


def jobs_visible_to(user: User) -> QuerySet[Job]:
    """The office sees every job; anyone else the jobs they started."""
    jobs = Job.objects.select_related("created_by")
    return jobs if access.is_office(user) else jobs.filter(created_by=user)


def latest_job(*, kind: str, subject: str) -> Job | None:
    return Job.objects.filter(kind=kind, subject=subject).order_by("-created_at", "-id").first()
