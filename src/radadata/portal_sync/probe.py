"""The connection check: what the portal is and what it keeps. It only reads (status_show,
organization_show, scheming_dataset_schema_show): it creates nothing on the portal.

The key is not proved here (CKAN has no read that needs it; the first push proves it), but its
kind is told: an API token (CKAN 2.9 and later: a JWT, "eyJ…") or a per-user API key of an
older CKAN (2.7/2.8 era, a UUID, as data.gov.ua issues). Both go in the `Authorization` header
(ckanapi also sends the old `X-CKAN-API-Key`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from radadata.portal_sync.client import (
    FIELD_LABELS,
    PortalClient,
    PortalError,
    PortalNotAuthorized,
    PortalUnavailable,
)
from radadata.portal_sync.layout import SCHEMA, SCHEMA_DEPENDENT, Layout

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)

TOKEN, LEGACY_KEY, UNKNOWN_KEY = "token", "api_key", "unknown"

def key_kind(api_key: str) -> str:
    key = (api_key or "").strip()
    if key.startswith("eyJ") and key.count(".") == 2:
        return TOKEN
    if _UUID.match(key):
        return LEGACY_KEY
    return UNKNOWN_KEY


def label(key: str) -> str:
    return str(FIELD_LABELS.get(key) or key)


@dataclass(frozen=True)
class Report:
    ckan_version: str
    organization: str
    layout: Layout
    key_kind: str

    def message(self) -> str:
        parts = [_("The portal answers (CKAN %(version)s) and has the organisation "
                   "“%(org)s”.") % {"version": self.ckan_version or "?",
                                    "org": self.organization}]
        parts.append({
            TOKEN: _("The key is an API token (CKAN 2.9 and later)."),
            LEGACY_KEY: _("The key is a per-user API key of an older CKAN (2.7–2.8, as "
                          "data.gov.ua issues); it is sent in the Authorization header."),
            UNKNOWN_KEY: _("The key is neither an API token nor an old API key by its form; "
                           "the first push will show whether the portal accepts it."),
        }[self.key_kind])
        if self.layout.source:
            where = {place: ", ".join(label(k) for k in SCHEMA_DEPENDENT
                                      if self.layout.place(k) == place) or "—"
                     for place in ("top", "extras", "none")}
            text = (_("The portal's dataset schema keeps as its own fields: %(top)s; the rest "
                      "goes to additional fields (extras): %(extras)s.")
                    if self.layout.source == SCHEMA else
                    _("The first push showed that the portal keeps as its own fields: %(top)s; "
                      "as additional fields (extras): %(extras)s; nowhere: %(none)s."))
            parts.append(text % where)
        else:
            parts.append(_("The portal does not publish its dataset schema: the first push "
                           "will verify what it keeps, and fields it drops from the top level "
                           "are sent again as additional fields (extras)."))
        return " ".join(parts)


def inspect(client: PortalClient, organization: str, api_key: str) -> Report:
    status = client.call("status_show")
    org = client.call("organization_show", id=organization, include_datasets=False)
    version = str(status.get("ckan_version") or "")
    try:
        schema = client.call("scheming_dataset_schema_show", type="dataset")
    except (PortalUnavailable, PortalNotAuthorized):
        raise
    except PortalError:  # "Action name not known": no ckanext-scheming
        schema = None
    layout = (Layout.from_schema(schema, ckan_version=version) if isinstance(schema, dict)
              else Layout(ckan_version=version))
    return Report(ckan_version=version,
                  organization=org.get("title") or org.get("name") or organization,
                  layout=layout, key_kind=key_kind(api_key))
