from __future__ import annotations

from django.db.models import QuerySet

from radadata.accounts.models import User
from radadata.jobs.models import Job
from radadata.registry import access


def jobs_visible_to(user: User) -> QuerySet[Job]:
    """The office sees every job; anyone else the jobs they started."""
    jobs = Job.objects.select_related("created_by")
    return jobs if access.is_office(user) else jobs.filter(created_by=user)


def job_readable(user: User, job: Job) -> bool:
    """Besides the office and the starter, anyone who may read what the job works on: a clerk
    follows the check of a file a colleague uploaded."""
    if access.is_office(user) or job.created_by_id == user.pk:
        return True
    label, _sep, pk = job.subject.partition(":")
    readable = access.datasets_readable_by(user)
    if label == "registry.dataset" and pk.isdigit():
        return readable.filter(pk=int(pk)).exists()
    if label == "registry.resourceversion" and pk.isdigit():
        return readable.filter(resources__versions__pk=int(pk)).exists()
    return False


def latest_job(*, kind: str, subject: str) -> Job | None:
    return Job.objects.filter(kind=kind, subject=subject).order_by("-created_at", "-id").first()
