"""E-mail and URI columns are read by polars expressions (checks/structure/parse.py), yet report
exactly what frictionless-py reports: the same (row, column, code) for valid, invalid and
doubtful cells (non-ASCII, quoted, with spaces: those are still given to frictionless)."""

from __future__ import annotations

import random

from radadata.checks.structure import codes, parse
from tests.checks.test_frictionless_parity import both, write_csv

SCHEMA = {"fields": [
    {"name": "id", "type": "integer"},
    {"name": "пошта", "type": "string", "format": "email",
     "constraints": {"maxLength": 40}},
    {"name": "сайт", "type": "string", "format": "uri"},
]}
EMAILS = [
    "ivan.petrenko@rada.gov.ua", "A.B+c@Example.COM", "x@localhost", "a..b@c.com", ".a@b.com",
    "a.@b.com", "a@b..com", "a@-b.com", "a@b-.com", "a@b.c1", "a@1.com", "a@b.com.",
    "a b@c.com", '"a b"@c.com', "a@b_c.com", "a@@b.com", "щ@b.com", "osbb@рада.укр",
    "é@b.com", "a" * 64 + "@b.com", "a" * 65 + "@b.com", "a@" + "b" * 63 + ".com",
    "a@" + "b" * 64 + ".com", "no-at-sign", "@b.com", "a@", "very.long.address.of.someone@b.com",
]
URIS = [
    "https://rada.gov.ua/", "mailto:a@b.ua", "urn:isbn:966", "x:", ":x", "/a:b", "a/b:c",
    "?:x", "1http://x", "a b:c", "щ:x", "HTTP://X.Y", "https://рада.укр/шлях", "rada.gov.ua",
    "tel:+380441234567", "a#b:c",
]


def test_email_and_uri_cells_are_reported_as_frictionless_reports_them(tmp_path):
    rng = random.Random(835)
    alphabet = "abXZ09.-_@:/?#\"' +%!~щ"
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
             for _ in range(300)]
    emails, uris = EMAILS + noise, URIS + noise
    rows = [[str(n + 1), emails[n % len(emails)], uris[n % len(uris)]]
            for n in range(max(len(emails), len(uris)))]
    path = write_csv(tmp_path / "контакти.csv", ["id", "пошта", "сайт"], rows)
    ours, theirs = both(path, SCHEMA, cap=1000)
    assert ours == theirs
    found = {(column, code) for _row, column, code, _count in ours}
    assert {("пошта", codes.TYPE_OTHER), ("сайт", codes.TYPE_OTHER),
            ("пошта", codes.MAX_LENGTH)} <= found


def test_email_and_uri_columns_have_a_vectorised_reader():
    assert parse.is_fast({"type": "string", "format": "email"})
    assert parse.is_fast({"type": "string", "format": "uri"})
    assert not parse.is_fast({"type": "string", "format": "uuid"})


def test_email_cells_with_white_space_are_reported_as_frictionless_reports_them(tmp_path):
    # Only a line break right before the @ may pass frictionless's validator; every other
    # white space is refused without asking it.
    cells = ["a\n@b.com", "a \n@b.com", "a\n\n@b.com", "a@b.com\n", "a b@c.com", " a@b.com",
             "a@b.com ", "a\t@b.com", "ivan at rada.gov.ua", "a@b .com", '"a b"@c.com',
             "a\u00a0b@c.com", "a@b.com"]
    rows = [[str(n + 1), cell, "https://rada.gov.ua/"] for n, cell in enumerate(cells)]
    path = write_csv(tmp_path / "пробіли.csv", ["id", "пошта", "сайт"], rows)
    ours, theirs = both(path, SCHEMA, cap=1000)
    assert ours == theirs
    bad = {row for row, column, code, _count in ours if code == codes.TYPE_OTHER}
    assert 2 not in bad and 14 not in bad and 3 in bad  # file rows: the header is row 1
