"""Catalog management in the product's own pages, in a real Chromium: a product made with
a Turkish name and a photo shows on the customer's Turkish catalog."""

import re
from io import BytesIO

import pytest
from django_scopes import scopes_disabled
from PIL import Image
from playwright.sync_api import expect

from catalog.models import Product
from crm.tests.test_browser import PHONE, login, settled, shot

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}


def photo_file(tmp_path):
    path = tmp_path / "bornoz.jpg"
    buffer = BytesIO()
    Image.new("RGB", (1600, 1200), (180, 40, 60)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_product_made_in_the_app_reaches_the_turkish_catalog(
    browser, live_server, link_a, settings, tmp_path, size
):
    settings.MEDIA_ROOT = tmp_path
    _link, token = link_a
    viewport = PHONE if size == "phone" else DESKTOP
    page = login(browser, live_server, "owner_a", viewport=viewport)
    page.goto(f"{live_server.url}/anka/catalog/")
    shot(page, f"catalog_list_{size}")
    page.click("text=New product")
    page.wait_for_url(re.compile(r"/catalog/products/new/$"))
    # An empty save: the Turkish name (the business's language) is focused, its tab open.
    page.locator("#product-form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#id_name_tr")).to_be_focused()
    expect(page.locator("#tab-tr")).to_have_attribute("aria-selected", "true")
    shot(page, f"product_form_errors_{size}")
    page.fill("#id_name_tr", "Nakışlı Bornoz")
    page.click("#tab-en")
    expect(page.locator("#id_name_tr")).to_be_hidden()
    page.fill("#id_name_en", "Embroidered robe")
    page.fill("#id_sku", "BRN-77")
    page.fill("#id_price", "1450")
    page.set_input_files("#id_photos", photo_file(tmp_path))
    expect(page.locator("[data-photo-preview] img")).to_have_count(1)  # shown before upload
    shot(page, f"product_form_{size}")
    page.locator("#product-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/catalog/products/\d+/$"))
    expect(page.locator(".photo-list__item img")).to_have_count(1)
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    shot(page, f"product_saved_{size}")
    with scopes_disabled():
        product = Product.objects.get(sku="BRN-77")
        assert product.name_tr == "Nakışlı Bornoz" and product.image.name

    shop = browser.new_context(locale="tr-TR", viewport=viewport).new_page()
    shop.goto(f"{live_server.url}/q/{token}/")
    card = shop.locator(".product-card", has_text="Nakışlı Bornoz")
    expect(card).to_have_count(1)
    image = card.locator("img.product-card__image")
    assert "1280w" in image.get_attribute("srcset")
    card.scroll_into_view_if_needed()
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0  # the photo really loads
    card.locator("a[data-zoom]").click()
    expect(shop.locator("dialog.zoom img")).to_be_visible()
    shot(shop, f"shop_zoom_{size}")
    shop.keyboard.press("Escape")
    expect(shop.locator("dialog.zoom")).to_have_count(0)
    shop.context.close()
    page.context.close()


def test_the_active_switch_and_categories(browser, live_server, shop_with_categories):
    page = login(browser, live_server, "owner_a", viewport=PHONE)
    page.goto(f"{live_server.url}/anka/catalog/")
    switch = page.locator(".switch").first
    expect(switch).to_have_attribute("aria-checked", "true")
    switch.click()
    expect(page.locator(".switch").first).to_have_attribute("aria-checked", "false")
    settled(page)
    page.goto(f"{live_server.url}/anka/catalog/categories/")
    names = page.locator(".sort-list__name")
    expect(names).to_have_text(["Towels", "Robes"])  # in the page's language
    page.locator(".sort-list__item").nth(1).locator("button", has_text="↑").click()
    expect(page.locator(".sort-list__name")).to_have_text(["Robes", "Towels"])
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    shot(page, "categories_phone")
    page.context.close()


@pytest.fixture
def shop_with_categories(tenant_a, owner_a, products_a):
    from catalog.models import Category

    with scopes_disabled():
        Category.objects.create(tenant=tenant_a, name_tr="Havlular", name_en="Towels", position=0)
        Category.objects.create(tenant=tenant_a, name_tr="Bornozlar", name_en="Robes", position=1)
    return tenant_a
