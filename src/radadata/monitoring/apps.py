from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "radadata.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring"

    def ready(self) -> None:
        from radadata.core.audit_labels import register_actions
        from radadata.monitoring import tasks  # noqa: F401  (registers the periodic reminders)

        register_actions({"monitoring.reminder_sent": _("reminder about a due update sent")})
