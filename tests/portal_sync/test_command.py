"""`radadata portal push` on the command line: the dry run printed, a push with its log, the
exit status when a dataset fails, and what the command needs."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from radadata.jobs.models import Job
from tests.factories import DatasetFactory

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("portal", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_dry_run_prints_the_diff_and_sends_nothing(office, conn, portal):
    out, _err = run("push", "--dataset", "merezha-shkil", "--dry-run")

    lines = out.splitlines()
    assert lines[0] == "Мережа закладів освіти → svitlohirska-mr-merezha-shkil (create)"
    assert "  title: '' → 'Мережа закладів освіти'" in lines
    assert "  Перелік закладів (schools.csv): will be uploaded (new on the portal)" in lines
    assert portal.live_packages() == []
    assert not Job.objects.exists()


def test_push_all_runs_the_job_and_prints_its_log(office, conn, portal):
    out, err = run("push", "--all")

    assert "✓ Мережа закладів освіти: Created the package svitlohirska-mr-merezha-shkil" in out
    assert "✓ Видатки на освіту: Created the package svitlohirska-mr-vydatky-osvita" in out
    assert "100%" in err
    assert len(portal.live_packages()) == 2
    assert Job.objects.get().created_by is None  # the system, from the command line


def test_a_failed_dataset_makes_the_command_fail(office, conn, portal):
    DatasetFactory(owner=office.owner, title="Без ключових слів", name="bez-sliv",
                   published=True)

    with pytest.raises(CommandError):
        run("push", "--dataset", "bez-sliv", "--dataset", str(office.schools.pk))

    assert [p["title"] for p in portal.live_packages()] == ["Мережа закладів освіти"]


def test_the_command_says_what_is_missing(office):
    with pytest.raises(CommandError, match="not connected"):
        run("push", "--all")
    with pytest.raises(CommandError, match="No such dataset"):
        run("push", "--dataset", "nema-takoho", "--dry-run")
