from django.apps import AppConfig


class PortalSyncConfig(AppConfig):
    name = "radadata.portal_sync"
    label = "portal_sync"
    verbose_name = "Sync with data.gov.ua"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from radadata.core.audit_labels import register_actions

        # Importing them registers the push job and the periodic moderation and drift checks.
        from radadata.portal_sync import drift, polling, push  # noqa: F401
        from radadata.portal_sync.importing import job  # noqa: F401  (the import job)

        register_actions({
            "portal.connection_saved": _("portal connection changed"),
            "portal.pushed": _("pushed to the portal"),
            "portal.push_failed": _("push to the portal failed"),
            "portal.drift_found": _("changes made on the portal by hand found"),
            "portal.package_imported": _("imported from a portal"),
        })
