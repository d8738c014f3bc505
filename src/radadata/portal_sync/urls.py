"""Each views module owns its URL patterns; this file only gathers them."""

from radadata.portal_sync.views import connection, datasets, importing

app_name = "portal_sync"
urlpatterns = [
    *connection.urlpatterns,
    *datasets.urlpatterns,
    *importing.urlpatterns,
]
