from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "radadata.audit"
    label = "audit"
    verbose_name = "Data audit"

    def ready(self) -> None:
        from radadata.core.audit_labels import register_actions

        register_actions({
            "audit.opened": _("data audit opened"),
            "audit.changed": _("data audit changed"),
            "audit.started": _("data audit started"),
            "audit.reported": _("data audit report submitted"),
            "audit.published": _("data audit report approved and published"),
            "audit.auditor_added": _("auditor appointed"),
            "audit.body_added": _("body added to the audit"),
            "audit.inventory_recorded": _("inventory item recorded"),
            "audit.finding_recorded": _("audit finding recorded"),
            "audit.priority_adjusted": _("priority adjusted"),
            "audit.survey_opened": _("survey opened"),
            "audit.survey_closed": _("survey closed"),
            "audit.proposal_made": _("proposal for the approved list prepared"),
        })
