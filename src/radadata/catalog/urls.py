"""Each views module of the catalogue owns its URL patterns; this file only gathers them."""

app_name = "catalog"
urlpatterns: list = []
