"""/priorities: the candidates for publication ranked by their priority score, each with the
parts of its score (§2.13, §2.18, §3.7). Anonymous callers see the inventory of published
audits only; the open-data office sees every candidate."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from radadata.api.v1.auth import ANYONE, caller
from radadata.api.v1.schemas import ErrorOut
from radadata.audit import exports
from radadata.registry import access

router = Router(tags=["priorities"])


class PartOut(Schema):
    source: str = Field(description="audit, listed, requests, searches, survey, use or officer.")
    label: str = Field(description="Where the points come from, in Ukrainian.")
    points: int


class CandidateOut(Schema):
    parts: list[PartOut] = Field(description="Every part of the score, with its reason.")
    rank: int
    key: str = Field(description="inventory:<id>, request:<id> or list:<id>.")
    kind: str
    title: str
    owner: str
    score: int = Field(description="The sum of the parts.")
    audit: int = Field(description="Points from the audit (value, recommendation).")
    listed: int = Field(description="Points for an approved-list entry not yet published.")
    requests: int = Field(description="Points from data requests and their votes.")
    searches: int = Field(description="Points from catalogue searches that found nothing.")
    survey: int = Field(description="Points from survey answers.")
    use: int = Field(description="Points from views and downloads of related datasets.")
    officer: int = Field(description="The officer's adjustments.")


@router.get("", response={200: list[CandidateOut], 401: ErrorOut}, auth=ANYONE,
            url_name="priorities", summary="Candidates for publication by priority")
def list_priorities(request: HttpRequest) -> list[dict]:
    return exports.rows(today=timezone.localdate(),
                        public=not access.is_office(caller(request)))
