"""Each views module owns its URL patterns; this file only gathers them."""

from radadata.audit.views import demand, office, public, scorecard

app_name = "audit"
urlpatterns = [
    *office.urlpatterns,
    *public.urlpatterns,
    *demand.urlpatterns,
    *scorecard.urlpatterns,
]
