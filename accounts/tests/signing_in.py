"""Helpers for the sign-in pages' tests: post the sign-in form, and read who is signed in
and where a followed response ended up."""

from django.urls import reverse

LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")


def sign_in(client, email, password, **extra):
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def final_path(response):
    """Where a followed response ended up."""
    return (
        response.redirect_chain[-1][0] if response.redirect_chain else response.request["PATH_INFO"]
    )
