"""Forget the cached filter options of a tenant when its tags or groups change."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from customers.forms import filter_options_key
from customers.models import CustomerGroup, Tag


@receiver([post_save, post_delete], sender=Tag)
@receiver([post_save, post_delete], sender=CustomerGroup)
def options_changed(sender, instance, **kwargs) -> None:
    key = filter_options_key(instance.tenant_id)
    cache.delete(key)
    # Again once committed: a page drawn meanwhile inside this transaction may have cached
    # options that a rollback would take back.
    transaction.on_commit(lambda: cache.delete(key))
