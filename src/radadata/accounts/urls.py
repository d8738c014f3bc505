from django.urls import path

from radadata.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("office/people/", views.placeholder, name="people"),
    path("office/tokens/", views.placeholder, name="tokens"),
]
