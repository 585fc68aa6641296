"""Renew the tenant's catalog generation (crm/lib/generations.py) on every write that can
change what the quick-order catalog shows or what it costs."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from catalog.models import Category, ExchangeRate, Product, ProductPhoto, ProductPrice
from crm.core.models import Tenant
from crm.lib import generations


@receiver([post_save, post_delete], sender=Product)
@receiver([post_save, post_delete], sender=ProductPrice)
@receiver([post_save, post_delete], sender=ExchangeRate)
@receiver([post_save, post_delete], sender=Category)
def catalog_changed(sender, instance, **kwargs) -> None:
    generations.renew("catalog", instance.tenant_id)


@receiver(post_save, sender=Tenant)
def tenant_changed(sender, instance: Tenant, **kwargs) -> None:
    # Base currency, default language (the text fallback) and offered currencies.
    generations.renew("catalog", instance.pk)


@receiver(post_delete, sender=ProductPhoto)
def files_of_a_deleted_photo(sender, instance: ProductPhoto, **kwargs) -> None:
    """A photo's files go with its row, once the deletion has committed (a product deleted
    in the administration takes its photos' files too)."""
    from django.core.files.storage import default_storage
    from django.db import transaction

    from catalog.photos import files_of

    names = files_of(instance.image.name)
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names])
