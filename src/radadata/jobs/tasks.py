"""What the worker runs (django-tasks): one task per job, and the periodic schedule's tick."""

from __future__ import annotations

from django_tasks import task


@task()
def run_job(job_id: int) -> None:
    from radadata.jobs.child import run_job_here_or_in_child

    run_job_here_or_in_child(job_id)


@task()
def run_periodic(name: str) -> None:
    from radadata.jobs.schedule import run_one

    run_one(name)
