"""Both admin sites, generated over every registered model.

Owners of tenant A on /anka/admin/ must never see, change, delete, choose or find tenant
B's rows; superusers on /admin/ see both tenants.
"""

import re

import pytest
from django.contrib import admin
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from catalog.models import Category, ExchangeRate, Product, ProductPhoto, ProductPrice
from conftest import make_customer
from crm.core.admin_sites import tenant_admin_site
from crm.core.models import Membership
from customers.models import (
    ActivityEvent,
    Address,
    BulkRun,
    Customer,
    CustomerGroup,
    CustomerImport,
    CustomField,
    ImportChange,
    SavedView,
    Tag,
)
from followups.models import FollowUp
from notes.models import Note
from orders.services import LineRequest, place_order
from quickorder.models import QuickOrderLink


def product(tenant):
    return Product.objects.get_or_create(
        tenant=tenant, sku="P-1", defaults={"name_en": "P", "price": 1}
    )[0]


def order(tenant, customer):
    with scope(tenant=tenant):
        return place_order(
            customer=customer,
            lines=[LineRequest(product(tenant).pk, 1)],
            address=None,
            source="staff",
            idempotency_key="admin-test",
        )


def make_object(model, tenant, customer):
    """One row of `model` owned by `tenant`: every model on the tenant site needs a recipe."""
    recipes = {
        "customers.customer": lambda: customer,
        "customers.customergroup": lambda: CustomerGroup.objects.create(tenant=tenant, name="G"),
        "customers.tag": lambda: Tag.objects.create(tenant=tenant, name="T"),
        "customers.customfield": lambda: CustomField.objects.create(
            tenant=tenant, label="F", key="f"
        ),
        "customers.address": lambda: Address.objects.create(
            tenant=tenant, customer=customer, title="Work", line1="x", city="y", country="TR"
        ),
        "customers.activityevent": lambda: ActivityEvent.objects.create(
            tenant=tenant, customer=customer, kind="created"
        ),
        "crm.membership": lambda: Membership.objects.filter(tenant=tenant).first(),
        "notes.note": lambda: Note.objects.create(tenant=tenant, customer=customer, text="n"),
        "customers.savedview": lambda: SavedView.objects.create(
            tenant=tenant, owner=Membership.objects.filter(tenant=tenant).first().user, name="V"
        ),
        "customers.bulkrun": lambda: BulkRun.objects.create(tenant=tenant, action="archive"),
        "customers.customerimport": lambda: CustomerImport.objects.create(
            tenant=tenant, filename="f.csv", content=b"x"
        ),
        "customers.importchange": lambda: ImportChange.objects.create(
            tenant=tenant,
            run=CustomerImport.objects.create(tenant=tenant, filename="f.csv", content=b"x"),
            customer=customer,
        ),
        "followups.followup": lambda: FollowUp.objects.create(
            tenant=tenant, customer=customer, text="f", due_on="2026-12-06"
        ),
        "catalog.category": lambda: Category.objects.create(tenant=tenant, name_en="C"),
        "catalog.product": lambda: product(tenant),
        "catalog.productprice": lambda: ProductPrice.objects.create(
            tenant=tenant, product=product(tenant), currency="EUR", price=1
        ),
        "catalog.productphoto": lambda: ProductPhoto.objects.create(
            tenant=tenant, product=product(tenant), image="products/x-1280.webp"
        ),
        "catalog.exchangerate": lambda: ExchangeRate.objects.create(
            tenant=tenant, currency="GBP", rate=1, set_on="2026-11-25"
        ),
        "orders.order": lambda: order(tenant, customer),
        "orders.orderline": lambda: order(tenant, customer).lines.first(),
        "orders.orderstatuschange": lambda: order(tenant, customer).history.first(),
        "quickorder.quickorderlink": lambda: QuickOrderLink.objects.get_or_create(
            tenant=tenant, customer=customer
        )[0],
    }
    return recipes[model._meta.label_lower]()


TENANT_MODELS = sorted(tenant_admin_site._registry, key=lambda m: m._meta.label)


