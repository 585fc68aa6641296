from django import template
from django.utils.translation import get_language

from crm import money
from crm.tenancy import tenant_reverse

register = template.Library()


@register.simple_tag
def tenant_url(tenant, viewname, *args):
    """URL of a page of another tenant (the tenant switcher)."""
    return tenant_reverse(tenant, viewname, args=args or None)


@register.filter
def format_money(amount, currency):
    """{{ order.total|format_money:order.currency }} in the active language."""
    if amount is None or not currency:
        return ""
    return money.format_money(amount, currency, get_language())
