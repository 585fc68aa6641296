import re
from decimal import Decimal

import pytest
from django_scopes import scope, scopes_disabled

from conftest import make_customer
from customers.models import ActivityEvent, Customer, CustomerGroup, CustomField, Tag

CREATE = "/anka/customers/new/"


def valid(**overrides):
    data = {
        "name": "Ege Spa Merkezi",
        "contact_person": "Selin Arslan",
        "email": "Selin@EgeSpa.example",
        "phone": "0532 111 2233",
        "tax_number": "1234567890",
        "status": "potential",
        "temperature": "hot",
        "discount_percent": "10",
        "preferred_currency": "EUR",
        "preferred_language": "tr",
        "tags_text": "VIP, fuar 2026",
        "address-title": "Work",
        "address-line1": "Atatürk Cad. 5",
        "address-city": "İzmir",
        "address-country": "TR",
    }
    data.update(overrides)
    return data


def unchanged(customer, **overrides):
    """The edit form of `customer` as it stands (but for `overrides`)."""
    defaults = {
        "name": customer.name,
        "email": customer.email,
        "phone": "+905321112233",
        "status": "current",
        "preferred_currency": "TRY",
        "tags_text": "",
    }
    return valid(**{**defaults, **overrides})


def test_create_customer_with_address_tags_and_timeline(client_a, tenant_a, owner_a):
    with scopes_disabled():
        Tag.objects.create(tenant=tenant_a, name="vip")
    response = client_a.post(CREATE, valid())
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        customer = Customer.objects.get()
        assert response["Location"] == f"/anka/customers/{customer.pk}/"
        assert customer.email == "selin@egespa.example"
        assert customer.phone == "+905321112233"
        assert customer.discount_percent == Decimal("10.00")
        assert customer.preferred_currency == "EUR"
        assert sorted(t.name for t in customer.tags.all()) == ["fuar 2026", "vip"]
        assert Tag.objects.count() == 2  # "VIP" matched the existing "vip"
        address = customer.addresses.get()
        assert (address.title, address.city, address.is_default) == ("Work", "İzmir", True)
        event = customer.events.get()
        assert (event.kind, event.actor) == (ActivityEvent.Kind.CREATED, owner_a)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required."),
        ("phone", "12", "Enter a valid phone number."),
        ("phone", "0532 ABC 12 34", "Write the phone number with digits only"),
        ("phone", "+90 532 FLOWERS", "Write the phone number with digits only"),
        ("email", "not-an-email", "Enter a valid email address."),
        ("discount_percent", "100.01", "Ensure this value is less than or equal to 100."),
        ("discount_percent", "-1", "Ensure this value is greater than or equal to 0."),
        ("discount_percent", "5.555", "Ensure that there are no more than 2 decimal places."),
        ("preferred_currency", "GBP", "Select a valid choice."),
        ("preferred_language", "de", "Select a valid choice."),
    ],
    ids=[
        "name-empty",
        "phone",
        "phone-letters",
        "phone-vanity",
        "email",
        "discount>100",
        "discount<0",
        "discount-3dp",
        "currency-not-enabled",
        "language",
    ],
)
def test_invalid_input_gets_a_clear_error_and_keeps_what_was_typed(
    client_a, tenant_a, field, value, message
):
    response = client_a.post(CREATE, valid(**{field: value}))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'value="Selin Arslan"' in body  # the rest of what was typed is kept
    with scopes_disabled():
        assert Customer.objects.count() == 0


def test_errors_are_translated(client_a, owner_a):
    owner_a.language = "tr"
    owner_a.save()
    body = client_a.post(CREATE, valid(phone="12")).content.decode()
    assert "Enter a valid phone number." not in body


def test_turkish_labels_start_with_the_dotted_capital(client_a, owner_a):
    owner_a.language = "tr"
    owner_a.save()
    body = client_a.get(CREATE).content.decode()
    assert "İlgili kişi" in body and "İndirim %" in body
    assert "Ilgili" not in body and "Indirim" not in body


