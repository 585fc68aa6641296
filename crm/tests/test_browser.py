"""The staff and customer journeys in a real Chromium (Playwright driving Debian's
/usr/bin/chromium) against the app on a live server. Screenshots of every page visited go
to artifacts/screenshots/ (not committed). Run alone with `make e2e`.
"""

import os
import re

import polib
import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from conftest import make_customer
from crm.tests.conftest import ROOT, SHOTS
from customers.models import Customer
from orders.models import Order

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
# itself (fixtures, assertions) are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PASSWORD = "pw-for-tests-1"


def shot(page, name):
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def login(browser, live_server, username, **context_options):
    context = browser.new_context(locale="en-US", **context_options)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    return page


def switch_language(page, code):
    page.click("summary[aria-label]")
    page.click(f"button[name=language][value={code}]")
    page.wait_for_load_state()


@pytest.fixture
def shop(tenant_a, owner_a, products_a, customer_a):
    """Tenant A with products, a current hot customer, and a potential warm one."""
    make_customer(tenant_a, "Lead Ltd", status="potential", temperature="warm")
    return tenant_a


def create_customer(page, live_server):
    page.goto(f"{live_server.url}/anka/customers/new/")
    page.fill("#id_name", "Ege Spa Merkezi")
    page.fill("#id_email", "spa@ege.example")
    page.fill("#id_phone", "+90 532 999 88 77")
    page.select_option("#id_status", "potential")
    page.select_option("#id_temperature", "hot")
    page.fill("#id_discount_percent", "10")
    page.select_option("#id_preferred_currency", "EUR")
    page.select_option("#id_preferred_language", "tr")
    page.fill("#id_address-line1", "Kordon Boyu 12")
    page.fill("#id_address-city", "İzmir")
    shot(page, "customer_form")
    page.click("#customer-form button[type=submit]")
    page.wait_for_url(re.compile(r"/anka/customers/\d+/$"))


def settled(page):
    """Wait until htmx has finished with what it swapped in: it wires up new content (so
    its forms send htmx requests) about 20 ms after it appears, which a test can beat."""
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)


def add_note(page, text, priority):
    page.fill("#id_new_note_text", text)
    page.select_option("#id_new_note_priority", priority)
    page.click("#notes form.note-form button[type=submit]")
    page.wait_for_selector(f".note__text:has-text('{text}')")
    settled(page)


