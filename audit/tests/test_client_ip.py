"""The client's IP address: X-Forwarded-For is believed only from TRUSTED_PROXIES.

The same address goes into the audit trail and into django-axes' per-address lockout.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from accounts.tests.factories import PASSWORD, CoachFactory
from audit.client_ip import client_ip, trusted_proxies
from audit.models import AuditLog

LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def fresh_proxy_cache():
    """trusted_proxies() is cached; start and end every test with the current setting."""
    trusted_proxies.cache_clear()
    yield
    trusted_proxies.cache_clear()


@pytest.fixture
def trust(settings):
    def set_trusted(*networks):
        settings.TRUSTED_PROXIES = list(networks)
        trusted_proxies.cache_clear()

    return set_trusted


def ip_of(remote_addr, forwarded=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


def test_direct_client_address_is_used(trust):
    trust()
    assert ip_of("203.0.113.9") == "203.0.113.9"


def test_forwarded_header_from_an_untrusted_peer_is_ignored(trust):
    trust("10.0.0.0/8")
    assert ip_of("198.51.100.9", "203.0.113.5") == "198.51.100.9"
    assert ip_of("198.51.100.9", "10.0.0.7") == "198.51.100.9"


def test_forwarded_header_is_ignored_when_no_proxy_is_trusted(trust):
    trust()
    assert ip_of("10.0.0.2", "203.0.113.5, 10.0.0.3") == "10.0.0.2"


def test_behind_trusted_proxies_the_first_untrusted_hop_from_the_right_is_the_client(trust):
    trust("10.0.0.0/8")
    assert ip_of("10.0.0.2", "203.0.113.5, 10.0.0.3") == "203.0.113.5"


def test_addresses_the_client_wrote_itself_are_not_believed(trust):
    """A client can prepend anything to X-Forwarded-For; only our proxy's hop counts."""
    trust("10.0.0.0/8")
    assert ip_of("10.0.0.2", "1.1.1.1, 203.0.113.5") == "203.0.113.5"
    assert ip_of("10.0.0.2", "10.9.9.9, 203.0.113.5, 10.0.0.3") == "203.0.113.5"


def test_trusted_proxy_without_header_is_the_client(trust):
    trust("10.0.0.0/8")
    assert ip_of("10.0.0.2") == "10.0.0.2"
    assert ip_of("10.0.0.2", "") == "10.0.0.2"


def test_a_single_trusted_address_works(trust):
    trust("192.0.2.10")
    assert ip_of("192.0.2.10", "203.0.113.5") == "203.0.113.5"
    assert ip_of("192.0.2.11", "203.0.113.5") == "192.0.2.11"


@pytest.mark.parametrize("address", ["", "unknown", "999.1.1.1", "203.0.113.5:4433"])
def test_an_invalid_address_gives_none(trust, address):
    trust()
    assert ip_of(address) is None


def test_an_invalid_forwarded_hop_gives_none(trust):
    trust("10.0.0.0/8")
    assert ip_of("10.0.0.2", "not-an-address") is None


def test_ipv6_addresses_work_and_are_normalised(trust):
    trust("2001:db8:ffff::/48")
    assert ip_of("2001:DB8:0:0::1") == "2001:db8::1"
    assert ip_of("2001:db8:ffff::2", "2001:db8:1::5, 2001:db8:ffff::3") == "2001:db8:1::5"
    assert ip_of("2001:db8:1::9", "203.0.113.5") == "2001:db8:1::9"


# --- Through the sign-in page --------------------------------------------------------------


@pytest.mark.django_db
def test_audit_records_the_client_behind_a_trusted_proxy(client, trust):
    trust("10.0.0.0/8")

    client.post(
        LOGIN,
        {"username": "x@example.com", "password": "Wrong-1"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.3",
    )

    assert AuditLog.objects.get(action="login_failed").ip_address == "203.0.113.5"


@pytest.mark.django_db
def test_audit_ignores_a_spoofed_forwarded_header(client, trust):
    trust("10.0.0.0/8")

    client.post(
        LOGIN,
        {"username": "x@example.com", "password": "Wrong-1"},
        REMOTE_ADDR="198.51.100.9",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )

    assert AuditLog.objects.get(action="login_failed").ip_address == "198.51.100.9"


@pytest.mark.django_db
def test_lockout_counts_each_client_behind_the_proxy_separately(client, trust):
    trust("10.0.0.0/8")
    user = CoachFactory(user__email="fred@example.com").user

    def sign_in(email, password, client_address):
        return client.post(
            LOGIN,
            {"username": email, "password": password},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=client_address,
        )

    for i in range(5):
        sign_in(f"guess{i}@example.com", "Wrong-1", "203.0.113.66")

    assert sign_in("fred@example.com", PASSWORD, "203.0.113.66").status_code == 429
    response = sign_in("fred@example.com", PASSWORD, "203.0.113.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_a_forged_header_does_not_escape_the_address_lockout(client, trust):
    trust("10.0.0.0/8")
    CoachFactory(user__email="fred@example.com")

    for i in range(5):
        client.post(
            LOGIN,
            {"username": f"guess{i}@example.com", "password": "Wrong-1"},
            REMOTE_ADDR="198.51.100.66",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )

    response = client.post(
        LOGIN,
        {"username": "fred@example.com", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.66",
        HTTP_X_FORWARDED_FOR="203.0.113.200",
    )
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
