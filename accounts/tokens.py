"""Personal access tokens: a script calls /api/v1/ with `Authorization: Bearer <token>`.

A token is `hp_` and 43 random URL-safe characters (256 bits). Only its SHA-256 is stored,
so a copy of the database lets nobody call the API; the lookup is by that hash (an indexed
equality on a digest), so no secret is ever compared character by character and the time
an answer takes says nothing about how close a guess was. The secret is long and random, so
a plain hash is enough (a password needs a slow hash because people choose guessable ones).

Tokens work on the API only (`bearer_token_middleware`), beside the session cookie: a
request that sends a token is that token's user. Without a session cookie nothing in the
request came from a browser's jar, so CSRF (which guards cookies) does not apply; with one,
Django's CSRF check stands as for any cookie request.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import JsonResponse
from django.utils import timezone

import audit
from accounts.models import ApiToken
from hybridpeaks.core.middleware import API_PREFIX

SECRET_PREFIX = "hp_"  # noqa: S105 (not a secret: how every token starts)
# Enough of the secret to tell tokens apart on the tokens page, far too little to guess it.
VISIBLE_CHARACTERS = 8
# last_used_at is written at most this often per token: not one UPDATE per API request.
LAST_USED_EVERY = timedelta(minutes=1)
# What the tokens page offers; None: never expires (until revoked).
EXPIRY_DAYS = (30, 90, 365, None)
REALM = 'Bearer realm="HybridPeaks API"'


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_token(*, user, name: str, days: int | None, request=None) -> tuple[ApiToken, str]:
    """A new token and its secret, which is shown to the person once and never stored."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken(
        user=user,
        name=name,
        prefix=secret[: len(SECRET_PREFIX) + VISIBLE_CHARACTERS],
        key_hash=hash_secret(secret),
        expires_at=now + timedelta(days=days) if days else None,
    )
    token.full_clean()
    token.save()
    audit.record("api_token_create", user, entity=token, request=request, name=name, days=days)
    return token, secret


@transaction.atomic
def revoke_token(*, token: ApiToken, by=None, request=None) -> ApiToken:
    """Revoke at once (the next request with it is a 401); revoking twice changes nothing.
    `by` is the admin who did it, when it was not the token's owner: the trail names them."""
    now = timezone.now()
    # One conditional UPDATE: of two revocations at once, only the first changes the row.
    if ApiToken.objects.filter(pk=token.pk, revoked_at=None).update(revoked_at=now):
        said = {"by_admin": True} if by is not None else {}
        audit.record("api_token_revoke", by or token.user, entity=token, request=request, **said)
    token.refresh_from_db(fields=["revoked_at"])
    return token


def authenticate(secret: str) -> ApiToken | None:
    """The live token with this secret, with its user, in one query; or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_secret(secret), revoked_at=None, user__is_active=True)
        .first()
    )
    now = timezone.now()
    if token is None or token.status(now) != "active":
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def unauthorized(message: str) -> JsonResponse:
    """The API's 401: the refusal shape of the sync API, and the challenge HTTP asks for."""
    response = JsonResponse({"errors": {"auth": message}}, status=401)
    response["WWW-Authenticate"] = REALM
    return response


def bearer_token_middleware(get_response):
    """On the API, an `Authorization: Bearer` header signs the request in as its token's user
    (another scheme, such as a proxy's Basic sign-in, is left to the session cookie).

    Listed after AuthenticationMiddleware (it replaces request.user) and before the views
    (CsrfViewMiddleware.process_view reads the exemption set here). A wrong, revoked or
    expired token is a 401 before any view runs: never the session's user instead.
    """

    def middleware(request):
        header = request.headers.get("Authorization")
        if header is None or not request.path_info.startswith(API_PREFIX):
            return get_response(request)
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer":
            # Not ours: a proxy's Basic sign-in, say, which the browser then sends with every
            # request, the outbox's too. The session cookie (or nothing) decides.
            return get_response(request)
        if not secret.strip():
            return unauthorized("Send a personal access token as 'Authorization: Bearer <token>'.")
        token = authenticate(secret.strip())
        if token is None:
            return unauthorized("This token is not valid: it is wrong, revoked or expired.")
        request.user = token.user
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            request._dont_enforce_csrf_checks = True
        return get_response(request)

    return middleware
