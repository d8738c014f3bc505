"""Every setting an operator may change, declared once with its default and help text.

Each is read from an environment variable of the same name. docs/settings.md lists them all;
tests/config/test_settings_docs.py fails when one is missing there.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    cast: Callable[[str], Any] = str

    def value(self) -> Any:
        return self.cast(os.environ.get(self.name, self.default))


DECLARED: tuple[Setting, ...] = (
    Setting("RADADATA_DEBUG", "false", "Show Django debug pages. Never on a public server.", _bool),
    Setting(
        "RADADATA_SECRET_KEY",
        "",
        "Django secret key. Required in production; dev and test use a fixed local key.",
    ),
    Setting(
        "RADADATA_ALLOWED_HOSTS",
        "127.0.0.1,localhost",
        "Comma-separated host names the site answers to. Required in production.",
        _list,
    ),
    Setting(
        "RADADATA_DATABASE_URL",
        "",
        "Database URL, e.g. postgres://user:pass@host:5432/radadata. "
        "Empty means the embedded SQLite file var/radadata.sqlite3.",
    ),
    Setting(
        "RADADATA_DATA_DIR",
        "var",
        "Folder for the SQLite database, uploaded files and generated documents.",
    ),
    Setting(
        "RADADATA_SITE_URL",
        "http://127.0.0.1:8000",
        "Public address of the site; used in landingPage links of the published registry.",
    ),
    Setting(
        "RADADATA_EMAIL_URL",
        "console://",
        "Where e-mail goes: console:// prints it, smtp://user:pass@host:587 sends it "
        "(smtp+tls:// for STARTTLS).",
    ),
    Setting(
        "RADADATA_DEFAULT_FROM_EMAIL",
        "opendata@localhost",
        "Sender address of the e-mails the system sends.",
    ),
    Setting(
        "RADADATA_MAX_UPLOAD_MB",
        "200",
        "Largest file a clerk may upload, in megabytes.",
        int,
    ),
    Setting(
        "RADADATA_CHECK_MAX_MB",
        "500",
        "Largest file whose content the checks read, in megabytes; a larger file is reported "
        "as too large to check.",
        int,
    ),
    Setting(
        "RADADATA_CHECK_ZIP_MAX_MB",
        "1000",
        "Largest total unpacked size of a ZIP archive (and of an XLSX or ODS workbook) the "
        "checks open, in megabytes: the guard against zip bombs.",
        int,
    ),
    Setting(
        "RADADATA_CHECK_ZIP_MAX_FILES",
        "1000",
        "Most files a ZIP archive may hold for the checks to open it.",
        int,
    ),
    Setting(
        "RADADATA_HOLIDAYS_ARE_DAYS_OFF",
        "false",
        "Whether Ukrainian public holidays are days off when counting working days. "
        "Under martial law (since 24.02.2022) they are not: leave false.",
        _bool,
    ),
    Setting(
        "RADADATA_REMINDER_DAYS_BEFORE",
        "5",
        "How many working days before a dataset's due date its responsible person and "
        "substitute get the first reminder (0: none before the day itself).",
        int,
    ),
    Setting(
        "RADADATA_BIND",
        "127.0.0.1:8000",
        "Address and port that `radadata serve` (and so `make run`) listens on.",
    ),
    Setting(
        "RADADATA_WEB_WORKERS",
        "3",
        "Number of web processes that `make run` (gunicorn) starts.",
        int,
    ),
    Setting(
        "RADADATA_WEB_THREADS",
        "4",
        "Requests each web process serves at once (gunicorn's threads); a client's connection "
        "stays open between its requests.",
        int,
    ),
    Setting(
        "RADADATA_WORKER_WITH_SERVER",
        "true",
        "Whether `radadata serve` also starts one background worker (checks, portal sync, "
        "reminders). Set false when workers run as their own service (`radadata worker`).",
        _bool,
    ),
    Setting(
        "RADADATA_WORKERS",
        "1",
        "Number of background worker processes that `radadata serve` starts and restarts when "
        "one dies. Each worker runs file checks and long jobs (portal pushes, imports) side by "
        "side, so a long push never holds a check.",
        int,
    ),
    Setting(
        "RADADATA_WORKER_DEAD_AFTER_SECONDS",
        "45",
        "A worker writes a heartbeat every 10 seconds; one not seen for this many seconds is "
        "dead: its running jobs are taken over by another worker (their dataset claims "
        "released) and the office is shown a warning.",
        int,
    ),
    Setting(
        "RADADATA_TRUSTED_PROXIES",
        "127.0.0.1,::1",
        "Comma-separated addresses of the reverse proxies in front of the site. A request "
        "from one of them is taken to come from the address it names in X-Forwarded-For "
        "(sign-in and feedback limits count per visitor); any other request's own address "
        "counts, whatever headers it sends.",
        _list,
    ),
    Setting(
        "RADADATA_HSTS_SECONDS",
        "31536000",
        "Production: how long browsers must use only HTTPS for the site (Strict-Transport-"
        "Security, subdomains included). Start lower (3600) while trying HTTPS out; 0 sends "
        "no header.",
        int,
    ),
    Setting(
        "RADADATA_SSL_REDIRECT",
        "true",
        "Production: redirect plain HTTP to HTTPS. Behind a proxy that ends TLS, the proxy must "
        "send X-Forwarded-Proto; set false only if the proxy redirects by itself.",
        _bool,
    ),
    Setting(
        "RADADATA_S3_BUCKET",
        "",
        "Keep uploaded files and generated documents in this bucket of an S3-compatible object "
        "storage (AWS S3, MinIO, Ceph…) instead of RADADATA_DATA_DIR/media: needed when web "
        "and worker processes run on several machines. Empty: the local disk.",
    ),
    Setting(
        "RADADATA_S3_ENDPOINT_URL",
        "",
        "The object storage's address, e.g. https://minio.rada.example.ua:9000. Empty: AWS S3.",
    ),
    Setting(
        "RADADATA_S3_REGION",
        "",
        "The bucket's region, e.g. eu-central-1 (if the storage asks for one).",
    ),
    Setting(
        "RADADATA_S3_ACCESS_KEY_ID",
        "",
        "Access key of the object storage. Empty: boto3 finds credentials itself (environment "
        "AWS_* variables, an instance role).",
    ),
    Setting(
        "RADADATA_S3_SECRET_ACCESS_KEY",
        "",
        "Secret key belonging to RADADATA_S3_ACCESS_KEY_ID. Keep it out of the code.",
    ),
    Setting(
        "RADADATA_S3_PREFIX",
        "",
        "A folder inside the bucket for this installation's files (several installations may "
        "share a bucket).",
    ),
    Setting(
        "RADADATA_PORTAL_KEY",
        "",
        "Secret that encrypts the data.gov.ua API key at rest. Empty means the Django secret "
        "key; after changing either, the officer enters the portal API key again.",
    ),
    Setting(
        "RADADATA_DEMO",
        "true",
        "Whether `make run` (`radadata load_demo`) loads the demo council into an empty "
        "database. A real council sets it to false: the first page then asks for its "
        "administrator and its details (or use `radadata council init`).",
        _bool,
    ),
)


def get(name: str) -> Any:
    for setting in DECLARED:
        if setting.name == name:
            return setting.value()
    raise KeyError(name)
