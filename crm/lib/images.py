"""Uploaded images (tenant logos, product pictures): type and size checked by Pillow."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def validate_image(image, max_bytes: int = MAX_IMAGE_BYTES) -> None:
    """At most 2 MB (or `max_bytes`), and really a JPEG, PNG, WebP or GIF (checked by
    Pillow, not the name)."""
    if not image:
        return
    if image.size > max_bytes:
        raise ValidationError(
            _("The image may be at most %(size)s MB.") % {"size": max_bytes // (1024 * 1024)},
            code="image_too_large",
        )
    try:
        image.seek(0)
        with Image.open(image) as picture:
            kind = picture.format
            picture.verify()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="image") from exc
    finally:
        image.seek(0)
    if kind not in IMAGE_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="image")
