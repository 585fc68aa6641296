from django.db import transaction

from catalog.models import ExchangeRate


@transaction.atomic
def save_rates(formset, tenant) -> list[str]:
    """Save the rates and make the tenant sell in exactly the currencies that have one, so
    no currency is ever enabled without a rate."""
    formset.save()
    currencies = sorted(ExchangeRate.objects.values_list("currency", flat=True))
    tenant.currencies = currencies
    tenant.save(update_fields=["currencies"])
    return currencies
