"""Product photos: resized once, on upload, into the sizes the pages ask for.

Each photo is stored as WebP at 320, 640 and 1280 px wide at most (never enlarged), turned
upright from its EXIF orientation, as `products/<tenant>/<product>/<random>-<width>.webp`.
`ProductPhoto.image` names the largest; the others are found by their names, so a page
builds its `srcset` from the one name it reads (`srcset()` below). The product's main photo
(the first by position) is copied to `Product.image`, which the catalog pages read with the
product. Variants are made at upload rather than on first view: a phone on a slow line is
then never the one that waits for them.
"""

from __future__ import annotations

import uuid
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from catalog.models import Product, ProductPhoto
from crm.lib.images import validate_image

WIDTHS = (320, 640, 1280)
LARGEST = WIDTHS[-1]
MAX_PHOTO_BYTES = 10 * 1024 * 1024  # a phone's camera; it is made smaller on upload
MAX_PHOTOS = 12
_SUFFIX = f"-{LARGEST}.webp"


def variant_name(name: str, width: int) -> str | None:
    """The file of the photo `name` (its largest size) at `width`; None for an image that
    was not stored in sizes (uploaded before photos had them)."""
    if not name or not name.endswith(_SUFFIX) or width not in WIDTHS:
        return None
    return f"{name[: -len(_SUFFIX)]}-{width}.webp"


def srcset(name: str) -> str:
    """`srcset` of a photo: every size with its width ("" when it has none)."""
    if variant_name(name, LARGEST) is None:
        return ""
    return ", ".join(f"{default_storage.url(variant_name(name, w))} {w}w" for w in WIDTHS)


def sized(name: str, width: int) -> str:
    """The URL of a photo at `width`, or of the image itself when it has no sizes."""
    return default_storage.url(variant_name(name, width) or name) if name else ""


def prepare(upload) -> dict[int, bytes]:
    """The photo in every size, as WebP; a file Pillow cannot read through to its end (a
    truncated one, say: its header alone passed the type check) is a ValidationError.
    Made before any row is written or locked."""
    validate_image(upload, MAX_PHOTO_BYTES)  # type, bytes and pixels, before decoding
    try:
        upload.seek(0)
        with Image.open(upload) as original:
            original.seek(0)  # the first frame of an animated GIF
            if original.format == "JPEG":
                original.draft("RGB", (LARGEST, LARGEST))  # decode a big JPEG smaller
            picture = ImageOps.exif_transpose(original)
            has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
            picture = picture.convert("RGBA" if has_alpha else "RGB")
            out = {}
            for width in WIDTHS:
                copy = picture.copy()
                copy.thumbnail((width, width * 3), Image.Resampling.LANCZOS)
                buffer = BytesIO()
                copy.save(buffer, "WEBP", quality=82, method=4)
                out[width] = buffer.getvalue()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This image could not be read to its end. Save it again and upload it."),
            code="image_unreadable",
        ) from exc
    finally:
        upload.seek(0)
    return out


def add_photos(product: Product, prepared: list[dict[int, bytes]]) -> list[ProductPhoto]:
    """Store each prepared photo (see prepare) and add it after the product's others. The
    product row is locked meanwhile, so two uploads at once neither pass the limit nor
    share a position."""
    saved: list[str] = []
    try:
        with transaction.atomic():
            Product.objects.select_for_update().filter(pk=product.pk).first()
            if product.photos.count() + len(prepared) > MAX_PHOTOS:
                raise ValidationError(
                    _("A product can have at most %(count)s photos.") % {"count": MAX_PHOTOS},
                    code="too_many_photos",
                )
            position = (product.photos.aggregate(last=Max("position"))["last"] or 0) + 1
            photos = []
            for variants in prepared:
                stem = f"products/{product.tenant_id}/{product.pk}/{uuid.uuid4().hex}"
                for width, data in variants.items():
                    saved.append(default_storage.save(f"{stem}-{width}.webp", ContentFile(data)))
                photos.append(
                    ProductPhoto.objects.create(
                        tenant_id=product.tenant_id,
                        product=product,
                        image=saved[-1],
                        position=position,
                    )
                )
                position += 1
            refresh_main(product)
    except BaseException:
        for name in saved:  # nothing half-written: no file without its row
            default_storage.delete(name)
        raise
    return photos


def make_main(photo: ProductPhoto) -> None:
    with transaction.atomic():
        Product.objects.select_for_update().filter(pk=photo.product_id).first()
        others = [p for p in photo.product.photos.all() if p.pk != photo.pk]
        for position, each in enumerate([photo, *others]):
            each.position = position
        ProductPhoto.objects.bulk_update([photo, *others], ["position"])
        refresh_main(photo.product)


def delete_photo(photo: ProductPhoto) -> None:
    product = photo.product
    with transaction.atomic():
        Product.objects.select_for_update().filter(pk=product.pk).first()
        photo.delete()  # its files go once the row is gone for good (files_of_a_deleted_photo)
        refresh_main(product)


def files_of(name: str) -> set[str]:
    return {variant_name(name, w) or name for w in WIDTHS}


def refresh_main(product: Product) -> None:
    """Copy the first photo to the product (its save renews the catalog's caches)."""
    main = product.photos.order_by("position", "id").first()
    name = main.image.name if main else ""
    if product.image.name != name:
        product.image = name
        product.save(update_fields=["image", "updated_at"])
