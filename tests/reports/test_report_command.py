"""`radadata report`: the same documents as the pages, and clear messages for bad input."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from docx import Document as read_docx

from radadata.reports.models import QuarterClose
from radadata.reports.periods import Quarter

from .steps import owner, publish, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def council():
    education = owner("Управління освіти")
    publish(register(education, "Мережа шкіл", listed=True), "2025-03-10")
    return education


def test_the_yearly_report_as_docx_and_html(council, tmp_path):
    out = tmp_path / "zvit.docx"
    stderr = io.StringIO()
    call_command("report", "yearly", "2025", "--format", "docx", "--out", str(out),
                 stderr=stderr)
    assert str(out) in stderr.getvalue()
    text = [p.text for p in read_docx(out).paragraphs]
    assert any(line.startswith("Станом на 31.12.2025 на Порталі розміщено 1 набір даних, що "
                               "становить 100%") for line in text)
    stdout = io.StringIO()
    call_command("report", "yearly", "2025", "--format", "html", "--out", "-", stdout=stdout)
    html = stdout.getvalue()
    assert html.startswith("<!DOCTYPE html>") and "Управління освіти" in html


def test_a_quarter_is_written_once_closed(council, tmp_path, monkeypatch):
    quarter = Quarter.containing(timezone.localdate()).previous()
    with pytest.raises(CommandError, match=str(quarter)):
        call_command("report", "quarterly", str(quarter))  # not closed yet
    monkeypatch.chdir(tmp_path)
    call_command("report", "quarterly", str(quarter), "--close", "--format", "xlsx",
                 stderr=io.StringIO())
    assert QuarterClose.objects.filter(year=quarter.year, quarter=quarter.number).exists()
    assert (tmp_path / f"monitorynh-{quarter}.xlsx").read_bytes().startswith(b"PK")
    call_command("report", "quarterly", str(quarter), "--document", "mayor", "--format", "pdf",
                 "--out", str(tmp_path / "mayor.pdf"), stderr=io.StringIO())
    assert (tmp_path / "mayor.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("args", "message"), [
    (["quarterly", str(Quarter.containing(timezone.localdate())), "--close"], "ends on"),
    (["quarterly", "2026Q9"], "2026Q3"),
    (["yearly", "2019"], "2025"),
    (["yearly", "2025", "--format", "docx", "--out", "-"], "binary"),
])
def test_bad_input_gives_a_clear_message(council, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *args, stderr=io.StringIO())
