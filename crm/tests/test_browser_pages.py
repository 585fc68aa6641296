"""Every page a person uses, at a phone's size and a desktop's, in English and in Persian:
nothing scrolls sideways; and axe-core finds nothing serious or critical on any page, and
nothing at all on the customer's quick-order pages."""

import datetime
import json
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope, scopes_disabled
from PIL import Image

from catalog.models import Category
from catalog.photos import add_photos, prepare
from crm.tests.conftest import ROOT
from crm.tests.test_browser import PHONE, login, shot, switch_language
from orders.models import Order

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def everything(tenant_a, owner_a, customer_a, products_a, link_a, settings, tmp_path):
    """A business with a category, a product photo, an order and a cart, so that every
    page has something on it."""
    link, token = link_a
    with scopes_disabled():
        category = Category.objects.create(tenant=tenant_a, name_en="Towels", name_tr="Havlular")
        products_a[0].category = category
        products_a[0].save()
        settings.MEDIA_ROOT = tmp_path
        buffer = BytesIO()
        Image.new("RGB", (800, 600), (30, 90, 160)).save(buffer, "JPEG")
        add_photos(products_a[0], [prepare(SimpleUploadedFile("towel.jpg", buffer.getvalue()))])
    from orders.services import LineRequest, place_order

    with scope(tenant=tenant_a):
        order = place_order(
            customer=customer_a,
            lines=[LineRequest(products_a[0].pk, 2)],
            address=None,
            idempotency_key="pages-1",
            source=Order.Source.QUICK_ORDER,
            link=link,
        )
    from followups.services import add_followup

    with scope(tenant=tenant_a):
        add_followup(
            customer_a,
            text="Call about the spring order",
            due_on=datetime.date.today(),
            assignee=owner_a,
            by=owner_a,
        )
    from conftest import make_customer
    from customers.models import BulkRun, CustomerImport, SavedView

    with scopes_disabled():
        other = make_customer(tenant_a, "Yildiz Tekstil (old)", email="old@yildiz.example")
        view = SavedView.objects.create(
            tenant=tenant_a, owner=owner_a, name="Hot leads", query="temperature=hot"
        )
        run = BulkRun.objects.create(
            tenant=tenant_a, by=owner_a, action="add_tag", total=900, done=300
        )
        sheet = "Name,Email,Phone,Durum\nÇınar Otel,info@cinar.example,0532 111 22 33,Mevcut\n"
        sheet += "Bad row,not-an-email,12,gold\n"
        preparing = CustomerImport.objects.create(
            tenant=tenant_a,
            by=owner_a,
            filename="customers.csv",
            content=sheet.encode(),
            encoding="utf-8",
            delimiter=",",
            headers=["Name", "Email", "Phone", "Durum"],
            mapping={"0": "name", "1": "email", "2": "phone", "3": "status"},
            total=2,
        )
        imported = CustomerImport.objects.create(
            tenant=tenant_a,
            by=owner_a,
            filename="old.csv",
            content=b"Name\nA\n",
            headers=["Name"],
            mapping={"0": "name"},
            total=1,
            done=1,
            created=1,
            state="done",
            report=[[3, "Bad row", "failed", "Email: Enter a valid email address."]],
        )
    return {
        "other": other.pk,
        "view": view.pk,
        "run": run.pk,
        "import": preparing.pk,
        "import_done": imported.pk,
        "customer": customer_a.pk,
        "product": products_a[0].pk,
        "category": category.pk,
        "order": order.pk,
        "number": order.number,
        "token": token,
    }


def staff_pages(ids):
    return [
        "/anka/customers/",
        "/anka/customers/?view=table",
        f"/anka/customers/{ids['customer']}/",
        f"/anka/customers/{ids['customer']}/edit/",
        "/anka/customers/new/",
        "/anka/customers/reorders/",
        "/anka/today/",
        f"/anka/customers/merge/?keep={ids['customer']}",
        f"/anka/customers/merge/?keep={ids['customer']}&other={ids['other']}",
        f"/anka/customers/views/{ids['view']}/edit/",
        f"/anka/customers/bulk/{ids['run']}/",
        "/anka/customers/import/",
        f"/anka/customers/import/{ids['import']}/",
        f"/anka/customers/import/{ids['import_done']}/",
        "/anka/orders/",
        f"/anka/orders/{ids['order']}/",
        f"/anka/orders/new/{ids['customer']}/",
        "/anka/catalog/",
        "/anka/catalog/products/new/",
        f"/anka/catalog/products/{ids['product']}/",
        "/anka/catalog/categories/",
        f"/anka/catalog/categories/{ids['category']}/",
        "/anka/catalog/currencies/",
        "/anka/settings/",
    ]


def quick_pages(ids):
    token = ids["token"]
    return [
        f"/q/{token}/",
        f"/q/{token}/cart/",
        f"/q/{token}/checkout/",
        f"/q/{token}/orders/{ids['number']}/",
        f"/q/{token}/orders/",
    ]


def with_a_cart(page, live_server, token):
    page.goto(f"{live_server.url}/q/{token}/")
    page.locator(".add-form__submit").first.click()
    page.wait_for_selector("#cart .cart__line", state="attached")  # hidden on a phone


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "fa"])
def test_no_page_scrolls_sideways(browser, live_server, everything, tenant_a, size, language):
    tenant_a.quickorder_languages = ["tr", "en", "fa"]
    tenant_a.save()
    viewport = PHONE if size == "phone" else DESKTOP
    page = login(browser, live_server, "owner_a", viewport=viewport)
    if language != "en":
        switch_language(page, language)
    too_wide = []
    for path in staff_pages(everything):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            too_wide.append((path, width))
        if size == "phone" and language == "fa":
            shot(page, "fa_phone_" + path.strip("/").replace("/", "_").replace("?", "_")[:40])
    shop = browser.new_context(locale="en-US", viewport=viewport).new_page()
    shop.goto(f"{live_server.url}/q/{everything['token']}/?lang={language}")
    with_a_cart(shop, live_server, everything["token"])
    for path in quick_pages(everything):
        shop.goto(live_server.url + path)
        width = shop.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            too_wide.append((path, width))
    shop.context.close()
    page.context.close()
    assert too_wide == []


def test_accessibility_of_every_page(browser, live_server, everything):
    """axe-core: serious or critical findings fail on any page, any finding at all on the
    quick-order pages; the full report goes to artifacts/axe-report.json."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    report, failing = {}, []

    def check(page, path, strict):
        page.goto(live_server.url + path)
        violations = axe.run(page).response["violations"]
        report[path] = [
            {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"]}
            for v in violations
        ]
        failing.extend(
            (path, v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in violations
            if strict or v["impact"] in ("serious", "critical")
        )

    page = login(browser, live_server, "owner_a")
    for path in staff_pages(everything):
        check(page, path, strict=False)
    page.context.close()
    for viewport in (PHONE, DESKTOP):
        shop = browser.new_context(locale="en-US", viewport=viewport).new_page()
        with_a_cart(shop, live_server, everything["token"])
        for path in quick_pages(everything):
            check(shop, path, strict=True)
        shop.context.close()
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "axe-report.json").write_text(json.dumps(report, indent=2))
    assert failing == []
