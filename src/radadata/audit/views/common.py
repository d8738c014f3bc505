"""What the audit pages share: who may enter, and re-showing a page with a form's errors."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from radadata.audit import access
from radadata.core.errors import NotAllowed


def audit_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in, and the office, the working group or an auditor in their term."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.may_enter(request.user, timezone.localdate()):
            raise NotAllowed(_("The audit pages are for the open-data officer and the "
                               "auditors during their term."))
        return view(request, *args, **kwargs)

    return wrapped
