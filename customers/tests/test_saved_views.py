"""Saved views: the list's search, filters, view and columns under a name, mine or shared,
as tabs with their counts; only their owner changes them."""

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from conftest import make_customer, make_member
from customers.models import SavedView


@pytest.fixture
def leads(tenant_a, customer_a):
    with scopes_disabled():
        make_customer(tenant_a, "Hot Lead Ltd", status="potential", temperature="hot")
        make_customer(tenant_a, "Cold Lead Ltd", status="potential", temperature="cold")
    return tenant_a


def save(client, name, query, *, shared=False, view_mode="cards"):
    data = {"name": name, "query": query, "view_mode": view_mode}
    if shared:
        data["is_shared"] = "on"
    return client.post("/anka/customers/views/new/", data)


def test_a_view_keeps_search_filters_view_and_columns(client_a, leads, owner_a):
    response = save(
        client_a,
        "Hot leads",
        "status=potential&temperature=hot&cols=phone&cols=email&after_current=x",
        view_mode="table",
    )
    with scope(tenant=leads):
        view = SavedView.objects.get()
    assert (view.name, view.owner, view.is_shared, view.view_mode) == (
        "Hot leads",
        owner_a,
        False,
        "table",
    )
    assert view.query == "status=potential&temperature=hot&cols=phone&cols=email"
    assert response["Location"] == f"/anka/customers/?{view.url_query()}"
    html = client_a.get(response["Location"]).content.decode()
    assert "Hot Lead Ltd" in html and "Cold Lead Ltd" not in html
    assert '<a class="view-tab is-current"' in html
    assert '<span class="count">1</span>' in html
    # The table with the chosen columns, in the table's own order.
    assert html.index("<th>Email</th>") < html.index("<th>Phone</th>")
    assert "<th>Group</th>" not in html


def test_tabs_show_mine_and_shared_never_another_s_private_ones(client, leads, owner_a, staff_a):
    client.force_login(owner_a)
    save(client, "Owner's private", "status=potential")
    save(client, "Team leads", "temperature=hot", shared=True)
    client.force_login(staff_a)
    html = client.get("/anka/customers/").content.decode()
    assert "Team leads" in html and "Owner's private" not in html
    with scope(tenant=leads):
        private = SavedView.objects.get(name="Owner's private")
        shared = SavedView.objects.get(name="Team leads")
    # Someone else's view cannot be changed or deleted, shared or not.
    for view in (private, shared):
        assert client.get(f"/anka/customers/views/{view.pk}/edit/").status_code == 404
        assert (
            client.post(f"/anka/customers/views/{view.pk}/edit/", {"name": "x"}).status_code == 404
        )
        assert client.post(f"/anka/customers/views/{view.pk}/delete/").status_code == 404
    with scope(tenant=leads):
        assert SavedView.objects.count() == 2


def test_the_owner_renames_shares_and_deletes(client_a, leads):
    save(client_a, "Mine", "status=potential")
    with scope(tenant=leads):
        view = SavedView.objects.get()
    response = client_a.post(
        f"/anka/customers/views/{view.pk}/edit/", {"name": "Potential", "is_shared": "on"}
    )
    assert response.status_code == 302
    with scope(tenant=leads):
        view.refresh_from_db()
    assert (view.name, view.is_shared, view.query) == ("Potential", True, "status=potential")
    assert (
        "Delete the view"
        in client_a.get(f"/anka/customers/views/{view.pk}/delete/").content.decode()
    )
    client_a.post(f"/anka/customers/views/{view.pk}/delete/")
    with scope(tenant=leads):
        assert not SavedView.objects.exists()


def test_a_bad_name_is_refused_and_nothing_is_saved(client_a, leads):
    save(client_a, "Hot", "temperature=hot")
    response = save(client_a, "Hot", "temperature=cold")
    assert response["Location"] == "/anka/customers/?temperature=cold"
    html = client_a.get(response["Location"]).content.decode()
    assert "You already have a view with this name." in html
    save(client_a, "   ", "temperature=cold")
    with scope(tenant=leads):
        assert list(SavedView.objects.values_list("name", "query")) == [("Hot", "temperature=hot")]
    with scope(tenant=leads):
        view = SavedView.objects.get()
    response = client_a.post(f"/anka/customers/views/{view.pk}/edit/", {"name": ""})
    assert response.status_code == 200 and "Give the view a name." in response.content.decode()


def test_another_business_s_views_give_404(client_a, leads, tenant_b, owner_b):
    with scopes_disabled():
        theirs = SavedView.objects.create(tenant=tenant_b, owner=owner_b, name="B", is_shared=True)
    for method, path in [("get", "edit"), ("post", "edit"), ("get", "delete"), ("post", "delete")]:
        response = getattr(client_a, method)(f"/anka/customers/views/{theirs.pk}/{path}/")
        assert response.status_code == 404
    assert "B</bdi>" not in client_a.get("/anka/customers/").content.decode()


def test_a_member_of_two_businesses_sees_each_one_s_views_there(client, leads, tenant_b, owner_a):
    from crm.core.models import Membership

    with scopes_disabled():
        Membership.objects.create(tenant=tenant_b, user=owner_a, role="owner")
        SavedView.objects.create(tenant=tenant_b, owner=owner_a, name="Bucur view")
    client.force_login(owner_a)
    assert "Bucur view" not in client.get("/anka/customers/").content.decode()
    assert "Bucur view" in client.get("/bucur/customers/").content.decode()


def test_odd_column_choices_are_ignored(client_a, leads):
    html = client_a.get("/anka/customers/?view=table&cols=nope&cols=%00").content.decode()
    assert "<th>Email</th>" in html  # the default columns


def test_anonymous_visitors_are_sent_to_log_in(leads):
    response = Client().post("/anka/customers/views/new/", {"name": "x"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_staff_member_saves_their_own(client, leads):
    other = make_member(leads, "another_staff")
    client.force_login(other)
    save(client, "Mine too", "")
    with scope(tenant=leads):
        assert SavedView.objects.get().owner == other


@pytest.mark.django_db(transaction=True)
def test_kept_tabs_change_when_a_view_does(client, tenant_a, customer_a, owner_a, settings):
    settings.GENERATION_CACHE = True
    client.force_login(owner_a)
    assert "First view" not in client.get("/anka/customers/").content.decode()
    save(client, "First view", "status=current")
    assert "First view" in client.get("/anka/customers/").content.decode()
    with scope(tenant=tenant_a):
        view = SavedView.objects.get()
    client.post(f"/anka/customers/views/{view.pk}/edit/", {"name": "Renamed view"})
    html = client.get("/anka/customers/").content.decode()
    assert "Renamed view" in html and "First view" not in html
    client.post(f"/anka/customers/views/{view.pk}/delete/")
    client.get("/anka/customers/")  # shows the message "View “Renamed view” deleted."
    assert "Renamed view" not in client.get("/anka/customers/").content.decode()
