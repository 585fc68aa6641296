"""Every URL pattern is classified; every tenant-object URL is tried with another tenant's
ids (GET and POST) and must answer 404 and change nothing."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django_scopes import scope, scopes_disabled

from conftest import make_product
from crm.core.urlconfs import tenant_urlconf
from customers.models import (
    ActivityEvent,
    Address,
    BulkRun,
    Customer,
    CustomerImport,
    SavedView,
)
from followups.models import FollowUp
from notes.models import Note
from orders.models import Order
from orders.services import LineRequest, place_order
from quickorder.models import QuickOrderLink
from quickorder.services import generate_link

PUBLIC = re.compile(r"^(|healthz|healthz/queue|accounts/.*|i18n/language/|media/.*|q/.*)$")
ADMIN = re.compile(r"^(\^?admin/.*|anka/admin/.*)$")
TENANT = re.compile(r"^anka/")


def walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def all_routes():
    return list(walk(get_resolver(tenant_urlconf("anka")).url_patterns))


def classify(route: str) -> str | None:
    clean = route.replace("^", "").replace("$", "")
    if ADMIN.match(clean):
        return "admin"
    if PUBLIC.match(clean):
        return "public"
    if TENANT.match(clean):
        return "tenant object" if "<" in clean else "tenant page"
    return None


def test_every_url_pattern_is_classified():
    routes = all_routes()
    unclassified = [route for route, _ in routes if classify(route) is None]
    assert unclassified == []
    assert len(routes) > 100  # the admin sites' patterns included


TENANT_OBJECT_ROUTES = sorted(
    {route for route, _ in all_routes() if classify(route) == "tenant object"}
)


@pytest.fixture
def b_objects(tenant_b, customer_b, owner_b):
    with scopes_disabled():
        product = make_product(tenant_b, "B-1", 5)
        address = Address.objects.create(
            tenant=tenant_b,
            customer=customer_b,
            title="B",
            line1="B street",
            city="Iași",
            country="RO",
            is_default=True,
        )
        note = Note.objects.create(tenant=tenant_b, customer=customer_b, text="B note")
    with scope(tenant=tenant_b):
        order = place_order(
            customer=customer_b,
            lines=[LineRequest(product.pk, 1)],
            address=None,
            source="staff",
            idempotency_key="b",
        )
        generate_link(customer_b, by=owner_b)
    with scopes_disabled():
        followup = FollowUp.objects.create(
            tenant=tenant_b,
            customer=customer_b,
            text="B call",
            due_on="2026-12-10",
            assignee=owner_b,
            created_by=owner_b,
        )
        view = SavedView.objects.create(tenant=tenant_b, owner=owner_b, name="B", is_shared=True)
        run = BulkRun.objects.create(tenant=tenant_b, by=owner_b, action="archive", total=1)
        sheet = CustomerImport.objects.create(
            tenant=tenant_b,
            by=owner_b,
            filename="b.csv",
            content=b"Name\nB\n",
            headers=["Name"],
            mapping={"0": "name"},
            state="done",
            total=1,
        )
    return {
        "customer": customer_b,
        "address": address,
        "note": note,
        "order": order,
        "followup": followup,
        "savedview": view,
        "bulkrun": run,
        "customerimport": sheet,
    }


def fill(route: str, objects) -> str:
    def value(match):
        name = match.group(2)
        if name == "pk":
            kinds = {
                "anka/orders/": "order",
                "anka/followups/": "followup",
                "anka/customers/views/": "savedview",
                "anka/customers/bulk/": "bulkrun",
                "anka/customers/import/": "customerimport",
            }
            kind = next((k for p, k in kinds.items() if route.startswith(p)), "customer")
        else:
            kind = {"customer_pk": "customer", "note_pk": "note", "address_pk": "address"}[name]
        return str(objects[kind].pk)

    return "/" + re.sub(r"<(int:)?(\w+)>", value, route)


def state_of_b(tenant_b):
    with scopes_disabled():
        return {
            "customers": list(
                Customer.objects.filter(tenant=tenant_b).values_list(
                    "pk", "name", "status", "archived_at", "updated_at"
                )
            ),
            "addresses": list(
                Address.objects.filter(tenant=tenant_b).values_list("pk", "line1", "is_default")
            ),
            "notes": list(Note.objects.filter(tenant=tenant_b).values_list("pk", "text")),
            "orders": list(Order.objects.filter(tenant=tenant_b).values_list("pk", "status")),
            "links": list(
                QuickOrderLink.objects.filter(tenant=tenant_b).values_list(
                    "pk", "revoked_at", "expires_at"
                )
            ),
            "events": ActivityEvent.objects.filter(tenant=tenant_b).count(),
            "followups": list(
                FollowUp.objects.filter(tenant=tenant_b).values_list(
                    "pk", "text", "due_on", "done_at", "assignee_id"
                )
            ),
            "views": list(SavedView.objects.filter(tenant=tenant_b).values_list("pk", "name")),
            "runs": list(BulkRun.objects.filter(tenant=tenant_b).values_list("pk", "done")),
            "imports": list(
                CustomerImport.objects.filter(tenant=tenant_b).values_list("pk", "state", "mapping")
            ),
        }


@pytest.mark.parametrize("route", TENANT_OBJECT_ROUTES)
def test_other_tenants_ids_give_404_for_get_and_post(client_a, tenant_b, b_objects, route):
    url = fill(route, b_objects)
    before = state_of_b(tenant_b)
    got = client_a.get(url)
    assert got.status_code in (404, 405), (url, got.status_code)  # 405: POST-only views
    posted = client_a.post(
        url,
        {
            "name": "x",
            "text": "x",
            "to": "confirmed",
            "title": "x",
            "line1": "x",
            "city": "x",
            "country": "TR",
            "priority": "high",
            "reason": "x",
        },
    )
    assert posted.status_code == 404, (url, posted.status_code)
    assert state_of_b(tenant_b) == before


def test_the_crawl_covers_every_kind_of_object():
    joined = " ".join(TENANT_OBJECT_ROUTES)
    for fragment in (
        "customers/<int:pk>/",
        "notes/<int:note_pk>",
        "addresses/<int:address_pk>",
        "orders/<int:pk>/",
        "orders/new/<int:customer_pk>/",
        "link/",
    ):
        assert fragment in joined
