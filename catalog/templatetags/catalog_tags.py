from django import template

from catalog import photos

register = template.Library()


@register.filter
def photo_url(name, width=640) -> str:
    """{{ product.image.name|photo_url:320 }}: the photo at that width."""
    return photos.sized(str(name or ""), int(width))


@register.filter
def photo_srcset(name) -> str:
    """{{ product.image.name|photo_srcset }}: every size of the photo, for `srcset`."""
    return photos.srcset(str(name or ""))


@register.filter
def with_unit(quantity, unit) -> str:
    """{{ line.quantity|with_unit:line.unit }}: "1 piece", "3 pieces", "2 kg"."""
    from catalog.units import with_unit as label

    return label(quantity, unit)
