from unittest import mock

import pytest
from django.db import OperationalError


def test_healthz_ok_when_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_503_when_database_is_down(client, db):
    with mock.patch("crm.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_healthz_needs_no_login(client, db):
    assert client.get("/healthz").status_code == 200


def test_a_database_outage_is_a_clean_503_with_retry_after(db, owner_a):
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(owner_a)
    from django.db.backends.utils import CursorWrapper

    execute = CursorWrapper.execute

    def fails_from_the_membership_lookup_on(self, sql, params=None):
        # The session is read (in production from Redis); the membership lookup, the first
        # statement of every staff page, finds the database gone.
        if "crm_membership" in sql:
            raise OperationalError("server closed the connection")
        return execute(self, sql, params)

    with mock.patch.object(CursorWrapper, "execute", fails_from_the_membership_lookup_on):
        response = client.get("/anka/customers/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Temporarily unavailable" in response.content.decode()


def test_a_bug_is_still_a_500(db, owner_a):
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(owner_a)
    with mock.patch("crm.core.tenancy.membership_of", side_effect=ValueError("bug")):
        response = client.get("/anka/customers/")
    assert response.status_code == 500


@pytest.mark.parametrize(
    ("url", "table"),
    [
        ("/anka/customers/", "customers_customer"),
        ("/anka/orders/", "orders_order"),
        ("/anka/catalog/", "catalog_product"),
        ("/anka/admin/customers/customer/", "customers_customer"),
    ],
)
def test_an_outage_inside_a_tenant_page_is_a_503_too(db, owner_a, url, table):
    """The tenant scope is open (membership found) when the page's own query fails: the
    tenant's URL configuration answers with the same handler as the site's."""
    from django.db.backends.utils import CursorWrapper
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(owner_a)
    execute = CursorWrapper.execute

    def fails_at_the_pages_own_table(self, sql, params=None):
        if f'"{table}"' in sql and "crm_membership" not in sql:
            raise OperationalError("server closed the connection")
        return execute(self, sql, params)

    with mock.patch.object(CursorWrapper, "execute", fails_at_the_pages_own_table):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
