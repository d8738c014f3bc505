"""Each views module owns its URL patterns; this file only gathers them."""

from radadata.workflow.views import datasets, lists, submissions

app_name = "workflow"
urlpatterns = [
    *submissions.urlpatterns,
    *datasets.urlpatterns,
    *lists.urlpatterns,
]
