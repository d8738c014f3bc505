from django.apps import AppConfig


class PortalSyncConfig(AppConfig):
    name = "radadata.portal_sync"
    label = "portal_sync"
    verbose_name = "Sync with data.gov.ua"
