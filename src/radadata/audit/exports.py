"""The ranked candidates as rows: the office's CSV, `radadata priorities` and the API share
them, so all three say the same."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from radadata.audit.priorities import Candidate, candidates
from radadata.core.text import neutralise_formula

SOURCES = ("audit", "listed", "requests", "searches", "survey", "use", "officer")
COLUMNS = ("rank", "key", "kind", "title", "owner", "score", *SOURCES, "parts")


def row(rank: int, candidate: Candidate) -> dict:
    by_source = {source: sum(p.points for p in candidate.parts if p.source == source)
                 for source in SOURCES}
    return {"rank": rank, "key": candidate.key, "kind": candidate.kind,
            "title": candidate.title,
            "owner": candidate.owner.name if candidate.owner else "",
            "score": candidate.total, **by_source,
            "parts": [{"source": p.source, "label": p.label, "points": p.points}
                      for p in candidate.parts]}


def rows(*, today: dt.date, public: bool = False) -> list[dict]:
    return [row(n, c) for n, c in enumerate(candidates(today=today, public=public), start=1)]


def as_csv(data: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for item in data:
        flat = dict(item, parts="; ".join(f"{p['label']}: {p['points']:+d}"
                                          for p in item["parts"]))
        writer.writerow({k: neutralise_formula(str(v)) for k, v in flat.items()})
    return out.getvalue().encode("utf-8")


def as_json(data: list[dict]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
