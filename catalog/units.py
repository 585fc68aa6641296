"""A quantity with its unit, in the right plural form of the page's language ("1 piece",
"3 pieces"; Russian has three forms, Persian one)."""

from django.utils.translation import ngettext

from catalog.models import Product

_FORMS = {
    Product.Unit.PIECE: lambda n: ngettext("%(count)s piece", "%(count)s pieces", n),
    Product.Unit.KG: lambda n: ngettext("%(count)s kg", "%(count)s kg", n),
    Product.Unit.METRE: lambda n: ngettext("%(count)s metre", "%(count)s metres", n),
    Product.Unit.BOX: lambda n: ngettext("%(count)s box", "%(count)s boxes", n),
    Product.Unit.PACK: lambda n: ngettext("%(count)s pack", "%(count)s packs", n),
    Product.Unit.LITRE: lambda n: ngettext("%(count)s litre", "%(count)s litres", n),
    Product.Unit.DOZEN: lambda n: ngettext("%(count)s dozen", "%(count)s dozen", n),
}


def with_unit(quantity: int, unit: str) -> str:
    form = _FORMS.get(unit)
    if form is None:  # a unit no longer offered: the number and the stored code
        return f"{quantity} {unit}".strip()
    return form(quantity) % {"count": quantity}
