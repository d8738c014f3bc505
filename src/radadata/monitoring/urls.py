"""Each views module owns its URL patterns; this file only gathers them."""

from radadata.monitoring.views import dashboard

app_name = "monitoring"
urlpatterns = [
    *dashboard.urlpatterns,
]
