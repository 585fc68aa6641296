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

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from PIL import Image, ImageOps

from catalog.models import Product, ProductPhoto

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


def _variants(upload) -> dict[int, bytes]:
    upload.seek(0)
    with Image.open(upload) as original:
        original.seek(0)  # the first frame of an animated GIF
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
    return out


def add_photos(product: Product, uploads) -> list[ProductPhoto]:
    """Store each upload in its sizes and add it after the product's other photos."""
    saved: list[str] = []
    try:
        with transaction.atomic():
            position = (product.photos.aggregate(last=Max("position"))["last"] or 0) + 1
            photos = []
            for upload in uploads:
                stem = f"products/{product.tenant_id}/{product.pk}/{uuid.uuid4().hex}"
                for width, data in _variants(upload).items():
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
        others = [p for p in photo.product.photos.all() if p.pk != photo.pk]
        for position, each in enumerate([photo, *others]):
            each.position = position
        ProductPhoto.objects.bulk_update([photo, *others], ["position"])
        refresh_main(photo.product)


def delete_photo(photo: ProductPhoto) -> None:
    names = [variant_name(photo.image.name, w) or photo.image.name for w in WIDTHS]
    product = photo.product
    with transaction.atomic():
        photo.delete()
        refresh_main(product)
        # The files go once the row is gone for good.
        transaction.on_commit(lambda: [default_storage.delete(n) for n in set(names)])


def refresh_main(product: Product) -> None:
    """Copy the first photo to the product (its save renews the catalog's caches)."""
    main = product.photos.order_by("position", "id").first()
    name = main.image.name if main else ""
    if product.image.name != name:
        product.image = name
        product.save(update_fields=["image", "updated_at"])