def admin_url(model, view, *args, site="tenant_admin"):
    return reverse(f"{site}:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def objects_b(tenant_b, owner_b):
    with scopes_disabled():
        customer = make_customer(tenant_b, "B customer")
        return {model: make_object(model, tenant_b, customer) for model in TENANT_MODELS}


def test_every_tenant_site_model_has_a_recipe(tenant_a, owner_a):
    with scopes_disabled():
        customer = make_customer(tenant_a, "A")
        for model in TENANT_MODELS:
            assert make_object(model, tenant_a, customer) is not None


@pytest.mark.parametrize("model", TENANT_MODELS, ids=lambda m: m._meta.label)
def test_owner_of_a_gets_404_for_b_objects(client_a, tenant_a, objects_b, model):
    obj = objects_b[model]
    base = "/anka/admin/"
    info = f"{model._meta.app_label}/{model._meta.model_name}"
    for path in (
        f"{base}{info}/{obj.pk}/change/",
        f"{base}{info}/{obj.pk}/delete/",
        f"{base}{info}/{obj.pk}/history/",
    ):
        response = client_a.get(path)
        # Django's admin answers a missing object with a redirect to the index + message;
        # read-only models refuse deletes (403) before looking anything up.
        assert response.status_code in (302, 403, 404), path
        if response.status_code == 302:
            assert response["Location"] == "/anka/admin/"
    changelist = client_a.get(f"{base}{info}/")
    assert changelist.status_code == 200
    assert list(changelist.context["cl"].result_list) == [] or all(
        o.tenant_id == tenant_a.pk for o in changelist.context["cl"].result_list
    )
    post = client_a.post(f"{base}{info}/{obj.pk}/delete/", {"post": "yes"})
    assert post.status_code in (302, 403, 404)
    with scopes_disabled():
        assert model.objects.filter(pk=obj.pk).exists()


def test_autocomplete_never_offers_other_tenants_rows(client_a, tenant_a, objects_b):
    with scopes_disabled():
        CustomerGroup.objects.create(tenant=tenant_a, name="G own")
    response = client_a.get(
        "/anka/admin/autocomplete/",
        {"app_label": "customers", "model_name": "customer", "field_name": "group", "term": "G"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["G own"]


def test_post_with_another_tenants_foreign_key_is_refused(client_a, tenant_a, objects_b):
    foreign_customer = objects_b[next(m for m in TENANT_MODELS if m._meta.model_name == "customer")]
    response = client_a.post(
        "/anka/admin/customers/address/add/",
        {
            "customer": foreign_customer.pk,
            "title": "Hack",
            "line1": "x",
            "city": "y",
            "country": "TR",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with scopes_disabled():
        assert not Address.objects.filter(title="Hack").exists()


def test_tenant_is_set_on_save_and_never_a_field(client_a, tenant_a):
    response = client_a.get("/anka/admin/customers/tag/add/")
    assert 'name="tenant"' not in response.content.decode()
    client_a.post("/anka/admin/customers/tag/add/", {"name": "New tag"})
    with scopes_disabled():
        assert Tag.objects.get(name="New tag").tenant == tenant_a


def test_customer_currency_and_language_are_chosen_from_lists(client_a, tenant_a, customer_a):
    page = client_a.get("/anka/admin/customers/customer/add/").content.decode()
    currency = re.search(r'<select name="preferred_currency".*?</select>', page, re.S).group()
    assert re.findall(r'<option value="(\w+)"', currency) == ["TRY", "EUR", "USD"]
    assert '<option value="TRY" selected>' in currency  # the business's own
    language = re.search(r'<select name="preferred_language".*?</select>', page, re.S).group()
    assert '<option value="tr" selected>' in language and 'value="fa"' in language
    assert (
        "Latest note"
        in client_a.get(f"/anka/admin/customers/customer/{customer_a.pk}/change/").content.decode()
    )
    with scopes_disabled():
        Customer.objects.filter(pk=customer_a.pk).update(preferred_currency="JPY")
    page = client_a.get(f"/anka/admin/customers/customer/{customer_a.pk}/change/")
    assert '<option value="JPY" selected>' in page.content.decode()  # kept, not changed


def test_superuser_must_choose_a_customers_currency_and_language(client, superuser, tenant_b):
    client.force_login(superuser)
    page = client.get("/admin/customers/customer/add/").content.decode()
    for name in ("preferred_currency", "preferred_language"):
        select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group()
        assert re.findall(r'<option value="(\w*)"', select)[0] == ""  # none chosen for them
    response = client.post(
        "/admin/customers/customer/add/",
        {
            "tenant": tenant_b.pk,
            "name": "Ion",
            "status": "current",
            "temperature": "warm",
            "discount_percent": "0",
            "addresses-TOTAL_FORMS": "0",
            "addresses-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    with scopes_disabled():
        assert not Customer.objects.filter(name="Ion").exists()


def test_duplicate_name_in_tenant_is_a_form_error_not_a_500(client_a, tenant_a):
    client_a.post("/anka/admin/customers/tag/add/", {"name": "VIP"})
    response = client_a.post("/anka/admin/customers/tag/add/", {"name": "vip"})
    assert response.status_code == 200
    assert "A tag with this name already exists." in response.content.decode()


def test_staff_without_owner_role_gets_404(staff_client_a, staff_a):
    staff_a.is_staff = True
    staff_a.save()
    assert staff_client_a.get("/anka/admin/").status_code == 404
    assert staff_client_a.get("/anka/admin/customers/customer/").status_code == 404


def test_owner_of_b_cannot_open_a_admin(client, owner_b, tenant_a):
    client.force_login(owner_b)
    assert client.get("/anka/admin/").status_code == 404


def test_superuser_sees_every_tenant(client, superuser, tenant_a, tenant_b):
    with scopes_disabled():
        make_customer(tenant_a, "From A")
        make_customer(tenant_b, "From B")
    client.force_login(superuser)
    response = client.get("/admin/customers/customer/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "From A" in body and "From B" in body
    assert "tenant__id__exact" in body  # the tenant filter


def test_superuser_cannot_link_rows_of_two_tenants(client, superuser, tenant_a, tenant_b):
    with scopes_disabled():
        customer_b = make_customer(tenant_b, "From B")
    client.force_login(superuser)
    response = client.post(
        "/admin/customers/address/add/",
        {
            "tenant": tenant_a.pk,
            "customer": customer_b.pk,
            "title": "X",
            "line1": "x",
            "city": "y",
            "country": "TR",
        },
    )
    assert response.status_code == 200
    assert "Choose a record of the same tenant." in response.content.decode()


def test_non_superuser_cannot_use_the_global_admin(client_a):
    response = client_a.get("/admin/customers/customer/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_is_registered_for_every_model():
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.app_label in {
            "crm",
            "customers",
            "notes",
            "catalog",
            "orders",
            "quickorder",
            "followups",
        }:
            assert model in admin.site._registry, model


def test_customers_page_links_owners_to_the_tenant_admin(client_a):
    assert "/anka/admin/customers/customer/" in client_a.get("/anka/customers/").content.decode()


def test_customers_page_has_no_admin_link_for_staff(staff_client_a):
    body = staff_client_a.get("/anka/customers/").content.decode()
    assert "/anka/admin/" not in body


@pytest.mark.parametrize("path", ["/anka/admin/customers/customer/", "/anka/admin/crm/membership/"])
def test_admin_search_with_a_nul_character_is_not_a_500(client_a, tenant_a, path):
    assert client_a.get(path, {"q": "a\x00b"}).status_code == 200


def test_superuser_admin_search_with_a_nul_character(client, superuser):
    client.force_login(superuser)
    for path in ("/admin/crm/user/", "/admin/crm/tenant/", "/admin/customers/customer/"):
        assert client.get(path, {"q": "a\x00b"}).status_code == 200


@pytest.mark.parametrize("value", ["shipped", ["shipped", "lost"], {"new": True}])
def test_customer_emails_outside_the_order_moves_are_refused(tenant_a, value):
    from django.core.exceptions import ValidationError

    tenant_a.customer_emails = value
    with pytest.raises(ValidationError) as error:
        tenant_a.full_clean()
    assert "customer_emails" in error.value.message_dict
