"""The job pages: a progress bar that follows the worker, the item log, cancel and resume."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from radadata.jobs import selectors, services
from radadata.jobs.base import RUNNERS
from radadata.jobs.models import Job
from radadata.registry.views.common import now, office_view, paginate


def _job(request: HttpRequest, pk: int) -> Job:
    job = get_object_or_404(Job.objects.select_related("created_by"), pk=pk)
    if not selectors.job_readable(request.user, job):
        raise Http404
    return job


def _title(job: Job) -> str:
    runner = RUNNERS.get(job.kind)
    return str(runner.title) if runner else job.kind


@office_view
def job_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.jobs_visible_to(request.user))
    for job in page:
        job.title = _title(job)
    return render(request, "jobs/list.html", {"page": page})


@office_view
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    job.title = _title(job)
    return render(request, "jobs/detail.html", {
        "job": job, "items": job.items.all()[:1000],
        "stuck": services.is_stuck(job, at=now()),
        "next": request.GET.get("next", ""),
    })


@office_view
def job_status(request: HttpRequest, pk: int) -> JsonResponse:
    job = _job(request, pk)
    return JsonResponse({
        "id": job.pk, "status": job.status, "status_label": job.get_status_display(),
        "finished": job.finished, "percent": job.percent, "done": job.done, "total": job.total,
        "message": job.message,
    })


@require_POST
@office_view
def job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = services.job_cancel(job=_job(request, pk), by=request.user, at=now())
    return redirect("jobs:detail", pk=job.pk)


@require_POST
@office_view
def job_resume(request: HttpRequest, pk: int) -> HttpResponse:
    job = services.job_resume(job=_job(request, pk), by=request.user, at=now())
    return redirect("jobs:detail", pk=job.pk)
