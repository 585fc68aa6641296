"""Managing the catalog in the product's own pages: products with their names per
language, prices and photos; categories and their order."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django_scopes import scope, scopes_disabled
from PIL import Image

from catalog import photos
from catalog.models import Category, Product, ProductPhoto, ProductPrice
from conftest import make_product


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def picture(size=(3000, 2000), colour="red", fmt="JPEG", name="photo.jpg", exif_rotate=False):
    buffer = BytesIO()
    image = Image.new("RGB", size, colour)
    extra = {}
    if exif_rotate:
        exif = Image.Exif()
        exif[0x0112] = 6  # taken on its side: to be turned 90 degrees
        extra["exif"] = exif.tobytes()
    image.save(buffer, fmt, **extra)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def form_data(**overrides):
    data = {
        "name_tr": "Havlu",
        "name_en": "Towel",
        "description_tr": "Pamuklu",
        "sku": "TWL-9",
        "unit": "piece",
        "category": "",
        "price": "390",
        "is_active": "on",
        "price_EUR": "",
        "price_USD": "",
    }
    data.update(overrides)
    return data


def stored(tmp_path) -> list[str]:
    return sorted(p.name for p in tmp_path.rglob("*.webp"))


def test_an_owner_creates_a_product_with_names_prices_and_photos(client_a, tenant_a, media):
    data = form_data(price_EUR="12.5", photos=[picture(), picture(colour="blue", fmt="PNG")])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_a.post("/anka/catalog/products/new/", data)
    assert response.status_code == 302
    with scope(tenant=tenant_a):
        product = Product.objects.get(sku="TWL-9")
        assert (product.name_tr, product.name_en, product.price) == ("Havlu", "Towel", 390)
        assert list(ProductPrice.objects.values_list("currency", "price")) == [
            ("EUR", Decimal("12.500"))
        ]
        first, _second = product.photos.all()
    assert response.url == f"/anka/catalog/products/{product.pk}/"
    # Each photo in three sizes, WebP, never larger than asked; the first is the main one.
    assert len(stored(media)) == 6
    assert product.image.name == first.image.name
    for width in photos.WIDTHS:
        with Image.open(media / photos.variant_name(first.image.name, width)) as variant:
            assert variant.format == "WEBP" and variant.width == width
            assert variant.height == round(width * 2 / 3)
    assert first.image.name.startswith(f"products/{tenant_a.pk}/{product.pk}/")


def test_a_photo_taken_on_its_side_is_turned_upright(client_a, tenant_a, media):
    data = form_data(photos=[picture(size=(400, 300), exif_rotate=True)])
    client_a.post("/anka/catalog/products/new/", data)
    with scope(tenant=tenant_a):
        name = Product.objects.get(sku="TWL-9").image.name
    with Image.open(media / photos.variant_name(name, 640)) as variant:
        assert variant.size == (300, 400)  # 300 wide: smaller than 640, never enlarged


def test_a_small_transparent_png_keeps_its_transparency_and_size(client_a, tenant_a, media):
    buffer = BytesIO()
    Image.new("RGBA", (200, 100), (255, 0, 0, 0)).save(buffer, "PNG")
    upload = SimpleUploadedFile("logo.png", buffer.getvalue())
    client_a.post("/anka/catalog/products/new/", form_data(photos=[upload]))
    with scope(tenant=tenant_a):
        name = Product.objects.get(sku="TWL-9").image.name
    with Image.open(media / name) as largest:
        assert largest.size == (200, 100) and largest.mode == "RGBA"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name_tr": ""}, "name_tr", "This field is required."),  # the business's language
        ({"price": "0"}, "price", "Ensure this value is greater than or equal to 0.001."),
        ({"price": "abc"}, "price", "Enter a number."),
        ({"price_EUR": "-1"}, "price_EUR", "Ensure this value is greater than or equal to 0.001."),
        ({"sku": ""}, "sku", "This field is required."),
    ],
)
def test_a_product_that_cannot_be_saved_says_why_and_keeps_the_typing(
    client_a, tenant_a, media, overrides, field, message
):
    data = form_data(photos=[picture()], **overrides)
    response = client_a.post("/anka/catalog/products/new/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in form.errors[field]
    body = response.content.decode()
    assert "data-error-summary" in body and f'href="#id_{field}"' in body
    assert 'value="Towel"' in body  # what was typed is still there
    with scopes_disabled():
        assert not Product.objects.exists()
    assert stored(media) == []  # and no photo was stored


def test_an_english_name_alone_is_not_enough_for_a_turkish_business(client_a):
    response = client_a.post("/anka/catalog/products/new/", form_data(name_tr=""))
    assert "name_tr" in response.context["form"].errors


def test_a_file_that_is_not_a_picture_is_refused_clearly(client_a, media):
    evil = SimpleUploadedFile("evil.png", b"<script>alert(1)</script>")
    response = client_a.post("/anka/catalog/products/new/", form_data(photos=[evil]))
    assert response.status_code == 200
    assert "Upload a JPEG, PNG, WebP or GIF image." in response.context["form"].errors["photos"]
    assert stored(media) == []


def test_a_photo_too_large_is_refused_clearly(client_a, monkeypatch, media):
    monkeypatch.setattr(photos, "MAX_PHOTO_BYTES", 1000)
    response = client_a.post("/anka/catalog/products/new/", form_data(photos=[picture()]))
    assert response.context["form"].errors["photos"]


def test_at_most_twelve_photos_a_product(client_a, tenant_a, media):
    with scopes_disabled():
        product = make_product(tenant_a, "TWL-9", "390", name_tr="Havlu")
    client_a.post(
        f"/anka/catalog/products/{product.pk}/",
        form_data(photos=[picture(size=(20, 20)) for _ in range(12)]),
    )
    response = client_a.post(
        f"/anka/catalog/products/{product.pk}/", form_data(photos=[picture(size=(20, 20))])
    )
    assert "A product can have at most 12 photos." in response.context["form"].errors["photos"]
    with scopes_disabled():
        assert product.photos.count() == 12


def test_the_same_sku_in_another_case_is_refused(client_a, tenant_a):
    with scopes_disabled():
        make_product(tenant_a, "twl-9", "10")
    response = client_a.post("/anka/catalog/products/new/", form_data(sku="TWL-9"))
    assert "A product with this SKU already exists." in str(response.context["form"].errors)


def test_editing_keeps_and_clears_explicit_prices(client_a, tenant_a):
    with scopes_disabled():
        product = make_product(tenant_a, "TWL-9", "390", name_tr="Havlu")
        ProductPrice.objects.create(tenant=tenant_a, product=product, currency="EUR", price=12)
    page = client_a.get(f"/anka/catalog/products/{product.pk}/").content.decode()
    assert 'name="price_EUR"' in page and 'value="12"' in page
    client_a.post(f"/anka/catalog/products/{product.pk}/", form_data(price_USD="15"))
    with scopes_disabled():
        prices = dict(ProductPrice.objects.values_list("currency", "price"))
    assert prices == {"USD": Decimal("15.000")}  # EUR cleared: the rate applies again


def test_make_main_and_remove_photos(client_a, tenant_a, media):
    with scopes_disabled():
        product = make_product(tenant_a, "TWL-9", "390", name_tr="Havlu")
    client_a.post(
        f"/anka/catalog/products/{product.pk}/",
        form_data(photos=[picture(size=(20, 20)), picture(size=(30, 30))]),
    )
    with scopes_disabled():
        first, second = product.photos.all()
    client_a.post(f"/anka/catalog/photos/{second.pk}/main/")
    with scopes_disabled():
        product.refresh_from_db()
        assert list(product.photos.all()) == [second, first]
    assert product.image.name == second.image.name
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_a.post(f"/anka/catalog/photos/{second.pk}/delete/")
    with scopes_disabled():
        product.refresh_from_db()
        assert list(product.photos.all()) == [first]
    assert product.image.name == first.image.name
    assert len(stored(media)) == 3  # the removed photo's sizes are gone
    assert not default_storage.exists(second.image.name)


def test_the_active_switch(client_a, tenant_a):
    with scopes_disabled():
        product = make_product(tenant_a, "TWL-9", "390", name_tr="Havlu")
    url = f"/anka/catalog/products/{product.pk}/active/"
    response = client_a.post(url, {"active": "0"}, HTTP_HX_REQUEST="true")
    assert 'aria-checked="false"' in response.content.decode()
    with scopes_disabled():
        assert not Product.objects.get(pk=product.pk).is_active
    response = client_a.post(url, {"active": "1", "next": "/anka/catalog/?q=TWL"})
    assert response.status_code == 302 and response.url == "/anka/catalog/?q=TWL"
    assert client_a.post(url, {"active": "1", "next": "https://evil.example/"}).url == (
        "/anka/catalog/"
    )
    with scopes_disabled():
        assert Product.objects.get(pk=product.pk).is_active


def test_the_list_searches_names_and_skus_and_filters(client_a, tenant_a):
    with scopes_disabled():
        towels = Category.objects.create(tenant=tenant_a, name_en="Towels", name_tr="Havlular")
        make_product(tenant_a, "TWL-1", "10", name_tr="Havlu", category=towels)
        make_product(tenant_a, "PST-1", "10", name_tr="Peştemal", is_active=False)

    def names(**query):
        response = client_a.get("/anka/catalog/", query)
        return [row["product"].sku for _, rows in response.context["groups"] for row in rows]

    assert names() == ["TWL-1", "PST-1"]  # products without a category last, on every database
    assert names(q="twl") == ["TWL-1"]  # SKU, any case
    assert names(q="PEştEMAL") == ["PST-1"]  # a name, any case
    assert names(category=towels.pk) == ["TWL-1"]
    assert names(category="none") == ["PST-1"]
    assert names(state="inactive") == ["PST-1"]
    assert sorted(names(category="x' OR 1=1", state="bogus")) == ["PST-1", "TWL-1"]  # ignored


def test_staff_see_the_catalog_but_only_owners_change_it(staff_client_a, tenant_a):
    with scopes_disabled():
        product = make_product(tenant_a, "TWL-9", "390", name_tr="Havlu")
        category = Category.objects.create(tenant=tenant_a, name_en="C", name_tr="K")
    assert staff_client_a.get("/anka/catalog/").status_code == 200
    assert staff_client_a.get("/anka/catalog/categories/").status_code == 200
    for method, url in [
        ("get", "/anka/catalog/products/new/"),
        ("get", f"/anka/catalog/products/{product.pk}/"),
        ("post", f"/anka/catalog/products/{product.pk}/active/"),
        ("post", "/anka/catalog/categories/"),
        ("get", f"/anka/catalog/categories/{category.pk}/"),
        ("post", f"/anka/catalog/categories/{category.pk}/move/"),
        ("post", f"/anka/catalog/categories/{category.pk}/delete/"),
        ("get", "/anka/catalog/currencies/"),
    ]:
        assert getattr(staff_client_a, method)(url).status_code == 404, url


def test_another_tenants_ids_give_404(client_a, tenant_b):
    with scopes_disabled():
        product = make_product(tenant_b, "B-1", "10")
        photo = ProductPhoto.objects.create(
            tenant=tenant_b, product=product, image="products/b-1280.webp"
        )
        category = Category.objects.create(tenant=tenant_b, name_en="B")
    for method, url in [
        ("get", f"/anka/catalog/products/{product.pk}/"),
        ("post", f"/anka/catalog/products/{product.pk}/"),
        ("post", f"/anka/catalog/products/{product.pk}/active/"),
        ("post", f"/anka/catalog/photos/{photo.pk}/main/"),
        ("post", f"/anka/catalog/photos/{photo.pk}/delete/"),
        ("get", f"/anka/catalog/categories/{category.pk}/"),
        ("post", f"/anka/catalog/categories/{category.pk}/move/"),
        ("post", f"/anka/catalog/categories/{category.pk}/delete/"),
    ]:
        assert getattr(client_a, method)(url).status_code == 404, url
    with scopes_disabled():
        assert ProductPhoto.objects.filter(pk=photo.pk).exists()
        assert Category.objects.filter(pk=category.pk).exists()


def test_categories_are_added_ordered_renamed_and_deleted(client_a, tenant_a):
    for name in ("Havlular", "Bornozlar", "Peştemaller"):
        response = client_a.post("/anka/catalog/categories/", {"new-name_tr": name})
        assert response.status_code == 302
    with scopes_disabled():
        towels, robes, wraps = Category.objects.order_by("position")
    client_a.post(f"/anka/catalog/categories/{wraps.pk}/move/", {"step": "-1"})
    client_a.post(f"/anka/catalog/categories/{wraps.pk}/move/", {"step": "-1"})
    client_a.post(f"/anka/catalog/categories/{wraps.pk}/move/", {"step": "-1"})  # already first
    with scopes_disabled():
        assert list(Category.objects.order_by("position")) == [wraps, towels, robes]
    client_a.post(
        f"/anka/catalog/categories/{robes.pk}/", {"name_tr": "Bornoz", "name_en": "Robes"}
    )
    with scopes_disabled():
        make_product(tenant_a, "R-1", "10", category=robes)
    response = client_a.post(f"/anka/catalog/categories/{robes.pk}/delete/", follow=True)
    assert "This category still has products." in response.content.decode()
    client_a.post(f"/anka/catalog/categories/{towels.pk}/delete/")
    with scopes_disabled():
        assert sorted(Category.objects.values_list("name_tr", flat=True)) == [
            "Bornoz",
            "Peştemaller",
        ]


def test_a_category_without_the_businesss_language_is_refused(client_a):
    response = client_a.post("/anka/catalog/categories/", {"new-name_en": "Towels"})
    assert response.status_code == 200
    assert "new-name_tr" in response.content.decode() and "data-error-summary" in (
        response.content.decode()
    )


def test_a_product_made_in_the_app_shows_on_the_customers_turkish_catalog(
    client_a, client, link_a, tenant_a, media
):
    _link, token = link_a
    client_a.post(
        "/anka/catalog/products/new/",
        form_data(name_tr="Nakışlı Bornoz", name_en="Embroidered robe", photos=[picture()]),
    )
    with scopes_disabled():
        product = Product.objects.get(sku="TWL-9")
    body = client.get(f"/q/{token}/").content.decode()
    assert "Nakışlı Bornoz" in body
    small = photos.variant_name(product.image.name, 320)
    assert f'src="/media/{small}"' in body
    assert "640w" in body and "1280w" in body  # the srcset


def test_a_truncated_photo_is_refused_clearly(client_a, media):
    whole = picture().read()
    half = SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2], content_type="image/jpeg")
    response = client_a.post("/anka/catalog/products/new/", form_data(photos=[half]))
    assert response.status_code == 200
    assert "This image could not be read to its end." in str(response.context["form"].errors)
    with scopes_disabled():
        assert not Product.objects.exists()
    assert stored(media) == []


def test_a_picture_of_too_many_pixels_is_refused_before_it_is_decoded(client_a, media):
    buffer = BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")  # a few kilobytes, 400 megapixels
    bomb = SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")
    response = client_a.post("/anka/catalog/products/new/", form_data(photos=[bomb]))
    assert response.status_code == 200
    assert response.context["form"].errors["photos"]
    assert stored(media) == []


@pytest.mark.parametrize("category", ["99999999999999999999", "-1", "١", "1.5"])
def test_odd_category_filters_never_fail(client_a, category):
    assert client_a.get("/anka/catalog/", {"category": category, "page": "abc"}).status_code == 200


def test_a_deleted_product_takes_its_photo_files(client_a, tenant_a, media):
    client_a.post("/anka/catalog/products/new/", form_data(photos=[picture(size=(20, 20))]))
    assert len(stored(media)) == 3
    with scopes_disabled():
        product = Product.objects.get(sku="TWL-9")
    with TestCase.captureOnCommitCallbacks(execute=True), scope(tenant=tenant_a):
        product.delete()  # as the administration does
    assert stored(media) == []
