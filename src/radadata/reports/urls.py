"""Each views module owns its URL patterns; this file only gathers them."""

from radadata.reports.views import index, indicators, quarters, years

app_name = "reports"
urlpatterns = [
    *index.urlpatterns,
    *quarters.urlpatterns,
    *years.urlpatterns,
    *indicators.urlpatterns,
]
