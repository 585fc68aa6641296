import pytest
from django.db import models
from django.test.utils import isolate_apps
from django_scopes import ScopeError, scope, scopes_disabled

from crm.core.checks import check_models
from crm.core.models import Membership, TenantOwned
from crm.core.urlconfs import tenant_reverse


def test_query_without_scope_raises_scope_error(owner_a):
    with pytest.raises(ScopeError):
        list(Membership.objects.all())
    with pytest.raises(ScopeError):
        Membership.objects.filter(role="owner").count()


def test_creating_rows_checks_their_tenant_against_the_scope(tenant_a, tenant_b):
    from catalog.models import Category
    from customers.models import Address, Customer, Tag

    with scope(tenant=tenant_a):
        Tag.objects.create(tenant=tenant_a, name="VIP")
        Tag.objects.bulk_create([Tag(tenant=tenant_a, name="Retail")])
        Tag.objects.get_or_create(tenant=tenant_a, name="Export")
        Tag.objects.create(tenant_id=str(tenant_a.pk), name="Local")  # an id as reads take it
        customer = Customer.objects.create(tenant=tenant_a, name="Ayşe")  # its own queryset
        customer.addresses.create(tenant=tenant_a, title="Home", line1="Bağdat Cd. 1")
        Category.objects.create(tenant=tenant_a, name="Kumaş")  # a translated model
        other_tenant = [
            lambda: Tag.objects.create(tenant=tenant_b, name="VIP"),
            lambda: Tag.objects.create(tenant_id=tenant_b.pk, name="VIP"),
            lambda: Tag.objects.create(tenant=tenant_a, tenant_id=tenant_b.pk, name="VIP"),
            lambda: Tag.objects.all().create(tenant=tenant_b, name="VIP"),
            lambda: Tag.objects.get_or_create(tenant=tenant_b, name="VIP"),
            lambda: Tag.objects.update_or_create(tenant=tenant_b, name="VIP"),
            lambda: Tag.objects.filter(name="B").bulk_create([Tag(tenant=tenant_b, name="B")]),
            lambda: Tag.objects.bulk_create(
                [Tag(tenant=tenant_a, name="A"), Tag(tenant=tenant_b, name="B")]
            ),
            lambda: Customer.objects.create(tenant=tenant_b, name="Ion"),
            lambda: customer.addresses.create(tenant=tenant_b, title="Work", line1="Str. 2"),
            lambda: Category.objects.create(tenant=tenant_b, name="Pâine"),
            lambda: Tag.objects.with_scope(tenant=tenant_b).create(tenant=tenant_a, name="X"),
        ]
        for create in other_tenant:
            with pytest.raises(ScopeError, match="outside the active scope"):
                create()
        with pytest.raises(ScopeError, match="without a tenant"):
            customer.addresses.create(title="Work", line1="Str. 2")
    with pytest.raises(ScopeError, match="needs to be active"):
        Tag.objects.create(tenant=tenant_a, name="Wholesale")
    Tag.objects.with_scope(tenant=tenant_b).get_or_create(tenant=tenant_b, name="Bakery")
    with scopes_disabled():
        Tag.objects.create(tenant=tenant_b, name="Wholesale")
        assert sorted(Tag.objects.values_list("tenant__slug", "name")) == [
            ("anka", "Export"),
            ("anka", "Local"),
            ("anka", "Retail"),
            ("anka", "VIP"),
            ("bucur", "Bakery"),
            ("bucur", "Wholesale"),
        ]
        assert Category.objects.get().name == "Kumaş"
        assert list(Address.objects.values_list("tenant__slug", "title")) == [("anka", "Home")]


def test_scope_shows_only_that_tenants_rows(owner_a, owner_b, tenant_a, tenant_b):
    with scope(tenant=tenant_a):
        assert [m.user.username for m in Membership.objects.all()] == ["owner_a"]
    with scope(tenant=tenant_b):
        assert [m.user.username for m in Membership.objects.all()] == ["owner_b"]


def test_member_sees_their_tenant_pages(client_a, tenant_a):
    response = client_a.get(tenant_reverse(tenant_a, "customers:list"))
    assert response.status_code == 200
    assert response.wsgi_request.tenant == tenant_a


