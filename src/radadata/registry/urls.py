"""Each views module owns its URL patterns; this file only gathers them."""

from radadata.registry.views import (
    audit,
    council,
    datasets,
    exports,
    home,
    imports,
    lists,
    owners,
    people,
)

app_name = "registry"
urlpatterns = [
    *home.urlpatterns,
    *council.urlpatterns,
    *owners.urlpatterns,
    *people.urlpatterns,
    *datasets.urlpatterns,
    *lists.urlpatterns,
    *audit.urlpatterns,
    *exports.urlpatterns,
    *imports.urlpatterns,
]
