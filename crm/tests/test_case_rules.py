"""One case folding for every case-insensitive rule (tags, groups, SKUs, emails): the lookup
that finds an existing entry and the unique constraint agree, on SQLite and PostgreSQL."""

from decimal import Decimal

import pytest
from django_scopes import scope, scopes_disabled

from catalog.models import Product
from conftest import make_customer
from crm.lib.text import fold
from customers.models import Customer, CustomerGroup, Tag
from customers.services import find_duplicates
from customers.tests.test_customer_form import CREATE, valid


@pytest.mark.parametrize(
    "spellings",
    [
        pytest.param(["Instagram", "İnstagram", "INSTAGRAM", "ınstagram", "instagram"], id="tr-i"),
        pytest.param(["Straße", "STRASSE", "strasse", "Strasse"], id="de-sharp-s"),
        pytest.param(["ΟΔΟΣ", "οδος", "οδοσ", "Οδός".replace("ό", "ο")], id="el-final-sigma"),
        pytest.param(["Fuar  2026", "fuar 2026", " FUAR 2026 "], id="whitespace"),
        pytest.param(["ＶＩＰ", "vip", "VIP"], id="full-width"),
    ],
)
def test_fold_makes_one_name_of_every_spelling(spellings):
    assert len({fold(s) for s in spellings}) == 1


def test_fold_keeps_different_names_apart():
    assert fold("Havlu") != fold("Havuz")
    assert fold("café") != fold("cafe")


@pytest.mark.parametrize(
    ("existing", "typed"),
    [("Instagram", "İnstagram"), ("İstanbul", "ISTANBUL"), ("Straße", "STRASSE"), ("ΟΔΟΣ", "οδος")],
)
def test_typing_another_spelling_of_a_tag_finds_it(client_a, tenant_a, existing, typed):
    with scopes_disabled():
        tag = Tag.objects.create(tenant=tenant_a, name=existing)
    response = client_a.post(CREATE, valid(tags_text=typed))
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        assert list(Customer.objects.get().tags.all()) == [tag]
        assert Tag.objects.count() == 1


def test_two_spellings_in_one_form_make_one_tag(client_a, tenant_a):
    response = client_a.post(CREATE, valid(tags_text="İnstagram, instagram, INSTAGRAM"))
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        assert list(Tag.objects.values_list("name", flat=True)) == ["İnstagram"]


@pytest.mark.parametrize(
    ("path", "first", "second"),
    [
        ("/anka/admin/customers/tag/add/", {"name": "Instagram"}, {"name": "İNSTAGRAM"}),
        (
            "/anka/admin/customers/customergroup/add/",
            {"name": "Toptancı"},
            {"name": "TOPTANCI"},
        ),
    ],
)
def test_the_admin_refuses_another_spelling_with_a_form_error(
    client_a, tenant_a, path, first, second
):
    assert client_a.post(path, first).status_code == 302
    response = client_a.post(path, second)
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


def test_a_sku_in_another_spelling_is_a_form_error_not_a_500(client_a, tenant_a):
    with scopes_disabled():
        Product.objects.create(tenant=tenant_a, sku="HVL-İ1", name_en="Towel", price=Decimal(1))
    response = client_a.post(
        "/anka/admin/catalog/product/add/",
        {"sku": "hvl-i1", "name_en": "Other", "unit": "piece", "price": "2", "position": "0"},
    )
    assert response.status_code == 200
    assert "A product with this SKU already exists." in response.content.decode()
    with scopes_disabled():
        assert Product.objects.count() == 1


def test_the_database_refuses_a_duplicate_the_lookup_would_have_missed(tenant_a):
    from django.db import IntegrityError, transaction

    with scope(tenant=tenant_a):
        CustomerGroup.objects.create(tenant=tenant_a, name="Straße")
        with pytest.raises(IntegrityError), transaction.atomic():
            CustomerGroup.objects.create(tenant=tenant_a, name="STRASSE")
        Product.objects.create(tenant=tenant_a, sku="ΟΔΟΣ-1", price=Decimal(1))
        with pytest.raises(IntegrityError), transaction.atomic():
            Product.objects.bulk_create([Product(tenant=tenant_a, sku="οδος-1", price=Decimal(1))])


def test_renaming_keeps_the_key_in_step(tenant_a):
    with scope(tenant=tenant_a):
        tag = Tag.objects.create(tenant=tenant_a, name="Old")
        tag.name = "Yeni İsim"
        tag.save(update_fields=["name"])
        assert Tag.objects.get(name_key=fold("YENİ İSİM")) == tag


def test_emails_are_stored_and_compared_one_way(tenant_a):
    with scope(tenant=tenant_a):
        first = make_customer(tenant_a, "First", email="  Ayse@Example.COM ")
        assert Customer.objects.get(pk=first.pk).email == "ayse@example.com"
        second = Customer(tenant=tenant_a, name="Second", email="AYSE@example.com")
        assert [c for c, _fields in find_duplicates(second)] == [first]
