import re
from io import StringIO

from django.core.management import call_command
from django_scopes import scopes_disabled

from crm.core.models import Membership, Tenant, User


def test_seed_demo_is_idempotent(db):
    call_command("seed_demo", stdout=StringIO())
    with scopes_disabled():
        first = (Tenant.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("seed_demo", stdout=StringIO())
    with scopes_disabled():
        second = (Tenant.objects.count(), User.objects.count(), Membership.objects.count())
    assert first == second == (2, 5, 4)


def test_seed_demo_tenants_differ_in_currency_and_language(db):
    call_command("seed_demo", stdout=StringIO())
    tenants = {t.slug: t for t in Tenant.objects.all()}
    assert tenants["anka-tekstil"].base_currency == "TRY"
    assert tenants["anka-tekstil"].default_language == "tr"
    assert tenants["brutaria-bucur"].base_currency == "RON"
    assert tenants["brutaria-bucur"].default_language == "ro"
    assert User.objects.get(username="admin").is_superuser


def test_demo_owner_can_log_in_and_see_customers(client, db):
    call_command("seed_demo", stdout=StringIO())
    response = client.post(
        "/accounts/login/", {"username": "ayse", "password": "demo-pass-2026"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/anka-tekstil/customers/"
    assert '<html lang="tr"' in response.content.decode()


def test_printed_quick_order_links_open_where_make_run_serves(client, db, monkeypatch):
    monkeypatch.setenv("DEMO_BASE_URL", "http://127.0.0.1:8765")
    out = StringIO()
    call_command("seed_demo", stdout=out)
    paths = re.findall(r"http://127\.0\.0\.1:8765(/q/\S+/)", out.getvalue())
    assert len(paths) == 2  # one link per demo business, at the port make run serves
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200


def test_demo_businesses_have_a_logo_and_photos_of_their_products(db, settings):
    from catalog.models import Product

    settings.DEMO_PHOTOS = True
    call_command("seed_demo", stdout=StringIO())
    with scopes_disabled():
        for tenant in Tenant.objects.all():
            assert tenant.logo.name.endswith(".png")
        without = Product.objects.filter(image="").count()
        photos = {p.pk: p.photos.count() for p in Product.objects.all()}
    assert without == 0 and set(photos.values()) == {1}
    call_command("seed_demo", stdout=StringIO())  # again: nothing added twice
    with scopes_disabled():
        assert {p.pk: p.photos.count() for p in Product.objects.all()} == photos
