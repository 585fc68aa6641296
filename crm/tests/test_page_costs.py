"""What keeps the slow pages fast (issue 28) without changing what they show: a constant
number of queries whatever a customer's history, sections kept under what they show (and
never stale), every reader's own CSRF token in a kept form, and select widgets drawn in
Python exactly as Django's templates draw them."""

import datetime
import re

import pytest
from django import forms
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from conftest import make_member, staff_page_queries
from customers.models import ActivityEvent
from customers.services import record_event
from customers.views import NOTES_SHOWN, ORDERS_SHOWN
from followups.services import add_followup
from notes.models import Note
from notes.services import add_note
from orders.models import Order
from orders.services import LineRequest, place_order, transition
from quickorder.services import generate_link


def place(customer, product, key):
    with scope(tenant=customer.tenant):
        return place_order(
            customer=customer,
            lines=[LineRequest(product.pk, 1)],
            address=None,
            source="staff",
            idempotency_key=key,
        )


def grow_history(customer, owner, products, start: int, count: int) -> None:
    """`count` more of everything a customer page shows a list of."""
    for i in range(start, start + count):
        place(customer, products[i % 2], f"history-{i}")
    with scope(tenant=customer.tenant):
        for i in range(start, start + count):
            add_note(customer, text=f"note {i}", priority="none", by=owner)
            add_followup(
                customer,
                text=f"call {i}",
                due_on=timezone.localdate() + datetime.timedelta(days=i % 9),
                assignee=owner,
                by=owner,
            )
            record_event(customer, ActivityEvent.Kind.NOTE_ADDED, owner, excerpt=f"e {i}")


def test_customer_page_queries_do_not_grow_with_the_history(
    client_a, customer_a, owner_a, products_a, django_assert_num_queries
):
    # The membership is read by the session's user; then the customer, custom fields,
    # events, addresses, tags, the latest orders, their count and totals (one query),
    # notes, the open follow-ups and members to assign them to, the link and its orders.
    with scopes_disabled():
        generate_link(customer_a, by=owner_a)
    grow_history(customer_a, owner_a, products_a, 0, 3)
    url = f"/anka/customers/{customer_a.pk}/"
    client_a.get(url)
    with django_assert_num_queries(staff_page_queries(12)):
        small = client_a.get(url)
    grow_history(customer_a, owner_a, products_a, 3, max(NOTES_SHOWN, ORDERS_SHOWN) + 5)
    with django_assert_num_queries(staff_page_queries(12)):
        big = client_a.get(url)
    assert small.status_code == big.status_code == 200
    body = big.content.decode()
    # A page of each list, the rest a link away.
    assert len(re.findall(r'<li class="note note--', body)) == NOTES_SHOWN
    assert "?notes=all#notes" in body
    orders_table = body.split('id="orders"', 1)[1].split("</table>", 1)[0]
    assert orders_table.count("<tr>") == ORDERS_SHOWN + 1  # and the head
    assert f"?customer={customer_a.pk}" in body  # "All orders"


def test_every_note_is_a_click_away(client_a, customer_a, owner_a):
    with scope(tenant=customer_a.tenant):
        for i in range(NOTES_SHOWN + 3):
            add_note(customer_a, text=f"note number {i}", priority="none", by=owner_a)
    url = f"/anka/customers/{customer_a.pk}/"
    oldest = '<p class="note__text" dir="auto">note number 0</p>'
    assert oldest not in client_a.get(url).content.decode()
    every = client_a.get(url, {"notes": "all"}).content.decode()
    assert len(re.findall(r'<li class="note note--', every)) == NOTES_SHOWN + 3
    assert oldest in every and "?notes=all#notes" not in every


def test_kept_sections_show_every_change(client_a, customer_a, owner_a, products_a):
    url = f"/anka/customers/{customer_a.pk}/"
    order = place(customer_a, products_a[0], "k1")
    with scope(tenant=customer_a.tenant):
        note = add_note(customer_a, text="first words", priority="none", by=owner_a)
    first = client_a.get(url).content.decode()
    assert 'dir="auto">first words</p>' in first and 'badge--status-new">' in first
    with scope(tenant=customer_a.tenant):
        transition(order, "confirmed", by=owner_a)
        note.text = "second words"
        note.save()
        add_followup(
            customer_a,
            text="ring them",
            due_on=timezone.localdate(),
            assignee=owner_a,
            by=owner_a,
        )
    then = client_a.get(url).content.decode()
    assert 'dir="auto">second words</p>' in then and 'dir="auto">first words</p>' not in then
    assert 'badge--status-confirmed">' in then
    assert "ring them" in then
    # The orders page's kept rows too.
    rows = client_a.get("/anka/orders/").content.decode()
    assert 'badge--status-confirmed">' in rows and 'badge--status-new">' not in rows