def test_staff_and_customer_journey(browser, live_server, shop, owner_a):
    page = login(browser, live_server, "owner_a")

    # 1. A potential, hot customer with 10% off, EUR, Turkish; two notes in order.
    create_customer(page, live_server)
    customer_url = page.url
    add_note(page, "Send the spring catalogue", "medium")
    add_note(page, "Wants 200 towels before the fair", "high")
    notes = page.locator(".note__text").all_inner_texts()
    assert notes == ["Wants 200 towels before the fair", "Send the spring catalogue"]
    assert page.locator(".note").first.get_attribute("class").endswith("note--high")
    shot(page, "customer_detail")

    page.goto(f"{live_server.url}/anka/customers/")
    page.fill("#id_q", "0532 999 8877")  # another format of +90 532 999 88 77
    expect(page.locator(".customer-card")).to_have_count(1)
    assert page.locator(".customer-card__name").all_inner_texts() == ["Ege Spa Merkezi"]
    assert "q=0532" in page.url  # the address bar keeps the search
    shot(page, "customers_search")

    page.goto(f"{live_server.url}/anka/customers/")
    page.select_option("#id_status", "potential")
    page.wait_for_load_state("networkidle")
    page.select_option("#id_temperature", "hot")
    expect(page.locator(".customer-card")).to_have_count(1)
    assert page.locator(".customer-card__name").all_inner_texts() == ["Ege Spa Merkezi"]
    shot(page, "customers_potential_hot")

    # 2. The quick-order link, opened by the customer in a fresh browser (no cookies).
    page.goto(customer_url)
    page.click("text=Generate quick-order link")
    page.wait_for_selector("#quick-link-url")
    link = page.input_value("#quick-link-url")
    customer_context = browser.new_context(locale="en-US")
    shop_page = customer_context.new_page()
    shop_page.goto(link)
    assert shop_page.get_attribute("html", "lang") == "tr"
    first = shop_page.locator(".product-card").first
    assert "€26,50" in first.locator("s").inner_text()  # list price, struck through
    assert "€23,85" in first.locator("strong").inner_text()  # 10% off
    shot(shop_page, "quick_catalog_tr")
    shop_page.locator(".product-card .add-form__submit").nth(0).click()
    shop_page.wait_for_selector(".cart__line")
    shop_page.locator(".product-card .add-form__submit").nth(1).click()
    expect(shop_page.locator(".cart__line")).to_have_count(2)
    settled(shop_page)
    quantity = shop_page.locator(".cart__qty input.qty").first
    quantity.fill("3")
    quantity.dispatch_event("change")
    expect(shop_page.locator(".cart__total").first).to_contain_text("71,55")
    shop_page.reload()
    assert shop_page.locator(".cart__line").count() == 2  # the cart survives a reload
    shot(shop_page, "quick_cart")
    shop_page.locator("#cart a.btn--accent").click()
    shop_page.wait_for_url(re.compile(r"/checkout/$"))
    shot(shop_page, "quick_checkout")
    shop_page.locator("#checkout-form button[type=submit]").click()
    shop_page.wait_for_url(re.compile(r"/orders/1/$"))
    assert "#1" in shop_page.inner_text("main")
    shot(shop_page, "quick_confirmation")

    # 3. Staff see it on the Orders page and move it confirm -> produce -> ship.
    page.goto(f"{live_server.url}/anka/orders/")
    row = page.locator("tbody tr").first
    text = row.inner_text()
    assert "#1" in text and "Ege Spa Merkezi" in text
    assert "3 × Havlu" in text and "1 × Peştemal" in text
    assert "€82,29" in text or "€82.29" in text
    shot(page, "orders")
    row.locator("a").first.click()
    page.click("text=Confirm order")
    page.wait_for_selector("text=Start production")
    page.click("text=Start production")
    page.wait_for_selector("#id_tracking")
    page.fill("#id_tracking", "TRK-2026-42")
    page.click("text=Mark as shipped")
    page.wait_for_selector(".badge--status-shipped")
    shot(page, "order_detail")
    page.goto(customer_url)
    timeline = page.locator(".timeline").inner_text()
    for step in ("Order placed", "Order status changed", "Note added", "Created"):
        assert step in timeline
    assert page.locator(".timeline__item:has-text('Order status changed')").count() == 3
    assert "Current" in page.locator(".page-header .badge").first.inner_text()
    with scopes_disabled():
        order = Order.objects.get()
    assert (order.status, order.tracking) == ("shipped", "TRK-2026-42")

    # 5. A revoked link shows the not-found page.
    page.click("#quick-order button:has-text('Revoke')")
    page.wait_for_load_state()
    shop_page.goto(link)
    assert "Link not available" in shop_page.inner_text("main")
    shot(shop_page, "quick_not_found")
    customer_context.close()
    page.context.close()


def test_a_failed_htmx_action_says_so_and_keeps_the_typing(
    browser, live_server, shop, owner_a, customer_a
):
    page = login(browser, live_server, "owner_a")
    customer_url = f"{live_server.url}/anka/customers/{customer_a.pk}/"
    page.goto(customer_url)
    page.fill("#id_new_note_text", "Call back on Monday")
    page.route("**/notes/**", lambda route: route.fulfill(status=503, body="down"))
    page.click("#notes form.note-form button[type=submit]")
    expect(page.locator(".messages--htmx")).to_contain_text("nothing was changed")
    assert page.input_value("#id_new_note_text") == "Call back on Monday"
    assert page.locator("#notes header.topbar").count() == 0
    page.unroute("**/notes/**")

    # The session ends in another tab: the window goes to the login page, and back after.
    page.context.clear_cookies()
    page.click("#notes form.note-form button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/login/\?next="))
    page.fill("#id_username", "owner_a")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(customer_url)

    # A note that is saved shows in the timeline at once.
    assert "Note added" not in page.locator(".timeline").inner_text()
    add_note(page, "Call back on Monday", "high")
    expect(page.locator(".timeline")).to_contain_text("Call back on Monday")
    expect(page.locator(".timeline")).to_contain_text("Note added")
    page.context.close()


def test_double_click_on_place_order_creates_one_order(browser, live_server, link_a):
    _link, token = link_a
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(f"{live_server.url}/q/{token}/")
    page.locator(".add-form__submit").first.click()
    page.wait_for_selector(".cart__line")
    page.goto(f"{live_server.url}/q/{token}/checkout/")
    page.locator("#checkout-form button[type=submit]").dblclick()
    page.wait_for_url(re.compile(r"/orders/\d+/$"))
    with scopes_disabled():
        assert Order.objects.count() == 1
    context.close()


