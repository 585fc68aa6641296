"""The customer's phone: a quick-order link opened from a chat app, in a real Chromium at a
phone's size (and a desktop's), in English and in Persian."""

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from crm.tests.test_browser import PHONE, settled, shot
from orders.models import Order

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}


def open_link(browser, live_server, token, language, viewport):
    context = browser.new_context(locale="en-US", viewport=viewport)
    page = context.new_page()
    page.goto(f"{live_server.url}/q/{token}/?lang={language}")
    return page


def fits(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def in_view(locator) -> bool:
    return locator.evaluate(
        """(el) => { const box = el.getBoundingClientRect();
                    return box.top >= 0 && box.bottom <= window.innerHeight
                        && box.left >= 0 && box.right <= window.innerWidth; }"""
    )


@pytest.mark.parametrize("language", ["en", "fa"])
def test_ordering_on_a_phone(browser, live_server, link_a, tenant_a, language):
    _link, token = link_a
    tenant_a.quickorder_languages = ["tr", "en", "fa"]
    tenant_a.save()
    page = open_link(browser, live_server, token, language, PHONE)
    assert page.get_attribute("html", "dir") == ("rtl" if language == "fa" else "ltr")
    assert fits(page)
    expect(page.locator("#cart-bar a")).to_have_count(0)  # nothing in the cart yet
    shot(page, f"shop_phone_{language}")

    # Two of the second product, with its + (the card is far down the page).
    card = page.locator(".product-card").nth(1)
    card.scroll_into_view_if_needed()
    card.locator("button[data-step='1']").click()
    assert card.locator("input.qty").input_value() == "2"
    card.locator(".add-form__submit").click()
    # The bar at the bottom shows the new count without any scrolling, and the card says so.
    bar = page.locator("#cart-bar a")
    expect(bar).to_be_visible()
    expect(bar.locator(".cart-bar__count")).to_contain_text("2")
    assert in_view(bar)
    expect(card.locator(".add-form__status")).to_contain_text("2")
    settled(page)
    shot(page, f"shop_phone_added_{language}")

    # The cart is a screen of its own; its + and - change the line.
    bar.click()
    page.wait_for_url(re.compile(r"/cart/$"))
    page.locator(".cart__line button[name=step][value='1']").click()
    expect(page.locator(".cart__line input.qty")).to_have_value("3")
    settled(page)
    page.locator(".cart__line button[name=step][value='-1']").click()
    expect(page.locator(".cart__line input.qty")).to_have_value("2")
    settled(page)
    assert fits(page)
    shot(page, f"shop_phone_cart_{language}")

    # Checkout: the saved address is chosen, the new address folded away, Place order in reach.
    page.locator("#cart a.btn--accent").click()
    page.wait_for_url(re.compile(r"/checkout/$"))
    expect(page.locator(".new-address")).to_be_hidden()
    place = page.locator("#checkout-form button[type=submit]")
    assert in_view(place)
    page.locator("input[name=address][value=new]").check()
    expect(page.locator(".new-address")).to_be_visible()
    page.locator("input[name=address]").first.check()
    expect(page.locator(".new-address")).to_be_hidden()
    assert fits(page)
    shot(page, f"shop_phone_checkout_{language}")
    place.click()
    page.wait_for_url(re.compile(r"/orders/\d+/$"))
    expect(page.locator(".next-steps li")).to_have_count(3)
    expect(page.locator(".next-steps")).to_contain_text("@")  # where the news will go
    assert fits(page)
    shot(page, f"shop_phone_confirmation_{language}")
    with scopes_disabled():
        order = Order.objects.get()
        assert [line.quantity for line in order.lines.all()] == [2]
    page.context.close()


def test_a_new_address_that_is_wrong_is_shown_where_the_customer_looks(
    browser, live_server, link_a
):
    _link, token = link_a
    page = open_link(browser, live_server, token, "en", PHONE)
    page.locator(".product-card .add-form__submit").first.click()
    expect(page.locator("#cart-bar a")).to_be_visible()
    page.goto(f"{live_server.url}/q/{token}/checkout/")
    page.locator("input[name=address][value=new]").check()
    page.locator("#checkout-form button[type=submit]").click()
    page.wait_for_load_state()
    # The first invalid field of the new address has the focus, in view.
    focused = page.evaluate("document.activeElement.name")
    assert focused.startswith("new-"), focused
    assert in_view(page.locator(":focus"))
    with scopes_disabled():
        assert Order.objects.count() == 0
    page.context.close()


def test_on_a_desktop_the_cart_stays_beside_the_catalog(browser, live_server, link_a):
    _link, token = link_a
    page = open_link(browser, live_server, token, "en", DESKTOP)
    page.locator(".product-card .add-form__submit").first.click()
    expect(page.locator("#cart .cart__line")).to_have_count(1)
    expect(page.locator("#cart-bar")).to_be_hidden()
    assert fits(page)
    shot(page, "shop_desktop_added")
    page.context.close()


def test_ordering_again_in_three_taps_and_following_its_status(
    browser, live_server, link_a, customer_a, products_a, owner_a
):
    """A customer who ordered before: order again (1), checkout (2), place order (3), in
    Turkish on a phone; after the staff confirm it, their status page says so."""
    from django_scopes import scope

    from orders.services import LineRequest, place_order, transition

    _link, token = link_a
    with scope(tenant=customer_a.tenant):
        place_order(
            customer=customer_a,
            lines=[LineRequest(products_a[0].pk, 4)],
            address=None,
            source="staff",
            idempotency_key="before",
        )
    page = open_link(browser, live_server, token, "tr", PHONE)
    expect(page.locator(".again__card")).to_have_count(1)  # one order: no usual items yet
    shot(page, "shop_phone_again_tr")
    page.locator(".again__card button[type=submit]").click()  # 1
    page.wait_for_url(re.compile(r"/cart/$"))
    expect(page.locator(".cart__line input.qty")).to_have_value("4")
    page.locator("#cart a.btn--accent").click()  # 2
    page.wait_for_url(re.compile(r"/checkout/$"))
    page.locator("#checkout-form button[type=submit]").click()  # 3
    page.wait_for_url(re.compile(r"/orders/\d+/$"))
    expect(page.locator("h1")).to_have_text("Teşekkür ederiz!")
    with scopes_disabled():
        order = Order.objects.order_by("-number").first()
        assert [line.quantity for line in order.lines.all()] == [4]
    with scope(tenant=order.tenant):
        transition(order, "confirmed", by=owner_a)
    page.reload()
    expect(page.locator(".steps__step.is-current")).to_contain_text("Onaylandı")
    assert fits(page)
    shot(page, "shop_phone_status_tr")
    page.context.close()