def test_a_kept_section_is_kept_and_the_language_has_its_own(client_a, customer_a, owner_a):
    from django.core.cache import caches

    with scopes_disabled():
        generate_link(customer_a, by=owner_a)
    url = f"/anka/customers/{customer_a.pk}/"
    client_a.get(url)
    kept = len(caches["fragments"]._cache)  # the locmem cache's entries
    client_a.get(url)
    assert len(caches["fragments"]._cache) == kept  # nothing drawn again
    client_a.post("/i18n/language/", {"language": "tr", "next": url})
    body = client_a.get(url).content.decode()
    assert len(caches["fragments"]._cache) > kept
    assert "Hızlı sipariş bağlantısı" in body  # the link section, in Turkish


def tokens(body: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body))


def test_kept_forms_carry_each_readers_own_csrf_token(tenant_a, customer_a, owner_a, products_a):
    from django.middleware.csrf import _unmask_cipher_token

    with scopes_disabled():
        staff = make_member(tenant_a, "second")
        generate_link(customer_a, by=owner_a)
        add_followup(
            customer_a, text="ring", due_on=timezone.localdate(), assignee=owner_a, by=owner_a
        )
    with scope(tenant=tenant_a):
        add_note(customer_a, text="hello", priority="none", by=owner_a)
    url = f"/anka/customers/{customer_a.pk}/"
    secrets = []
    for user in (owner_a, staff, owner_a):
        client = Client()
        client.force_login(user)
        body = client.get(url).content.decode()
        assert "__csrf-token-placeholder__" not in body
        found = tokens(body)
        # Every form of the page (kept or drawn) carries this reader's secret.
        unmasked = {_unmask_cipher_token(t) for t in found}
        assert len(unmasked) == 1
        assert unmasked == {client.cookies["csrftoken"].value}
        secrets.append(unmasked)
        # And a kept form posts: mark the follow-up done with the page's token.
        done = re.search(r'action="(/anka/followups/\d+/done/)"', body)
        if done and user is staff:
            response = client.post(done.group(1), {"csrfmiddlewaretoken": found.pop()})
            assert response.status_code == 302
    assert secrets[0] != secrets[1]


def test_a_note_being_edited_is_drawn_not_kept(client_a, customer_a, owner_a):
    with scope(tenant=customer_a.tenant):
        note = add_note(customer_a, text="to change", priority="none", by=owner_a)
    client_a.get(f"/anka/customers/{customer_a.pk}/")  # kept
    body = client_a.get(f"/anka/customers/{customer_a.pk}/notes/{note.pk}/edit/")
    assert 'name="text"' in body.content.decode() and "to change" in body.content.decode()


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("a", "A & B"), ("b", '"B"')], initial="b")
    grouped = forms.ChoiceField(
        choices=[("Fruit", [("apple", "Apple"), ("pear", "Pear")]), ("none", "<None>")],
        initial="pear",
    )
    many = forms.MultipleChoiceField(choices=[(1, "one"), (2, "two")], initial=[1, 2])


def test_selects_are_drawn_as_djangos_templates_draw_them():
    from django.forms.renderers import DjangoTemplates

    ours, theirs = Choices(), Choices(renderer=DjangoTemplates())

    def options(html):
        return re.sub(r"\s+", " ", html).replace("> <", "><").strip()

    for name in ("plain", "grouped", "many"):
        assert options(str(ours[name])) == options(str(theirs[name]))
    html = str(ours["grouped"])
    assert '<optgroup label="Fruit">' in html and "&lt;None&gt;" in html
    assert '<option value="pear" selected>' in html
    assert '<option value="b" selected>&quot;B&quot;</option>' in str(ours["plain"])


@pytest.mark.parametrize("path", ["/anka/settings/", "/anka/customers/new/"])
def test_form_pages_offer_every_choice(client_a, path):
    body = client_a.get(path).content.decode()
    assert body.count("<option") > 200  # countries, phone regions, time zones
    if path == "/anka/settings/":
        assert '<option value="Europe/Istanbul" selected>' in body
        assert re.search(r'<option value="TR" selected>[^<]+\(\+90\)</option>', body)


def test_order_count_and_totals_leave_cancelled_orders_out(
    client_a, customer_a, owner_a, products_a
):
    place(customer_a, products_a[0], "t1")
    cancelled = place(customer_a, products_a[1], "t2")
    with scope(tenant=customer_a.tenant):
        transition(cancelled, "cancelled", by=owner_a, reason="no longer")
        assert Order.objects.filter(customer=customer_a).count() == 2
        assert Note.objects.count() == 0
    body = client_a.get(f"/anka/customers/{customer_a.pk}/").content.decode()
    total = body.split("Total ordered", 1)[1].split("</p>", 1)[0]
    assert "1.000" in total or "1,000" in total
    assert "450" not in total
