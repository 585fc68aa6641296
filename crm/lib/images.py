"""Uploaded images (tenant logos, product pictures): type and size checked by Pillow."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# A few kilobytes of PNG can claim 20,000 x 20,000 pixels (1.6 GB to decode): an image is
# refused by its size in pixels before anything decodes it. 40 million is twice a phone's
# camera.
MAX_IMAGE_PIXELS = 40_000_000


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
            width, height = picture.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The image is too large: at most 40 million pixels."), code="image_pixels"
                )
            picture.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="image") from exc
    finally:
        image.seek(0)
    if kind not in IMAGE_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="image")


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def initials_logo(name: str, colour: str, size: int = 256) -> bytes:
    """A square PNG logo: the name's initials in white on the colour (demo businesses)."""
    from io import BytesIO

    from PIL import ImageDraw, ImageFont

    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5, fill=_rgb(colour))
    font = ImageFont.load_default(size=size * 2 // 5)
    draw.text((size / 2, size / 2), initials(name), fill="white", font=font, anchor="mm")
    buffer = BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
