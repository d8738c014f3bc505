from django.urls import path

from radadata.accounts import views, views_password

app_name = "accounts"
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("login/password-reset/", views_password.PasswordResetView.as_view(),
         name="password-reset"),
    path("login/password-reset/sent/", views_password.PasswordResetSentView.as_view(),
         name="password-reset-sent"),
    path("login/password-reset/done/", views_password.PasswordResetCompleteView.as_view(),
         name="password-reset-complete"),
    path("login/password-reset/<uidb64>/<token>/",
         views_password.PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
    path("office/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("office/tokens/", views.tokens, name="tokens"),
    path("office/tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
