from django.urls import path
from django.views.generic import TemplateView

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.sign_out, name="logout"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        TemplateView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/<uuid:pk>/revoke/", views.revoke_invitation, name="revoke_invitation"),
    path("invite/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("account/", views.account, name="account"),
    path("account/time-zone/", views.change_time_zone, name="change_time_zone"),
    path("account/tokens/", views.api_tokens, name="api_tokens"),
    path("account/tokens/<uuid:pk>/revoke/", views.revoke_api_token, name="revoke_api_token"),
    path("account/export/", views.export_data, name="export_data"),
    path("account/delete/", views.delete_account, name="delete_account"),
]
