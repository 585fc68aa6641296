import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from customers.models import ActivityEvent, Customer
from notes.models import Note
from notes.services import add_note


def url(customer, suffix=""):
    return f"/anka/customers/{customer.pk}/notes/{suffix}"


def texts(client, customer):
    response = client.get(f"/anka/customers/{customer.pk}/")
    return [n.text for n in response.context["notes"]]


def test_notes_are_sorted_by_priority_then_newest(client_a, tenant_a, customer_a, owner_a):
    with scope(tenant=tenant_a):
        for text, priority in [
            ("none old", "none"),
            ("high old", "high"),
            ("medium", "medium"),
            ("high new", "high"),
            ("none new", "none"),
        ]:
            add_note(customer_a, text=text, priority=priority, by=owner_a)
    assert texts(client_a, customer_a) == ["high new", "high old", "medium", "none new", "none old"]


def test_ties_in_the_same_second_fall_back_to_newest_id(client_a, tenant_a, customer_a, owner_a):
    now = timezone.now()
    with scope(tenant=tenant_a):
        a = add_note(customer_a, text="first", priority="high", by=owner_a)
        b = add_note(customer_a, text="second", priority="high", by=owner_a)
        Note.objects.filter(pk__in=[a.pk, b.pk]).update(created_at=now)
    assert texts(client_a, customer_a) == ["second", "first"]


def test_add_note_plain_post_redirects_and_records_timeline(
    client_a, tenant_a, customer_a, owner_a
):
    response = client_a.post(
        url(customer_a, "new/"), {"text": "  Call back Monday  ", "priority": "high"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/anka/customers/{customer_a.pk}/#notes"
    with scope(tenant=tenant_a):
        note = Note.objects.get()
        assert (note.text, note.priority, note.author) == ("Call back Monday", "high", owner_a)
        event = customer_a.events.get(kind=ActivityEvent.Kind.NOTE_ADDED)
        assert event.actor == owner_a


def test_add_note_with_htmx_returns_the_section(client_a, customer_a):
    response = client_a.post(
        url(customer_a, "new/"), {"text": "Hi", "priority": "medium"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and 'id="notes"' in body and "note--medium" in body
    # The timeline redraws itself on this event, with the note in it.
    assert response["HX-Trigger"] == '{"crm:timeline-changed": {}}'
    timeline = client_a.get(
        f"/anka/customers/{customer_a.pk}/?timeline=latest", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in timeline and "Note added" in timeline and "“<bdi>Hi</bdi>”" in timeline


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "   ", "priority": "high"}, "Write something in the note."),
        ({"text": "kept text", "priority": "urgent"}, "Select a valid choice."),
        ({"text": "x" * 5001, "priority": "none"}, "Ensure this value has at most 5000 characters"),
    ],
    ids=["empty", "unknown-priority", "too-long"],
)
def test_invalid_note_gets_an_error_and_keeps_the_text(client_a, customer_a, data, message):
    response = client_a.post(url(customer_a, "new/"), data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    if data["text"].strip() and len(data["text"]) < 100:
        assert data["text"] in body
    with scopes_disabled():
        assert Note.objects.count() == 0


def test_edit_and_delete_by_any_staff_member(staff_client_a, tenant_a, customer_a, owner_a):
    with scope(tenant=tenant_a):
        note = add_note(customer_a, text="Owner's note", priority="none", by=owner_a)
    response = staff_client_a.post(
        url(customer_a, f"{note.pk}/edit/"), {"text": "Edited", "priority": "high"}
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.priority) == ("Edited", "high")
    confirm = staff_client_a.get(url(customer_a, f"{note.pk}/delete/"))
    assert "Delete this note?" in confirm.content.decode()
    with scopes_disabled():
        assert Note.objects.filter(pk=note.pk).exists()  # GET deletes nothing
    staff_client_a.post(url(customer_a, f"{note.pk}/delete/"))
    with scope(tenant=tenant_a):
        assert not Note.objects.exists()
        kinds = list(customer_a.events.values_list("kind", flat=True))
    assert kinds[:3] == ["note_deleted", "note_edited", "note_added"]


def test_latest_note_preview_follows_creation_time(client_a, tenant_a, customer_a, owner_a):
    with scope(tenant=tenant_a):
        add_note(customer_a, text="older high", priority="high", by=owner_a)
        newest = add_note(customer_a, text="newest " + "x" * 200, priority="none", by=owner_a)
    customer_a.refresh_from_db()
    assert customer_a.latest_note_excerpt.startswith("newest ")
    assert len(customer_a.latest_note_excerpt) == 120
    body = client_a.get("/anka/customers/").content.decode()
    assert customer_a.latest_note_excerpt in body
    client_a.post(url(customer_a, f"{newest.pk}/delete/"))
    customer_a.refresh_from_db()
    assert customer_a.latest_note_excerpt == "older high"


def test_initial_note_of_the_customer_form_becomes_the_first_note(client_a, tenant_a):
    client_a.post(
        "/anka/customers/new/",
        {
            "name": "New Co",
            "status": "potential",
            "temperature": "warm",
            "discount_percent": "0",
            "preferred_currency": "TRY",
            "preferred_language": "tr",
            "initial_note": "Met at fair",
        },
    )
    with scope(tenant=tenant_a):
        customer = Customer.objects.get(name="New Co")
        assert [n.text for n in customer.notes.all()] == ["Met at fair"]
    assert customer.latest_note_excerpt == "Met at fair"


@pytest.mark.parametrize("count", [2, 40])
def test_query_count_of_customers_page_with_notes(
    client_a, tenant_a, owner_a, django_assert_num_queries, count
):
    """The latest note is copied onto the customer: the cards read no note."""
    from conftest import make_customer
    from customers.tests.test_customer_list import page_queries

    with scopes_disabled():
        for i in range(count):
            c = make_customer(tenant_a, f"C{i}", status="current")
            for j in range(3):
                add_note(c, text=f"note {j}", priority="none", by=owner_a)
    client_a.get("/anka/customers/")
    with django_assert_num_queries(page_queries("cards")):
        body = client_a.get("/anka/customers/").content.decode()
    assert "note 2" in body


def test_note_urls_of_another_tenant_or_customer_give_404(
    client_a, tenant_a, tenant_b, customer_a, customer_b, owner_a, owner_b
):
    from conftest import make_customer

    with scopes_disabled():
        foreign = add_note(customer_b, text="B secret", priority="high", by=owner_b)
        other_customer = make_customer(tenant_a, "Other")
        sibling = add_note(other_customer, text="other customer", priority="none", by=owner_a)
    cases = [
        (customer_b, foreign),  # another tenant's customer and note
        (customer_a, foreign),  # another tenant's note under our customer
        (customer_a, sibling),  # our tenant, another customer's note
    ]
    for customer, note in cases:
        for suffix in (f"{note.pk}/edit/", f"{note.pk}/delete/"):
            assert client_a.get(url(customer, suffix)).status_code == 404
            assert (
                client_a.post(url(customer, suffix), {"text": "x", "priority": "none"}).status_code
                == 404
            )
    assert (
        client_a.post(url(customer_b, "new/"), {"text": "x", "priority": "none"}).status_code == 404
    )
    with scopes_disabled():
        foreign.refresh_from_db()
        sibling.refresh_from_db()
        assert (foreign.text, sibling.text) == ("B secret", "other customer")
        assert Note.objects.count() == 2
