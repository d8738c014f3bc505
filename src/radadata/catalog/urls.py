"""Each views module of the catalogue owns its URL patterns; this file only gathers them."""

from radadata.catalog.views import developers, feedback, requests, search, structure

app_name = "catalog"
urlpatterns: list = []
urlpatterns += [*structure.urlpatterns, *feedback.urlpatterns, *requests.urlpatterns]
urlpatterns += search.urlpatterns
urlpatterns += developers.urlpatterns
