"""A published audit as open data (§3.6): its inventory and its findings as CSV and JSON,
with the same column names in both."""

from __future__ import annotations

import csv
import io
import json

from radadata.audit import selectors
from radadata.audit.documents import ITEM_KINDS, KEEPING, PERIODICITY, VALUE
from radadata.audit.models import Audit
from radadata.core.text import neutralise_formula

INVENTORY_COLUMNS = ("body", "bodyIdentifier", "name", "kind", "content", "format", "keeping",
                     "personalData", "legalBasis", "volume", "changeFrequency", "publicValue",
                     "datasetIdentifier", "recommendPublish", "recommendation")


def inventory_rows(audit: Audit) -> list[dict]:
    return [{
        "body": i.body.owner.name, "bodyIdentifier": i.body.owner.edrpou or None,
        "name": i.name, "kind": ITEM_KINDS[i.kind], "content": i.content,
        "format": i.data_format, "keeping": KEEPING[i.keeping],
        "personalData": i.personal_data, "legalBasis": i.legal_basis, "volume": i.volume,
        "changeFrequency": PERIODICITY.get(i.change_frequency, ""),
        "publicValue": VALUE[i.public_value],
        "datasetIdentifier": i.dataset.identifier if i.dataset else None,
        "recommendPublish": i.recommend_publish, "recommendation": i.recommendation,
    } for i in selectors.inventory_of(audit)]


def inventory_csv(audit: Audit) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=INVENTORY_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in inventory_rows(audit):
        writer.writerow({key: neutralise_formula(_cell(value)) for key, value in row.items()})
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "так" if value else "ні"
    return str(value)


def inventory_json(audit: Audit) -> bytes:
    findings = [{"body": f.body.owner.name if f.body else None, "finding": f.text,
                 "recommendation": f.recommendation,
                 "deadline": f.deadline.isoformat() if f.deadline else None}
                for f in selectors.findings_of(audit)]
    data = {"year": audit.year, "published": audit.published_at.date().isoformat()
            if audit.published_at else None,
            "inventory": inventory_rows(audit), "findings": findings}
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
