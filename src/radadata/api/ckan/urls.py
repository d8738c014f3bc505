"""The CKAN Action API at CKAN's addresses: /api/3/action/<name> and /api/action/<name> (the
one ckanapi's RemoteCKAN calls)."""

from django.urls import path

from radadata.api.ckan import dispatcher

app_name = "ckan"
urlpatterns = [
    path("api/3", dispatcher.api_version, name="version"),
    path("api/3/action/<str:name>", dispatcher.action, name="action"),
    path("api/action/<str:name>", dispatcher.action, name="action-unversioned"),
]