def test_incomplete_first_address_is_refused_and_nothing_is_saved(client_a):
    response = client_a.post(CREATE, valid(**{"address-city": ""}))
    assert response.status_code == 200
    with scopes_disabled():
        assert Customer.objects.count() == 0


def test_duplicate_warning_links_the_other_customer_and_asks_to_confirm(client_a, customer_a):
    response = client_a.post(CREATE, valid(email="INFO@yildiz.example"))
    body = response.content.decode()
    assert response.status_code == 200
    assert f"/anka/customers/{customer_a.pk}/" in body
    assert "same email" in body
    with scopes_disabled():
        assert Customer.objects.count() == 1
    response = client_a.post(CREATE, valid(email="info@yildiz.example", confirm_duplicates="on"))
    assert response.status_code == 302
    with scopes_disabled():
        assert Customer.objects.count() == 2


def test_duplicate_check_never_matches_another_tenants_customer(client_a, customer_b):
    response = client_a.post(CREATE, valid(email="info@verde.example"))
    assert response.status_code == 302
    assert "Cafeneaua" not in response.content.decode()


def test_update_records_each_changed_field_old_to_new(client_a, tenant_a, customer_a):
    data = unchanged(customer_a, temperature="warm", discount_percent="0")
    response = client_a.post(f"/anka/customers/{customer_a.pk}/edit/", data)
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        event = customer_a.events.get(kind=ActivityEvent.Kind.CHANGED)
        changes = {c["field"]: (c["old"], c["new"]) for c in event.data["changes"]}
    assert changes["temperature"] == ("hot", "warm")
    assert "name" not in changes
    body = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    assert re.search(r"Hot</span> <span class=\"arrow\"[^>]*>→</span> Warm", body)


def test_blocking_is_recorded_in_the_timeline(client_a, tenant_a, customer_a):
    data = unchanged(
        customer_a,
        temperature="hot",
        discount_percent="0",
        is_blocked="on",
    )
    client_a.post(f"/anka/customers/{customer_a.pk}/edit/", data)
    with scope(tenant=tenant_a):
        assert customer_a.events.filter(kind=ActivityEvent.Kind.BLOCKED).count() == 1


def test_group_of_another_tenant_is_refused(client_a, tenant_b):
    with scopes_disabled():
        foreign = CustomerGroup.objects.create(tenant=tenant_b, name="Foreign")
    response = client_a.post(CREATE, valid(group=foreign.pk))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_new_customer_starts_in_the_default_group(client_a, tenant_a):
    with scopes_disabled():
        group = CustomerGroup.objects.create(tenant=tenant_a, name="Retail", is_default=True)
    client_a.get(CREATE)
    client_a.post(CREATE, valid(group=""))
    with scope(tenant=tenant_a):
        assert Customer.objects.get().group == group


def test_custom_fields_are_validated_and_stored(client_a, tenant_a):
    with scopes_disabled():
        CustomField.objects.create(
            tenant=tenant_a, label="Stores", key="stores", field_type="number", required=True
        )
        CustomField.objects.create(
            tenant=tenant_a, label="Size", key="size", field_type="choice", choices="S\nM\nL"
        )
    response = client_a.post(CREATE, valid(cf_stores="many", cf_size="XL"))
    assert "Enter a number." in response.content.decode()
    assert "Select a valid choice" in response.content.decode()
    response = client_a.post(CREATE, valid(cf_stores="3", cf_size="M"))
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        customer = Customer.objects.get()
    assert customer.custom_data == {"stores": "3", "size": "M"}
    assert "Stores" in client_a.get(response["Location"]).content.decode()


def test_tenant_in_the_post_body_is_ignored(client_a, tenant_a, tenant_b):
    client_a.post(CREATE, valid(tenant=tenant_b.pk, tenant_id=tenant_b.pk))
    with scopes_disabled():
        assert Customer.objects.get().tenant == tenant_a


