"""DCAT-AP at the addresses ckanext-dcat uses: /catalog.ttl|.rdf|.jsonld and
/dataset/<name>.ttl|.rdf|.jsonld; /catalog and /dataset/<name> negotiate by Accept (the
dataset page itself calls views.dataset_rdf_response)."""

from django.urls import path

from radadata.api.dcat import views
from radadata.api.dcat.negotiation import FORMATS

app_name = "dcat"
urlpatterns = [
    path("catalog", views.catalogue, name="catalog"),
    *(path(f"catalog.{ext}", views.catalogue, {"extension": ext}, name=f"catalog-{ext}")
      for ext in FORMATS),
    *(path(f"dataset/<slug:name>.{ext}", views.dataset, {"extension": ext},
           name=f"dataset-{ext}")
      for ext in FORMATS),
]
