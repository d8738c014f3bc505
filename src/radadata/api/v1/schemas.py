"""Request and response shapes of the API. Field rules (lengths, choices) live in the models and
services, so every client gets the same translated messages as the office pages."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

MAX_LIMIT = 500
# Far beyond any catalogue, and far below the 64-bit integers the database can compare:
# a larger offset is a 422, not a 500 (schemathesis sent 10**31).
MAX_OFFSET = 1_000_000_000


class ErrorOut(Schema):
    code: str = Field(description="Stable machine-readable code, e.g. validation_failed.")
    message: str = Field(description="What went wrong and what to do, for people.")
    errors: dict[str, list[str]] | None = Field(
        None, description="Messages by field, for validation errors.")


class PageIn(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Items per page (1–500).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")


class DatasetFilters(PageIn):
    owner: str | None = Field(None, description="Owner slug.")
    status: str | None = Field(None, description="registered, published or archived.")
    periodicity: str | None = Field(None, description="data.gov.ua code, e.g. 'once a month'.")
    q: str | None = Field(None, description="Words the title contains.")


class OwnerRef(Schema):
    slug: str
    name: str
    edrpou: str | None = Field(None, description="ЄДРПОУ code; null for a department "
                                                "without legal status.")


class ContactOut(Schema):
    name: str
    email: str


class ThemeOut(Schema):
    code: str
    name: str


class DatasetUrls(Schema):
    api: str
    page: str
    resources: str


class DatasetOut(Schema):
    identifier: str
    name: str
    title: str
    description: str
    purpose: str
    language: str
    formats: list[str]
    periodicity: str = Field(description="data.gov.ua update_frequency code.")
    periodicity_label: str = Field(description="The official Ukrainian label (КМУ 835).")
    keywords: list[str]
    themes: list[ThemeOut]
    owner: OwnerRef
    status: str
    first_published_at: dt.datetime | None
    last_modified_at: dt.datetime | None
    data_as_of: dt.date | None
    landing_page: str
    contact: ContactOut | None
    resources_count: int
    urls: DatasetUrls


class DatasetPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[DatasetOut]


class DatasetIn(Schema):
    """A new dataset: its owner and passport (КМУ 835 п.7)."""

    owner: str = Field(description="Slug of the owner; must be yours.")
    title: str
    description: str
    purpose: str = Field(description="Legal basis and purpose of collection (≤ 512).")
    periodicity: str = Field(description="data.gov.ua code, e.g. 'once a quarter'.")
    language: str | None = None
    formats: list[str] | None = Field(None, description="Declared formats, e.g. ['CSV'].")
    compression: str | None = None
    landing_page: str | None = Field(None, description="Only if the page is elsewhere.")
    data_type: str | None = None
    created_on: dt.date | None = None
    data_as_of: dt.date | None = None
    identifier: str | None = Field(None, description="Generated when empty.")
    name: str | None = Field(None, description="Address name; made from the title if empty.")
    keywords: list[str] = []
    themes: list[str] = Field([], description="Theme codes.")


class DatasetPatch(Schema):
    """Fields to change; those left out stay as they are."""

    owner: str | None = None
    title: str | None = None
    description: str | None = None
    purpose: str | None = None
    periodicity: str | None = None
    language: str | None = None
    formats: list[str] | None = None
    compression: str | None = None
    landing_page: str | None = None
    data_type: str | None = None
    created_on: dt.date | None = None
    data_as_of: dt.date | None = None
    identifier: str | None = None
    name: str | None = None
    keywords: list[str] | None = None
    themes: list[str] | None = None


class VersionOut(Schema):
    number: int
    uploaded_at: dt.datetime
    filename: str
    size: int
    format: str
    media_type: str
    encoding: str
    sha256: str
    download_url: str


class ResourceOut(Schema):
    id: int
    title: str
    description: str
    position: int
    created_at: dt.datetime
    current_version: int | None
    versions: list[VersionOut] = Field(description="Newest first; earlier versions stay.")


class ResourcePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ResourceOut]


class OwnerOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    edrpou: str | None
    managing_owner: str | None = Field(description="Slug of the managing executive body.")
    published_datasets: int


class OwnerPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[OwnerOut]
