from django.urls import path

from radadata.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("office/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("office/tokens/", views.tokens, name="tokens"),
    path("office/tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
