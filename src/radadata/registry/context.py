from django.http import HttpRequest

from radadata.registry import access
from radadata.registry.models import Council


def site(request: HttpRequest) -> dict:
    from django.conf import settings

    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "council": Council.current(),
        "SITE_URL": settings.SITE_URL,
        "perms_office": signed_in and access.is_office(user),
        "perms_audit": signed_in and access.reads_audit_log(user),
        # Counted only when a page shows it (the office menu). Through the reverse relation
        # of workflow.Notice: registry must not import the workflow.
        "unread_notices": (lambda: user.notices.filter(read_at__isnull=True).count())
        if signed_in else 0,
    }
