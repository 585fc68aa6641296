"""Query parameters that are not ours: tampered cursors and control characters never give a
500, on every view and the admin."""

import base64
import json

import pytest
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_customer
from crm.lib.keyset import encode_values


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.fixture
def many(tenant_a, customer_a):
    """Enough customers of both sections for every cursor to page."""
    for i in range(30):
        make_customer(tenant_a, f"Müşteri {i:02d}", status="current" if i % 2 else "potential")
    return customer_a


# (path, parameter, other parameters) for every cursor a page reads from the address bar.
CURSORS = [
    ("/anka/customers/", "after_current", {}),
    ("/anka/customers/", "after_potential", {}),
    ("/anka/customers/", "after_archived", {"archived": "true"}),
    ("/anka/customers/", "after", {"section": "current"}),
    ("/anka/customers/", "after", {"section": "potential"}),
    ("/anka/customers/{customer}/", "events_before", {}),
    ("/anka/orders/", "before", {}),
]
HTMX = {"HTTP_HX_REQUEST": "true"}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
cursors = st.one_of(
    st.text(max_size=60),
    st.builds(encode_values, st.lists(json_values, max_size=4)),
    st.builds(
        encode_values,
        st.tuples(st.integers() | st.text(), st.text() | st.integers(), st.integers()).map(list),
    ),
    st.builds(b64, st.binary(max_size=40)),
)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(encode_values(["warm", "Name", 1]), id="text-for-a-number"),
        pytest.param(encode_values([0, "Na\x00me", 1]), id="nul-inside"),
        pytest.param(encode_values([0, "Name", 10**30]), id="id-out-of-range"),
        pytest.param(encode_values([True, "Name", 1]), id="boolean"),
        pytest.param(encode_values([0, "", 1]), id="empty-name"),
        pytest.param(encode_values([{"a": 1}, ["x"], None]), id="other-json"),
        pytest.param(encode_values(["0001-01-01T00:00:00+14:00", 1]), id="date-out-of-range"),
        pytest.param(encode_values(["2026-01-01T00:00:00", 1]), id="naive-date"),
        pytest.param(b64(b"[" * 5000 + b"]" * 5000), id="deep-json"),
        pytest.param("%00", id="nul"),
        pytest.param("abc\x00def", id="raw-nul"),
    ],
)
@pytest.mark.parametrize(("path", "param", "extra"), CURSORS)
def test_a_cursor_that_is_not_ours_gives_the_first_page(client_a, many, path, param, extra, value):
    url = path.format(customer=many.pk)
    for headers in ({}, HTMX):
        response = client_a.get(url, {param: value, **extra}, **headers)
        assert response.status_code == 200


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=st.sampled_from(CURSORS), value=cursors, htmx=st.booleans())
def test_any_cursor_value_answers_without_a_500(client_a, many, case, value, htmx):
    path, param, extra = case
    response = client_a.get(
        path.format(customer=many.pk), {param: value, **extra}, **(HTMX if htmx else {})
    )
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    "url",
    [
        "/anka/customers/?q=a%00b",
        "/anka/customers/?q=%00&tag=%00&group=1%00",
        "/anka/orders/?q=%00",
        "/anka/catalog/?q=%00",
        "/anka/admin/customers/customer/?q=a%00",
        "/anka/admin/autocomplete/?app_label=customers&model_name=address"
        "&field_name=customer&term=%00",
        "/admin/customers/customer/?q=%00",
    ],
)
def test_control_characters_in_query_parameters_never_give_a_500(client, owner_a, superuser, url):
    client.force_login(superuser if url.startswith("/admin/") else owner_a)
    assert client.get(url).status_code == 200


def test_control_characters_are_removed_before_the_view_reads_them(client_a, tenant_a):
    with scopes_disabled():
        make_customer(tenant_a, "Ahmet Usta")
    response = client_a.get("/anka/customers/?q=Ah%00met%1b")
    assert response.status_code == 200
    assert "Ahmet Usta" in response.content.decode()


def test_a_quick_order_search_with_a_nul_answers(client, link_a):
    _link, token = link_a
    assert client.get(f"/q/{token}/?q=%00&category=1%00").status_code == 200


def test_json_of_other_shapes_in_events_before(client_a, customer_a):
    for value in ([1, 2], ["x", "y"], [None, 1], "text"):
        raw = b64(json.dumps(value).encode())
        response = client_a.get(f"/anka/customers/{customer_a.pk}/", {"events_before": raw}, **HTMX)
        assert response.status_code == 200
