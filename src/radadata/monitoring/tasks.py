"""The worker's periodic work for monitoring: the reminders about due updates."""

from __future__ import annotations

import datetime as dt

from radadata.jobs.schedule import periodic
from radadata.monitoring import services


@periodic("monitoring.reminders", every=dt.timedelta(minutes=15))
def send_reminders(*, at: dt.datetime) -> None:
    # Idempotent: a reminder already recorded is never recorded or mailed again.
    services.reminders_send(at=at)
