from django import template
from django.utils.translation import get_language

from crm.lib import money
from crm.lib.countries import country_name as _country_name
from crm.lib.phones import display_phone

register = template.Library()


@register.filter
def format_money(amount, currency):
    """{{ order.total|format_money:order.currency }} in the active language."""
    if amount is None or not currency:
        return ""
    return money.format_money(amount, currency, get_language())


@register.filter
def person(user) -> str:
    """A user's full name, else their username; empty for no user (then use |default)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


@register.filter
def country_name(code) -> str:
    """An ISO country code ("TR") as the country's name in the active language."""
    return _country_name(code or "")


@register.filter
def phone(e164) -> str:
    """A stored phone number (E.164) written for reading ("+90 532 111 22 33")."""
    return display_phone(e164) if e164 else ""
