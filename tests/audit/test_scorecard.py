"""The scorecard's figures against a direct count of the demo council, and the demo's audit
and survey."""

import pytest
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radadata.audit.models import Audit, AuditState, SurveyAnswerState
from radadata.audit.scorecard import QUALITY_PARTS, scorecard
from radadata.portal_sync.models import DatasetSync
from radadata.registry.demo import load_demo
from radadata.registry.models import ApprovedListItem, Dataset, Structure

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    assert load_demo() is not None


def test_the_quality_parts_add_up_to_one_hundred():
    assert sum(weight for _code, _label, weight in QUALITY_PARTS) == 100


def test_the_demo_councils_scorecard_equals_a_direct_count(demo):
    card = scorecard(today=timezone.localdate())
    entries = ApprovedListItem.objects.all()
    published = Q(dataset__first_published_at__isnull=False)
    listed = card.criterion("approved_list")
    assert (listed.numerator, listed.denominator) == (entries.filter(published).count(),
                                                      entries.count())
    assert len(listed.lacking) == entries.exclude(published).count()
    national = entries.exclude(national_item=None)
    share = card.criterion("national_list")
    assert (share.numerator, share.denominator) == (national.filter(published).count(),
                                                    national.count())
    on_structure = card.criterion("national_structures")
    assert on_structure.denominator == national.filter(published).count()
    assert on_structure.numerator == national.filter(published).filter(
        dataset__in=Structure.objects.exclude(national_code="").values("dataset")).count()
    public = Dataset.objects.published()
    cabinet = card.criterion("portal_cabinet")
    assert cabinet.denominator == public.count()
    assert cabinet.numerator == public.filter(
        pk__in=DatasetSync.objects.exclude(remote_id="").values("dataset")).count()
    assert len(card.quality) == public.count()
    good = card.criterion("quality")
    assert good.numerator == sum(1 for q in card.quality if q.score >= 80)
    site = card.criterion("site_page")
    assert site.numerator == 1  # the demo council gives its website
    assert card.met == sum(1 for c in card.criteria if c.numerator == c.denominator != 0)
    _pages(Client(), card)


def _pages(client, card):
    """The office page links each criterion's shortfall; the public summary does not."""
    from radadata.accounts.models import User

    client.force_login(User.objects.get(email="opendata@svitlohirsk-rada.example.ua"))
    page = client.get(reverse("audit:scorecard")).content.decode()
    assert "Оприлюднена частка затвердженого переліку" in page or "criterion-" in page
    short = next(c for c in card.criteria if c.lacking)
    assert reverse("audit:shortfall", args=[short.code]) in page
    listing = client.get(reverse("audit:shortfall", args=[short.code])).content.decode()
    assert short.lacking[0].split(" (")[0] in listing
    public = Client().get(reverse("audit:scorecard-public")).content.decode()
    assert 'id="criteria"' in public and "/office/scorecard/" not in public


def test_the_demo_council_has_a_finished_audit_and_a_survey(demo):
    audit = Audit.objects.get()
    assert audit.state == AuditState.PUBLISHED and audit.year == 2026
    assert audit.bodies.count() == 3 and audit.findings.count() == 3
    items = [i for b in audit.bodies.all() for i in b.items.all()]
    assert len(items) == 9 and sum(1 for i in items if i.dataset_id) == 2
    from radadata.audit.models import Survey

    survey = Survey.objects.get()
    assert survey.is_open
    states = list(survey.answers.values_list("state", flat=True))
    assert states.count(SurveyAnswerState.HELD) == 1 and len(states) == 6
