from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("radadata.accounts.urls")),
    path("", include("radadata.registry.urls")),
    path("", include("radadata.workflow.urls")),
    path("", include("radadata.catalog.urls")),
    path("api/v1/", include("radadata.api.v1.urls")),
    path("", include("radadata.api.ckan.urls")),
    path("", include("radadata.api.dcat.urls")),
]