def test_htmx_invalid_post_re_renders_the_form_partial(client_a):
    response = client_a.post(CREATE, valid(name=""), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and 'id="customer-form"' in body


def test_delete_without_history_asks_then_deletes(client_a, tenant_a, customer_a):
    url = f"/anka/customers/{customer_a.pk}/delete/"
    assert "cannot be undone" in client_a.get(url).content.decode()
    assert client_a.post(url).status_code == 302
    with scopes_disabled():
        assert not Customer.objects.filter(pk=customer_a.pk).exists()


def test_archive_and_restore(client_a, tenant_a, customer_a):
    client_a.post(f"/anka/customers/{customer_a.pk}/archive/")
    customer_a.refresh_from_db()
    assert customer_a.archived_at is not None
    client_a.post(f"/anka/customers/{customer_a.pk}/restore/")
    customer_a.refresh_from_db()
    assert customer_a.archived_at is None
    with scope(tenant=tenant_a):
        kinds = list(customer_a.events.values_list("kind", flat=True))
    assert kinds == ["restored", "archived"]


def test_archive_needs_post(client_a, customer_a):
    assert client_a.get(f"/anka/customers/{customer_a.pk}/archive/").status_code == 405


def test_make_customer_helper_uses_tenant_defaults(tenant_a):
    with scopes_disabled():
        c = make_customer(tenant_a, "X")
    assert (c.preferred_currency, c.preferred_language) == ("TRY", "tr")


def test_two_people_editing_do_not_silently_overwrite_each_other(client_a, tenant_a, customer_a):
    url = f"/anka/customers/{customer_a.pk}/edit/"
    form_a = client_a.get(url).context["form"]
    version = form_a.initial["version"]
    common = unchanged(customer_a)
    first = client_a.post(url, {**common, "temperature": "cold", "version": version})
    assert first.status_code == 302
    second = client_a.post(
        url, {**common, "temperature": "warm", "contact_person": "Typed", "version": version}
    )
    assert second.status_code == 200
    body = second.content.decode()
    assert "Someone else changed this customer" in body
    assert 'value="Typed"' in body  # what was typed is kept
    customer_a.refresh_from_db()
    assert customer_a.temperature == "cold"
    third = client_a.post(
        url, {**common, "temperature": "warm", "version": second.context["form"].data["version"]}
    )
    assert third.status_code == 302
    customer_a.refresh_from_db()
    assert (customer_a.temperature, customer_a.version) == ("warm", 3)


def test_a_currency_the_business_does_not_sell_in_is_kept_on_save(client_a, customer_a):
    """Set in the admin or an import: the edit form offers it, so saving keeps it."""
    with scopes_disabled():
        Customer.objects.filter(pk=customer_a.pk).update(preferred_currency="JPY")
    url = f"/anka/customers/{customer_a.pk}/edit/"
    form = client_a.get(url).context["form"]
    assert form.initial.get("preferred_currency", form.instance.preferred_currency) == "JPY"
    assert "JPY" in dict(form.fields["preferred_currency"].choices)
    data = unchanged(customer_a, preferred_currency="JPY", version=form.initial["version"])
    assert client_a.post(url, data).status_code == 302
    customer_a.refresh_from_db()
    assert customer_a.preferred_currency == "JPY"
    new_form = client_a.get(CREATE).context["form"]
    assert "JPY" not in dict(new_form.fields["preferred_currency"].choices)


def test_an_address_phone_with_letters_is_refused(client_a, customer_a):
    response = client_a.post(
        f"/anka/customers/{customer_a.pk}/addresses/new/",
        {
            "title": "Depo",
            "line1": "Liman Cd. 5",
            "city": "Mersin",
            "country": "TR",
            "phone": "0532 ABC 12 34",
        },
    )
    assert response.status_code == 200
    assert "Write the phone number with digits only" in response.content.decode()
    with scopes_disabled():
        assert customer_a.addresses.count() == 0


@pytest.mark.parametrize("typed", ["+90 532 111 22 33", "(0532) 111-22-33", "۰۵۳۲ ۱۱۱ ۲۲ ۳۳"])
def test_phones_in_any_digits_and_punctuation_are_accepted(client_a, typed):
    assert client_a.post(CREATE, valid(phone=typed)).status_code == 302
