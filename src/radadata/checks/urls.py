"""Each views module owns its URL patterns; this file only gathers them."""

from radadata.checks.views import columns, reports, structure

app_name = "checks"
urlpatterns = [
    *reports.urlpatterns,
    *columns.urlpatterns,
    *structure.urlpatterns,
]
