from django.urls import path

from radadata.workflow import views

app_name = "workflow"
urlpatterns = [
    path("office/submissions/<int:pk>/", views.submission_detail, name="submission-detail"),
]