def test_staff_take_an_order_by_phone(browser, live_server, shop, owner_a, customer_a):
    """A wrong quantity is said next to its product and keeps what was typed; corrected,
    the order is placed once and the detail page shows it."""
    towel, pestemal = sorted(shop_products(shop), key=lambda p: p.sku, reverse=True)
    page = login(browser, live_server, owner_a.username)
    page.goto(f"{live_server.url}/anka/orders/new/{customer_a.pk}/")
    page.fill(f"#id_qty_{towel.pk}", "2")
    page.fill(f"#id_qty_{pestemal.pk}", "1.5")
    page.fill("#id_note", "Called at 10:00")
    page.click("#order-form button[type=submit]")
    expect(page.locator(".field__error")).to_have_text("Enter a whole number of items.")
    expect(page.locator(f"#id_qty_{towel.pk}")).to_have_value("2")
    expect(page.locator("#id_note")).to_have_value("Called at 10:00")
    shot(page, "order_form_error")
    with scopes_disabled():
        assert not Order.objects.exists()
    page.fill(f"#id_qty_{pestemal.pk}", "3")
    page.click("#order-form button[type=submit]")
    page.wait_for_url(re.compile(r"/anka/orders/\d+/$"))
    expect(page.locator("main")).to_contain_text("Order #1 was placed.")
    shot(page, "order_placed_by_staff")
    with scopes_disabled():
        order = Order.objects.get()
        lines = sorted((line.sku, line.quantity) for line in order.lines.all())
    assert (order.source, order.customer_note, lines) == (
        "staff",
        "Called at 10:00",
        [("PST-1", 3), ("TWL-1", 2)],
    )
    page.context.close()


def shop_products(tenant):
    from catalog.models import Product

    with scopes_disabled():
        return list(Product.objects.filter(tenant=tenant))


def english_labels(text: str, language: str) -> list[str]:
    """Translatable English strings that appear in a page's text and that `language`
    writes differently ("Catalog" is also Romanian, so it proves nothing there)."""
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    labels = []
    for entry in catalogue:
        msgid = entry.msgid
        if len(msgid) < 4 or "%" in msgid or "{" in msgid or entry.msgstr == msgid:
            continue
        if re.search(rf"(?<![\w]){re.escape(msgid)}(?![\w])", text):
            labels.append(msgid)
    return labels


PAGES = ["/anka/customers/", "/anka/orders/", "/anka/catalog/", "/anka/settings/"]


@pytest.mark.parametrize("language", ["ru", "ro", "tr", "fa"])
def test_pages_are_translated_and_persian_is_right_to_left(browser, live_server, shop, language):
    page = login(browser, live_server, "owner_a")
    english = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        english[path] = english_labels(page.inner_text("body"), language)
    switch_language(page, language)
    for path in PAGES:
        page.goto(live_server.url + path)
        assert page.get_attribute("html", "lang") == language
        assert page.get_attribute("html", "dir") == ("rtl" if language == "fa" else "ltr")
        text = page.inner_text("body")
        left = [
            label
            for label in english[path]
            if re.search(rf"(?<![\w]){re.escape(label)}(?![\w])", text)
        ]
        assert left == [], f"{path} in {language} still shows {left}"
        shot(page, f"{path.strip('/').replace('/', '_')}_{language}")
    page.context.close()


def test_no_page_breaks_the_content_security_policy(browser, live_server, shop, link_a):
    """Our pages need no inline script or style: the browser reports no CSP violation."""
    _link, token = link_a
    page = login(browser, live_server, "owner_a")
    violations = []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and violations.append((page.url, m.text)),
    )
    with scopes_disabled():
        customer_pk = Customer.objects.filter(tenant=shop).first().pk
        product_pk = shop_product_pk(shop)
    for path in [
        *PAGES,
        f"/anka/customers/{customer_pk}/",
        "/anka/customers/new/",
        "/anka/admin/",
        f"/anka/admin/catalog/product/{product_pk}/change/",
        f"/q/{token}/",
        f"/q/{token}/checkout/",
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/anka/admin/catalog/product/{product_pk}/change/")
    shot(page, "admin_product_change")
    page.context.close()
    assert violations == []


def shop_product_pk(tenant):
    from catalog.models import Product

    return Product.objects.filter(tenant=tenant).first().pk
