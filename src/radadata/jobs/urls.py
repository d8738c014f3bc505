from django.urls import path

from radadata.jobs import views

app_name = "jobs"

urlpatterns = [
    path("office/jobs/", views.job_list, name="list"),
    path("office/jobs/<int:pk>/", views.job_detail, name="detail"),
    path("office/jobs/<int:pk>/status.json", views.job_status, name="status"),
    path("office/jobs/<int:pk>/cancel/", views.job_cancel, name="cancel"),
    path("office/jobs/<int:pk>/resume/", views.job_resume, name="resume"),
]
