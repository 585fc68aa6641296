"""Forget cached customer-page data of a tenant when what it shows changes."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from crm.lib import soft_cache
from customers import results_cache
from customers.forms import filter_options_key
from customers.models import Address, Customer, CustomerGroup, Tag


@receiver([post_save, post_delete], sender=Tag)
@receiver([post_save, post_delete], sender=CustomerGroup)
def options_changed(sender, instance, **kwargs) -> None:
    keys = [filter_options_key(instance.tenant_id)]
    soft_cache.delete_many(keys)
    # Again once committed: a page drawn meanwhile inside this transaction may have cached
    # options that a rollback would take back.
    transaction.on_commit(lambda: soft_cache.delete_many(keys))


@receiver([post_save, post_delete], sender=Customer)
@receiver([post_save, post_delete], sender=Address)
@receiver([post_save, post_delete], sender=Tag)
@receiver([post_save, post_delete], sender=CustomerGroup)
def cards_changed(sender, instance, **kwargs) -> None:
    results_cache.new_generation(instance.tenant_id)


@receiver(m2m_changed, sender=Customer.tags.through)
def customer_tags_changed(sender, instance, action, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        results_cache.new_generation(instance.tenant_id)