def test_member_of_a_gets_404_on_b(client_a, tenant_b, owner_b):
    response = client_a.get(tenant_reverse(tenant_b, "customers:list"))
    assert response.status_code == 404


def test_non_member_gets_404(client, outsider, tenant_a):
    client.force_login(outsider)
    assert client.get("/anka/customers/").status_code == 404


def test_unknown_tenant_and_non_member_look_the_same(client, outsider, tenant_a):
    client.force_login(outsider)
    unknown = client.get("/no-such-business/customers/")
    foreign = client.get("/anka/customers/")
    assert unknown.status_code == foreign.status_code == 404


def test_anonymous_is_sent_to_login_whether_or_not_tenant_exists(client, tenant_a):
    for path in ("/anka/customers/", "/no-such-business/customers/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


def test_htmx_request_after_the_session_ended_sends_the_window_to_login(client, customer_a):
    """Not the login page pasted into the part of the page the request was for."""
    page = f"/anka/customers/{customer_a.pk}/"
    response = client.post(
        f"{page}notes/add/",
        {"text": "Call back on Monday"},
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{page}"},
    )
    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == f"/accounts/login/?next={page}"
    response = client.get(
        "/anka/customers/?q=ay",
        headers={"HX-Request": "true", "HX-Current-URL": "https://evil.example/anka/"},
    )
    assert response["HX-Redirect"] == "/accounts/login/?next=/anka/customers/%3Fq%3Day"
    response = client.get(
        "/anka/customers/",
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver//evil.example/x"},
    )
    assert response["HX-Redirect"] == "/accounts/login/?next=/anka/customers/"


def test_inactive_tenant_is_not_found(client_a, tenant_a):
    tenant_a.is_active = False
    tenant_a.save()
    assert client_a.get("/anka/customers/").status_code == 404


def test_reverse_inside_tenant_request_carries_the_slug(client_a, tenant_a):
    response = client_a.get("/anka/")
    assert response.status_code == 302
    assert response["Location"] == "/anka/customers/"


def test_system_check_flags_tenant_model_without_scoped_manager():
    with isolate_apps("crm"):

        class Leaky(models.Model):
            tenant = models.ForeignKey("crm.Tenant", on_delete=models.CASCADE)

            class Meta:
                app_label = "crm"

        class Safe(TenantOwned):
            class Meta:
                app_label = "crm"

        errors = check_models([Leaky, Safe])
    assert [(e.id, e.obj) for e in errors] == [("crm.E001", Leaky)]


def test_system_check_passes_for_the_project():
    from django.apps import apps

    assert check_models(apps.get_models()) == []


def test_fixtures_run_unscoped(tenant_a, owner_a):
    # The fixture hook disabled scopes while these were built; here scopes are on again.
    with scopes_disabled():
        assert Membership.objects.count() == 1


def test_choice_labels_follow_the_language_and_keep_unknown_values():
    """QuickChoiceDisplay: the same labels as Django's get_FOO_display, from a table."""
    from django.utils import translation

    from orders.models import Order

    order = Order(status=Order.Status.SHIPPED)
    with translation.override("en"):
        assert order.get_status_display() == "Shipped"
    with translation.override("tr"):
        assert order.get_status_display() == str(Order.Status.SHIPPED.label)
        assert order.get_status_display() != "Shipped"
    order.status = "not-a-status"
    assert order.get_status_display() == "not-a-status"


def user_queries(client, path):
    """The response, and the statements that read users or memberships while drawing it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response, [
        q["sql"] for q in captured.captured_queries if '"crm_user"' in q["sql"].split("WHERE")[0]
    ]


def test_a_tenant_page_reads_user_and_membership_in_one_query(client_a, owner_a, settings):
    settings.MEMBER_LOOKUP = True
    response, queries = user_queries(client_a, "/anka/customers/")
    assert response.status_code == 200
    assert response.wsgi_request.user == owner_a
    assert response.wsgi_request.membership.user is response.wsgi_request._cached_user
    assert len(queries) == 1 and 'FROM "crm_membership"' in queries[0], queries


def test_a_non_member_costs_no_second_membership_query(client, outsider, tenant_a, settings):
    settings.MEMBER_LOOKUP = True
    client.force_login(outsider)
    response, queries = user_queries(client, "/anka/customers/")
    assert response.status_code == 404
    # The joined lookup found no membership; Django then read the user alone.
    assert len(queries) == 2 and 'FROM "crm_membership"' not in queries[1], queries


def test_a_password_changed_elsewhere_logs_the_session_out(client_a, owner_a):
    owner_a.set_password("a-new-password-elsewhere-123")
    owner_a.save()
    response = client_a.get("/anka/customers/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client_a.session


def test_a_deactivated_user_is_logged_out(client_a, owner_a):
    owner_a.is_active = False
    owner_a.save()
    response = client_a.get("/anka/customers/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_session_of_a_rotated_secret_key_still_works_and_is_renewed(client, owner_a, settings):
    old_key = settings.SECRET_KEY
    client.force_login(owner_a)
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    settings.SECRET_KEY_FALLBACKS = [old_key]
    response = client.get("/anka/customers/")
    assert response.status_code == 200
    assert response.wsgi_request.user == owner_a
    assert response.wsgi_request.membership.user_id == owner_a.pk
    assert client.get("/anka/customers/").status_code == 200  # renewed under the new key


def test_a_session_of_an_unknown_backend_is_anonymous(client_a, settings):
    settings.AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend"]
    response = client_a.get("/anka/customers/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_worker_keeps_a_bounded_number_of_tenant_url_configurations(client, settings, db):
    """Each tenant has a URL configuration; a worker serving many tenants keeps at most
    TENANT_URLCONFS of them, and nothing else (Django's caches included) holds on to the
    others."""
    import gc
    import types

    from django_scopes import scopes_disabled

    from conftest import make_user
    from crm.core.models import Membership, Tenant

    settings.TENANT_URLCONFS = 3
    user = make_user("many")
    with scopes_disabled():
        for i in range(10):
            tenant = Tenant.objects.create(name=f"T{i}", slug=f"t{i}")
            Membership.objects.create(tenant=tenant, user=user, role="owner")
    client.force_login(user)
    for i in range(10):
        assert client.get(f"/t{i}/customers/").status_code == 200
        assert client.get(f"/t{i}/settings/").status_code == 200
    gc.collect()
    alive = {
        obj.__name__
        for obj in gc.get_objects()
        if isinstance(obj, types.ModuleType) and obj.__name__.startswith("crm.urls_tenant_")
    }
    assert len(alive) <= settings.TENANT_URLCONFS
    assert "crm.urls_tenant_t9" in alive


def test_a_page_of_any_tenant_reverses_without_building_its_configuration(tenant_a, tenant_b):
    from crm.core import urlconfs

    assert tenant_reverse(tenant_a, "customers:list") == "/anka/customers/"
    assert tenant_reverse(tenant_b, "customers:detail", args=[7]) == "/bucur/customers/7/"
    assert tenant_reverse(tenant_b, "home") == "/"
    assert "bucur" not in urlconfs._kept


def test_an_untested_django_version_stops_the_project_while_compiled_queries_are_on(
    settings, monkeypatch
):
    import django

    from crm.core.checks import TESTED_DJANGO, check_django_version

    settings.COMPILED_QUERIES = True
    assert django.VERSION[:2] == TESTED_DJANGO
    assert check_django_version() == []
    monkeypatch.setattr(django, "VERSION", (6, 0, 0, "final", 0))
    assert [e.id for e in check_django_version()] == ["crm.E003"]
    settings.COMPILED_QUERIES = False
    assert [e.id for e in check_django_version()] == ["crm.W003"]


def test_with_the_member_lookup_off_django_reads_the_user_itself(client_a, owner_a, settings):
    settings.MEMBER_LOOKUP = False
    response, queries = user_queries(client_a, "/anka/customers/")
    assert response.status_code == 200 and response.wsgi_request.user == owner_a
    assert len(queries) == 1  # Django's own user query; the membership is read apart
    assert not hasattr(response.wsgi_request, "member_lookup")
