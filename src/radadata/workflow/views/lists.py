"""The lists of the workflow: the officer's queue, a person's submissions, their notices."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from radadata.registry.views.common import now, office_view, officer_view, paginate
from radadata.workflow import selectors, services
from radadata.workflow.forms import QueueFilterForm


@require_safe
@officer_view
def queue(request: HttpRequest) -> HttpResponse:
    filters = QueueFilterForm(request.GET)
    today = timezone.localdate()
    return render(request, "workflow/queue.html", {
        "filters": filters,
        "page": paginate(request, selectors.queue(**filters.selector_arguments())),
        "counts": selectors.queue_counts(today=today),
        "today": today,
    })


@require_safe
@office_view
def my_submissions(request: HttpRequest) -> HttpResponse:
    return render(request, "workflow/my_submissions.html", {
        "page": paginate(request, selectors.submissions_of(user=request.user)),
        "portal_work": selectors.portal_work_of(user=request.user),
        "today": timezone.localdate(),
    })


@require_safe
@office_view
def notices(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.notices_of(request.user))
    shown = list(page.object_list)
    # Shown is read; the list still marks the ones that were new until now.
    services.notices_mark_read(user=request.user, notices=shown, at=now())
    return render(request, "workflow/notices.html", {"page": page, "notices": shown})


urlpatterns = [
    path("office/queue/", queue, name="queue"),
    path("office/submissions/", my_submissions, name="my-submissions"),
    path("office/notices/", notices, name="notices"),
]
