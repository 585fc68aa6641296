"""Forget cached tenant menus when the memberships or tenants behind them change."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_scopes import scopes_disabled

from crm.core.models import Membership, Tenant
from crm.core.tenancy import forget_switchers


@receiver([post_save, post_delete], sender=Membership)
def membership_changed(sender, instance: Membership, **kwargs) -> None:
    forget([instance.user_id])


@receiver([post_save, post_delete], sender=Tenant)
def tenant_changed(sender, instance: Tenant, **kwargs) -> None:
    with scopes_disabled():
        forget(
            list(Membership.objects.filter(tenant_id=instance.pk).values_list("user_id", flat=True))
        )


def forget(user_ids: list[int]) -> None:
    forget_switchers(user_ids)
    # Again once committed, in case a menu was drawn inside this transaction meanwhile.
    transaction.on_commit(lambda: forget_switchers(user_ids))
