"""The one view of the CKAN Action API: read the parameters, call the action, answer in CKAN's
envelope, and the one place where errors become CKAN's answers:

    200 {"help": <url>, "success": true, "result": ...}
    404 {"help", "success": false, "error": {"__type": "Not Found Error", "message"}}
    409 {"help", "success": false, "error": {"__type": "Validation Error", "message",
         <parameter>: [messages]}}
    403 {"help", "success": false, "error": {"__type": "Authorization Error", "message"}}
    400 {"help", "success": false, "error": {"__type": "Bad Request", "message"}}  unknown
        action or unreadable body (CKAN answers 400 there too)

Any other exception is not caught: Django answers 500 and reports it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from radadata.api import rendered
from radadata.api.ckan.actions import ACTIONS, WRITE_ACTIONS, Context
from radadata.api.responses import remembered
from radadata.api.strings import holds_nul
from radadata.core.errors import DomainError, NotAllowed, NotFound, ValidationFailed


class BadRequest(Exception):
    pass


def _respond(body: Any, status: int = 200) -> HttpResponse:
    # rendered.dumps: package_search's results come as JSON text (api/rendered.py).
    response = HttpResponse(rendered.dumps(body), status=status,
                            content_type="application/json")
    # Public, read-only data (§2.20): any web page may read it, as CKAN portals allow.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _help_url(name: str) -> str:
    return (settings.SITE_URL + reverse("ckan:action", args=["help_show"]) + "?"
            + urlencode({"name": name}))


def _mixed(values: QueryDict) -> dict[str, Any]:
    """One value as a string, a repeated parameter as a list (as CKAN reads them)."""
    return {key: items[0] if len(items) == 1 else items for key, items in values.lists()}


def _request_data(request: HttpRequest) -> dict[str, Any]:
    if request.method == "GET":
        data = _mixed(request.GET)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        data = _mixed(request.POST)
    elif request.body.strip():
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as error:
            raise BadRequest(_("The body is not valid JSON: %(error)s") % {"error": error}
                             ) from None
        except RecursionError:
            raise BadRequest(_("The body is JSON nested too deeply; send the parameters as "
                               "one flat JSON object.")) from None
        if not isinstance(data, dict):
            raise BadRequest(_("Send the parameters as one JSON object."))
    else:
        data = {}
    data.pop("callback", None)  # JSONP is not offered; CKAN drops the name as well
    try:
        nul = holds_nul(data)
    except RecursionError:
        raise BadRequest(_("The body is JSON nested too deeply; send the parameters as one "
                           "flat JSON object.")) from None
    if nul:
        raise BadRequest(_("Remove the NUL character (\\u0000) from the parameters."))
    return data


def _error(kind: str, message: str, status: int, name: str, **extra: Any) -> HttpResponse:
    return _respond({"help": _help_url(name), "success": False,
                     "error": {"__type": kind, "message": message, **extra}}, status)


#: The actions whose answers follow from the catalogue alone (status_show tells the time).
REMEMBERED = frozenset({"package_search", "package_show"})


@remembered(when=lambda name: name in REMEMBERED)  # the same answers, for a tenth of the CPU
@csrf_exempt  # no cookies are read or changes made: every action here is read-only
@require_http_methods(["GET", "POST", "HEAD"])
def action(request: HttpRequest, name: str) -> HttpResponse:
    function = ACTIONS.get(name)
    if function is None:
        if name in WRITE_ACTIONS:
            return _error("Authorization Error", _("Access denied: this catalogue is read-only "
                                                   "through the CKAN API."), 403, name)
        return _error("Bad Request", _("Bad request - Action name not known: %(name)s")
                      % {"name": name}, 400, name)
    try:
        data = _request_data(request)
        result = function(Context(at=timezone.now()), data)
    except BadRequest as error:
        return _error("Bad Request", _("Bad request - %(error)s") % {"error": error}, 400, name)
    except ValidationFailed as error:
        return _error("Validation Error", error.message, 409, name, **error.errors)
    except NotFound as error:
        return _error("Not Found Error", _("Not found: %(message)s") % {"message": error.message},
                      404, name)
    except NotAllowed as error:
        return _error("Authorization Error",
                      _("Access denied: %(message)s") % {"message": error.message}, 403, name)
    except DomainError as error:  # a Conflict cannot arise in a read; answer as CKAN would
        return _error("Validation Error", error.message, 409, name)
    return _respond({"help": _help_url(name), "success": True, "result": result})


@require_http_methods(["GET", "HEAD"])
def api_version(request: HttpRequest) -> HttpResponse:
    """/api/3: the version of the Action API, as CKAN answers it."""
    return _respond({"version": 3})
