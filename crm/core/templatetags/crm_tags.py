from django import template
from django.core.cache import caches
from django.utils.translation import get_language

from crm.lib import money
from crm.lib.countries import country_name as _country_name
from crm.lib.fragments import CSRF_MARK, ROW_TIMEOUT, fill_csrf
from crm.lib.phones import display_phone

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist, self.key = nodelist, key

    def render(self, context):
        key = self.key.resolve(context)
        if not key:  # something on it is not to be kept (a failed form, say): drawn
            return self.nodelist.render(context)
        cache = caches["fragments"]
        html = cache.get(key)
        if html is None:
            with context.push(csrf_token=CSRF_MARK):
                html = self.nodelist.render(context)
            cache.set(key, html, ROW_TIMEOUT)
        return fill_csrf(html, context.get("csrf_token", ""))


@register.tag
def kept(parser, token):
    """{% kept key %}…{% endkept %}: the enclosed HTML, kept in the "fragments" cache under
    `key`, a crm.lib.fragments.fragment_key of everything it shows (built by the view; an
    empty key draws it every time). Its forms' CSRF tokens are the reader's own."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% kept key %} takes one argument")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]))


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
