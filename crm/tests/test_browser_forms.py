"""Forms and feedback in a real Chromium: after a failed save the user sees why where they
are looking, a button that is working says so and takes no second click, and long words
wrap instead of widening the page. At a phone's and a desktop's size, in English and in
Persian (right to left)."""

import re
import time

import pytest
from django.db.models import F
from django_scopes import scope, scopes_disabled
from playwright.sync_api import expect

from conftest import make_customer
from crm.tests.test_browser import PHONE, login, settled, shot, switch_language
from customers.models import Customer

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
SIZES = {"phone": PHONE, "desktop": DESKTOP}


def in_view(page, selector) -> bool:
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
        selector,
    )


def no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "fa"])
def test_after_an_empty_save_the_first_invalid_field_has_the_focus(
    browser, live_server, tenant_a, owner_a, size, language
):
    page = login(browser, live_server, "owner_a", viewport=SIZES[size])
    if language != "en":
        switch_language(page, language)
    page.goto(f"{live_server.url}/anka/customers/new/")
    settled(page)
    page.locator("#customer-form button[type=submit]").last.click()
    page.wait_for_selector("[data-error-summary]")
    settled(page)
    expect(page.locator("#id_name")).to_be_focused()
    assert in_view(page, "#id_name")
    assert page.get_attribute("#id_name", "aria-invalid") == "true"
    # The summary links to the field, and following the link focuses it.
    link = page.locator("[data-error-summary] a[href='#id_name']")
    expect(link).to_have_count(1)
    page.locator("#id_email").focus()
    link.click()
    expect(page.locator("#id_name")).to_be_focused()
    assert no_sideways_scroll(page)
    shot(page, f"customer_form_errors_{language}_{size}")
    page.context.close()


def test_an_edit_conflict_focuses_the_message(browser, live_server, customer_a, owner_a):
    page = login(browser, live_server, "owner_a", viewport=PHONE)
    page.goto(f"{live_server.url}/anka/customers/{customer_a.pk}/edit/")
    settled(page)
    with scope(tenant=customer_a.tenant):  # saved by someone else meanwhile
        Customer.objects.filter(pk=customer_a.pk).update(version=F("version") + 1)
    page.fill("#id_contact_person", "Typed by me")
    page.locator("#customer-form button[type=submit]").last.click()
    page.wait_for_selector("[data-error-summary]")
    settled(page)
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(page.locator("[data-error-summary]")).to_contain_text("Someone else changed")
    assert page.input_value("#id_contact_person") == "Typed by me"
    page.context.close()


def test_a_second_click_on_save_does_nothing_twice(browser, live_server, tenant_a, owner_a):
    page = login(browser, live_server, "owner_a")
    page.goto(f"{live_server.url}/anka/customers/new/")
    settled(page)
    page.fill("#id_name", "Twice Clicked Ltd")
    # Slow the answer down, so that the second click lands while the first is being sent.
    page.route(
        re.compile(r".*/customers/new/$"),
        lambda route: (time.sleep(0.4), route.continue_()),
    )
    button = page.locator("#customer-form button[type=submit]").last
    button.dblclick()
    page.wait_for_url(re.compile(r"/anka/customers/\d+/$"))
    with scopes_disabled():
        assert Customer.objects.filter(name="Twice Clicked Ltd").count() == 1
    page.context.close()


def test_a_working_button_says_so(browser, live_server, tenant_a, owner_a):
    page = login(browser, live_server, "owner_a")
    page.goto(f"{live_server.url}/anka/customers/new/")
    settled(page)
    page.fill("#id_name", "Busy Button Ltd")
    seen = {}

    def slow(route):
        seen["busy"] = page.evaluate(
            "document.querySelector('#customer-form')?.getAttribute('aria-busy')"
        )
        seen["spinner"] = page.locator("#customer-form .btn.is-busy").count()
        route.continue_()

    page.route(re.compile(r".*/customers/new/$"), slow)
    page.locator("#customer-form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/anka/customers/\d+/$"))
    assert seen == {"busy": "true", "spinner": 1}
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_a_very_long_name_wraps(browser, live_server, tenant_a, owner_a, size):
    with scopes_disabled():
        customer = make_customer(tenant_a, "Ö" * 200, email="long@example.com")
    page = login(browser, live_server, "owner_a", viewport=SIZES[size])
    for path in (f"/anka/customers/{customer.pk}/", "/anka/customers/", "/anka/orders/"):
        page.goto(live_server.url + path)
        assert no_sideways_scroll(page), path
    page.goto(f"{live_server.url}/anka/customers/?view=table")
    assert no_sideways_scroll(page)  # the table scrolls inside its box
    shot(page, f"long_name_{size}")
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_a_staff_order_with_search_and_a_summary_in_view(
    browser, live_server, tenant_a, owner_a, customer_a, products_a, size
):
    page = login(browser, live_server, "owner_a", viewport=SIZES[size])
    page.goto(f"{live_server.url}/anka/orders/new/{customer_a.pk}/")
    settled(page)
    page.fill("#product-search", "pst")
    expect(page.locator("#order-lines tbody tr:visible")).to_have_count(1)
    page.fill(f"#id_qty_{products_a[1].pk}", "3")
    summary = page.locator("#order-summary")
    expect(summary).to_contain_text("3 × Product PST-1")
    expect(summary).to_contain_text("₺1,350.00")  # priced by the server
    settled(page)
    page.fill("#product-search", "")
    page.fill(f"#id_qty_{products_a[0].pk}", "1")
    expect(page.locator("#order-summary")).to_contain_text("₺2,350.00")
    assert in_view(page, "#order-summary h2")
    assert no_sideways_scroll(page)
    shot(page, f"new_order_{size}")
    page.locator("#order-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/anka/orders/\d+/$"))
    page.context.close()
