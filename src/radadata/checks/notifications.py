"""Telling the uploader that a file meant to be public waits: its check found problems. Sent
after the commit, by e-mail (the in-app notices belong to submissions); the dataset's page
shows the same in its report panel."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)


def version_held(run_id: int) -> None:
    from radadata.checks.models import CheckRun

    run = (CheckRun.objects.select_related("version__resource__dataset", "version__uploaded_by")
           .filter(pk=run_id).first())
    if run is None or run.passed or not run.version.uploaded_by:
        return
    person, dataset = run.version.uploaded_by, run.version.resource.dataset
    if not person.email or not person.is_active:
        return
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL + reverse("checks:report", args=[dataset.name, run.version_id])
        subject = _("Open data: a file of “%(title)s” is not published") % {
            "title": dataset.title}
        body = _("The new version of “%(file)s” stays unpublished: its check found problems. "
                 "The public keeps the previous version. Open the report to see what to "
                 "correct:") % {"file": run.version.original_name}
    try:
        send_mail(subject[:200], f"{body}\n\n{link}\n", settings.DEFAULT_FROM_EMAIL,
                  [person.email], fail_silently=False)
    except Exception:  # a mail server that is down must not undo the check
        log.exception("could not send the e-mail about check %s", run_id)
