"""Where an import reads from: a CKAN's address, an organisation on it (or none: the whole
catalogue, as a council's own /api/3 is), and an API key for private packages.

The key travels as the connection's does: only in request headers, and in a job's parameters
only encrypted (keys.encrypt). When the source is the connected portal and no key is given, the
connection's key is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from radadata.core.errors import Conflict, ValidationFailed
from radadata.portal_sync import keys
from radadata.portal_sync.client import PortalClient, PortalNotFound
from radadata.portal_sync.models import PortalConnection

if TYPE_CHECKING:  # requests is heavy for every command's start: imported for a session
    import requests

SEARCH_ROWS = 200
#: A whole national portal is not a council's catalogue: past this many packages the officer
#: names the organisation instead.
MAX_PACKAGES = 5000


def _requests_session() -> requests.Session:
    import requests

    return requests.Session()


#: How an import opens its HTTP session; the tests swap it for one that answers in-process.
new_session: Callable[[], requests.Session] = _requests_session


@dataclass(frozen=True)
class Source:
    base_url: str
    organization: str = ""
    api_key: str = field(default="", repr=False)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc.lower()

    def describe(self) -> str:
        if self.organization:
            return f"{self.base_url} ({self.organization})"
        return self.base_url


def normal_url(url: str) -> str:
    parts = urlsplit((url or "").strip())
    path = parts.path.rstrip("/")
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}" if parts.netloc else ""


def make_source(*, base_url: str, organization: str = "", api_key: str = "") -> Source:
    """A checked source; ValidationFailed names the field to correct."""
    url = normal_url(base_url)
    if not url or urlsplit(url).scheme not in ("http", "https"):
        raise ValidationFailed({"base_url": [_(
            "Enter the catalogue's address, e.g. https://data.gov.ua or the address of your "
            "council's own catalogue.")]})
    # Someone pasting the API address itself: the catalogue is what comes before /api.
    for tail in ("/api/3/action", "/api/3", "/api/action", "/api"):
        if url.endswith(tail):
            url = url[: -len(tail)]
    return Source(base_url=url, organization=(organization or "").strip(),
                  api_key=(api_key or "").strip())


def is_connected_portal(source: Source, conn: PortalConnection | None) -> bool:
    """The import reads the portal the council pushes to: its remote ids mean something for
    later pushes, so they are kept in DatasetSync."""
    return conn is not None and normal_url(conn.base_url) == source.base_url


def with_connection_key(source: Source, conn: PortalConnection | None) -> Source:
    """The source with the connection's key, when it is the connected portal and no key was
    given (so private packages of the council's organisation are seen too)."""
    if source.api_key or not is_connected_portal(source, conn) or conn is None:
        return source
    try:
        api_key = conn.api_key
    except keys.KeyUnreadable:
        return source
    return Source(base_url=source.base_url, organization=source.organization, api_key=api_key)


def belongs_to(package: dict[str, Any], conn: PortalConnection) -> bool:
    """The package is of the connected organisation (its id or its name)."""
    org = package.get("organization") or {}
    return conn.organization in {package.get("owner_org"), org.get("id"), org.get("name")}


# A job's parameters -----------------------------------------------------------------------------

def to_params(source: Source, conn: PortalConnection | None) -> dict[str, Any]:
    """What a job keeps of the source: never the key in clear."""
    params: dict[str, Any] = {"url": source.base_url, "organization": source.organization,
                              "key": keys.encrypt(source.api_key) if source.api_key else ""}
    if not source.api_key and is_connected_portal(source, conn) and conn is not None \
            and conn.api_key_encrypted:
        params["connection_key"] = True
    return params


def from_params(params: dict[str, Any]) -> Source:
    try:
        if params.get("key"):
            api_key = keys.decrypt(params["key"])
        elif params.get("connection_key"):
            conn = PortalConnection.current()
            api_key = conn.api_key if conn is not None else ""
        else:
            api_key = ""
    except keys.KeyUnreadable as error:
        raise Conflict(_("The API key of this import can no longer be read (the server's "
                         "secret changed). Start the import again with the key."),
                       code="import_key_unreadable") from error
    return Source(base_url=params["url"], organization=params.get("organization") or "",
                  api_key=api_key)


# Reading the catalogue ---------------------------------------------------------------------------

def open_client(source: Source, session: requests.Session, **options: Any) -> PortalClient:
    return PortalClient(source.base_url, source.api_key, session=session, **options)


def _organization_id(client: PortalClient, organization: str) -> str:
    try:
        org = client.call("organization_show", id=organization, include_datasets=False)
    except PortalNotFound as error:
        raise ValidationFailed({"organization": [_(
            "The catalogue has no organisation “%(org)s”. Copy its short name from the address "
            "of the organisation's page (…/organization/<name>).") % {"org": organization}]},
        ) from error
    return org.get("id") or organization


def list_packages(client: PortalClient, organization: str) -> list[dict[str, Any]]:
    """Every package of the organisation (or of the catalogue), private ones too if the key
    may see them, in a steady order. Deleted packages are left out by the search itself."""
    fq = f'owner_org:"{_organization_id(client, organization)}"' if organization else ""
    packages: list[dict[str, Any]] = []
    start = 0
    while True:
        query: dict[str, Any] = {"rows": SEARCH_ROWS, "start": start, "include_private": True,
                                 "sort": "name asc"}
        if fq:
            query["fq"] = fq
        page = client.call("package_search", **query)
        count = int(page.get("count") or 0)
        if count > MAX_PACKAGES:
            raise ValidationFailed({"organization": [_(
                "The catalogue lists %(count)d packages: that is not one council's. Enter the "
                "council's organisation on it.") % {"count": count}]})
        results = page.get("results") or []
        packages.extend(results)
        start += len(results)
        if not results or start >= count:
            return packages
