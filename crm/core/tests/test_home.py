from django_scopes import scope

from conftest import make_member
from crm.core.models import Membership
from crm.core.urlconfs import tenant_reverse


def test_anonymous_home_goes_to_login(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_user_with_one_tenant_goes_straight_to_it(client_a, tenant_a):
    response = client_a.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/anka/customers/"


def test_user_with_two_tenants_chooses(client, tenant_a, tenant_b):
    user = make_member(tenant_a, "both", Membership.Role.STAFF)
    with scope(tenant=tenant_b):
        Membership.objects.create(tenant=tenant_b, user=user, role=Membership.Role.OWNER)
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert tenant_reverse(tenant_a, "customers:list") in body
    assert tenant_reverse(tenant_b, "customers:list") in body
    assert "Anka Tekstil" in body and "Brutăria Bucur" in body


def test_user_without_tenant_sees_explanation(client, outsider, tenant_a):
    client.force_login(outsider)
    response = client.get("/")
    assert response.status_code == 200
    assert "does not belong to any business" in response.content.decode()
    assert "Anka Tekstil" not in response.content.decode()


def test_tenant_switcher_lists_only_own_tenants(client_a, tenant_b, owner_b):
    body = client_a.get("/anka/customers/").content.decode()
    assert "Anka Tekstil" in body
    assert "Brutăria Bucur" not in body


def test_tenant_switcher_follows_memberships_and_renames(client_a, owner_a, tenant_b):
    """The menu is cached per user; a membership or tenant change shows at once."""
    from crm.core.models import Membership

    assert "Brutăria Bucur" not in client_a.get("/anka/customers/").content.decode()
    with scope(tenant=tenant_b):
        membership = Membership.objects.create(tenant=tenant_b, user=owner_a, role="staff")
    body = client_a.get("/anka/customers/").content.decode()
    assert "Brutăria Bucur" in body and 'href="/bucur/customers/"' in body
    tenant_b.name = "Brutăria Nouă"
    tenant_b.save()
    assert "Brutăria Nouă" in client_a.get("/anka/customers/").content.decode()
    membership.delete()
    assert "Brutăria Nouă" not in client_a.get("/anka/customers/").content.decode()


def test_the_cached_menu_holds_only_plain_values(client_a, owner_a, tenant_a):
    """The shared cache outlives a deploy: a value of a class of ours would fail to unpickle
    once the class moved (and every page would log it)."""
    from django.core.cache import cache

    from crm.core.tenancy import switcher_key

    client_a.get("/anka/customers/")
    assert cache.get(switcher_key(owner_a.pk)) == [
        (tenant_a.pk, "Anka Tekstil", "/anka/customers/")
    ]
