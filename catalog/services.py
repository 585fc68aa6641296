from django.db import transaction

from catalog.models import Category, ExchangeRate, Product, ProductPrice


@transaction.atomic
def save_rates(formset, tenant) -> list[str]:
    """Save the rates and make the tenant sell in exactly the currencies that have one, so
    no currency is ever enabled without a rate."""
    formset.save()
    currencies = sorted(ExchangeRate.objects.values_list("currency", flat=True))
    tenant.currencies = currencies
    tenant.save(update_fields=["currencies"])
    return currencies


@transaction.atomic
def save_product(form) -> Product:
    """The product, its explicit prices (an empty one removed: the rate applies again) and
    any new photos, together or not at all."""
    from catalog.photos import add_photos

    product = form.save()
    for currency, price in form.explicit_prices().items():
        if price is None:
            ProductPrice.objects.filter(product=product, currency=currency).delete()
        else:
            ProductPrice.objects.update_or_create(
                product=product,
                currency=currency,
                defaults={"price": price},
                create_defaults={"price": price, "tenant_id": product.tenant_id},
            )
    uploads = form.cleaned_data.get("photos") or []
    if uploads:
        add_photos(product, uploads)
    return product


@transaction.atomic
def move_category(category: Category, step: int) -> None:
    """One place up (-1) or down (+1) in the order the catalog shows categories in; the
    positions are written again as 0, 1, 2... so two equal ones never block a move."""
    ordered = list(Category.objects.select_for_update().order_by("position", "id"))
    index = next((i for i, c in enumerate(ordered) if c.pk == category.pk), None)
    if index is None:  # deleted meanwhile
        return
    target = index + step
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    changed = []
    for position, each in enumerate(ordered):
        if each.position != position:
            each.position = position
            changed.append(each)
    for each in changed:
        each.save(update_fields=["position"])
