from django.urls import include, path

# The APIs first: Django tries the patterns in order, and the public APIs answer most requests
# (a harvester's, a developer's); no other app's address begins with "api/".
urlpatterns = [
    path("api/v1/", include("radadata.api.v1.urls")),
    path("", include("radadata.api.ckan.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("radadata.accounts.urls")),
    path("", include("radadata.registry.urls")),
    path("", include("radadata.workflow.urls")),
    path("", include("radadata.checks.urls")),
    path("", include("radadata.structures.urls")),
    path("", include("radadata.jobs.urls")),
    path("", include("radadata.monitoring.urls")),
    path("", include("radadata.reports.urls")),
    path("", include("radadata.portal_sync.urls")),
    path("", include("radadata.catalog.urls")),
    path("", include("radadata.audit.urls")),
    path("", include("radadata.api.dcat.urls")),
]
